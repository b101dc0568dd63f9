import {
  parseSettings, surveyDatasets, surveyPeriods, defaultReportingPeriod, datasetId, scanRows, formatPeriod, fillMerges, cellText, DatasetKind, Role, WorkbookSettings,
  SheetGrid, SkippedSheet,
} from "../core";
import { WorkbookPort, SETTINGS_SHEET } from "./port";

/** A dataset as the task pane lists it: where, what, how sure, and its column mapping. */
export interface DatasetInfo {
  id: string;
  sheet: string;
  kind: DatasetKind;
  rows: number;
  confidence: number;
  /** 1-based header row, as the user sees it. */
  headerRow: number;
  headers: string[];
  /** Role → header text. */
  columns: Partial<Record<Role, string>>;
  /** Role → how sure the reading is, 0–1 (header and contents together). */
  confidenceByRole: Partial<Record<Role, number>>;
  /** Role → the next best header, offered first when the user corrects a column. */
  runnerUp: Partial<Record<Role, string>>;
  /** Priorities and actions: the directorates (or owners) named in their rows, as written. */
  groups: string[];
}

export interface Inspection {
  datasets: DatasetInfo[];
  /** The default reporting period: the latest with values (see defaultPeriod). */
  period: string | null;
  settings: WorkbookSettings;
  notes: string[];
  /** Sheets looked at and not used, each with the reason. */
  skipped: SkippedSheet[];
  /** Areas or organisations named in long indicator data (empty when none has several). */
  areas: string[];
}

/** Read the workbook and describe what would be summarised, writing nothing. */
export async function inspectWorkbook(port: WorkbookPort): Promise<Inspection> {
  const { settings, notes } = parseSettings(await port.readSettings());
  const sheets = await port.listSheets();
  const grids: SheetGrid[] = (await port.readSheets(sheets.filter((s) => s.name !== SETTINGS_SHEET).map((s) => s.name))).map(fillMerges);
  const { datasets: found, skipped } = surveyDatasets(grids, settings);
  // The default period, and what the run would say about it (few values, or series ending apart).
  const { period, note } = defaultReportingPeriod(grids, found, surveyPeriods(grids, found));
  if (note) notes.push(note);
  const datasets = found.map((d) => {
    const grid = grids.find((g) => g.name === d.sheet) as SheetGrid;
    const columns: Partial<Record<Role, string>> = {};
    for (const [role, col] of Object.entries(d.columns) as [Role, number][]) columns[role] = d.headers[col - d.left];
    const runnerUp: Partial<Record<Role, string>> = {};
    for (const [role, alt] of Object.entries(d.runnerUp ?? {}) as [Role, { col: number }][]) runnerUp[role] = d.headers[alt.col - d.left];
    const rows = scanRows(grid, d).filter((r) => r.kind === "data");
    const groupCol = d.columns.group;
    const groups = d.kind === "priorities" || d.kind === "actions"
      ? [...new Set(rows.map((r) => (groupCol === undefined ? r.heading ?? "" : cellText(r.cells[groupCol - d.left])).trim()).filter(Boolean))].sort()
      : [];
    return {
      id: datasetId(d),
      sheet: d.sheet,
      kind: d.kind,
      rows: rows.length,
      confidence: d.confidence,
      headerRow: d.headerRow + 1,
      headers: d.headers.filter((h) => h !== ""),
      columns,
      confidenceByRole: d.roleScores ?? {},
      runnerUp,
      groups,
    };
  });
  return { datasets, period: period ? formatPeriod(period) : null, settings, notes, skipped, areas: areasIn(grids, found) };
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
