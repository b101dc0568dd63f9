import { DetectedDataset } from "../detect/find-datasets";
import { Issue } from "./issues";

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
  headings: string[];
  hiddenDataRows: number;
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
