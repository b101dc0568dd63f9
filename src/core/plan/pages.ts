/**
 * Where printed pages break. A4 landscape with the margins every output sheet
 * is given (0.7 inch at the sides, 0.75 at top and bottom), scaled down to one
 * page wide as fit-to-width prints it, so a table or chart that fits on a page
 * starts on a fresh one rather than being split across two.
 */

/** A4 landscape, less the side margins (0.7 inch each), in points. */
export const PRINT_WIDTH = 841.9 - 2 * 0.7 * 72;
/** A4 landscape, less the top and bottom margins (0.75 inch each), in points. */
export const PRINT_HEIGHT = 595.3 - 2 * 0.75 * 72;
/** Excel's default row height, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** A column width in characters as points (Calibri 11: 7 pixels a character and 5 of padding, at 96 pixels an inch). */
export function columnPoints(chars: number): number {
  return Math.round(((chars * 7 + 5) * 72) / 96 * 100) / 100;
}

/** Rows to keep on one page where they fit; `newPage` starts them on a fresh page whatever room is left. */
export interface KeepTogether {
  first: number;
  last: number;
  newPage?: boolean;
}

export interface PageInput {
  /** Columns printed, in characters (hidden ones left out). */
  widths: number[];
  rows: number;
  heights: Record<number, number>;
  blocks: KeepTogether[];
  /** Rows repeated at the top of every page (after they first appear). */
  titleRows?: { first: number; last: number };
  fitToWidth: boolean;
}

/** The scale fit-to-width prints at: 1, or less where the columns are wider than the page. */
export function printScale(widths: number[]): number {
  const width = widths.reduce((a, w) => a + columnPoints(w), 0);
  return width > PRINT_WIDTH ? PRINT_WIDTH / width : 1;
}

/**
 * 0-based rows that begin a new page: before each block that would otherwise
 * be split, fits on a page and follows a fair part of a page of something
 * else; and before each block that asks for one.
 */
export function pageBreaks(p: PageInput): number[] {
  const page = PRINT_HEIGHT / (p.fitToWidth ? printScale(p.widths) : 1);
  const height = (r: number) => p.heights[r] ?? DEFAULT_ROW_HEIGHT;
  const titles = p.titleRows ? Array.from({ length: p.titleRows.last - p.titleRows.first + 1 }, (_, i) => height(p.titleRows!.first + i)).reduce((a, b) => a + b, 0) : 0;
  const starts = new Map(p.blocks.map((b) => [b.first, b]));
  const breaks: number[] = [];
  let used = 0;
  for (let r = 0; r < p.rows; r++) {
    const block = starts.get(r);
    // Title rows take room on every page after the one they first appear on.
    const room = page - (p.titleRows && r > p.titleRows.last && breaks.length ? titles : 0);
    if (block && r > 0 && used > 0) {
      let size = 0;
      for (let k = block.first; k <= block.last; k++) size += height(k);
      // A block is moved only when the page already holds a fair part of something else: moving a table away from a
      // page that has just its sheet's title on it would leave that page nearly empty.
      if (block.newPage || (used + size > room && size <= room && used > room / 4)) {
        breaks.push(r);
        used = 0;
      }
    }
    const h = height(r);
    if (used + h > room && used > 0) used = 0; // the printer breaks here by itself
    used += h;
  }
  return breaks;
}
