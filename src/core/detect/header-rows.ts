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
  const header = grid.rows[headerRow] ?? [];
  for (let r = Math.max(0, headerRow - 2); r < headerRow; r++) {
    const row = isGroupRow(grid.rows[r] ?? [], left, right) ? grid.rows[r] ?? []
      : r === headerRow - 1 ? labelsCarriedRight(grid.rows[r] ?? [], header, left, right) : null;
    if (!row) continue;
    for (let c = left; c <= right; c++) {
      const text = cellText(row[c]);
      if (text && text !== cellText(header[c])) out[c - left] = `${out[c - left]} ${text}`.trim();
    }
  }
  return out;
}

/**
 * A group row typed without merging: each label in the first column of its
 * block ("Pre-mitigation" over Likelihood, blank over Impact and Score, then
 * "Post-mitigation"). Each label carries right over the blank cells whose
 * header is filled, up to the next label; the last as far as the widest
 * block before it (an "Owner" after the last block is in none). Needs two
 * labels or more, so a title in A1 qualifies nothing; null where the row is
 * not such a row.
 */
function labelsCarriedRight(row: CellValue[], header: CellValue[], left: number, right: number): CellValue[] | null {
  const labels: number[] = [];
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (typeof v !== "string" || isBlank(header[c])) return null;
    labels.push(c);
  }
  if (labels.length < 2 || !labels.some((c, i) => isBlank(row[c + 1]) && c + 1 < (labels[i + 1] ?? right + 1) && !isBlank(header[c + 1]))) return null;
  const widest = Math.max(...labels.slice(1).map((c, i) => c - labels[i]));
  const out = row.slice();
  labels.forEach((c, i) => {
    const end = labels[i + 1] ?? Math.min(right + 1, c + widest);
    for (let k = c + 1; k < end && !isBlank(header[k]) && isBlank(row[k]); k++) out[k] = row[c];
  });
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
