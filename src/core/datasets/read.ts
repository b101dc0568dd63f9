import { DetectedDataset } from "../detect/find-datasets";
import { Issue } from "./issues";
import { SheetGrid } from "../grid";
import { cellText } from "../values";
import { scanRows, ScannedRow } from "./rows";
import { outsideIssues } from "./beside";

/**
 * What reading one dataset gave: its items, its issues and an account of
 * every row, so that rows in = rows calculated + rows flagged always holds.
 */
export interface DatasetRead<T> {
  dataset: DetectedDataset;
  items: T[];
  issues: Issue[];
  /** Data rows (not blank, not headings, not repeated headers). */
  rowsIn: number;
  /** Data rows that reached the calculation. */
  rowsCalculated: number;
  /** Data rows left out, each with at least one error issue. */
  rowsFlagged: number;
  /** Data rows deliberately not calculated, each with its reason (a closed risk, an Issue row of a RAID log). */
  setAside: { row: number; reason: string }[];
  /** Rows that continue the item above (its cells merged down over them): part of that item. */
  continuationRows: number[];
  headings: string[];
  hiddenDataRows: number;
  /** What reading the rows made uncertain (two pairs of scores, percentages on two scales…), in words a user can act on. */
  doubts: string[];
}

/**
 * Stable keys for history: a code, or the title. Repeats get "#2", "#3" in
 * order, so two identical rows stay two items rather than one.
 */
export class KeyMaker {
  private seen = new Map<string, number>();

  make(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

export function emptyRead<T>(dataset: DetectedDataset): DatasetRead<T> {
  return { dataset, items: [], issues: outsideIssues(dataset), rowsIn: 0, rowsCalculated: 0, rowsFlagged: 0, setAside: [], continuationRows: [], headings: [], hiddenDataRows: 0, doubts: [] };
}

/** A dataset's data rows, keeping the read's account of rows in, hidden rows and section headings. */
export function* dataRows<T>(grid: SheetGrid, d: DetectedDataset, read: DatasetRead<T>): Generator<ScannedRow> {
  for (const r of scanRows(grid, d)) {
    if (r.kind === "heading") read.headings.push(cellText(r.cells[0]));
    if (r.kind === "continuation") read.continuationRows.push(r.row);
    if (r.kind !== "data") continue;
    read.rowsIn++;
    if (r.hidden) read.hiddenDataRows++;
    yield r;
  }
}
