import { SheetGrid, filledColumns } from "../grid";
import { CellValue, cellText, normaliseWord } from "../values";
import { DetectedDataset } from "../detect/find-datasets";
import { Role } from "../detect/roles";
import { continuationRows } from "../detect/header-rows";
import { isKnownStatusWord } from "../status";
import { isPlaceholder, isExampleText, isGuidanceText } from "./furniture";

/**
 * What a row of a dataset is. Besides data: blank rows, the header repeated
 * after a page break, section headings, rows continuing a merged item, and
 * a template's furniture, which is never counted: rows holding only
 * placeholders ("< Select >"), worked examples ("Example of how to
 * complete") and guidance under the header ("Enter the date as dd/mm/yyyy").
 */
export type RowKind = "data" | "blank" | "repeated-header" | "heading" | "continuation" | "placeholder" | "example" | "guidance";

export interface ScannedRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  cells: CellValue[];
  /** For data rows: the text of the nearest heading above (e.g. a directorate name). */
  heading: string | null;
  hidden: boolean;
  /** Cells (offsets from the dataset's left column) holding a placeholder, read as blank: "< Select >" in a status cell. */
  placeholders?: number[];
}

/**
 * Walk a dataset's rows and say what each is. Blank rows and header rows
 * repeated after a page break are skipped; a row with text in only its first
 * cell is a section heading (the report's "Finance" above Finance's
 * priorities). Hidden rows are data like any other: nothing is dropped.
 * Each row is walked by its filled cells, so a dataset whose range is wide
 * but sparse costs its values, not its width.
 */
export function scanRows(grid: SheetGrid, d: DetectedDataset): ScannedRow[] {
  return [...eachScannedRow(grid, d)];
}

/**
 * scanRows one row at a time: a dataset read as it is walked never holds
 * an account of every row at once (a million of them in a long extract).
 */
export function* eachScannedRow(grid: SheetGrid, d: DetectedDataset): Generator<ScannedRow> {
  const hidden = new Set(grid.hiddenRows ?? []);
  const headerWords = d.headers.map((h) => normaliseWord(h));
  const headerCols = headerWords.flatMap((w, i) => (w ? [i] : []));
  let heading: string | null = null;
  const keyCols = (["code", "title"] as const).map((role) => d.columns[role]).filter((c): c is number => c !== undefined);
  const continued = continuationRows(grid, keyCols, d.headerRow + 1, d.lastRow);
  const firstKey = keyCols.length ? Math.min(...keyCols) - d.left : 0;
  let seenData = false;
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const row = grid.rows[r];
    let filled = filledColumns(row, d.left, d.right);
    if (d.left) for (let i = 0; i < filled.length; i++) filled[i] -= d.left;
    let cells = rowCells(row, d.left, filled);
    let placeholders: number[] | null = null;
    for (const i of filled) if (isPlaceholder(cells[i])) (placeholders ??= []).push(i);
    if (placeholders) {
      // A placeholder is no value: the row is read as if those cells were blank (copied, never changed in the sheet).
      cells = cells.slice();
      for (const i of placeholders) cells[i] = null;
      const blanked = placeholders;
      filled = filled.filter((i) => !blanked.includes(i));
    }
    let kind: RowKind = "data";
    if (filled.length === 0) kind = placeholders ? "placeholder" : "blank";
    else if (isHeaderAgain(cells, filled, Math.min(row?.length ?? 0, d.right + 1) - d.left, headerWords, headerCols)) kind = "repeated-header";
    else if (continued.has(r)) kind = "continuation";
    else if (isExample(cells, filled, firstKey)) kind = "example";
    else if (!seenData && isGuidance(cells, filled)) kind = "guidance";
    else if (filled.length === 1 && isHeadingCell(d, filled[0], firstKey, cells[filled[0]])) {
      kind = "heading";
      heading = cellText(cells[filled[0]]);
    }
    if (kind === "data") seenData = true;
    const scanned: ScannedRow = { row: r, kind, cells, heading: kind === "data" ? heading : null, hidden: hidden.has(r) };
    if (placeholders) scanned.placeholders = placeholders;
    yield scanned;
  }
}

/** A worked example: its first key cell (or first filled cell) says so ("Example", "e.g. R001"). */
function isExample(cells: CellValue[], filled: number[], firstKey: number): boolean {
  return isExampleText(cells[firstKey]) || isExampleText(cells[filled[0]]);
}

/**
 * Guidance under a header, before any data: at least half the filled cells
 * are instructions, formats or bracketed notes, and none holds a value (a
 * number, a date, a status word), so a first item that begins "Complete…"
 * is still an item.
 */
function isGuidance(cells: CellValue[], filled: number[]): boolean {
  let guiding = 0;
  for (const i of filled) {
    const v = cells[i];
    if (typeof v !== "string" || isKnownStatusWord(v) || /^\s*[\d£$€%.,/-]+\s*$/.test(v)) return false;
    if (isGuidanceText(v)) guiding++;
  }
  return guiding > 0 && guiding * 2 >= filled.length;
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
  if (filled[0] !== 0 || !firstWordCharIs(cellText(cells[0]), headerWords[0])) return false;
  if (normaliseWord(cellText(cells[0])) !== headerWords[0]) return false;
  if (!filled.every((i) => normaliseWord(cellText(cells[i])) === (headerWords[i] ?? ""))) return false;
  return headerCols.filter((i) => i < span).length === filled.filter((i) => headerWords[i]).length;
}

/**
 * Whether normaliseWord(text) could equal `word`: its first letter, digit,
 * "%" or arrow (what normaliseWord keeps) is the word's first character. A
 * cheap first test on every row, where the full normalisation costs regular
 * expressions.
 */
function firstWordCharIs(text: string, word: string): boolean {
  if (!word) return true;
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const kept = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37 || c === 0x2191 || c === 0x2193 || c === 0x2194;
    if (kept) return c === word.charCodeAt(0);
  }
  return false;
}

/**
 * A lone text is a section heading where it reads like a name (a few words,
 * no closing full stop) and sits in the dataset's first column with no group
 * column of its own, or left of the title in a column that is neither title
 * nor code (a project's name over its milestones). Otherwise it is an item
 * with missing fields, and is reported as one.
 */
function isHeadingCell(d: DetectedDataset, at: number, firstKey: number, v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const text = v.trim();
  if (text.split(/\s+/).length > 8 || /[.:;]$/.test(text)) return false;
  if (at === 0 && d.columns.group === undefined) return true;
  const col = at + d.left;
  // A lone name in a title column that other columns come before ("Operating Metrics" above its metrics, status columns to its left).
  if (col === d.columns.title && at > 0 && d.columns.group === undefined && d.columns.code === undefined) return true;
  return at < firstKey && col !== d.columns.title && col !== d.columns.code;
}

/** The value in a role's column (null when blank), or undefined when the dataset has no such column. */
export function cellOf(d: DetectedDataset, row: ScannedRow, role: Role): CellValue | undefined {
  const c = d.columns[role];
  return c === undefined ? undefined : row.cells[c - d.left] ?? null;
}
