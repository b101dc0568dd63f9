import { SheetGrid, cellRef } from "../grid";
import { CellValue, cellText, isBlank } from "../values";
import { parseMeasure } from "../numbers";
import { Period, parsePeriod, periodKey } from "../periods";
import { Polarity, parsePolarity } from "../polarity";
import { DetectedDataset } from "../detect/find-datasets";
import { cellOf, ScannedRow } from "./rows";
import { issueAt, issue } from "./issues";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";
import { flat } from "../flat-text";
import { PointList, PointValue, IndicatorPoint, SeriesBuilder } from "./series-points";

/** A series before its points are read. */
const NO_POINTS = PointList.of([]);

export { PointList };
export type { PointValue, IndicatorPoint };

export interface IndicatorItem {
  row: number;
  key: string;
  code: string;
  title: string;
  polarity: Polarity | null;
  unit: string;
  /** Written with a % sign or a % unit. */
  percent: boolean;
  target: number | null;
  redThreshold: number | null;
  group: string;
  /** The area or organisation of this series, in long data that holds several. */
  area: string;
  /** The status the sheet itself gives (a typed RAG column), used where none can be worked out. */
  typedStatus: string;
  /** Year to date, as given beside the period value. */
  ytd: number | null;
  /** Long data broken down further (sex, age band…): this series' values of those columns. */
  breakdown: string;
  /** Targets given per period (a Goal column under each period), by period key; null when the sheet gives none (most do not: a map per indicator was 10 MB at 50,000). */
  targets: Map<string, number> | null;
  /** Its values in sheet order (by row, then column), period by period. */
  points: PointList;
}

/**
 * Read indicators or outcomes in any of three layouts: one row per indicator
 * and period (long), one column per period (wide), or one value per row
 * with or without a period column.
 */
export function readIndicators(grid: SheetGrid, d: DetectedDataset): DatasetRead<IndicatorItem> & { areas: string[] } {
  const read = { ...emptyRead<IndicatorItem>(d), areas: [] as string[] };
  const byKey = new Map<string, IndicatorItem>();
  const keys = new KeyMaker();
  const points = new SeriesBuilder();
  const indexes = new Map<IndicatorItem, number>();
  const long = isLong(grid, d);
  const dims = long ? breakdownColumns(grid, d) : [];
  const areas = new Set<string>();
  const hasArea = d.columns.area !== undefined || d.columns.areaCode !== undefined;
  const duplicates: number[] = [];

  for (const r of dataRows(grid, d, read)) {
    const code = cellText(cellOf(d, r, "code"));
    const title = cellText(cellOf(d, r, "title"));
    if (!code && !title) {
      read.rowsFlagged++;
      read.issues.push(issue(d.sheet, r.row, d.columns.title ?? d.columns.code ?? d.left, "error", "indicator.unnamed",
        `The row at ${d.sheet} row ${r.row + 1} has values but no indicator code or title, so it cannot be reported`));
      continue;
    }
    const area = hasArea ? cellText(cellOf(d, r, "area")) || cellText(cellOf(d, r, "areaCode")) : "";
    if (area) areas.add(area);
    const breakdown = dims.length ? dims.map((c) => cellText(r.cells[c - d.left])).filter(Boolean).join(", ") : "";
    // Long layout: rows sharing a code (and area, and breakdown) are one series.
    const name = code || title;
    const where = area && breakdown ? `${area} | ${breakdown}` : area || breakdown;
    const base = where ? `${name} | ${where}` : name;
    let item = long ? byKey.get(base) : undefined;
    if (!item) {
      // The key is kept (in the item and in history): made flat once, not a tree of its pieces per series.
      item = newItem(d, r, read, long ? flat`${base}` : keys.make(base), code, title);
      item.area = area;
      item.breakdown = breakdown;
      if (long) byKey.set(base, item);
      indexes.set(item, read.items.length);
      read.items.push(item);
    } else mergeAttributes(d, r, read, item);

    if (!readPoints(d, r, read, item, { points, series: indexes.get(item)! }, duplicates)) {
      read.rowsFlagged++;
      continue;
    }
    read.rowsCalculated++;
  }
  if (duplicates.length) {
    read.issues.push(issue(d.sheet, duplicates[0], d.columns.value ?? d.left, "warning", "indicator.duplicate-period",
      `${duplicates.length} row${duplicates.length === 1 ? " gives" : "s give"} a second value for a series and period already given (rows ${duplicates.slice(0, 10).map((x) => x + 1).join(", ")}${duplicates.length > 10 ? "…" : ""}): the later row is used. A column that tells these rows apart may need mapping`));
  }
  const lists = points.finish(read.items.length);
  for (let i = 0; i < read.items.length; i++) read.items[i].points = lists[i];
  read.areas = [...areas];
  return read;
}

/**
 * Columns that break long data down further (Sex, Age, Category): columns
 * with no role whose values differ between rows that share an indicator,
 * area and period. Without them those rows would collide and all but one be
 * lost; with them each breakdown is a series of its own.
 */
function breakdownColumns(grid: SheetGrid, d: DetectedDataset): number[] {
  const used = new Set(Object.values(d.columns));
  // Every column has a role: there is nothing that could break the data down, and no need to group a million rows to see so.
  let free = false;
  for (let c = d.left; c <= d.right && !free; c++) free = !used.has(c);
  if (!free) return [];
  const nameCol = (d.columns.code ?? d.columns.title) as number;
  const keyCols = [nameCol, d.columns.area, d.columns.areaCode, d.columns.period];
  const key = (row: CellValue[]) => {
    let k = "";
    for (let i = 0; i < keyCols.length; i++) {
      const c = keyCols[i];
      k += (i ? "\u0001" : "") + (c === undefined ? "" : cellText(row[c]));
    }
    return k;
  };
  // Each row's key once; a list only for keys that come again (most rows of a long extract are the only one of theirs).
  const first = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const row = grid.rows[r] ?? [];
    if (!cellText(row[nameCol])) continue;
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
    if (textual && varies >= Math.min(repeated.length, 200) * 0.5) out.push(c);
  }
  return out;
}

/**
 * Long ("tidy") data: one row per indicator and period (and area), as NHS,
 * LG Inform, Oflog and council warehouses publish it. Recognised by a period
 * column and names that repeat down the rows.
 */
function isLong(grid: SheetGrid, d: DetectedDataset): boolean {
  if (d.columns.period === undefined || d.columns.value === undefined) return false;
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

function newItem(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, key: string, code: string, title: string): IndicatorItem {
  const item: IndicatorItem = {
    row: r.row, key, code, title, polarity: null, unit: cellText(cellOf(d, r, "unit")), percent: false,
    target: null, redThreshold: null, group: cellText(cellOf(d, r, "group")) || r.heading || "", area: "", breakdown: "", typedStatus: "", ytd: null, targets: null, points: NO_POINTS,
  };
  item.percent = /%|percent/i.test(item.unit);
  mergeAttributes(d, r, read, item);
  return item;
}

/** Polarity, target and threshold: the first readable one wins; a later row may fill a gap. */
function mergeAttributes(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, item: IndicatorItem): void {
  if (item.polarity === null && d.columns.polarity !== undefined) {
    const p = parsePolarity(cellOf(d, r, "polarity"));
    if (p.ok) item.polarity = p.value;
    else read.issues.push(issueAt(d.sheet, r.row, d.columns.polarity, "Polarity", p.problem));
  }
  for (const [role, label] of [["target", "Target"], ["redThreshold", "Red threshold"]] as const) {
    if (item[role] !== null || d.columns[role] === undefined) continue;
    const cell = cellOf(d, r, role);
    const m = parseMeasure(cell);
    if (m.ok) item[role] = m.value?.value ?? null;
    else read.issues.push(issueAt(d.sheet, r.row, d.columns[role] as number, label, m.problem));
  }
}

/** A value cell read for a series: a number as it is, else parsed (a data issue when it is not a number). */
function pointValue(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, item: IndicatorItem, col: number): PointValue {
  const cell = r.cells[col - d.left];
  // A number cell is its own value (parseMeasure would say the same, in two objects per value).
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  const m = parseMeasure(cell);
  if (!m.ok) {
    read.issues.push(issueAt(d.sheet, r.row, col, `Value for '${item.code || item.title}'`, m.problem));
    return "invalid";
  }
  if (m.value?.percent) item.percent = true;
  return m.value?.value ?? null;
}

/** Add this row's values to the series. False when the row cannot be placed in time. */
function readPoints(
  d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, item: IndicatorItem, to: { points: SeriesBuilder; series: number }, duplicates: number[],
): boolean {
  if (d.columns.status !== undefined) {
    const typed = cellText(cellOf(d, r, "status"));
    if (typed) item.typedStatus = typed;
  }
  let rowYtd: number | null = null;
  if (d.columns.ytd !== undefined) {
    const ytd = parseMeasure(cellOf(d, r, "ytd"));
    if (!ytd.ok) read.issues.push(issueAt(d.sheet, r.row, d.columns.ytd, `Year to date for '${item.code || item.title}'`, ytd.problem));
    else if (ytd.value) item.ytd = rowYtd = ytd.value.value;
  }
  if (d.periodColumns.length > 0) {
    for (const pc of d.periodColumns) {
      if (pc.measure === "forecast") continue;
      if (pc.measure === "target") {
        const t = parseMeasure(r.cells[pc.col - d.left]);
        if (t.ok && t.value) (item.targets ??= new Map()).set(periodKey(pc.period), t.value.value);
        else if (!t.ok) read.issues.push(issueAt(d.sheet, r.row, pc.col, `Target for '${item.code || item.title}'`, t.problem));
        continue;
      }
      to.points.add(to.series, pc.period, pointValue(d, r, read, item, pc.col), r.row, pc.col);
    }
    return true;
  }
  if (d.columns.value === undefined && (d.columns.numerator === undefined || d.columns.denominator === undefined)) return true;
  let period: Period | null = null;
  if (d.columns.period !== undefined) {
    const cell = cellOf(d, r, "period");
    const p = parsePeriod(cell);
    if (!p.ok) {
      read.issues.push(issueAt(d.sheet, r.row, d.columns.period, "Period", p.problem));
      return false;
    }
    period = p.value;
    if (period === null) {
      // No period and no value: an indicator not yet reported. Nothing to place, nothing lost.
      const v = cellOf(d, r, "value");
      if (isBlank(v)) return true;
      read.issues.push(issue(d.sheet, r.row, d.columns.period, "error", "period.missing",
        `Period is missing in ${cellRef(d.sheet, r.row, d.columns.period)}: the value ${cellText(v)} cannot be placed in time`));
      return false;
    }
  }
  const v = d.columns.numerator !== undefined && d.columns.denominator !== undefined && d.columns.value === undefined ? ratio(d, r, read, item) : pointValue(d, r, read, item, d.columns.value as number);
  if (period && to.points.has(to.series, period)) {
    duplicates.push(r.row);
    to.points.remove(to.series, period);
  }
  to.points.add(to.series, period, v, r.row, d.columns.value ?? (d.columns.numerator as number), d.columns.ytd !== undefined ? rowYtd : undefined);
  return true;
}

/** A percentage from n and N ("45" of "60"); N = 0 or a missing part is a data issue, not a zero. */
function ratio(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, item: IndicatorItem): PointValue {
  const n = parseMeasure(cellOf(d, r, "numerator"));
  const N = parseMeasure(cellOf(d, r, "denominator"));
  if (!n.ok || !N.ok) {
    read.issues.push(issue(d.sheet, r.row, d.columns.numerator as number, "error", "indicator.ratio", `'${item.code || item.title}': the numerator or denominator in row ${r.row + 1} is not a number`));
    return "invalid";
  }
  if (!n.value && !N.value) return null;
  if (!N.value || N.value.value === 0) {
    read.issues.push(issue(d.sheet, r.row, d.columns.denominator as number, "error", "indicator.zero-denominator",
      `'${item.code || item.title}': the denominator in ${cellRef(d.sheet, r.row, d.columns.denominator as number)} is ${N.value ? "0" : "missing"}, so no percentage can be worked out`));
    return "invalid";
  }
  item.percent = true;
  return ((n.value?.value ?? 0) / N.value.value) * 100;
}

/** An indicator's name as the report prints it: in long data, with its area and breakdown ("Claimant count — Trafford"). */
export function seriesTitle(item: Pick<IndicatorItem, "title" | "code" | "area" | "breakdown">): string {
  const where = [item.area, item.breakdown].filter(Boolean).join(", ");
  const name = item.title || item.code;
  return where ? flat`${name} — ${where}` : name;
}
