import { SheetGrid, cellRef } from "../grid";
import { cellText, isBlank } from "../values";
import { parseMeasure } from "../numbers";
import { Period, parsePeriod, periodKey } from "../periods";
import { Polarity, parsePolarity } from "../polarity";
import { DetectedDataset } from "../detect/find-datasets";
import { cellOf, ScannedRow } from "./rows";
import { issueAt, issue } from "./issues";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";

/** A value read for a period: a number, nothing, or something unreadable (status Check). */
export type PointValue = number | null | "invalid";

export interface IndicatorPoint {
  /** null: the sheet gives no period, so the value is taken as the reporting period's. */
  period: Period | null;
  value: PointValue;
  row: number;
  col: number;
}

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
  points: IndicatorPoint[];
}

/**
 * Read indicators or outcomes in any of three layouts: one row per indicator
 * and period (long), one column per period (wide), or one value per row
 * with or without a period column.
 */
export function readIndicators(grid: SheetGrid, d: DetectedDataset): DatasetRead<IndicatorItem> {
  const read = emptyRead<IndicatorItem>(d);
  const byKey = new Map<string, IndicatorItem>();
  const keys = new KeyMaker();
  const long = d.columns.period !== undefined && d.columns.code !== undefined;

  for (const r of dataRows(grid, d, read)) {
    const code = cellText(cellOf(d, r, "code"));
    const title = cellText(cellOf(d, r, "title"));
    if (!code && !title) {
      read.rowsFlagged++;
      read.issues.push(issue(d.sheet, r.row, d.columns.title ?? d.columns.code ?? d.left, "error", "indicator.unnamed",
        `The row at ${d.sheet} row ${r.row + 1} has values but no indicator code or title, so it cannot be reported`));
      continue;
    }
    // Long layout: rows sharing a code are one indicator's series.
    const base = code || title;
    let item = long ? byKey.get(base) : undefined;
    if (!item) {
      item = newItem(d, r, read, long ? base : keys.make(base), code, title);
      if (long) byKey.set(base, item);
      read.items.push(item);
    } else mergeAttributes(d, r, read, item);

    if (!readPoints(d, r, read, item)) {
      read.rowsFlagged++;
      continue;
    }
    read.rowsCalculated++;
  }
  for (const item of read.items) item.points.sort((a, b) => (a.row - b.row) || (a.col - b.col));
  return read;
}

function newItem(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, key: string, code: string, title: string): IndicatorItem {
  const item: IndicatorItem = {
    row: r.row, key, code, title, polarity: null, unit: cellText(cellOf(d, r, "unit")), percent: false,
    target: null, redThreshold: null, group: cellText(cellOf(d, r, "group")) || r.heading || "", points: [],
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

/** Add this row's values to the series. False when the row cannot be placed in time. */
function readPoints(d: DetectedDataset, r: ScannedRow, read: DatasetRead<IndicatorItem>, item: IndicatorItem): boolean {
  const value = (col: number): PointValue => {
    const cell = r.cells[col - d.left];
    const m = parseMeasure(cell);
    if (!m.ok) {
      read.issues.push(issueAt(d.sheet, r.row, col, `Value for '${item.code || item.title}'`, m.problem));
      return "invalid";
    }
    if (m.value?.percent) item.percent = true;
    return m.value?.value ?? null;
  };
  if (d.periodColumns.length > 0) {
    for (const pc of d.periodColumns) item.points.push({ period: pc.period, value: value(pc.col), row: r.row, col: pc.col });
    return true;
  }
  if (d.columns.value === undefined) return true;
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
  const v = value(d.columns.value);
  if (period && item.points.some((p) => p.period && periodKey(p.period) === periodKey(period))) {
    read.issues.push(issue(d.sheet, r.row, d.columns.value, "warning", "indicator.duplicate-period",
      `'${item.code || item.title}' has a second value for ${periodKey(period)} in row ${r.row + 1}: the later row is used`));
    item.points = item.points.filter((p) => !(p.period && periodKey(p.period) === periodKey(period)));
  }
  item.points.push({ period, value: v, row: r.row, col: d.columns.value });
  return true;
}
