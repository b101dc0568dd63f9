import { SheetGrid, cellRef } from "../grid";
import { CellValue, cellText, isBlank } from "../values";
import { Period, formatPeriod, periodIndex, periodKey, periodStart } from "../periods";
import { CalendarDate, compareDates } from "../dates";
import { Polarity, parsePolarity } from "../polarity";
import { normaliseStatus } from "../status";
import { Problem } from "../problems";
import { DetectedDataset } from "../detect/find-datasets";
import { MeasureColumn, measureNamed } from "../detect/measures";
import { cellOf, ScannedRow } from "./rows";
import { issueAt, issue } from "./issues";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";
import { flat } from "../flat-text";
import { PointList, PointValue, IndicatorPoint, SeriesBuilder } from "./series-points";
import { CellNumbers, ShownNumber, SymbolTally, isProblem } from "./cell-numbers";
import { areaColumns, areaLevel, areaOf, distinctValues } from "./area-keys";
import { forecastRow } from "./forecast";
import { readPeriodCell } from "../period-cells";
import { statedPolarity } from "./stated-rules";
import { memoByText } from "./text-memo";

export { PointList };
export type { PointValue, IndicatorPoint };

/** A series before its points are read. */
const NO_POINTS = PointList.of([]);

export interface IndicatorItem {
  row: number;
  key: string;
  code: string;
  title: string;
  polarity: Polarity | null;
  unit: string;
  /** Shown as a percentage: a % format, a % sign or a % unit (values are then held per cent: 80, not 0.8). */
  percent: boolean;
  /** Decimal places the council's number format fixes for the values (0.0% → 1); null where none does. */
  decimals: number | null;
  /** How many values were given as percentages, and how many as plain numbers: both at once is a doubt. (Counts on the item, not an object per item: 50,000 of them add up.) */
  percentValues: number;
  plainValues: number;
  target: number | null;
  /** The target was given as a percentage (a % format or a % sign). */
  targetPercent: boolean;
  /** Decimal places the target's number format fixes; null where none does. */
  targetDecimals: number | null;
  /** The cell the target came from, so a disagreement names it (-1 when there is none). */
  targetRow: number;
  targetCol: number;
  redThreshold: number | null;
  group: string;
  /** The area or organisation of this series, in long data that holds several. */
  area: string;
  /** The column its area was read from (an authority's, a region's): areas compare only with areas of the same column. */
  areaColumn: number;
  /** The status the sheet itself gives (a typed RAG column), used where none can be worked out. */
  typedStatus: string;
  /** Year to date, as given beside the period value. */
  ytd: number | null;
  /** Long data broken down further (sex, age band…): this series' values of those columns. */
  breakdown: string;
  /** Its rows set aside (forecasts, periods still to come, several years pooled): a series with none left says why it has no value. */
  rowsSetAside: number;
  /** Targets given per period (a Goal column under each period), by period key; null when the sheet gives none (most do not: a map per indicator was 10 MB at 50,000). */
  targets: Map<string, number> | null;
  /** Its values in sheet order (by row, then column), period by period. */
  points: PointList;
}

/** What reading an indicator or outcome dataset gave beyond its items. */
export interface IndicatorsRead extends DatasetRead<IndicatorItem> {
  areas: string[];
  /** Suppression and missing-value symbols met, each said once. */
  symbols: Map<string, SymbolTally>;
  /** What the run should say about this dataset once (symbols, forecasts, future periods, a polarity the sheet states). */
  notes: string[];
  /** Series keyed per measure (periods as rows, measures as columns). */
  measures: boolean;
}

export interface ReadOptions {
  /** The day of the run: a period that begins after it has not happened, so its values are not current. */
  today?: CalendarDate | null;
}

/** What a row's reading can set aside, counted so each is said once. */
interface Unreported {
  forecast: number[];
  future: { rows: number[]; cells: number; first: string };
  spans: { rows: number[]; first: string };
  forecastColumns: Set<number>;
}

/**
 * Read indicators or outcomes in any of four layouts: one row per indicator
 * and period (long), one column per period (wide), one value per row with
 * or without a period column, or periods as rows with each numeric column a
 * measure of its own.
 */
export function readIndicators(grid: SheetGrid, d: DetectedDataset, options: ReadOptions = {}): IndicatorsRead {
  const read: IndicatorsRead = { ...emptyRead<IndicatorItem>(d), areas: [], symbols: new Map(), notes: [], measures: !!d.measures?.length };
  const numbers = new CellNumbers(grid);
  const ctx: Reading = {
    grid, d, read, numbers, today: options.today ?? null, future: new Map(),
    points: new SeriesBuilder((d.lastRow - d.headerRow) * Math.max(1, d.periodColumns.length, d.measures?.length ?? 0)),
    skipped: { forecast: [], future: { rows: [], cells: 0, first: "" }, spans: { rows: [], first: "" }, forecastColumns: new Set() },
  };
  if (d.measures?.length) readMeasures(ctx, d.measures);
  else readRows(ctx);
  // Every series' points laid out in sheet order (by row, then column), as typed columns.
  const lists = ctx.points.finish(read.items.length);
  for (let i = 0; i < read.items.length; i++) read.items[i].points = lists[i];
  if (d.measures?.length) latestTargets(read.items);
  for (const item of read.items) {
    // Plain values on the scale of a percentage target (75.5 against 80%) are percentages too.
    if (item.targetPercent && !item.percent && someAbove(item.points, 1)) item.percent = true;
  }
  read.symbols = numbers.symbols;
  read.notes.push(...unreportedNotes(ctx), ...symbolNotes(d, numbers.symbols));
  const stated = statedPolarity(grid, d);
  if (stated) {
    const given = read.items.filter((i) => i.polarity === null);
    for (const i of given) i.polarity = stated.polarity;
    if (given.length) {
      read.notes.push(`'${d.sheet}' states its rule '${stated.text}' (${cellRef(d.sheet, stated.row, stated.col)}), so higher is ${stated.polarity === "Maximise" ? "better" : "worse"} `
        + `for the ${given.length} indicator${given.length === 1 ? "" : "s"} with no polarity of ${given.length === 1 ? "its" : "their"} own.`);
    }
  }
  return read;
}

interface Reading {
  grid: SheetGrid;
  d: DetectedDataset;
  read: IndicatorsRead;
  numbers: CellNumbers;
  today: CalendarDate | null;
  /** Periods already judged against the day of the run. */
  future: Map<number, boolean>;
  /** Every series' points as they are read; each series is numbered by its place in `read.items`. */
  points: SeriesBuilder;
  skipped: Unreported;
}

/** A new series, and its number for its points (its place in the items: no map from item to number is needed). */
function addItem(ctx: Reading, item: IndicatorItem): number {
  return ctx.read.items.push(item) - 1;
}

/** Whether any of the points is a number beyond `limit` either way. */
function someAbove(points: PointList, limit: number): boolean {
  for (let i = 0; i < points.length; i++) {
    const v = points.number(i);
    if (v !== null && Math.abs(v) > limit) return true;
  }
  return false;
}

/** The layouts with a name column: long, wide, or one value per row. */
function readRows(ctx: Reading): void {
  const { grid, d, read } = ctx;
  /** Long data's series by key, as their numbers. */
  const byKey = new Map<string, number>();
  const keys = new KeyMaker();
  const long = isLong(grid, d);
  const nameCol = d.columns.code ?? d.columns.title;
  const seriesOf = (row: CellValue[]) => [nameCol, d.columns.period].map((c) => (c === undefined ? "" : cellText(row[c]))).join("\u0001");
  const areaCols = long || d.columns.area !== undefined || d.columns.areaCode !== undefined ? areaColumns(grid, d, seriesOf) : [];
  const dims = long ? breakdownColumns(grid, d, areaCols) : [];
  const areas = new Set<string>();
  const duplicates: number[] = [];
  const keyOf = new Map<string, Map<string, string>>();

  for (const r of dataRows(grid, d, read)) {
    const code = cellText(cellOf(d, r, "code"));
    const title = cellText(cellOf(d, r, "title"));
    if (!code && !title) {
      read.rowsFlagged++;
      read.issues.push(issue(d.sheet, r.row, d.columns.title ?? d.columns.code ?? d.left, "error", "indicator.unnamed",
        `The row at ${d.sheet} row ${r.row + 1} has values but no indicator code or title, so it cannot be reported`));
      continue;
    }
    const area = areaCols.length ? areaOf(r.cells, d.left, areaCols) : "";
    if (area) areas.add(area);
    // Long layout: rows sharing a code (and area, and breakdown) are one series.
    const breakdown = dims.length ? dims.map((c) => cellText(r.cells[c - d.left])).filter(Boolean).join(", ") : "";
    const name = code || title;
    const where = area && breakdown ? `${area} | ${breakdown}` : area || breakdown;
    const base = where ? seriesKey(keyOf, name, where) : name;
    let series = long ? byKey.get(base) : undefined;
    let item: IndicatorItem;
    if (series === undefined) {
      // The key is kept (in the item and in history): made flat once, not a tree of its pieces per series.
      item = newItem(ctx, r, long ? flat`${base}` : keys.make(base), code, title);
      item.area = area;
      item.areaColumn = area ? areaLevel(r.cells, 0, areaCols.map((c) => c - d.left)) + d.left : -1;
      item.breakdown = breakdown;
      series = addItem(ctx, item);
      if (long) byKey.set(base, series);
    } else {
      item = read.items[series];
      mergeAttributes(ctx, r, item);
    }

    const placed = readPoints(ctx, r, item, series, duplicates);
    if (placed === "flagged") read.rowsFlagged++;
    else if (placed === "aside") item.rowsSetAside++;
    else read.rowsCalculated++;
  }
  collisions(ctx, duplicates, d.columns.value ?? d.left);
  read.areas = [...areas];
}

/**
 * The series key of a name and where it is ("Claimant count | Trafford"),
 * made once per pair: a long extract gives the same few pairs on every row,
 * and a key made per row was a new string to join and hash each time.
 */
function seriesKey(keyOf: Map<string, Map<string, string>>, name: string, where: string): string {
  let byWhere = keyOf.get(name);
  if (!byWhere) keyOf.set(name, (byWhere = new Map()));
  let key = byWhere.get(where);
  if (key === undefined) byWhere.set(where, (key = flat`${name} | ${where}`));
  return key;
}

/**
 * Periods as rows, measures as columns: each measure column is a series
 * (with an area column, one per measure and area), titled by its header;
 * the period column places each row in time.
 */
function readMeasures(ctx: Reading, measures: MeasureColumn[]): void {
  const { grid, d, read } = ctx;
  const measureCols = new Set(measures.map((m) => m.col));
  const periodAt = d.columns.period as number;
  const areaCols = areaColumns(grid, d, (row) => cellText(row[periodAt]), measureCols);
  const areas = new Set<string>();
  /** Each measure's series (per area) by key, as their numbers. */
  const byKey = new Map<string, number>();
  const duplicates: number[] = [];
  const targetOf = measureTargets(ctx, measures);
  const periodCol = d.columns.period as number;
  for (const r of dataRows(grid, d, read)) {
    const area = areaCols.length ? areaOf(r.cells, d.left, areaCols) : "";
    if (area) areas.add(area);
    const p = readPeriodCell(cellOf(d, r, "period"), d.headers[periodCol - d.left] ?? "");
    if (!p.ok) {
      if (p.problem.code === "period.span") {
        setAside(ctx, r.row, "spans", cellText(cellOf(d, r, "period")));
        continue;
      }
      read.issues.push(issueAt(d.sheet, r.row, periodCol, "Period", p.problem));
      read.rowsFlagged++;
      continue;
    }
    const period = p.value.period;
    if (!period) {
      if (measures.every((m) => isBlank(r.cells[m.col - d.left]))) continue;
      read.issues.push(issue(d.sheet, r.row, periodCol, "error", "period.missing",
        `Period is missing in ${cellRef(d.sheet, r.row, periodCol)}: the values in this row cannot be placed in time`));
      read.rowsFlagged++;
      continue;
    }
    if (p.value.forecast || forecastRow(d, r, measureCols)) {
      setAside(ctx, r.row, "forecast");
      continue;
    }
    if (isFuture(ctx, period)) {
      setAside(ctx, r.row, "future", formatPeriod(period));
      continue;
    }
    for (const m of measures) {
      const key = area ? `${m.title} | ${area}` : m.title;
      let series = byKey.get(key);
      let item: IndicatorItem;
      if (series === undefined) {
        item = blankItem(r.row, key, "", m.title);
        item.area = area;
        item.areaColumn = area ? areaLevel(r.cells, 0, areaCols.map((c) => c - d.left)) + d.left : -1;
        item.group = cellText(cellOf(d, r, "group")) || r.heading || "";
        if (d.columns.polarity !== undefined) readPolarity(ctx, r, item);
        series = addItem(ctx, item);
        byKey.set(key, series);
      } else item = ctx.read.items[series];
      const value = readValue(ctx, r, item, m.col);
      const t = targetOf.get(m.col);
      if (t !== undefined) readPeriodTarget(ctx, r, item, t, period);
      place(ctx, series, period, value, r.row, m.col, undefined, duplicates);
    }
    read.rowsCalculated++;
  }
  collisions(ctx, duplicates, measures[0].col);
  read.areas = [...areas];
}

/** A measure's target, as the report shows it beside the value: the latest period's (its points laid out by now). */
function latestTargets(items: IndicatorItem[]): void {
  for (const item of items) {
    if (!item.targets) continue;
    const pts = item.points;
    let latest = -1;
    for (let i = 0; i < pts.length; i++) {
      const p = pts.period(i);
      if (p && item.targets.has(periodKey(p)) && (latest < 0 || pts.row(i) > pts.row(latest))) latest = i;
    }
    const p = latest >= 0 ? pts.period(latest) : null;
    if (p) item.target = item.targets.get(periodKey(p)) ?? null;
  }
}

/**
 * Which column holds each measure's target: its own ("Responses target"), or
 * the table's one Target column where it can belong to one measure only (the
 * value column, or the only measure). A Target column that could belong to
 * several measures is not used, and the reading says so.
 */
function measureTargets(ctx: Reading, measures: MeasureColumn[]): Map<number, number> {
  const { d, read } = ctx;
  const out = new Map<number, number>();
  for (const m of measures) if (m.target !== undefined) out.set(m.col, m.target);
  const t = d.columns.target;
  if (t === undefined) return out;
  const owner = measureNamed(d.headers[t - d.left] ?? "", measures) ?? measures.find((m) => m.col === d.columns.value) ?? (measures.length === 1 ? measures[0] : undefined);
  if (owner && !out.has(owner.col)) out.set(owner.col, t);
  else if (!owner) {
    const header = d.headers[t - d.left];
    const message = `The '${header}' column on '${d.sheet}' could belong to any of its ${measures.length} measures (${measures.slice(0, 3).map((m) => `'${m.title}'`).join(", ")}${measures.length > 3 ? ", …" : ""}), so no measure has a target from it: head it as one measure's target ('${measures[0].title} target')`;
    read.issues.push(issue(d.sheet, d.headerRow, t, "warning", "indicator.target-unmatched", message));
    read.doubts.push(`the '${header}' column could belong to any of ${measures.length} measures, so it was not used as a target`);
  }
  return out;
}

/** A period's own target, in a layout that gives one per row. */
function readPeriodTarget(ctx: Reading, r: ScannedRow, item: IndicatorItem, col: number, period: Period): void {
  const t = readNumber(ctx, r, col, `Target for '${item.title}'`);
  if (t === "invalid" || t === null) return;
  (item.targets ??= new Map()).set(periodKey(period), t.value);
  if (t.percent) item.targetPercent = true;
  if (t.decimals !== null) item.targetDecimals = t.decimals;
  item.targetRow = r.row;
  item.targetCol = col;
}

/** The same series and period twice: the later row is used, and the reading is in doubt (a column may be needed to tell them apart). */
function collisions(ctx: Reading, duplicates: number[], col: number): void {
  if (!duplicates.length) return;
  const { d, read } = ctx;
  const rows = duplicates.slice(0, 10).map((x) => x + 1).join(", ");
  read.issues.push(issue(d.sheet, duplicates[0], col, "warning", "indicator.duplicate-period",
    `${duplicates.length} row${duplicates.length === 1 ? " gives" : "s give"} a second value for a series and period already given (rows ${rows}${duplicates.length > 10 ? "…" : ""}): the later row is used. A column that tells these rows apart may need mapping`));
  read.doubts.push(`${duplicates.length} row${duplicates.length === 1 ? "" : "s"} repeated a series and period already given, so the later value was used: a column that tells them apart may not have been read`);
}

/** Add a point, replacing (and recording) an earlier one for the same period. */
function place(ctx: Reading, series: number, period: Period | null, value: PointValue, row: number, col: number, ytd: number | null | undefined, duplicates: number[]): void {
  if (period && ctx.points.has(series, period)) {
    duplicates.push(row);
    ctx.points.remove(series, period);
  }
  ctx.points.add(series, period, value, row, col, ytd);
}

/**
 * Columns that break long data down further (Sex, Age, Category, a data
 * type): columns with no role whose values differ between rows that share an
 * indicator, area and period. Without them those rows would collide and all
 * but one be lost; with them each breakdown is a series of its own. A column
 * that differs on nearly every row is a row key, not a breakdown.
 */
function breakdownColumns(grid: SheetGrid, d: DetectedDataset, areaCols: number[]): number[] {
  const used = new Set([...Object.values(d.columns), ...areaCols]);
  // Every column has a role: there is nothing that could break the data down, and no need to group a million rows to see so.
  let free = false;
  for (let c = d.left; c <= d.right && !free; c++) free = !used.has(c);
  if (!free) return [];
  const nameCol = (d.columns.code ?? d.columns.title) as number;
  const periodCol = d.columns.period;
  const key = (row: CellValue[]) => `${cellText(row[nameCol])}\u0001${periodCol === undefined ? "" : cellText(row[periodCol])}\u0001${areaOf(row, 0, areaCols)}`;
  // Each row's key once; a list only for keys that come again (most rows of a long extract are the only one of theirs).
  const first = new Map<string, number>();
  const groups = new Map<string, number[]>();
  let rows = 0;
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const row = grid.rows[r] ?? [];
    if (!cellText(row[nameCol])) continue;
    rows++;
    const k = key(row);
    const at = first.get(k);
    if (at === undefined) first.set(k, r);
    else {
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [at, r]);
    }
  }
  // In the order the keys first appear.
  const repeated = [...groups.values()].sort((a, b) => a[0] - b[0]);
  if (!repeated.length) return [];
  const out: number[] = [];
  for (let c = d.left; c <= d.right && out.length < 3; c++) {
    if (used.has(c)) continue;
    const varies = repeated.slice(0, 200).filter((g) => new Set(g.map((r) => cellText(grid.rows[r]?.[c]))).size > 1).length;
    const textual = repeated[0].every((r) => typeof (grid.rows[r]?.[c] ?? "") === "string");
    if (!textual || varies < Math.min(repeated.length, 200) * 0.5) continue;
    // A key made of the other columns (one value per row) would make every row a series of its own.
    if (distinctValues(grid, d, c) >= Math.min(rows, 5000) * 0.95) continue;
    out.push(c);
  }
  return out;
}

/**
 * Long ("tidy") data: one row per indicator and period (and area), as NHS,
 * LG Inform, Oflog and council warehouses publish it. Recognised by a period
 * column, a value (or a numerator and denominator) and names that repeat
 * down the rows.
 */
function isLong(grid: SheetGrid, d: DetectedDataset): boolean {
  const ratio = d.columns.numerator !== undefined && d.columns.denominator !== undefined;
  if (d.columns.period === undefined || (d.columns.value === undefined && !ratio)) return false;
  const nameCol = d.columns.code ?? d.columns.title;
  if (nameCol === undefined) return false;
  const seen = new Set<string>();
  let rows = 0;
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const v = cellText(grid.rows[r]?.[nameCol]);
    if (!v) continue;
    rows++;
    seen.add(v);
  }
  return d.columns.code !== undefined || seen.size < rows;
}

function blankItem(row: number, key: string, code: string, title: string): IndicatorItem {
  return {
    row, key, code, title, polarity: null, unit: "", percent: false, decimals: null, percentValues: 0, plainValues: 0,
    target: null, targetPercent: false, targetDecimals: null, targetRow: -1, targetCol: -1, redThreshold: null, group: "", area: "", areaColumn: -1, breakdown: "", typedStatus: "", ytd: null, rowsSetAside: 0, targets: null, points: NO_POINTS,
  };
}

function newItem(ctx: Reading, r: ScannedRow, key: string, code: string, title: string): IndicatorItem {
  const { d } = ctx;
  const item = blankItem(r.row, key, code, title);
  item.unit = cellText(cellOf(d, r, "unit"));
  item.group = cellText(cellOf(d, r, "group")) || r.heading || "";
  item.percent = /%|percent/i.test(item.unit);
  mergeAttributes(ctx, r, item);
  return item;
}

/** A polarity cell's reading, once per distinct text (every row of a dataset gives one of a few). */
const polarityText = memoByText(parsePolarity);

function readPolarity(ctx: Reading, r: ScannedRow, item: IndicatorItem): void {
  const { d, read } = ctx;
  const cell = cellOf(d, r, "polarity");
  const p = typeof cell === "string" ? polarityText(cell) : parsePolarity(cell);
  if (p.ok) item.polarity = p.value;
  else read.issues.push(issueAt(d.sheet, r.row, d.columns.polarity as number, "Polarity", p.problem));
}

/** The numbers a later row may fill in, with their labels (a constant: a literal here was three arrays per row). */
const MERGED_NUMBERS = [["target", "Target"], ["redThreshold", "Red threshold"]] as const;

/** Polarity, target and threshold: the first readable one wins; a later row may fill a gap. */
function mergeAttributes(ctx: Reading, r: ScannedRow, item: IndicatorItem): void {
  const { d } = ctx;
  if (item.polarity === null && d.columns.polarity !== undefined) readPolarity(ctx, r, item);
  if (item.typedStatus === "" && d.columns.status !== undefined) item.typedStatus = cellText(cellOf(d, r, "status"));
  for (const [role, label] of MERGED_NUMBERS) {
    if (item[role] !== null || d.columns[role] === undefined) continue;
    const col = d.columns[role] as number;
    const n = readNumber(ctx, r, col, label, typedFallback(item));
    if (n === "invalid" || n === null) continue;
    item[role] = n.value;
    if (role === "target") {
      item.targetPercent = n.percent;
      item.targetDecimals = n.decimals;
      item.targetRow = r.row;
      item.targetCol = col;
    }
  }
}

/** The sheet's own status for this item, where it gives a known one: what is used when a figure is not a number. */
function typedFallback(item: IndicatorItem): string | null {
  if (!item.typedStatus) return null;
  const s = normaliseStatus(item.typedStatus);
  return s.ok && s.value !== "No data" ? item.typedStatus : null;
}

/**
 * A number from a cell as the sheet shows it, or "invalid" (with an issue).
 * Where the sheet gives its own status for the row, a figure that is not a
 * number is a warning: that status is used instead.
 */
function readNumber(ctx: Reading, r: ScannedRow, col: number, label: string, typed: string | null = null): ShownNumber | null | "invalid" {
  const got = ctx.numbers.read(r.cells[col - ctx.d.left], r.row, col);
  if (!isProblem(got)) return got;
  ctx.read.issues.push(issueAt(ctx.d.sheet, r.row, col, label, withTyped(got, typed)));
  return "invalid";
}

function withTyped(p: Problem, typed: string | null): Problem {
  return typed ? { ...p, severity: "warning", message: `${p.message}: the sheet's own status '${typed}' is used` } : p;
}

/** A value, noting how the sheet shows it (a percentage, its decimals) on the series. */
function readValue(ctx: Reading, r: ScannedRow, item: IndicatorItem, col: number): PointValue {
  const cell = r.cells[col - ctx.d.left];
  // A plain number cell is its own value (the commonest cell of all, read without objects).
  if (typeof cell === "number" && Number.isFinite(cell) && ctx.grid.formats?.[r.row]?.[col] === undefined) {
    item.plainValues++;
    return cell;
  }
  const n = readNumber(ctx, r, col, `Value for '${item.code || item.title}'`, typedFallback(item));
  if (n === "invalid" || n === null) return n;
  if (n.percent) {
    item.percent = true;
    item.percentValues++;
  } else item.plainValues++;
  if (n.decimals !== null) item.decimals = Math.max(item.decimals ?? 0, n.decimals);
  return n.value;
}

/** Add this row's values to the series: "flagged" when the row cannot be placed in time, "aside" when it is set aside with a reason. */
function readPoints(ctx: Reading, r: ScannedRow, item: IndicatorItem, series: number, duplicates: number[]): "placed" | "flagged" | "aside" {
  const { d, read } = ctx;
  if (d.columns.status !== undefined) {
    const typed = cellText(cellOf(d, r, "status"));
    if (typed) item.typedStatus = typed;
  }
  let rowYtd: number | null = null;
  if (d.columns.ytd !== undefined) {
    const ytd = readNumber(ctx, r, d.columns.ytd, `Year to date for '${item.code || item.title}'`);
    if (ytd !== "invalid" && ytd) item.ytd = rowYtd = ytd.value;
  }
  if (d.periodColumns.length > 0) {
    for (const pc of d.periodColumns) {
      if (pc.measure === "forecast") {
        if (!isBlank(r.cells[pc.col - d.left])) ctx.skipped.forecastColumns.add(pc.col);
        continue;
      }
      if (pc.measure === "target") {
        const t = readNumber(ctx, r, pc.col, `Target for '${item.code || item.title}'`);
        if (t !== "invalid" && t) {
          (item.targets ??= new Map()).set(periodKey(pc.period), t.value);
          if (t.percent) item.targetPercent = true;
          if (t.decimals !== null) item.targetDecimals = t.decimals;
        }
        continue;
      }
      if (isFuture(ctx, pc.period)) {
        if (!isBlank(r.cells[pc.col - d.left])) noteFuture(ctx, r.row, formatPeriod(pc.period), false);
        continue;
      }
      ctx.points.add(series, pc.period, readValue(ctx, r, item, pc.col), r.row, pc.col);
    }
    return "placed";
  }
  if (d.columns.value === undefined && (d.columns.numerator === undefined || d.columns.denominator === undefined)) return "placed";
  let period: Period | null = null;
  if (d.columns.period !== undefined) {
    const cell = cellOf(d, r, "period");
    const p = readPeriodCell(cell, d.headers[d.columns.period - d.left] ?? "");
    if (!p.ok) {
      if (p.problem.code === "period.span") {
        setAside(ctx, r.row, "spans", cellText(cell));
        return "aside";
      }
      read.issues.push(issueAt(d.sheet, r.row, d.columns.period, "Period", p.problem));
      return "flagged";
    }
    period = p.value.period;
    if (period === null) {
      // No period and no value: an indicator not yet reported. Nothing to place, nothing lost.
      const v = cellOf(d, r, "value");
      if (isBlank(v)) return "placed";
      read.issues.push(issue(d.sheet, r.row, d.columns.period, "error", "period.missing",
        `Period is missing in ${cellRef(d.sheet, r.row, d.columns.period)}: the value ${cellText(v)} cannot be placed in time`));
      return "flagged";
    }
    if (p.value.forecast || forecastRow(d, r, NO_COLUMNS)) {
      setAside(ctx, r.row, "forecast");
      return "aside";
    }
    if (isFuture(ctx, period)) {
      setAside(ctx, r.row, "future", formatPeriod(period));
      return "aside";
    }
  }
  const ratioOnly = d.columns.numerator !== undefined && d.columns.denominator !== undefined && d.columns.value === undefined;
  const v = ratioOnly ? ratio(ctx, r, item) : readValue(ctx, r, item, d.columns.value as number);
  place(ctx, series, period, v, r.row, d.columns.value ?? (d.columns.numerator as number), d.columns.ytd !== undefined ? rowYtd : undefined, duplicates);
  return "placed";
}

/** No columns left out of forecastRow's look at a row (one set for every row). */
const NO_COLUMNS: ReadonlySet<number> = new Set();

/** Words that say a ratio is a percentage: in its title, unit or headers. */
const PERCENT_WORDS = /%|\bper ?cent|\bpercentage|\bproportion/i;

/**
 * Numerator ÷ denominator ("45" of "60"): a percentage where the sheet says
 * so (a % in the title, unit or headers), else the plain ratio. N = 0 or a
 * missing part is a data issue, not a zero.
 */
function ratio(ctx: Reading, r: ScannedRow, item: IndicatorItem): PointValue {
  const { d, read } = ctx;
  const numCol = d.columns.numerator as number;
  const denCol = d.columns.denominator as number;
  const n = ctx.numbers.read(r.cells[numCol - d.left], r.row, numCol);
  const N = ctx.numbers.read(r.cells[denCol - d.left], r.row, denCol);
  if (isProblem(n) || isProblem(N)) {
    read.issues.push(issue(d.sheet, r.row, numCol, "error", "indicator.ratio", `'${item.code || item.title}': the numerator or denominator in row ${r.row + 1} is not a number`));
    return "invalid";
  }
  if (!n && !N) return null;
  if (!N || N.value === 0) {
    read.issues.push(issue(d.sheet, r.row, denCol, "error", "indicator.zero-denominator",
      `'${item.code || item.title}': the denominator in ${cellRef(d.sheet, r.row, denCol)} is ${N ? "0" : "missing"}, so no ${item.percent ? "percentage" : "ratio"} can be worked out`));
    return "invalid";
  }
  const percent = item.percent || PERCENT_WORDS.test([item.title, item.unit, d.headers[numCol - d.left], d.headers[denCol - d.left]].join(" "));
  if (percent) {
    item.percent = true;
    item.percentValues++;
    return ((n?.value ?? 0) / N.value) * 100;
  }
  item.plainValues++;
  return (n?.value ?? 0) / N.value;
}

const KIND_CODE: Record<Period["kind"], number> = { quarter: 0, month: 1, year: 2, calendarYear: 3 };

/** Whether a period begins after the day of the run (worked out once per period: long data asks on every row). */
function isFuture(ctx: Reading, period: Period): boolean {
  if (ctx.today === null) return false;
  const key = periodIndex(period) * 4 + KIND_CODE[period.kind];
  let future = ctx.future.get(key);
  if (future === undefined) ctx.future.set(key, (future = compareDates(periodStart(period), ctx.today) > 0));
  return future;
}

function noteFuture(ctx: Reading, row: number, label: string, wholeRow: boolean): void {
  const f = ctx.skipped.future;
  if (!f.first) f.first = label;
  if (wholeRow) f.rows.push(row);
  else f.cells++;
}

/** A row not calculated, with its reason: a forecast, a period still to come, or several years pooled. */
function setAside(ctx: Reading, row: number, why: "forecast" | "future" | "spans", label = ""): void {
  const reasons = { forecast: "a forecast or plan, not an actual value", future: `a period still to come (${label})`, spans: `a period of several years (${label})` };
  ctx.read.setAside.push({ row, reason: reasons[why] });
  if (why === "forecast") ctx.skipped.forecast.push(row);
  else if (why === "future") noteFuture(ctx, row, label, true);
  else {
    ctx.skipped.spans.rows.push(row);
    if (!ctx.skipped.spans.first) ctx.skipped.spans.first = label;
  }
}

const rowList = (rows: number[]) => `${rows.slice(0, 5).map((r) => r + 1).join(", ")}${rows.length > 5 ? ", …" : ""}`;

/** One sentence for each kind of value not reported as current: forecasts, periods still to come, multi-year figures. */
function unreportedNotes(ctx: Reading): string[] {
  const { d, skipped } = ctx;
  const out: string[] = [];
  if (skipped.forecast.length) {
    out.push(`${skipped.forecast.length} row${skipped.forecast.length === 1 ? "" : "s"} of '${d.sheet}' (row${skipped.forecast.length === 1 ? "" : "s"} ${rowList(skipped.forecast)}) `
      + `${skipped.forecast.length === 1 ? "gives a forecast or plan, so it is" : "give a forecast or plan, so they are"} never reported as current values or chosen as the reporting period.`);
  }
  if (skipped.forecastColumns.size) {
    const heads = [...skipped.forecastColumns].slice(0, 4).map((c) => `'${[d.headerContext?.[c - d.left], d.headers[c - d.left]].filter(Boolean).join(" ")}'`);
    out.push(`'${d.sheet}' has forecast columns (${heads.join(", ")}${skipped.forecastColumns.size > 4 ? ", …" : ""}): their figures are never reported as current values.`);
  }
  const f = skipped.future;
  if (f.rows.length || f.cells) {
    const what = f.rows.length ? `${f.rows.length} row${f.rows.length === 1 ? "" : "s"} (${rowList(f.rows)})` : `${f.cells} value${f.cells === 1 ? "" : "s"}`;
    out.push(`'${d.sheet}' gives ${what} for periods that have not begun yet (such as ${f.first}): a plan or forecast, not reported as current values or chosen as the reporting period.`);
  }
  const s = skipped.spans;
  if (s.rows.length) {
    out.push(`${s.rows.length} row${s.rows.length === 1 ? "" : "s"} of '${d.sheet}' (row${s.rows.length === 1 ? "" : "s"} ${rowList(s.rows)}) ${s.rows.length === 1 ? "gives" : "give"} a figure for several years together (such as '${s.first}'): `
      + `not one period, so ${s.rows.length === 1 ? "it is" : "they are"} not part of any series.`);
  }
  return out;
}

/** Each suppression symbol once: how many cells hold it, and the first of them. */
function symbolNotes(d: DetectedDataset, symbols: Map<string, SymbolTally>): string[] {
  return [...symbols.entries()].map(([symbol, t]) => `'${symbol}' in ${t.count} cell${t.count === 1 ? "" : "s"} of '${d.sheet}' (${t.cells.join(", ")}${t.count > t.cells.length ? ", …" : ""}) `
    + "is a suppression or missing-value symbol, so those cells have no value.");
}

/** An indicator's name as the report prints it: in long data, with its area and breakdown ("Claimant count — Trafford"). */
export function seriesTitle(item: Pick<IndicatorItem, "title" | "code" | "area" | "breakdown">): string {
  const where = item.area && item.breakdown ? `${item.area}, ${item.breakdown}` : item.area || item.breakdown;
  const name = item.title || item.code;
  return where ? `${name} — ${where}` : name;
}
