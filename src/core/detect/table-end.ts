import { SheetGrid, filledColumns, parseRange } from "../grid";
import { cellText } from "../values";

/** First-cell words that begin notes, sources, footers and totals rather than data. */
const FOOTER = /^(\*|†|#$|notes?\b|sources?\b|©|\(c\)|copyright|references?\b|key:|legend\b|footnote|please note|nb\b|end of\b|produced by|prepared by)/i;
/** A totals row: the whole first cell says so ("Total", "Grand total:"), not an indicator called "Total households…". */
const TOTAL = /^(grand |sub-?)?totals?:?$/i;

/**
 * The last data row of a table that starts under `headerRow`: the table
 * ends before a notes, source, copyright or totals row, or before a block
 * that follows a blank row and is much sparser than the data (a footnote
 * under a gap). What lies below is reported, never read as data.
 */
export function tableEnd(grid: SheetGrid, headerRow: number, left: number, right: number): number {
  const banners = bannerRows(grid, headerRow, left, right);
  const widths: number[] = [];
  let last = headerRow;
  let gap = 0;
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    // Walked by filled cells: a wide sparse row costs its values, not its width.
    const filled = filledColumns(row, left, right);
    const n = filled.length;
    if (n === 0) {
      gap++;
      continue;
    }
    const text = cellText(row?.[filled[0]]);
    if ((FOOTER.test(text) && n <= 3) || TOTAL.test(text)) break;
    // A sentence merged across the table after its rows ("Status Rules: current status based on…") is a note.
    if (widths.length && banners.has(r) && text.split(/\s+/).length >= SENTENCE_WORDS) break;
    if (gap > 0 && widths.length >= 3) {
      const typical = widths.slice().sort((a, b) => a - b)[Math.floor(widths.length / 2)];
      if (typical >= 4 && n <= Math.max(2, typical / 3)) break;
    }
    widths.push(n);
    last = r;
    gap = 0;
  }
  return last;
}

/** A banner this long reads as a sentence (a note), not a section name. */
const SENTENCE_WORDS = 6;

/**
 * Rows below the header that one merged cell spans across most of the
 * table's width: a banner (a heading or a note), not a row of values.
 */
function bannerRows(grid: SheetGrid, headerRow: number, left: number, right: number): Set<number> {
  const out = new Set<number>();
  for (const ref of grid.merges ?? []) {
    const m = parseRange(ref);
    if (!m || m.top !== m.bottom || m.top <= headerRow) continue;
    const covered = Math.min(m.right, right) - Math.max(m.left, left) + 1;
    if (covered >= 3 && covered * 2 >= right - left + 1) out.add(m.top);
  }
  return out;
}
