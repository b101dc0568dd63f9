import { SheetGrid, parseRange } from "../grid";
import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { Period, parsePeriod } from "../periods";
import { Role, DatasetKind, roleOfHeader, kindHint } from "./roles";

/** A dataset found on a sheet: where it is, what kind it is, which column holds what. */
export interface DetectedDataset {
  sheet: string;
  kind: DatasetKind;
  /** 0-based row of the header; data runs from the next row to `lastRow`. */
  headerRow: number;
  lastRow: number;
  left: number;
  right: number;
  columns: Partial<Record<Role, number>>;
  /** Wide layouts: one value column per period ("Q4 2020/21", "Q1 2021/22"). */
  periodColumns: { col: number; period: Period }[];
  /** Header text per column from `left` (for mapping screens and messages). */
  headers: string[];
  /** 0–1: how much of the header row was recognised. */
  confidence: number;
  tableName?: string;
}

/** A user's correction, kept in the workbook: columns named by header text so reordering survives. */
export interface MappingOverride {
  kind?: DatasetKind;
  /** 1-based, as the user sees it. */
  headerRow?: number;
  columns?: Partial<Record<Role, string | null>>;
}

const HEADER_SCAN_ROWS = 40;

interface Candidate {
  columns: Partial<Record<Role, number>>;
  periodColumns: { col: number; period: Period }[];
  recognised: number;
  nonBlank: number;
  titleHeader: string;
}

/** Read one row as a header: which role each cell names. First column wins a role. */
function readHeader(row: CellValue[], left: number, right: number): Candidate {
  const columns: Partial<Record<Role, number>> = {};
  const periodColumns: { col: number; period: Period }[] = [];
  let recognised = 0;
  let nonBlank = 0;
  let titleHeader = "";
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (isBlank(v) || typeof v !== "string") {
      if (!isBlank(v)) nonBlank++;
      continue;
    }
    nonBlank++;
    const text = v.trim();
    const role = roleOfHeader(text);
    if (role) {
      recognised++;
      if (columns[role] === undefined) {
        columns[role] = c;
        if (role === "title") titleHeader = text;
      }
      continue;
    }
    const p = /\d/.test(text) ? parsePeriod(text) : null;
    if (p && p.ok && p.value) {
      recognised++;
      periodColumns.push({ col: c, period: p.value });
    }
  }
  return { columns, periodColumns, recognised, nonBlank, titleHeader };
}

function classify(c: Candidate, sheetName: string): DatasetKind | null {
  const cols = c.columns;
  const hint = kindHint(c.titleHeader) ?? kindHint(sheetName);
  if (cols.likelihood !== undefined && cols.impact !== undefined) return "risks";
  const measured = cols.value !== undefined || c.periodColumns.length > 0;
  if (measured && (cols.title !== undefined || cols.code !== undefined)) return hint === "outcomes" ? "outcomes" : "indicators";
  const hasStatus = cols.status !== undefined || cols.level !== undefined;
  if (hasStatus && (cols.title !== undefined || cols.due !== undefined)) {
    return hint === "priorities" ? "priorities" : hint === "outcomes" ? "outcomes" : "actions";
  }
  return null;
}

function applyOverride(c: Candidate, headerRow: CellValue[], left: number, right: number, o: MappingOverride | undefined): void {
  if (!o?.columns) return;
  for (const [role, header] of Object.entries(o.columns) as [Role, string | null][]) {
    if (header === null) {
      delete c.columns[role];
      continue;
    }
    for (let col = left; col <= right; col++) {
      if (normaliseWord(cellText(headerRow[col])) === normaliseWord(header)) {
        c.columns[role] = col;
        break;
      }
    }
  }
}

function lastUsedRow(grid: SheetGrid, from: number, left: number, right: number): number {
  for (let r = grid.rows.length - 1; r >= from; r--) {
    const row = grid.rows[r] ?? [];
    for (let c = left; c <= right; c++) if (!isBlank(row[c])) return r;
  }
  return from - 1;
}

function usedWidth(grid: SheetGrid, top: number, bottom: number): number {
  let right = -1;
  for (let r = top; r <= bottom; r++) right = Math.max(right, (grid.rows[r]?.length ?? 0) - 1);
  return right;
}

/** Find the header row within a region and describe the dataset below it. */
function detectInRegion(
  grid: SheetGrid, top: number, bottom: number, left: number, right: number, override: MappingOverride | undefined, tableName?: string,
): DetectedDataset | null {
  let best: { row: number; cand: Candidate; kind: DatasetKind } | null = null;
  const scanTo = override?.headerRow !== undefined ? override.headerRow - 1 : Math.min(bottom, top + HEADER_SCAN_ROWS - 1);
  const scanFrom = override?.headerRow !== undefined ? override.headerRow - 1 : top;
  for (let r = scanFrom; r <= scanTo; r++) {
    const row = grid.rows[r] ?? [];
    const cand = readHeader(row, left, right);
    applyOverride(cand, row, left, right, override);
    if (cand.recognised < 2 && override?.headerRow === undefined) continue;
    const kind = override?.kind ?? classify(cand, tableName ?? grid.name);
    if (!kind) continue;
    if (!best || cand.recognised > best.cand.recognised) best = { row: r, cand, kind };
    if (tableName) break; // a table's header is its first row
  }
  if (!best) return null;
  const { row, cand, kind } = best;
  // Priorities and actions may call their status column "Rating" or "Level".
  if (kind !== "risks" && cand.columns.status === undefined && cand.columns.level !== undefined) {
    cand.columns.status = cand.columns.level;
    delete cand.columns.level;
  }
  const headerCells = grid.rows[row] ?? [];
  const lastRow = tableName ? bottom : lastUsedRow(grid, row + 1, left, right);
  return {
    sheet: grid.name,
    kind,
    headerRow: row,
    lastRow,
    left,
    right,
    columns: cand.columns,
    periodColumns: cand.periodColumns,
    headers: Array.from({ length: right - left + 1 }, (_, i) => cellText(headerCells[left + i])),
    confidence: Math.round((cand.recognised / Math.max(1, cand.nonBlank)) * 100) / 100,
    tableName,
  };
}

/**
 * Find the datasets on a sheet: each Excel table is one; otherwise the sheet
 * holds at most one, under the best header row in its first 40 rows (title
 * rows, notes and blank rows above it are skipped).
 */
export function detectDatasets(grid: SheetGrid, override?: MappingOverride): DetectedDataset[] {
  if (grid.visibility === "veryHidden") return [];
  const found: DetectedDataset[] = [];
  for (const t of grid.tables ?? []) {
    const r = parseRange(t.ref);
    if (!r) continue;
    const d = detectInRegion(grid, r.top, r.bottom, r.left, r.right, override, t.name);
    if (d) found.push(d);
  }
  if (found.length || (grid.tables?.length ?? 0) > 0) return found;
  const bottom = grid.rows.length - 1;
  const right = usedWidth(grid, 0, bottom);
  if (right < 0) return [];
  const d = detectInRegion(grid, 0, bottom, 0, right, override);
  return d ? [d] : [];
}
