import { SheetGrid, parseRange } from "../grid";
import { CellValue, cellText, isBlank } from "../values";

const filled = new WeakSet<SheetGrid>();

/**
 * A merged range's value belongs to every cell it covers: a risk merged
 * over six control rows, or "Q1'15" merged over Goal / Forecast / Actual.
 * Hosts differ (ExcelJS repeats the value, Excel gives it only to the first
 * cell), so the core fills blank covered cells itself. Rows are copied only
 * where they change; the host's grid is never modified.
 */
export function fillMerges(grid: SheetGrid): SheetGrid {
  if (filled.has(grid) || !grid.merges?.length) return grid;
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  for (const ref of grid.merges) {
    const r = parseRange(ref);
    if (!r || (r.bottom - r.top + 1) * (r.right - r.left + 1) > 100_000) continue;
    const value = grid.rows[r.top]?.[r.left] ?? null;
    if (isBlank(value)) continue;
    for (let row = r.top; row <= r.bottom && row < rows.length; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        if (!isBlank(rows[row]?.[col])) continue;
        if (!copied.has(row)) {
          rows[row] = (rows[row] ?? []).slice();
          copied.add(row);
        }
        rows[row][col] = value;
      }
    }
  }
  const out = { ...grid, rows };
  filled.add(out);
  return out;
}

/**
 * Group labels over a header row, per column: the text of up to two rows
 * above that read as group rows (a label repeated across neighbouring
 * columns, as a merged "Step 4: Reviewed Level of Risk" or "Q1'15" is).
 * They qualify the header below ("Likelihood" under "Reviewed" is residual).
 */
export function groupRowsAbove(grid: SheetGrid, headerRow: number, left: number, right: number): string[] {
  const out: string[] = Array.from({ length: right - left + 1 }, () => "");
  for (let r = Math.max(0, headerRow - 2); r < headerRow; r++) {
    const row = grid.rows[r] ?? [];
    if (!isGroupRow(row, left, right)) continue;
    for (let c = left; c <= right; c++) {
      const text = cellText(row[c]);
      if (text && text !== cellText(grid.rows[headerRow]?.[c])) out[c - left] = `${out[c - left]} ${text}`.trim();
    }
  }
  return out;
}

function isGroupRow(row: CellValue[], left: number, right: number): boolean {
  let repeats = 0;
  let texts = 0;
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (typeof v !== "string" || isBlank(v)) continue;
    texts++;
    if (c > left && cellText(row[c - 1]) === cellText(v)) repeats++;
  }
  return texts >= 1 && repeats >= 1;
}

/** Rows whose identifying cells continue a merge begun above: part of the item above, not a new one. */
export function continuationRows(grid: SheetGrid, cols: number[], from: number, to: number): Set<number> {
  const out = new Set<number>();
  if (!grid.merges?.length || !cols.length) return out;
  const covered = new Map<number, number>(); // row → number of key columns covered by a merge from above
  for (const ref of grid.merges) {
    const r = parseRange(ref);
    if (!r || r.bottom === r.top || r.bottom < from || r.top > to) continue;
    for (const c of cols) {
      if (c < r.left || c > r.right) continue;
      for (let row = Math.max(r.top + 1, from); row <= Math.min(r.bottom, to); row++) covered.set(row, (covered.get(row) ?? 0) + 1);
    }
  }
  for (const [row, n] of covered) if (n === cols.length) out.add(row);
  return out;
}
