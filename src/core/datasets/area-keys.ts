import { SheetGrid } from "../grid";
import { CellValue, cellText } from "../values";
import { DetectedDataset } from "../detect/find-datasets";
import { headerScores, headerWords } from "../detect/roles";

/** Rows sampled to count a column's distinct values: enough to rank columns, cheap on 50,000 rows. */
const SAMPLE_ROWS = 5000;

/** Header strength at which a column that was given no role still reads as an area or organisation. */
const AREA_HEADER = 0.6;

/**
 * The area or organisation columns of long data, most specific first: an
 * organisation within an ICB within a region is keyed on the organisation,
 * so rows of different organisations never collide as one series. Columns
 * are ranked by how few rows of one series and period they leave colliding
 * (each row taking its first column with a value, so a national row with no
 * authority is the country's); then a name before a code (an authority
 * whose code changed stays one series); then the most distinct values.
 * `seriesOf` gives the part of a row's key that is not its area (the
 * indicator and period).
 */
export function areaColumns(grid: SheetGrid, d: DetectedDataset, seriesOf: (row: CellValue[]) => string, exclude: Set<number> = new Set()): number[] {
  const named = new Set<number>();
  const coded = new Set<number>();
  if (d.columns.area !== undefined) named.add(d.columns.area);
  if (d.columns.areaCode !== undefined) coded.add(d.columns.areaCode);
  const assigned = new Set(Object.values(d.columns));
  for (let c = d.left; c <= d.right; c++) {
    if (assigned.has(c) || exclude.has(c)) continue;
    const h = d.headers[c - d.left];
    if (!h) continue;
    const scores = headerScores(headerWords(h, d.headerContext?.[c - d.left] ?? ""));
    if ((scores.get("area") ?? 0) >= AREA_HEADER) named.add(c);
    else if ((scores.get("areaCode") ?? 0) >= AREA_HEADER) coded.add(c);
  }
  const cols = [...named, ...coded].filter((c) => !exclude.has(c));
  if (cols.length <= 1) return cols;
  const distinct = new Map(cols.map((c) => [c, distinctValues(grid, d, c)]));
  const byDistinct = cols.slice().sort((a, b) => (distinct.get(b) as number) - (distinct.get(a) as number) || a - b);
  const chain = (first: number) => [first, ...byDistinct.filter((c) => c !== first)];
  const collisions = new Map(cols.map((c) => [c, collidingRows(grid, d, seriesOf, chain(c))]));
  const best = cols.slice().sort((a, b) => (collisions.get(a) as number) - (collisions.get(b) as number)
    || Number(coded.has(a)) - Number(coded.has(b)) || (distinct.get(b) as number) - (distinct.get(a) as number) || a - b)[0];
  return chain(best);
}

/** Rows (sampled) whose series, period and area repeat an earlier row's, with the area taken from `cols` in order. */
function collidingRows(grid: SheetGrid, d: DetectedDataset, seriesOf: (row: CellValue[]) => string, cols: number[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  const last = Math.min(d.lastRow, d.headerRow + SAMPLE_ROWS);
  for (let r = d.headerRow + 1; r <= last; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const key = `${seriesOf(row)}\u0001${areaOf(row, 0, cols)}`;
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats;
}

/** How many different values a column holds in the dataset's rows (sampled). */
export function distinctValues(grid: SheetGrid, d: DetectedDataset, col: number): number {
  const seen = new Set<string>();
  const last = Math.min(d.lastRow, d.headerRow + SAMPLE_ROWS);
  for (let r = d.headerRow + 1; r <= last; r++) {
    const t = cellText(grid.rows[r]?.[col]);
    if (t) seen.add(t);
  }
  return seen.size;
}

/** A row's area: its most specific area column that has a value (a national row with no authority is the country's). */
export function areaOf(cells: CellValue[], left: number, cols: number[]): string {
  return cellText(cells[areaLevel(cells, left, cols) + left]);
}

/** Which of the area columns a row's area comes from (an authority's, a region's…) as a sheet column less `left`; -1 when none has a value. */
export function areaLevel(cells: CellValue[], left: number, cols: number[]): number {
  for (const c of cols) if (cellText(cells[c - left])) return c - left;
  return -1;
}
