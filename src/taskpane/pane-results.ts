/**
 * What a run hands the pane: the figures it shows and the head of each long
 * list, never the whole report. A 50,000-indicator workbook has thousands of
 * 'Red Red' items (each with its series) and may have tens of thousands of
 * data issues; the pane shows them a page at a time, so only the first
 * PANE_LIST_LIMIT of each cross over (from the file worker, or out of the
 * Excel run), with the total and the summary sheet that lists them all.
 */
import type { Issue } from "../core";
import type { SummariseResult } from "../workbook/summarise";
import { resultsView, ResultsView } from "../workbook/results-view";

/** How many items of one list the pane receives (it pages through them 10 to 50 at a time). */
export const PANE_LIST_LIMIT = 200;

/** The first items of a list, how many there are in all, and the output sheet that has every one. */
export interface ListHead<T> {
  items: T[];
  total: number;
  sheet: string;
}

/** A dataset's status words not yet rated: the commonest first, as many as the pane takes, and how many there are. */
export type UnratedEntry = ResultsView["notRated"][number] & { wordsTotal: number };

export interface PaneView extends Omit<ResultsView, "redRed" | "overdue" | "issues" | "notRated"> {
  /** A status column of free text can hold thousands of different words: each is a drop-down in the pane. */
  notRated: UnratedEntry[];
  redRed: ListHead<ResultsView["redRed"][number]>;
  overdue: ListHead<ResultsView["overdue"][number]>;
  issues: ListHead<Issue>;
}

export interface RunOutcome {
  view: PaneView;
  /** How many summary sheets were written. */
  sheets: number;
  /** How many data issues were found (all of them, not only those the pane received). */
  issues: number;
}

function head<T>(items: T[], sheet: string): ListHead<T> {
  return { items: items.slice(0, PANE_LIST_LIMIT), total: items.length, sheet };
}

/** The pane's share of a finished run. */
export function paneOutcome(r: SummariseResult): RunOutcome {
  const v = resultsView(r.report, r.outputSheets, r.settings.riskMatrix, r.settings, r.historyKept, r.warnings);
  // The sheet's own name: it differs from the usual one when a council sheet already had that name.
  const sheet = (purpose: string, usual: string) => r.plans.find((p) => p.purpose === purpose)?.name ?? usual;
  const exceptions = sheet("exceptions", "Exceptions");
  return {
    view: {
      ...v,
      notRated: v.notRated.map((e) => ({ ...e, words: [...e.words].sort((a, b) => b.count - a.count).slice(0, PANE_LIST_LIMIT), wordsTotal: e.words.length })),
      redRed: head(v.redRed, exceptions), overdue: head(v.overdue, exceptions), issues: head(v.issues, sheet("data-issues", "Data issues")) },
    sheets: r.outputSheets.length,
    issues: r.report.issues.length,
  };
}
