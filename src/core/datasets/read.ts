import { DetectedDataset } from "../detect/find-datasets";
import { Issue, issue } from "./issues";
import { SheetGrid, a1 } from "../grid";
import { cellText, isBlank } from "../values";
import { truncate } from "../numbers";
import { eachScannedRow, ScannedRow } from "./rows";
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
    let n = (this.seen.get(base) ?? 0) + 1;
    let key = n === 1 ? base : `${base}#${n}`;
    // A code may itself read like a repeat's key ("A#2" beside two "A"s): every key made is taken, so no two items share one.
    while (key !== base && this.seen.has(key)) key = `${base}#${++n}`;
    this.seen.set(base, n);
    if (key !== base) this.seen.set(key, Math.max(this.seen.get(key) ?? 0, 1));
    return key;
  }
}

export function emptyRead<T>(dataset: DetectedDataset): DatasetRead<T> {
  return { dataset, items: [], issues: outsideIssues(dataset), rowsIn: 0, rowsCalculated: 0, rowsFlagged: 0, setAside: [], continuationRows: [], headings: [], hiddenDataRows: 0, doubts: [] };
}

/**
 * A dataset's data rows, keeping the read's account of rows in, hidden rows
 * and section headings. A template's furniture (placeholder rows, worked
 * examples, guidance) is not data: once the rows are walked it is reported
 * once per kind, with its rows.
 */
export function* dataRows<T>(grid: SheetGrid, d: DetectedDataset, read: DatasetRead<T>): Generator<ScannedRow> {
  const furniture = new Map<"placeholder" | "example" | "guidance", ScannedRow[]>();
  const blanked: { row: ScannedRow; at: number }[] = [];
  for (const r of eachScannedRow(grid, d)) {
    if (r.kind === "heading") read.headings.push(cellText(r.cells.find((v) => v !== null && v !== undefined) ?? ""));
    if (r.kind === "continuation") read.continuationRows.push(r.row);
    if (r.kind === "placeholder" || r.kind === "example" || r.kind === "guidance") furniture.set(r.kind, [...(furniture.get(r.kind) ?? []), r]);
    if (r.kind !== "data") continue;
    for (const at of r.placeholders ?? []) blanked.push({ row: r, at });
    read.rowsIn++;
    if (r.hidden) read.hiddenDataRows++;
    yield r;
  }
  read.issues.push(...furnitureIssues(grid, d, furniture, blanked));
}

const FURNITURE_WORDS = {
  placeholder: (n: number) => `${n === 1 ? "holds" : "hold"} only template placeholders`,
  example: (n: number) => `${n === 1 ? "is a worked example" : "are worked examples"}`,
  guidance: (n: number) => `${n === 1 ? "is guidance" : "are guidance"} for filling in the table`,
};

function furnitureIssues(grid: SheetGrid, d: DetectedDataset, furniture: Map<keyof typeof FURNITURE_WORDS, ScannedRow[]>, blanked: { row: ScannedRow; at: number }[]): Issue[] {
  const out: Issue[] = [];
  const original = (r: number, c: number) => truncate(cellText(grid.rows[r]?.[c]), 50);
  for (const [kind, rows] of furniture) {
    const first = rows[0];
    const col = firstFilled(grid, first.row, d) ?? d.left;
    const sample = original(first.row, col);
    out.push(issue(d.sheet, first.row, col, "warning", `rows.${kind}`,
      `${rows.length === 1 ? "Row" : "Rows"} ${listRows(rows.map((r) => r.row))} ${FURNITURE_WORDS[kind](rows.length)} ('${sample}'): not counted as ${rows.length === 1 ? "an item" : "items"}`));
  }
  if (blanked.length) {
    const words = [...new Set(blanked.map((b) => original(b.row.row, d.left + b.at)))];
    const cells = blanked.map((b) => a1(b.row.row, d.left + b.at));
    out.push(issue(d.sheet, blanked[0].row.row, d.left + blanked[0].at, "warning", "cells.placeholder",
      `${words.map((w) => `'${w}'`).join(", ")} in ${cells.length} cell${cells.length === 1 ? " was" : "s were"} read as blank (a drop-down or prompt not yet filled in): ${cells.slice(0, 12).join(", ")}${cells.length > 12 ? "…" : ""}`));
  }
  return out;
}

function firstFilled(grid: SheetGrid, r: number, d: DetectedDataset): number | undefined {
  const row = grid.rows[r] ?? [];
  for (let c = d.left; c <= Math.min(d.right, row.length - 1); c++) if (!isBlank(row[c])) return c;
  return undefined;
}

/** "4", "4 and 9", "4–6, 9": rows as a person reads them (1-based). */
export function listRows(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i + 1 ? `${rows[i] + 1}–${rows[j] + 1}` : j === i + 1 ? `${rows[i] + 1}, ${rows[j] + 1}` : `${rows[i] + 1}`);
    i = j;
  }
  return parts.length > 12 ? `${parts.slice(0, 12).join(", ")}…` : parts.join(", ");
}
