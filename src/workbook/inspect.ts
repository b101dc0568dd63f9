import {
  surveyDatasets, surveyPeriods, defaultReportingPeriod, defaultPeriod, datasetId, datasetLabel, scanRows, formatPeriod, fillMerges, cellText, columnKeys,
  columnLetter, isBlank, isPercentFormat, formatNumber, formatUkDate, truncate, judgeReading, readActions, registerScales, quarterOf, periodIndex, periodKey,
  DatasetKind, Role, WorkbookSettings, SheetGrid, ScannedRow, SkippedSheet, Reading, RiskMatrix, DetectedDataset, CellValue, Period, CalendarDate,
} from "../core";
import { reportRisks } from "../core/report/risks";
import { sheetTitle, planNameFrom } from "../core/report/sheet-title";
import { WorkbookPort } from "./port";
import { loadSettings } from "./settings-store";
import { councilSheets } from "./own-sheets";

/** One column of a table as the mapping drop-downs show it: where it is, what it is called, what it holds. */
export interface ColumnInfo {
  /** How a mapping names this column: its header, with "#2", "#3"… for a header the row repeats. */
  key: string;
  letter: string;
  header: string;
  /** The group label above it, where there is one ("Residual risk" over L | I | Score). */
  context: string | null;
  /** The first few values under it, as a person reads them ("85%", "31/03/2022"). */
  samples: string[];
}

/** A dataset as the task pane lists it: where, what, how sure, and its column mapping. */
export interface DatasetInfo {
  id: string;
  sheet: string;
  /** The name the results use: the sheet's, or sheet and table ("Risks: Closed risks"). */
  label: string;
  kind: DatasetKind;
  rows: number;
  confidence: number;
  /** How sure the reading is: judged as the run judges it, so this step and the results agree. */
  reading: Reading;
  /** 1-based header row, as the user sees it. */
  headerRow: number;
  headers: string[];
  /** Every column of the table, left to right. */
  fields: ColumnInfo[];
  /** Role → the key of the column used (see ColumnInfo.key). */
  columns: Partial<Record<Role, string>>;
  /** Role → how sure the reading is, 0–1 (header and contents together). */
  confidenceByRole: Partial<Record<Role, number>>;
  /** Role → the key of the next best column, offered first when the user corrects a column. */
  runnerUp: Partial<Record<Role, string>>;
  /** Priorities and actions: the directorates (or owners) named in their rows, as written. */
  groups: string[];
  /** Outcomes: the plan's name as the report writes it unless Settings names it (the sheet's own title), or null. */
  planName: string | null;
  /** Risk registers: the scales and levels a run would use, where they come from, and what the register holds. */
  risk?: RiskReading;
}

/** A risk register's matrix as a run would score it. */
export interface RiskReading {
  matrix: RiskMatrix;
  /** Where the levels came from ("the register's own 'Initial Risk' column"). */
  levelsSource: string;
  /** Where each scale came from ("the header 'Likelihood_1_5'"), or the matrix in Settings. */
  scaleSource: { likelihood: string; impact: string };
  /** The register's own reading when a matrix is saved in Settings: what "Use the register's own levels" goes back to. */
  own: { matrix: RiskMatrix; levelsSource: string } | null;
  /** The distinct likelihood and impact values the register holds, so a matrix can be checked against them before it is saved. */
  values: { likelihood: CellValue[]; impact: CellValue[] };
}

/** A sheet not used; a hidden one can be brought in by confirming it (a mapping a person chose). */
export type SkippedInfo = SkippedSheet & { hidden: boolean };

export interface Inspection {
  datasets: DatasetInfo[];
  /** The default reporting period: stated by the workbook, else the latest with values (see defaultReportingPeriod). */
  period: string | null;
  /**
   * No period was found and the run needs one: overdue items and risks' target dates are judged at its
   * end, and a table of values without periods takes it as theirs. Not required where series end in
   * different periods (each is then reported at its own latest value), nor for a register with no dates.
   */
  periodRequired: boolean;
  /** Periods the pane offers, from the data: those with values (latest first), else the quarters the due dates fall in. */
  suggestedPeriods: string[];
  /** Period key → how many values the indicators have for it; `unplaced` values belong to whatever period is reported. */
  valuedPeriods: { keys: string[]; unplaced: boolean; latest: string | null };
  settings: WorkbookSettings;
  notes: string[];
  /** Sheets looked at and not used, each with the reason. */
  skipped: SkippedInfo[];
  /** Areas or organisations named in long indicator data (empty when none has several). */
  areas: string[];
}

/** How many values of each column the drop-downs show, and how many a risk axis keeps for the label check. */
const SAMPLES = 3;
const AXIS_VALUES = 200;

/** Read the workbook and describe what would be summarised, writing nothing. */
export async function inspectWorkbook(port: WorkbookPort): Promise<Inspection> {
  const { settings, notes } = await loadSettings(port);
  const sheets = await port.listSheets();
  const grids: SheetGrid[] = (await port.readSheets(councilSheets(sheets))).map(fillMerges);
  const { datasets: found, skipped } = surveyDatasets(grids, settings);
  // The default period, and what the run would say about it (few values, or series ending apart).
  const surveys = surveyPeriods(grids, found);
  const { period, note } = defaultReportingPeriod(grids, found, surveys);
  if (note) notes.push(note);
  const gridOf = (d: DetectedDataset) => grids.find((g) => g.name === d.sheet) as SheetGrid;
  const dueDates: CalendarDate[] = [];
  const datasets = found.map((d): DatasetInfo => {
    const grid = gridOf(d);
    const id = datasetId(d);
    const ds = settings.datasets[id] ?? {};
    // The rows are walked once here and shared: a 45,000-row sheet is opened by this inspection.
    const scanned = scanRows(grid, d);
    const fields = columnsOf(grid, d, scanned);
    const keyAt = (col: number) => fields[col - d.left]?.key ?? "";
    const columns: Partial<Record<Role, string>> = {};
    for (const [role, col] of Object.entries(d.columns) as [Role, number][]) columns[role] = keyAt(col);
    const runnerUp: Partial<Record<Role, string>> = {};
    for (const [role, alt] of Object.entries(d.runnerUp ?? {}) as [Role, { col: number }][]) runnerUp[role] = keyAt(alt.col);
    const rows = scanned.filter((r) => r.kind === "data");
    const groupCol = d.columns.group;
    const groups = d.kind === "priorities" || d.kind === "actions"
      ? [...new Set(rows.map((r) => (groupCol === undefined ? r.heading ?? "" : cellText(r.cells[groupCol - d.left])).trim()).filter(Boolean))].sort()
      : [];
    // The reading is judged on the same read the run makes: indicators as surveyed for the period, the rest read here.
    let reading: Reading;
    let risk: RiskReading | undefined;
    if (d.kind === "risks") {
      // Scored as the run scores it: on the matrix in Settings where there is one, else on the register's own.
      const scored = (matrix: RiskMatrix | null) => reportRisks({
        grids, grid, detected: d, id, settings: ds, previous: null, period: null, asAt: null, ownArea: null, today: null,
        matrix: matrix ? { matrix, source: "the risk matrix in Settings" } : null,
      }).report;
      const used = scored(settings.riskMatrix);
      const own = settings.riskMatrix ? scored(null) : null;
      reading = used.reading;
      risk = {
        matrix: used.matrix,
        levelsSource: used.levelsSource,
        scaleSource: scaleSources(grid, d, settings.riskMatrix),
        own: own ? { matrix: own.matrix, levelsSource: own.levelsSource } : null,
        values: riskValues(d, rows),
      };
    } else if (d.kind === "indicators" || d.kind === "outcomes") {
      reading = judgeReading(d, surveys.find((s) => s.dataset === d)?.read ?? { rowsIn: rows.length, rowsFlagged: 0, doubts: [] });
    } else {
      const read = readActions(grid, d, ds.statusLabels);
      for (const item of read.items) if (item.due) dueDates.push(item.due);
      reading = judgeReading(d, read);
    }
    return {
      id,
      sheet: d.sheet,
      label: datasetLabel(grid, d, ds),
      kind: d.kind,
      rows: rows.length,
      confidence: d.confidence,
      reading,
      headerRow: d.headerRow + 1,
      headers: d.headers.filter((h) => h !== ""),
      fields: fields.filter((f) => f.header !== ""),
      columns,
      confidenceByRole: d.roleScores ?? {},
      runnerUp,
      groups,
      planName: d.kind === "outcomes" ? planNameFrom(sheetTitle(grid, d)) : null,
      ...(risk ? { risk } : {}),
    };
  });
  // A hidden sheet with nothing found on it was passed over for being hidden (a confirmed one would have been read).
  const hiddenSheets = new Set(grids.filter((g) => (g.visibility === "hidden" || g.visibility === "veryHidden") && !found.some((d) => d.sheet === g.name)).map((g) => g.name));
  // What is judged at the period's end: overdue items, risks' target dates, and values given without a period of their own.
  const needsEnd = found.some((d) => d.kind === "priorities" || d.kind === "actions" || (d.kind === "risks" && d.columns.targetDate !== undefined));
  const measured = found.some((d) => d.kind === "indicators" || d.kind === "outcomes");
  // Series that end in different periods are each reported at their own latest value: a period is then a choice, not a gap.
  const spread = !period && defaultPeriod(surveys).note !== null;
  const valued = new Map<string, Period>();
  for (const s of surveys) for (const [key, v] of s.valued) valued.set(key, v.period);
  const byRecency = [...valued.values()].sort((a, b) => periodIndex(b) - periodIndex(a) || kindOrder(a) - kindOrder(b));
  const latest = byRecency[0] ? formatPeriod(byRecency[0]) : null;
  return {
    datasets,
    period: period ? formatPeriod(period) : null,
    periodRequired: !period && (needsEnd || (measured && !spread)),
    suggestedPeriods: byRecency.length ? byRecency.slice(0, 8).map(formatPeriod) : dueQuarters(dueDates),
    valuedPeriods: { keys: [...valued.keys()], unplaced: surveys.some((s) => s.unplaced > 0), latest },
    settings,
    notes,
    skipped: skipped.map((s) => ({ ...s, hidden: hiddenSheets.has(s.sheet) })),
    areas: areasIn(grids, found),
  };
}

/** Quarters before months before years, for periods that index alike. */
const kindOrder = (p: Period) => ["quarter", "month", "year"].indexOf(p.kind);

/** Each column's key, letter, group label and first values; a repeated header gets "#2", "#3"… in its key. */
function columnsOf(grid: SheetGrid, d: DetectedDataset, scanned: ScannedRow[]): ColumnInfo[] {
  const samples: string[][] = d.headers.map(() => []);
  let wanting = d.headers.length;
  for (const r of scanned) {
    if (wanting === 0) break;
    if (r.kind !== "data") continue;
    r.cells.forEach((v, i) => {
      if (i >= samples.length || samples[i].length >= SAMPLES || isBlank(v)) return;
      const shown = showValue(v, grid.formats?.[r.row]?.[d.left + i]);
      if (samples[i].includes(shown)) return;
      samples[i].push(shown);
      if (samples[i].length === SAMPLES) wanting--;
    });
  }
  const keys = columnKeys(d.headers);
  return d.headers.map((header, i) => {
    return {
      key: keys[i],
      letter: columnLetter(d.left + i),
      header,
      context: d.headerContext?.[i]?.trim() || null,
      samples: samples[i],
    };
  });
}

/** A value as the sheet shows it: a percentage as one, a date as dd/mm/yyyy, long text cut short. */
function showValue(v: CellValue, format: string | undefined): string {
  if (typeof v === "number") return format && isPercentFormat(format) ? `${formatNumber(v * 100)}%` : formatNumber(v);
  if (v instanceof Date) return formatUkDate({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  return truncate(cellText(v).replace(/\s+/g, " "), 24);
}

/** Where each scale of a register came from, as the run says it. */
function scaleSources(grid: SheetGrid, d: DetectedDataset, configured: RiskMatrix | null): RiskReading["scaleSource"] {
  const s = registerScales(grid, d, configured);
  return { likelihood: s.likelihood.source, impact: s.impact.source };
}

/** The distinct values in a register's likelihood and impact columns (current, inherent and target), as written. */
function riskValues(d: DetectedDataset, rows: ScannedRow[]): RiskReading["values"] {
  const axis = (roles: Role[]) => {
    const out = new Map<string, CellValue>();
    for (const r of rows) {
      for (const role of roles) {
        const col = d.columns[role];
        const v = col === undefined ? undefined : r.cells[col - d.left];
        if (v === undefined || isBlank(v)) continue;
        const key = typeof v === "number" ? `#${v}` : cellText(v).trim().toLowerCase();
        if (!out.has(key) && out.size < AXIS_VALUES) out.set(key, v instanceof Date ? cellText(v) : v);
      }
    }
    return [...out.values()];
  };
  return {
    likelihood: axis(["likelihood", "residualLikelihood", "targetLikelihood"]),
    impact: axis(["impact", "residualImpact", "targetImpact"]),
  };
}

/** The financial quarters the due dates of priorities and actions fall in, latest first: periods a tracker could be reported for. */
function dueQuarters(dates: CalendarDate[]): string[] {
  const quarters = new Map<string, Period>();
  for (const due of dates) {
    const q = quarterOf(due);
    quarters.set(periodKey(q), q);
  }
  return [...quarters.values()].sort((a, b) => periodIndex(b) - periodIndex(a)).slice(0, 12).map(formatPeriod);
}

/** The distinct areas in indicator datasets' area columns, for the pane's "your area" choice. */
function areasIn(grids: SheetGrid[], datasets: ReturnType<typeof surveyDatasets>["datasets"]): string[] {
  const out = new Set<string>();
  for (const d of datasets) {
    const col = d.columns.area ?? d.columns.areaCode;
    if (col === undefined || (d.kind !== "indicators" && d.kind !== "outcomes")) continue;
    const grid = grids.find((g) => g.name === d.sheet) as SheetGrid;
    for (const r of scanRows(grid, d)) {
      const v = r.kind === "data" ? String(r.cells[col - d.left] ?? "").trim() : "";
      if (v) out.add(v);
      if (out.size > 2000) break;
    }
  }
  return out.size > 1 ? [...out].sort((a, b) => a.localeCompare(b)) : [];
}
