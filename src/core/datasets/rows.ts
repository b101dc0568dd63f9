import { SheetGrid } from "../grid";
import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { DetectedDataset } from "../detect/find-datasets";
import { Role } from "../detect/roles";
import { continuationRows } from "../detect/header-rows";

export type RowKind = "data" | "blank" | "repeated-header" | "heading" | "continuation";

export interface ScannedRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  cells: CellValue[];
  /** For data rows: the text of the nearest heading above (e.g. a directorate name). */
  heading: string | null;
  hidden: boolean;
}

/**
 * Walk a dataset's rows and say what each is. Blank rows and header rows
 * repeated after a page break are skipped; a row with text in only its first
 * cell is a section heading (the report's "Finance" above Finance's
 * priorities). Hidden rows are data like any other: nothing is dropped.
 */
export function scanRows(grid: SheetGrid, d: DetectedDataset): ScannedRow[] {
  const hidden = new Set(grid.hiddenRows ?? []);
  const headerWords = d.headers.map((h) => normaliseWord(h));
  // Cheap test first: a repeated header starts with the header's first cell (then compare the rest).
  const isHeaderAgain = (cells: CellValue[]) =>
    cellText(cells[0]) !== "" && normaliseWord(cellText(cells[0])) === headerWords[0] && cells.every((v, i) => normaliseWord(cellText(v)) === (headerWords[i] ?? ""));
  const out: ScannedRow[] = [];
  let heading: string | null = null;
  const keyCols = (["code", "title"] as const).map((role) => d.columns[role]).filter((c): c is number => c !== undefined);
  const continued = continuationRows(grid, keyCols, d.headerRow + 1, d.lastRow);
  for (let r = d.headerRow + 1; r <= d.lastRow; r++) {
    const cells = (grid.rows[r] ?? []).slice(d.left, d.right + 1);
    const filled = cells.map((v, i) => (isBlank(v) ? -1 : i)).filter((i) => i >= 0);
    let kind: RowKind = "data";
    if (filled.length === 0) kind = "blank";
    else if (isHeaderAgain(cells)) kind = "repeated-header";
    else if (continued.has(r)) kind = "continuation";
    else if (filled.length === 1 && filled[0] === 0 && isHeadingText(d, cells[0])) {
      kind = "heading";
      heading = cellText(cells[0]);
    }
    out.push({ row: r, kind, cells, heading: kind === "data" ? heading : null, hidden: hidden.has(r) });
  }
  return out;
}

/**
 * A lone first-cell text is a section heading only where the dataset has no
 * group column of its own and the text reads like a name (a few words, no
 * closing full stop); otherwise it is an item with missing fields, and is
 * reported as one.
 */
function isHeadingText(d: DetectedDataset, v: CellValue): boolean {
  if (d.columns.group !== undefined || typeof v !== "string") return false;
  const text = v.trim();
  return text.split(/\s+/).length <= 8 && !/[.:;]$/.test(text);
}

/** The value in a role's column, or undefined when the dataset has no such column. */
export function cellOf(d: DetectedDataset, row: ScannedRow, role: Role): CellValue | undefined {
  const c = d.columns[role];
  return c === undefined ? undefined : row.cells[c - d.left];
}
