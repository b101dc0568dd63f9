import { SheetGrid, filledColumns } from "../grid";
import { CellValue, cellText, normaliseWord } from "../values";
import { DetectedDataset } from "../detect/find-datasets";
import { Role } from "../detect/roles";
import { continuationRows } from "../detect/header-rows";

export type RowKind = "data" | "blank" | "repeated-header" | "heading" | "continuation";

export interface ScannedRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  cells: CellValue[];
  /** For data rows: the text of the nearest heading above (e.g. a directorate name). */
  heading: string | null;
  hidden: boolean;
}

/**
 * Walk a dataset's rows and say what each is. Blank rows and header rows
 * repeated after a page break are skipped; a row with text in only its first
 * cell, or only in its title column, is a section heading (the report's
 * "Finance" above Finance's priorities). Hidden rows are data like any other: nothing is dropped.
 * Each row is walked by its filled cells, so a dataset whose range is wide
 * but sparse costs its values, not its width.
 */
export function scanRows(grid: SheetGrid, d: DetectedDataset): ScannedRow[] {
  const hidden = new Set(grid.hiddenRows ?? []);
  const headerWords = d.headers.map((h) => normaliseWord(h));
  const headerCols = headerWords.flatMap((w, i) => (w ? [i] : []));
  const out: ScannedRow[] = [];
  let heading: string | null = null;
  const keyCols = (["code", "title"] as const).map((role) => d.columns[role]).filter((c): c is number => c !== undefined);
  const continued = continuationRows(grid, keyCols, d.headerRow + 1, d.lastRow);
  // A lone name in the title column, where other columns come before it ("Operating Metrics" above its metrics), heads a section too.
  const titleAt = d.columns.title === undefined ? 0 : d.columns.title - d.left;
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const row = grid.rows[r];
    const filled = filledColumns(row, d.left, d.right).map((c) => c - d.left);
    const cells = rowCells(row, d.left, filled);
    let kind: RowKind = "data";
    if (filled.length === 0) kind = "blank";
    else if (isHeaderAgain(cells, filled, Math.min(row?.length ?? 0, d.right + 1) - d.left, headerWords, headerCols)) kind = "repeated-header";
    else if (continued.has(r)) kind = "continuation";
    else if (filled.length === 1 && (filled[0] === 0 || filled[0] === titleAt) && isHeadingText(d, cells[filled[0]])) {
      kind = "heading";
      heading = cellText(cells[filled[0]]);
    }
    out.push({ row: r, kind, cells, heading: kind === "data" ? heading : null, hidden: hidden.has(r) });
  }
  return out;
}

/**
 * A row's cells from the dataset's first column to its last filled one
 * (`filled`: offsets from `left`). A short span is copied as it is; a long
 * sparse one gets only its filled cells, so it stays small.
 */
function rowCells(row: CellValue[] | undefined, left: number, filled: number[]): CellValue[] {
  if (!row || !filled.length) return [];
  const last = filled[filled.length - 1];
  // A row that is exactly the dataset's span is used as it is (rows are only read, never changed): no copy per row.
  if (left === 0 && row.length === last + 1) return row;
  if (last < SPAN || filled.length * 4 > last) return row.slice(left, left + last + 1);
  const cells: CellValue[] = [];
  for (const i of filled) cells[i] = row[left + i];
  return cells;
}

/** Past this many columns a sparse row's cells are kept as its filled ones only. */
const SPAN = 256;

/**
 * The header row again (after a page break): each filled cell holds its
 * column's header word, and each header word up to the row's end (`span`
 * columns) is there. The cheap test first: the first cell.
 */
function isHeaderAgain(cells: CellValue[], filled: number[], span: number, headerWords: string[], headerCols: number[]): boolean {
  if (filled[0] !== 0 || normaliseWord(cellText(cells[0])) !== headerWords[0]) return false;
  if (!filled.every((i) => normaliseWord(cellText(cells[i])) === (headerWords[i] ?? ""))) return false;
  return headerCols.filter((i) => i < span).length === filled.filter((i) => headerWords[i]).length;
}

/**
 * A lone first-cell text is a section heading only where the dataset has no
 * group column of its own and the text reads like a name (a few words, no
 * closing full stop); otherwise it is an item with missing fields, and is
 * reported as one.
 */
function isHeadingText(d: DetectedDataset, v: CellValue): boolean {
  if (d.columns.group !== undefined || typeof v !== "string") return false;
  const text = v.trim();
  return text.split(/\s+/).length <= 8 && !/[.:;]$/.test(text);
}

/** The value in a role's column (null when blank), or undefined when the dataset has no such column. */
export function cellOf(d: DetectedDataset, row: ScannedRow, role: Role): CellValue | undefined {
  const c = d.columns[role];
  return c === undefined ? undefined : row.cells[c - d.left] ?? null;
}
