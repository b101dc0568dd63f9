import { SheetGrid, filledColumns } from "../grid";
import { cellText } from "../values";

/**
 * More wholly empty columns than this between two used columns part them:
 * a note column at XFD beside a table in A:D is not one of the table's
 * columns (the same gap the reader leaves as a hole in a row).
 */
export const WIDE_GAP = 32;

/** A run of used columns with no wide gap inside it, and how many filled cells it holds. */
export interface ColumnBlock {
  left: number;
  right: number;
  cells: number;
}

/** Values in one column outside a dataset's columns, in the dataset's rows. */
export interface BesideColumn {
  col: number;
  /** Its text in the header row, if any ("Notes"). */
  header: string;
  /** Filled cells in the column below the header row, to the last data row. */
  cells: number;
  /** 0-based sheet rows of the first and last of them (the header row when there are none). */
  firstRow: number;
  lastRow: number;
}

/**
 * The used columns of rows `top`..`bottom`, in blocks separated by more than
 * WIDE_GAP empty columns, left to right. Costs the filled cells, not the
 * width the rows span.
 */
export function columnBlocks(grid: SheetGrid, top: number, bottom: number): ColumnBlock[] {
  let width = 0;
  for (let r = top; r <= bottom; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const counts = new Uint32Array(width);
  for (let r = top; r <= bottom; r++) for (const c of filledColumns(grid.rows[r], 0, width - 1)) counts[c]++;
  const blocks: ColumnBlock[] = [];
  let block: ColumnBlock | null = null;
  for (let c = 0; c < width; c++) {
    if (!counts[c]) continue;
    if (!block || c - block.right - 1 > WIDE_GAP) {
      block = { left: c, right: c, cells: 0 };
      blocks.push(block);
    }
    block.right = c;
    block.cells += counts[c];
  }
  return blocks;
}

/**
 * The columns outside `left`..`right` that hold values from a dataset's
 * header row `top` to its last row `bottom`: what its rows hold beyond a
 * wide gap, so it can be reported rather than dropped in silence.
 */
export function besideColumns(grid: SheetGrid, top: number, bottom: number, left: number, right: number): BesideColumn[] {
  const found = new Map<number, BesideColumn>();
  for (let r = top; r <= bottom; r++) {
    const row = grid.rows[r];
    if (!row || (row.length <= right + 1 && left === 0)) continue;
    for (const c of [...filledColumns(row, 0, left - 1), ...filledColumns(row, right + 1, row.length - 1)]) {
      const seen = found.get(c);
      if (r === top) found.set(c, { col: c, header: cellText(row[c]), cells: 0, firstRow: r, lastRow: r });
      else if (!seen) found.set(c, { col: c, header: "", cells: 1, firstRow: r, lastRow: r });
      else {
        if (!seen.cells) seen.firstRow = r;
        seen.cells++;
        seen.lastRow = r;
      }
    }
  }
  return [...found.values()].sort((a, b) => a.col - b.col);
}
