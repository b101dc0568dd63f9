import { CellValue, isBlank } from "./values";

/**
 * A sheet as the core reads it: a rectangle of values from the sheet's
 * top-left cell (A1 is rows[0][0]), plus what the host knows about layout.
 */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** 0-based indices of hidden rows: their data still counts (nothing is dropped). */
  hiddenRows?: number[];
  /** Merged ranges in A1 form ("A1:F1"). */
  merges?: string[];
  /** Excel tables on the sheet, with their ranges in A1 form. */
  tables?: { name: string; ref: string }[];
  visibility?: "visible" | "hidden" | "veryHidden";
  /** Set when the sheet could not be read at all (its part is missing): why, in a few words. */
  unreadable?: string;
  /**
   * The number format of each number cell whose format matters (not General,
   * not a date: dates arrive as Dates), indexed as `rows`; sparse, and absent
   * when no cell has one. A percent format says 0.8 is 80%.
   */
  formats?: (string | undefined)[][];
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3:F20" → 0-based bounds; a single cell is a 1×1 range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export function rangeRef(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** A sheet name as a formula or hyperlink needs it: quoted, with quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Priorities!C25", quoting the sheet name only where Excel would. */
export function cellRef(sheet: string, row: number, col: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : quoteSheetName(sheet)}!${a1(row, col)}`;
}

/** Past this many columns a row with holes is walked by its filled cells rather than by index. */
const SPARSE_WIDTH = 1024;

/**
 * A wide row with a hole in its middle: a reader that leaves long blank
 * runs as holes made it. A host that reads a whole range gives every cell,
 * and such a row is walked faster by index.
 */
function sparse(row: CellValue[], left: number, end: number): boolean {
  return end - left > SPARSE_WIDTH && !(((left + end) >> 1) in row);
}

/**
 * The columns between `left` and `right` where a row holds a value, in
 * order. A wide sparse row (a reader leaves long blank runs as holes, so
 * values in A and XFD are two cells, not 16,384) is walked by its filled
 * cells only: the cost follows the cells that hold data, not the range.
 */
export function filledColumns(row: CellValue[] | undefined, left: number, right: number): number[] {
  const out: number[] = [];
  if (!row) return out;
  const end = Math.min(right, row.length - 1);
  if (sparse(row, left, end)) {
    // Array index keys come in ascending order (ECMA-262 OrdinaryOwnPropertyKeys).
    for (const key in row) {
      const c = Number(key);
      if (c >= left && c <= end && !isBlank(row[c])) out.push(c);
    }
    return out;
  }
  for (let c = left; c <= end; c++) if (!isBlank(row[c])) out.push(c);
  return out;
}

/** Whether a row holds a value between two columns (walked as `filledColumns` walks it). */
export function rowHasValue(row: CellValue[] | undefined, left: number, right: number): boolean {
  if (!row) return false;
  const end = Math.min(right, row.length - 1);
  if (sparse(row, left, end)) return filledColumns(row, left, end).length > 0;
  for (let c = left; c <= end; c++) if (!isBlank(row[c])) return true;
  return false;
}
