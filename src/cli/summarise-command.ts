import { useNodeHost } from "./node-host";
import { summarise, SummaryJson } from "../workbook/summarise";
import { dataIssuesSheet, nothingUsableMessage } from "../core";
import { XlsxWorkbook, WorkbookFileError } from "../workbook/xlsx/workbook";
import { inspectPackage, lostBySheet, LostPart, zipFiles } from "../workbook/xlsx/parts";
import { readInput, saveFile, refuseSameFile, outputKind } from "./files";
import { printReadable, readableSummary } from "./print";
import { UsageError } from "./errors";
import { releaseMemory } from "./release-memory";
import { Progress, silent } from "./progress";
import { LongTrendMethod } from "../core/trend";

export interface SummariseArgs {
  input: string;
  out: string;
  period?: string;
  area?: string;
  /** The day of the run, YYYY-MM-DD (default: today). */
  today?: string;
  formatSource: boolean;
  /** Replace results already stored for this period (the old ones are kept as superseded). */
  replaceHistory?: boolean;
  /** What indicators' long trend compares with, for every indicator and outcome list (remembered). */
  longTrend?: LongTrendMethod;
  /** The council's name for the plan its outcomes belong to (remembered). */
  planName?: string;
}

/**
 * What a run leaves for the command line to print. Not the report itself: a
 * 50,000-indicator report is most of a run's memory, and it is let go before
 * the save.
 */
export interface SummariseOutcome {
  json: SummaryJson;
  warnings: string[];
  outputSheets: string[];
  /** The figures in a few readable lines (printReadable adds what was lost and where the file went). */
  readable: string[];
  datasets: number;
  issues: number;
  /** What the output lacks compared with the input, one line each ("Sheet 'Trends': 1 of 1 charts"). */
  lost: string[];
  /** The same, by sheet, for --json. */
  lostParts: LostPart[];
}

/** The summarise step, and what the save and the printing need of it. */
async function summarised(wb: XlsxWorkbook, args: SummariseArgs, progress: Progress) {
  const result = await summarise(wb, {
    period: args.period, area: args.area, today: args.today, formatSource: args.formatSource, replaceHistory: args.replaceHistory, longTrend: args.longTrend, planName: args.planName,
    onProgress: (step, fraction) => progress.step(step, fraction),
  });
  if (result.error) throw new UsageError(result.error);
  if (result.report.datasets.length === 0) {
    throw new WorkbookFileError(nothingUsableMessage(result.report.skipped));
  }
  const r = result.report;
  return {
    json: result.json, warnings: result.warnings, outputSheets: result.outputSheets, readable: readableSummary(result),
    datasets: r.datasets.length, issues: r.issues.length,
    // Enough to redraw the Data issues sheet should the save have to say what it lost.
    issueList: r.issues, notes: r.notes, dataIssuesSheet: result.plans.find((p) => p.purpose === "data-issues")?.name ?? null,
  };
}

export async function runSummarise(args: SummariseArgs, progress: Progress = silent): Promise<SummariseOutcome> {
  useNodeHost();
  const as = outputKind(args.out);
  await refuseSameFile([args.input], args.out);
  const bytes = await readInput(args.input);
  const wb = await XlsxWorkbook.open(bytes);
  const { issueList, notes, dataIssuesSheet: issuesSheet, ...outcome } = await summarised(wb, args, progress);
  releaseMemory();
  let saved = await wb.save({ as });
  let lostParts: LostPart[] = [];
  if (saved.lost.length) {
    // Say in the workbook itself what the rewrite could not carry, then save again.
    const lines = [...notes, "This file was rewritten without some parts of the original, which remains unchanged:", ...saved.lost];
    if (issuesSheet) await wb.writeSheets([{ plan: dataIssuesSheet(issueList, lines, issuesSheet), replace: true }]);
    saved = await wb.save({ as });
    lostParts = await lostBetween(bytes, saved.data);
  }
  await saveFile(args.out, saved.data);
  return { ...outcome, lost: saved.lost, lostParts };
}

/** What `output` lacks compared with `input`, by sheet. */
export async function lostBetween(input: Uint8Array, output: Uint8Array): Promise<LostPart[]> {
  const [before, after] = await Promise.all([input, output].map((d) => inspectPackage(zipFiles(d))));
  return lostBySheet(before, after);
}

/** One stderr line naming what a re-saved output lacks; the input is unchanged. */
export function lostWarning(out: string, lost: string[]): string | null {
  return lost.length ? `Warning: ${out} lacks some parts of the input, which is unchanged: ${lost.join("; ")}` : null;
}

export { printReadable, UsageError };
