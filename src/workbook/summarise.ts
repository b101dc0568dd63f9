import {
  buildReport, parseSettings, serialiseSettings, planReport, OUTPUT_SHEETS, OutputPurpose, Report, WorkbookSettings,
  DatasetKind, DEFAULT_STATUS_LABELS, Role, SheetPlan, storeHistory, RisksReport, TARGET_COURSES,
} from "../core";
import { movedSince } from "../core/report/risks";
import { WorkbookPort, SETTINGS_SHEET } from "./port";
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

export class CancelledError extends Error {
  constructor() {
    super("The run was cancelled before anything was written.");
    this.name = "CancelledError";
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
  const { settings, notes } = parseSettings(await port.readSettings());
  checkCancel();
  progress("Reading sheets", 0.15);
  const sheets = await port.listSheets();
  const grids = await port.readSheets(sheets.filter((s) => s.name !== SETTINGS_SHEET).map((s) => s.name));
  checkCancel();
  progress("Finding datasets and calculating", 0.4);
  if (options.area) settings.ownArea = options.area;
  const built = buildReport(grids, settings, { period: options.period, today: options.today ?? today() });
  const report = built.report;
  report.notes.unshift(...notes);
  if (built.error) {
    return { report, plans: [], outputSheets: [], renamed: [], json: toJson(report, []), settings, warnings: built.warnings, error: built.error };
  }
  checkCancel();
  const warnings = [...built.warnings];
  // Decided before planning, so what was (not) stored is said on the Data issues sheet too.
  const history = report.period
    ? storeHistory(settings.history, built.records, report.period, {
      replace: options.replaceHistory ?? false,
      today: options.today ?? today(),
      labels: Object.fromEntries(report.datasets.map((d) => [d.id, d.label])),
      howToReplace: options.replaceHistoryHint,
    })
    : { history: settings.history, note: null, warning: false };
  if (history.note) {
    report.notes.push(history.note);
    if (history.warning) warnings.push(history.note);
  }

  progress("Planning output sheets", 0.55);
  const sheetNames = new OwnedSheetNames(settings.ownedSheets, sheets.map((s) => s.name));
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
    const ds = { ...(next.datasets[r.id] ?? {}) };
    // Remember the mapping by header text, so the next run and the task pane use (and can correct) it.
    if (!ds.mapping) {
      const columns: Partial<Record<Role, string>> = {};
      for (const [role, col] of Object.entries(r.detected.columns) as [Role, number][]) columns[role] = r.detected.headers[col - r.detected.left];
      // The header is found again by its text: rows inserted above it later change nothing.
      ds.mapping = { kind: r.kind, headerRow: r.detected.headerRow + 1, headerText: r.detected.headers.filter(Boolean), columns };
    }
    next.datasets[r.id] = ds;
  }
  await port.writeSettings(serialiseSettings(next));
  progress("Done", 1);
  const outputSheets = plans.map((p) => p.name);
  return { report, plans, outputSheets, renamed, json: toJson(report, outputSheets), settings: next, warnings, historyKept: history.warning };
}

/** The local calendar day, yyyy-mm-dd: the day a user would say they ran it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function groupRules(sheet: string, rules: { ref: string; rule: { type: string; formula?: string } }[]) {
  const byRef = new Map<string, string[]>();
  for (const r of rules) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r.rule.formula ?? ""]);
  return [...byRef].map(([ref, formulas]) => ({ sheet, ref, formulas }));
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
    })),
    issues: report.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, severity: i.severity, message: i.message })),
    skipped: report.skipped.map((s) => ({ sheet: s.sheet, reason: s.reason })),
    notes: report.notes,
    outputSheets,
  };
}
