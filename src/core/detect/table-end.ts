import { SheetGrid, filledColumns } from "../grid";
import { CellValue, cellText, normaliseWord } from "../values";
import { headerScores, headerWords } from "./roles";

/** First-cell words that begin notes, sources, footers and totals rather than data. */
const FOOTER = /^(\*|†|#$|notes?\b|sources?\b|©|\(c\)|copyright|references?\b|key:|legend\b|footnote|please note|nb\b|end of\b|produced by|prepared by)/i;
/** A totals row: the whole first cell says so ("Total", "Grand total:"), not an indicator called "Total households…". */
const TOTAL = /^(grand |sub-?)?totals?:?$/i;
/** An end marker a template puts under its last row ("END", "*** End of table ***", "End of data"). */
const END_MARKER = /^[\s*#=_-]*(end|end of (table|data|sheet|list|return|form|section|template))[\s*#=_.-]*$/i;

/** A banner this long reads as a sentence (a note), not a section name. */
const SENTENCE_WORDS = 6;

/** Whether a row's filled cells all hold one value: a banner merged across the table ("© 2025 …", "Closed risks"). */
export function isBannerRow(row: CellValue[] | undefined, filled: number[]): boolean {
  if (filled.length < 2 || !row) return false;
  const first = cellText(row[filled[0]]);
  return typeof row[filled[0]] === "string" && filled.every((c) => cellText(row[c]) === first);
}

/**
 * How many of a row's cells are a header word on their own ("Status",
 * "Likelihood", "Due date"): two or more, and most of its cells naming some
 * column, read as the header of another table rather than a data row.
 */
export function headerCellCount(row: CellValue[] | undefined, left: number, right: number): { exact: number; named: number; filled: number } {
  let exact = 0;
  let named = 0;
  const filled = filledColumns(row, left, right);
  for (const c of filled) {
    const v = row?.[c];
    if (typeof v !== "string" || v.length > 60) continue;
    const scores = headerScores(headerWords(v));
    let best = 0;
    for (const s of scores.values()) best = Math.max(best, s);
    if (best >= 1) exact++;
    if (best >= 0.75) named++;
  }
  return { exact, named, filled: filled.length };
}

/** A row that starts another table: a header of its own (not this table's header repeated after a page break). */
export function startsAnotherTable(grid: SheetGrid, r: number, left: number, right: number, header: string): boolean {
  const row = grid.rows[r];
  const cells = headerCellCount(row, left, right);
  if (cells.exact < 2 || cells.named * 2 < cells.filled) return false;
  return rowWords(row, left, right) !== header;
}

function rowWords(row: CellValue[] | undefined, left: number, right: number): string {
  return filledColumns(row, left, right).map((c) => normaliseWord(cellText(row?.[c]))).join("|");
}

/**
 * The last data row of a table that starts under `headerRow`: the table
 * ends before a notes, source, copyright, totals or end-marker row, before a
 * block that follows a blank row (or a heading) and is much sparser than the
 * data (a footnote under a gap), and before another table's header. What
 * lies below is reported, never read as data.
 */
export function tableEnd(grid: SheetGrid, headerRow: number, left: number, right: number): number {
  // How many rows so far have each number of filled cells: their median is read from this tally at each gap, where
  // sorting every row's width again made a table with a blank row between its rows quadratic (40,000 rows: 8 s).
  const widthCounts: number[] = [];
  let rows = 0;
  const header = rowWords(grid.rows[headerRow], left, right);
  let last = headerRow;
  let gap = 0;
  let afterHeading = false;
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    // Walked by filled cells: a wide sparse row costs its values, not its width.
    const filled = filledColumns(row, left, right);
    // A banner merged across the table counts as the one cell it is.
    const n = isBannerRow(row, filled) ? 1 : filled.length;
    if (n === 0) {
      gap++;
      continue;
    }
    const text = cellText(row?.[filled[0]]);
    if ((FOOTER.test(text) && n <= 3) || TOTAL.test(text) || (END_MARKER.test(text) && n === 1)) break;
    // A sentence merged across the table under its rows ("Status Rules: current status based on…") is a note, not an item.
    if (rows && filled.length > 1 && n === 1 && text.split(/\s+/).length >= SENTENCE_WORDS) break;
    if ((gap > 0 || afterHeading) && startsAnotherTable(grid, r, left, right, header)) {
      // A heading just above the next table ("Closed risks") belongs to it, not to this one.
      if (afterHeading && last === r - 1 - gap) last--;
      break;
    }
    if (gap > 0 && rows >= 3) {
      const typical = medianWidth(widthCounts, rows);
      if (typical >= 4 && n <= Math.max(2, typical / 3)) break;
    }
    afterHeading = n === 1;
    widthCounts[n] = (widthCounts[n] ?? 0) + 1;
    rows++;
    last = r;
    gap = 0;
  }
  return last;
}

/** The width at the middle of `rows` widths in ascending order (the upper of the two middle ones), from their tally by width. */
function medianWidth(widthCounts: number[], rows: number): number {
  const middle = Math.floor(rows / 2);
  let seen = 0;
  for (let w = 0; w < widthCounts.length; w++) {
    seen += widthCounts[w] ?? 0;
    if (seen > middle) return w;
  }
  return widthCounts.length - 1;
}
