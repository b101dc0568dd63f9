import { DetectedDataset } from "../detect/find-datasets";
import { a1, columnLetter } from "../grid";
import { Issue, issue } from "./issues";
import { groupDigits } from "../words";

/** Columns named one by one; any more are counted in one last warning. */
const LISTED = 10;

const count = (n: number) => groupDigits(n);

/**
 * Warnings for what lies around a dataset and is not read as its data, so
 * nothing is dropped in silence: values in its rows past a wide gap of empty
 * columns (a note column at XFD beside a list in A:D), each column named with
 * its cells; and rows under it that read as notes, a source or a total.
 */
export function outsideIssues(d: DetectedDataset): Issue[] {
  return [...besideIssues(d), ...footerIssues(d)];
}

function footerIssues(d: DetectedDataset): Issue[] {
  const rows = d.footerRows ?? [];
  if (!rows.length) return [];
  const first = rows[0];
  const last = rows[rows.length - 1];
  const some = rows.length < last - first + 1 ? ` (${count(rows.length)} with values)` : "";
  const which = rows.length === 1 ? `Row ${first + 1}` : `Rows ${first + 1} to ${last + 1}${some}`;
  return [issue(d.sheet, first, d.left, "warning", "dataset.below",
    `${which} under the list on '${d.sheet}', after its last row ${d.lastRow + 1}, ${rows.length === 1 ? "was" : "were"} not read as data: `
    + "they read as notes, a source or a total rather than items of the list")];
}

function besideIssues(d: DetectedDataset): Issue[] {
  const beside = d.beside ?? [];
  const out: Issue[] = beside.slice(0, LISTED).map((b) => {
    const right = b.col > d.right;
    const edge = right ? d.right : d.left;
    const name = `Column ${columnLetter(b.col)}${b.header ? ` ('${b.header.length > 40 ? `${b.header.slice(0, 40)}…` : b.header}')` : ""}`;
    const where = b.cells === 0 ? `only a heading (${a1(b.firstRow, b.col)})`
      : b.cells === 1 ? `a value (${a1(b.firstRow, b.col)})` : `${count(b.cells)} values (${a1(b.firstRow, b.col)} to ${a1(b.lastRow, b.col)})`;
    const distance = `${count(Math.abs(b.col - edge))} columns to the ${right ? "right" : "left"} of the list's ${right ? "last" : "first"} column ${columnLetter(edge)}`;
    return issue(d.sheet, b.firstRow, b.col, "warning", "dataset.beside",
      `${name} holds ${where} in the rows of the list on '${d.sheet}', but lies ${distance}, past empty columns, so it was not read as part of the list: `
      + `if it belongs to the list, move it next to column ${columnLetter(edge)}`);
  });
  const rest = beside.slice(LISTED);
  if (rest.length) {
    const first = rest[0];
    out.push(issue(d.sheet, first.firstRow, first.col, "warning", "dataset.beside",
      `${count(rest.length)} more columns (${columnLetter(first.col)} to ${columnLetter(rest[rest.length - 1].col)}) hold ${count(rest.reduce((n, b) => n + b.cells, 0))} values `
      + `in the rows of the list on '${d.sheet}' past empty columns, and were not read as part of the list`));
  }
  return out;
}
