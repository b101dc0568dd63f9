import {
  buildReport, planReport, OUTPUT_SHEETS, OutputPurpose, Report, WorkbookSettings,
  DatasetKind, DEFAULT_STATUS_LABELS, todayIso, UserError, Role, columnKeys, SheetPlan, storeHistory, RisksReport, TARGET_COURSES, DatasetSettings, LongTrendMethod, IndicatorsReport,
  CommentaryReview, outstandingPhrase,
} from "../core";
import { movedSince } from "../core/report/risks";

import { WorkbookPort } from "./port";
import { loadSettings, saveSettings } from "./settings-store";
import { councilSheets } from "./own-sheets";
import { sourceFormatsFor } from "./source-formats";
import { OwnedSheetNames } from "./sheet-names";

export interface SummariseOptions {
  period?: string | null;
  /** The council's own area in long data with several; remembered in the workbook. */
  area?: string | null;
  /** Also colour the council's own status and level columns (never their values). */
  formatSource?: boolean;
  onProgress?: (step: string, fraction: number) => void;
  /** Checked between steps; when it returns true nothing further is written. */
  cancelled?: () => boolean;
  /**
   * Replace what history holds for this period when this run's results differ
   * (the old record is kept beside it). Without it a stored period is never overwritten.
   */
  replaceHistory?: boolean;
  /** The sentence telling this host's user how to replace stored results (default: the command line's --replace-history). */
  replaceHistoryHint?: string;
  /** How this host's user repairs a damaged settings store (default: the command line's repair-settings). */
  repairSettingsHint?: string;
  /** What every indicator and outcome list's long trend compares with; remembered in the workbook. */
  longTrend?: LongTrendMethod;
  /** The council's name for the plan its outcomes belong to; remembered in the workbook. */
  planName?: string;
  /** The day of the run, yyyy-mm-dd (default: today on this machine): periods that begin after it are not current, and history is stored under it. */
  today?: string;
}

/** The command line's --json contract. */
export interface SummaryJson {
  period: string | null;
  datasets: {
    sheet: string;
    kind: DatasetKind;
    /** Items read: rows of a list or register; series of indicator data (one per indicator × area in long data, per measure with periods as rows). */
    rows: number;
    /** Data rows read from the sheet (blank rows, headings and repeated headers aside). */
    dataRows: number;
    statusCounts: Record<string, number>;
    /** Rows counted as not rated, by the word they hold. */
    notRated: Record<string, number>;
    /** Rows deliberately left out of the figures (closed risks, a RAID log's issues, other areas). */
    setAside: number;
    standard: { expected: number; percent: number; achieved: boolean } | null;
    /** How sure the reading is ("sure", "doubtful", "empty") and why: a doubtful dataset's figures need checking before they are published. */
    reading: { confidence: "sure" | "doubtful" | "empty"; reasons: string[] };
    /** Risk registers only: risks by course against their target, and how they moved since the stored quarter (null on a first run). */
    risks?: {
      againstTarget: Record<string, number>;
      moved: { since: string; risen: string[]; fallen: string[]; unchanged: string[]; added: string[]; closed: string[] } | null;
    };
    /** Where the dataset has a commentary column: items checked, what each check found (the commentary is never changed), and each finding with its cell. */
    commentary?: {
      checked: number; figures: number; unacknowledged: number; copied: number;
      /** The stored period copied commentary was looked for in, or null with the reason it could not be. */
      comparedWith: string | null; notChecked: string | null;
      findings: { item: string; cell: string; check: "figures" | "unacknowledged" | "copied"; message: string }[];
    };
    /** Directorate returns made for the period and not yet collected: the range the headline could still take, and whether the standard depends on them. */
    outstanding?: {
      returns: { directorate: string; items: number; made: string | null; sheet: string }[];
      range: { min: number; max: number; base: number } | null;
      verdict: "achieved" | "not achieved" | "depends" | null;
      deciding: string[];
      text: string;
    };
    /** Long data with the council's own area named: each indicator's value beside the other areas'. */
    comparators?: {
      area: string;
      indicators: { code: string; title: string; period: string | null; value: number | null; areas: number; median: number | null; rank: number | null; quartile: number | null }[];
    };
  }[];
  /** What the run did with results already stored for the period: stored them first, matched, reprinted them as stored, or replaced them. */
  stored: { action: "stored" | "matched" | "reprinted" | "replaced"; text: string } | null;
  /** Stored periods the workbook now gives otherwise, or replaced since first published: each difference classified as a data, target or rule change. */
  restated: {
    period: string; dataset: string; source: "workbook" | "replaced"; publishedOn: string | null; replacedOn: string | null; text: string;
    items: { item: string; sheet: string; cell: string; change: "data" | "target" | "rule"; was: string; now: string; statusWas: string; statusNow: string;
      publishedOn: string | null; newPublishedOn: string | null; rules?: string }[];
  }[];
  issues: { sheet: string; cell: string; severity: "error" | "warning"; message: string }[];
  /** Sheets looked at and not used, with the reason. */
  skipped: { sheet: string; reason: string }[];
  /** What the run assumed or could not do (levels used, areas, settings). */
  notes: string[];
  outputSheets: string[];
}

export interface SummariseResult {
  report: Report;
  plans: SheetPlan[];
  outputSheets: string[];
  /** Output sheets written under another name because a sheet of the council's had the usual one. */
  renamed: { wanted: string; used: string }[];
  json: SummaryJson;
  settings: WorkbookSettings;
  /** Notes the user must not miss (also on the Data issues sheet): the command line writes them to stderr. */
  warnings: string[];
  /** This period was already stored with other results, and they were kept (the user may ask to replace them). */
  historyKept?: boolean;
  error?: string;
}

export class CancelledError extends UserError {
  constructor() {
    super("cancelled", "The run was cancelled before anything was written.");
  }
}

/**
 * The whole job on any host: read, detect, validate, calculate, plan, write.
 * Sheets the product did not create are never written to (only, when asked,
 * given colour rules); its own sheets are replaced in place.
 */
export async function summarise(port: WorkbookPort, options: SummariseOptions = {}): Promise<SummariseResult> {
  const progress = options.onProgress ?? (() => undefined);
  const checkCancel = () => {
    if (options.cancelled?.()) throw new CancelledError();
  };
  progress("Reading settings", 0.05);
  const loaded = await loadSettings(port, { howToRepair: options.repairSettingsHint });
  const { settings, notes } = loaded;
  checkCancel();
  progress("Reading sheets", 0.15);
  const sheets = await port.listSheets();
  // The product's own sheets (marked) and the settings store are never read as data.
  const grids = await port.readSheets(councilSheets(sheets));
  checkCancel();
  progress("Finding datasets and calculating", 0.4);
  if (options.area) settings.ownArea = options.area;
  const built = buildReport(grids, settings, { period: options.period, replaceHistory: options.replaceHistory, measured: measuredSettings(options), today: options.today ?? todayIso() });
  const report = built.report;
  report.notes.unshift(...notes);
  if (built.error) {
    return { report, plans: [], outputSheets: [], renamed: [], json: toJson(report, []), settings, warnings: built.warnings, error: built.error };
  }
  checkCancel();
  const warnings = [...built.warnings];
  if (loaded.readOnly) warnings.push(loaded.readOnly);
  // Decided before planning, so what was (not) stored is said on the Data issues sheet too.
  const history = report.period
    ? storeHistory(settings.history, built.records, report.period, {
      replace: options.replaceHistory ?? false,
      today: options.today ?? todayIso(),
      labels: Object.fromEntries(report.datasets.map((d) => [d.id, d.label])),
      howToReplace: options.replaceHistoryHint,
      reasons: built.reprinted,
    })
    : { history: settings.history, note: null, warning: false, statement: undefined };
  report.stored = history.statement;
  if (history.note) {
    report.notes.push(history.note);
    if (history.warning) warnings.push(history.note);
  }

  progress("Planning output sheets", 0.55);
  const sheetNames = new OwnedSheetNames(settings.ownedSheets, sheets);
  const names = {} as Record<OutputPurpose, string>;
  const replacing = new Set<string>();
  const renamed: { wanted: string; used: string }[] = [];
  for (const [purpose, wanted] of Object.entries(OUTPUT_SHEETS) as [OutputPurpose, string][]) {
    const { name, replace } = sheetNames.claim(purpose, wanted);
    names[purpose] = name;
    if (replace) replacing.add(name);
    else if (name !== wanted) renamed.push({ wanted, used: name });
  }
  for (const r of renamed) report.notes.push(`A sheet called '${r.wanted}' already exists and was not made by this add-in, so the output was written to '${r.used}' instead.`);
  const plans = planReport(report, settings.riskMatrix, names);
  checkCancel();

  progress("Writing output sheets", 0.7);
  const produced = new Set(plans.map((p) => p.purpose));
  // Only summary sheets go stale here; templates are owned too but made by their own command.
  const summaryPurposes = new Set(Object.keys(OUTPUT_SHEETS));
  const stale = Object.keys(settings.ownedSheets)
    .filter((purpose) => summaryPurposes.has(purpose) && !produced.has(purpose))
    .map((purpose) => sheetNames.ownSheet(purpose))
    .filter((name): name is string => name !== null);
  await port.deleteSheets(stale);
  await port.writeSheets(plans.map((plan) => ({ plan, replace: replacing.has(plan.name) })));

  const ownedSheets = Object.fromEntries(Object.entries(settings.ownedSheets).filter(([purpose]) => !summaryPurposes.has(purpose)));
  for (const p of plans) ownedSheets[p.purpose] = p.name;
  const next: WorkbookSettings = { ...settings, ownedSheets };
  if (options.formatSource) {
    progress("Colouring status columns in the source sheets", 0.85);
    const add = report.datasets
      .map((r) => sourceFormatsFor(r, settings.datasets[r.id]?.statusLabels ?? DEFAULT_STATUS_LABELS, settings.riskMatrix))
      .filter((f): f is NonNullable<typeof f> => f !== null);
    await port.formatSourceSheets(add, settings.sourceFormats);
    next.sourceFormats = add.flatMap((f) => groupRules(f.sheet, f.rules));
  }

  progress("Saving settings and history", 0.92);
  next.datasets = { ...settings.datasets };
  next.history = history.history;
  for (const r of report.datasets) {
    const ds = { ...(next.datasets[r.id] ?? {}), ...(r.kind === "indicators" || r.kind === "outcomes" ? measuredSettings(options, r.kind) : {}) };
    // Remember the mapping by header text, so the next run and the task pane use (and can correct) it.
    // A doubtful reading is not remembered: remembering it would make the next run's reading look sure.
    if (!ds.mapping && r.reading.confidence !== "doubtful") {
      const columns: Partial<Record<Role, string>> = {};
      // A header the row repeats is named by its occurrence ("Likelihood#2"), so each column is found again as itself.
      const keys = columnKeys(r.detected.headers);
      for (const [role, col] of Object.entries(r.detected.columns) as [Role, number][]) columns[role] = keys[col - r.detected.left];
      // The header is found again by its text: rows inserted above it later change nothing.
      ds.mapping = { kind: r.kind, headerRow: r.detected.headerRow + 1, headerText: r.detected.headers.filter(Boolean), columns };
    }
    next.datasets[r.id] = ds;
  }
  await saveSettings(port, loaded, next);
  progress("Done", 1);
  const outputSheets = plans.map((p) => p.name);
  return { report, plans, outputSheets, renamed, json: toJson(report, outputSheets), settings: next, warnings, historyKept: history.warning };
}

/** Settings given with the run for indicator and outcome lists (and which of them apply to a kind): used and remembered. */
function measuredSettings(options: SummariseOptions, kind?: DatasetKind): Partial<DatasetSettings> {
  const out: Partial<DatasetSettings> = {};
  if (options.longTrend) out.longTrend = options.longTrend;
  if (options.planName?.trim() && (kind === undefined || kind === "outcomes")) out.planName = options.planName.trim();
  return out;
}

function groupRules(sheet: string, rules: { ref: string; rule: { type: string; formula?: string } }[]) {
  const byRef = new Map<string, string[]>();
  for (const r of rules) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r.rule.formula ?? ""]);
  return [...byRef].map(([ref, formulas]) => ({ sheet, ref, formulas }));
}

function comparatorsJson(d: IndicatorsReport): NonNullable<SummaryJson["datasets"][number]["comparators"]> {
  return {
    area: d.ownArea ?? "",
    indicators: d.items.map((x) => ({
      code: x.item.code, title: x.item.title, period: x.latest?.period ?? null, value: x.latest?.value ?? null,
      areas: x.comparators?.areas ?? 0, median: x.comparators?.median ?? null, rank: x.comparators?.rank ?? null, quartile: x.comparators?.quartile ?? null,
    })),
  };
}

function commentaryJson(c: CommentaryReview): NonNullable<SummaryJson["datasets"][number]["commentary"]> {
  return {
    checked: c.checked, ...c.counts,
    comparedWith: "period" in c.copiedAgainst ? c.copiedAgainst.period : null,
    notChecked: "notChecked" in c.copiedAgainst ? c.copiedAgainst.notChecked : null,
    findings: [...c.byKey.values()].flat().map((f) => ({ item: f.item, cell: f.cell, check: f.check, message: f.message })),
  };
}

function courseCounts(d: RisksReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of TARGET_COURSES) {
    const n = d.risks.filter((x) => x.course.course === c).length;
    if (n) counts[c] = n;
  }
  return counts;
}

export function toJson(report: Report, outputSheets: string[]): SummaryJson {
  return {
    period: report.period,
    datasets: report.datasets.map((d) => ({
      sheet: d.sheet,
      kind: d.kind,
      rows: d.kind === "indicators" || d.kind === "outcomes" ? d.series : d.rowsIn,
      dataRows: d.rowsIn,
      statusCounts: d.statusCounts,
      notRated: d.notRatedWords,
      setAside: d.rowsSetAside ?? 0,
      standard: d.standard ? { expected: d.standard.expected, percent: Math.round(d.standard.percent * 10) / 10, achieved: d.standard.achieved } : null,
      reading: { confidence: d.reading.confidence, reasons: [...d.reading.reasons] },
      ...(d.kind === "risks" ? { risks: { againstTarget: courseCounts(d), moved: movedSince(d) } } : {}),
      ...(d.commentary ? { commentary: commentaryJson(d.commentary) } : {}),
      ...(d.outstanding ? { outstanding: { ...d.outstanding, text: outstandingPhrase(d, d.outstanding) } } : {}),
      ...((d.kind === "indicators" || d.kind === "outcomes") && d.ownArea ? { comparators: comparatorsJson(d) } : {}),
    })),
    stored: report.stored ?? null,
    restated: report.restated.map((x) => ({
      period: x.period, dataset: x.dataset, source: x.source, publishedOn: x.publishedOn, replacedOn: x.replacedOn, text: x.text,
      items: x.items.map(({ period: _p, dataset: _d, ...i }) => i),
    })),
    issues: report.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, severity: i.severity, message: i.message })),
    skipped: report.skipped.map((s) => ({ sheet: s.sheet, reason: s.reason })),
    notes: report.notes,
    outputSheets,
  };
}
