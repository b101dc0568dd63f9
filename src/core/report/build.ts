import { SheetGrid } from "../grid";
import { detectSheet, DetectedDataset, SkippedSheet } from "../detect/find-datasets";
import { fillMerges } from "../detect/header-rows";
import { Period, formatPeriod, longPeriodName, periodEnd, previousPeriod, parsePeriod } from "../periods";
import { WorkbookSettings, PeriodRecord, PeriodRules, DatasetSettings, PublishedItem } from "../settings";
import { periodItems } from "../period-items";
import { Issue, issue } from "../datasets/issues";
import { listSome } from "../words";
import { DatasetContext } from "./context";
import { rulesOf, withRules, ruleChanges } from "./rules";
import { reprintStored } from "./reprint";
import { reportActions } from "./actions";
import { reportRisks } from "./risks";
import { reportIndicators } from "./indicators";
import { DatasetReport, Report } from "./types";
import { defaultReportingPeriod } from "./stated-period";
import { surveyPeriods, latestValuedPeriod, periodWarnings, DatasetPeriods } from "./reporting-period";
import { parseUkDate } from "../dates";
import { commentaryOf, reviewCommentary, commentaryFingerprint, ItemCommentary } from "../commentary/review";
import { restateRerun, restateLater, restateReplaced, earlierStored } from "./restatements";
import { outstandingFor } from "./outstanding";
import { storedDay } from "./reprint";

/** A dataset's stable id for settings and history: its sheet, sheet and Excel table, or sheet and table block ("Risks#2"). */
export function datasetId(d: Pick<DetectedDataset, "sheet" | "tableName" | "block">): string {
  return d.tableName ? `${d.sheet}|${d.tableName}` : d.block ? `${d.sheet}#${d.block}` : d.sheet;
}

/** Why a hidden sheet is not reported on, and how to include it. */
export const HIDDEN_SHEET = "it is hidden: hidden sheets usually hold lookups and back-end data, so they are not reported on unless a mapping for the sheet is confirmed";

/**
 * Every dataset on every sheet but the product's own, and each sheet not
 * used with the reason. Hidden and very hidden sheets are listed as skipped
 * unless a person confirmed a mapping for them.
 */
export function surveyDatasets(grids: SheetGrid[], settings: WorkbookSettings): { datasets: DetectedDataset[]; skipped: SkippedSheet[] } {
  const owned = new Set(Object.values(settings.ownedSheets));
  const datasets: DetectedDataset[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of grids) {
    if (owned.has(sheet.name)) continue;
    if (sheet.unreadable) {
      skipped.push({ sheet: sheet.name, reason: sheet.unreadable });
      continue;
    }
    const override = settings.datasets[sheet.name]?.mapping;
    const hidden = sheet.visibility === "hidden" || sheet.visibility === "veryHidden";
    if (hidden && !override?.confirmed) {
      skipped.push({ sheet: sheet.name, reason: sheet.visibility === "veryHidden" ? HIDDEN_SHEET.replace("it is hidden", "it is very hidden") : HIDDEN_SHEET });
      continue;
    }
    const g: SheetGrid = hidden ? { ...sheet, visibility: "visible" } : sheet;
    const got = detectSheet(g, override, (n) => settings.datasets[n === 1 ? g.name : datasetId({ sheet: g.name, block: n })]?.mapping);
    datasets.push(...got.datasets);
    if (got.skipped) skipped.push(got.skipped);
  }
  return { datasets, skipped };
}

export function findDatasets(grids: SheetGrid[], settings: WorkbookSettings): DetectedDataset[] {
  return surveyDatasets(grids, settings).datasets;
}

/**
 * The default reporting period: the latest quarter (else month, else
 * financial year) that has a value in any indicator or outcome dataset.
 */
export function choosePeriod(grids: SheetGrid[], datasets: DetectedDataset[]): Period | null {
  return latestValuedPeriod(surveyPeriods(grids, datasets));
}

export interface BuildOptions {
  period?: string | null;
  /** The council's own area in long data with several (the others become comparators). */
  area?: string | null;
  /**
   * Work a stored period out afresh with today's settings (the caller then
   * replaces what is stored). Without it, a stored period is worked out with
   * the rules stored for it and reprints the stored results.
   */
  replaceHistory?: boolean;
  /** Settings given with the run for every indicator and outcome list (a long-trend method, a plan name for outcomes). */
  measured?: Pick<DatasetSettings, "longTrend" | "planName">;
  /**
   * The day of the run, yyyy-mm-dd, as the host knows it: a period that
   * begins after it is still to come, so its figures are never current.
   * Without it no period is treated as still to come.
   */
  today?: string | null;
}

export interface BuildResult {
  report: Report;
  /** This period's record per dataset, worked out with today's settings, for the caller to store in history. */
  records: Record<string, PeriodRecord>;
  /** Per dataset reprinted from its stored record: why (today's rules or results differ), for the note. */
  reprinted: Record<string, string>;
  /** A bad --period, refused before any work. */
  error?: string;
  /** Notes a user must not miss (also in the report's notes): the command line writes them to stderr. */
  warnings: string[];
}

type Built = { report: DatasetReport; issues: Issue[]; notes?: string[] };

function reportOne(ctx: DatasetContext, read: DatasetPeriods["read"] | undefined): Built {
  const kind = ctx.detected.kind;
  if (kind === "risks") return reportRisks(ctx);
  if (kind === "indicators" || kind === "outcomes") return reportIndicators(ctx, read);
  return reportActions(ctx);
}

/** Read, validate and calculate every dataset in the workbook: the whole job short of writing. */
export function buildReport(input: SheetGrid[], settings: WorkbookSettings, options: BuildOptions = {}): BuildResult {
  const grids = input.map(fillMerges);
  const { datasets, skipped } = surveyDatasets(grids, settings);
  const day = options.today ? parseUkDate(options.today) : null;
  const today = day?.ok ? day.value : null;
  const periods = surveyPeriods(grids, datasets, today);
  let period: Period | null = null;
  let periodNote: string | null = null;
  if (options.period) {
    const p = parsePeriod(options.period);
    if (!p.ok || !p.value) {
      return { report: emptyReport(), records: {}, reprinted: {}, warnings: [], error: p.ok ? "No period given" : `The period ${p.problem.message}` };
    }
    period = p.value;
  } else ({ period, note: periodNote } = defaultReportingPeriod(grids, datasets, periods));
  const periodCheck = periodWarnings(periods, period);
  if (periodNote) periodCheck.notes.push(periodNote);

  const periodLabel = period ? formatPeriod(period) : null;
  const prevLabel = period ? formatPeriod(previousPeriod(period)) : null;
  const asAt = period ? periodEnd(period) : null;
  const issues: Issue[] = [];
  const notes: string[] = [...periodCheck.notes];
  const reports: DatasetReport[] = [];
  const records: Record<string, PeriodRecord> = {};
  const reprinted: Record<string, string> = {};
  const restatedPeriods: Report["restated"] = [];
  // The period the workbook itself reports: a stored period run again as it is, whose lists of actions still hold its statuses.
  const defaultPeriod = options.period && settings.history && Object.keys(settings.history).length
    ? (() => {
      const p = defaultReportingPeriod(grids, datasets, periods).period;
      return p ? formatPeriod(p) : null;
    })()
    : undefined;

  for (const d of datasets) {
    const grid = grids.find((g) => g.name === d.sheet) as SheetGrid;
    const id = datasetId(d);
    const given = options.measured && (d.kind === "indicators" || d.kind === "outcomes")
      ? { ...(options.measured.longTrend ? { longTrend: options.measured.longTrend } : {}), ...(options.measured.planName && d.kind === "outcomes" ? { planName: options.measured.planName } : {}) }
      : {};
    const ds = { ...(settings.datasets[id] ?? {}), ...given };
    const ctx: DatasetContext = {
      grids, grid, detected: d, id, settings: ds, period, asAt, today,
      previous: prevLabel ? settings.history[id]?.[prevLabel] ?? null : null,
      matrix: settings.riskMatrix ? { matrix: settings.riskMatrix, source: "the risk matrix in Settings" } : null,
      ownArea: options.area ?? settings.ownArea ?? null,
    };
    const read = periods.find((s) => s.dataset === d)?.read;
    let built = reportOne(ctx, read);
    const said = commentaryOf(built.report, grid);
    const stored = periodLabel ? settings.history[id]?.[periodLabel] ?? null : null;
    if (periodLabel) records[id] = recordOf(built.report, periodLabel, rulesOf(built.report, ds), said);
    // The results as the workbook stands, before any reprint: what returns still out could change.
    let live = built.report;
    if (stored && periodLabel && isRecord(stored)) {
      // A stored period run again: what the workbook now gives otherwise than was published, and why.
      const changes = ruleChanges(stored.rules, records[id].rules, d.kind);
      const today = built.report;
      const then = changes.length ? reportOne(withRules(ctx, stored.rules, periodLabel), read) : built;
      live = then.report;
      const current = !options.period || (defaultPeriod !== undefined && defaultPeriod === periodLabel);
      const restated = restateRerun(then.report, changes.length ? today : null, stored, periodLabel,
        { rules: changes, replacedOn: options.replaceHistory ? storedDay({ storedAt: options.today ?? undefined }) : null, current });
      if (restated) restatedPeriods.push(restated);
      if (!options.replaceHistory) {
        // History is not recoloured: a stored period is worked out with its own rules and reprints what was stored.
        const report = reprintStored(then.report, stored, changes);
        const reprint = report.reprint!;
        built = { ...then, report };
        if (changes.length || reprint.changed.length || reprint.notStored.length || reprint.gone.length) reprinted[id] = reprintReason(reprint);
        for (const x of reprint.notStored) {
          built.issues.push(issue(d.sheet, x.row, d.columns.title ?? d.left, "warning", "history.not-stored",
            `'${x.title}' is not in the results stored for ${periodLabel}, so the reprint leaves it out; replace the stored results to include it`));
        }
      }
    }
    if (period && (built.report.kind === "indicators" || built.report.kind === "outcomes")) {
      // A later run: stored periods whose values the sheet now holds otherwise.
      for (const e of earlierStored(settings.history[id], period)) {
        const found = restateLater(built.report, e.record, e.period, e.label);
        if (found) restatedPeriods.push(found);
      }
    }
    const before = ctx.previous && isRecord(ctx.previous) ? ctx.previous : null;
    if (before?.superseded?.length && prevLabel) {
      // Last period's results replaced since first published: said in this period's report.
      const found = restateReplaced(built.report, before, prevLabel, ruleChanges(before.superseded[before.superseded.length - 1].rules, before.rules, d.kind));
      if (found) restatedPeriods.push(found);
    }
    if (d.columns.commentary !== undefined) {
      const { review, issues: found } = reviewCommentary(built.report, said, prevLabel ? { label: prevLabel, record: before, storedOn: before ? storedDay(before) : null } : null);
      built.report.commentary = review;
      // One at a time: a spread passes every issue as an argument, and a few hundred thousand overflow the stack.
      for (const i of found) built.issues.push(i);
    }
    const outstanding = outstandingFor(live, settings.returns, periodLabel);
    if (outstanding) built.report.outstanding = outstanding;
    reports.push(built.report);
    for (const i of built.issues) issues.push(i);
    if (built.notes) notes.push(...built.notes);
  }
  // A legend or key sheet whose levels banded a register was used, though it is not a dataset: said as such, not as a sheet passed over.
  const keys = new Map(reports.flatMap((r) => (r.kind === "risks" && r.levelsSheet ? [[r.levelsSheet, r.label] as const] : [])));
  const unused = skipped.filter((s) => !keys.has(s.sheet));
  issues.push(...periodCheck.issues, ...readingIssues(reports), ...unused.map(skippedIssue));
  for (const s of unused) notes.push(`Sheet '${s.sheet}' was not used: ${s.reason}.`);
  for (const [sheet, label] of keys) notes.push(`Sheet '${sheet}' was read as the key to the risk levels of '${label}', not as a dataset.`);
  if (!period && datasets.some((d) => d.kind === "priorities" || d.kind === "actions")) {
    notes.push("No reporting period was given or found, so overdue items were not checked: pass a period such as 'Q1 2021/22'.");
  }
  return {
    report: { period: periodLabel, periodLong: period ? longPeriodName(period) : null, periodKind: period?.kind ?? null, datasets: reports, issues, notes, skipped: unused, restated: restatedPeriods },
    records,
    reprinted,
    warnings: periodCheck.warnings,
  };
}

/** A stored record this version can reprint from (records are read as they were saved). */
function isRecord(r: unknown): r is PeriodRecord {
  const x = r as PeriodRecord;
  return typeof x === "object" && x !== null && typeof x.items === "object" && x.items !== null && typeof x.summary === "object" && x.summary !== null
    && typeof x.summary.statusCounts === "object" && typeof x.rules === "object" && x.rules !== null;
}

/** A doubtful or empty reading, said on the Data issues sheet at the dataset's header. */
function readingIssues(reports: DatasetReport[]): Issue[] {
  return reports.filter((r) => r.reading.confidence !== "sure").map((r) => {
    const d = r.detected;
    return r.reading.confidence === "empty"
      ? issue(d.sheet, d.headerRow, d.left, "warning", "dataset.empty",
        `'${r.label}' is empty: a header row (row ${d.headerRow + 1}) with no rows of data under it, so there is nothing to report on yet`)
      : issue(d.sheet, d.headerRow, d.left, "warning", "reading.doubtful",
        `'${r.label}' was read as ${KIND_WORDS[r.kind]}, but the reading is in doubt: ${r.reading.reasons.join("; ")}. Check its columns before publishing its figures`);
  });
}

const KIND_WORDS: Record<DatasetReport["kind"], string> = {
  indicators: "a list of indicators", outcomes: "a list of outcomes", priorities: "a list of priorities", actions: "a list of actions", risks: "a risk register",
};

/** A sheet not used, said on the Data issues sheet at its likeliest header (or A1), so no sheet is passed over in silence. */
function skippedIssue(s: SkippedSheet): Issue {
  return issue(s.sheet, (s.headerRow ?? 1) - 1, 0, "warning", "sheet.skipped", `Sheet '${s.sheet}' was not used: ${s.reason}`);
}

/** Why a reprint differs from today's results, in a clause: rules first, then items. */
function reprintReason(r: NonNullable<DatasetReport["reprint"]>): string {
  const parts: string[] = [];
  if (r.ruleChanges.length) parts.push(r.ruleChanges.join("; "));
  if (r.changed.length) parts.push(`${r.changed.length} ${r.changed.length === 1 ? "item's result" : "items' results"} (${listSome(r.changed.map((t) => `'${t}'`))})`);
  if (r.notStored.length) parts.push(`${r.notStored.length} ${r.notStored.length === 1 ? "item" : "items"} not stored then`);
  if (r.gone.length) parts.push(`${r.gone.length} stored ${r.gone.length === 1 ? "item" : "items"} no longer in the sheet`);
  return parts.join("; ");
}

function emptyReport(): Report {
  return { period: null, periodLong: null, periodKind: null, datasets: [], issues: [], notes: [], skipped: [], restated: [] };
}

/** What history keeps of a dataset this period: its headline, what each item was published as (and its commentary's fingerprint), and every rule used. */
function recordOf(r: DatasetReport, period: string, rules: PeriodRules, said: Map<string, ItemCommentary>): PeriodRecord {
  // The items in order, as two arrays: no object keyed by 50,000 items is built (periodItems keeps the order such an object gave).
  const keys: string[] = [];
  const values: PublishedItem[] = [];
  if (r.kind === "risks") {
    for (const x of r.risks) {
      keys.push(x.key);
      values.push({ status: x.band, score: x.score, likelihood: x.likelihood, impact: x.impact });
    }
  } else if (r.kind === "indicators" || r.kind === "outcomes") {
    for (const x of r.items) {
      keys.push(x.item.key);
      values.push({ status: x.assessment.status, value: x.assessment.value, trend: x.assessment.trends.short, target: x.target });
    }
  } else if (r.kind === "priorities" || r.kind === "actions") {
    for (const x of r.items) {
      keys.push(x.key);
      values.push({ status: x.status });
    }
  }
  const items = periodItems(keys, values, true);
  if (said.size) {
    for (let i = 0; i < items.keys.length; i++) {
      const c = said.get(items.keys[i]);
      if (c) items.values[i].commentaryHash = commentaryFingerprint(c.text);
    }
  }
  return {
    period,
    summary: {
      base: r.standard?.base ?? 0,
      counted: r.standard?.counted ?? 0,
      percent: r.standard ? Math.round(r.standard.percent * 10) / 10 : null,
      statusCounts: r.statusCounts,
    },
    items,
    rules,
  };
}

/** The refusal for a workbook with nothing usable: every sheet looked at, what was seen, what is needed. */
export function nothingUsableMessage(skipped: SkippedSheet[]): string {
  if (!skipped.length) return "no sheet with data was found";
  return `no sheet holds a dataset it can report on. ${skipped.map((s) => `'${s.sheet}': ${s.reason}`).join(". ")}.`;
}
