import { SheetGrid } from "../grid";
import { cellText, isBlank } from "../values";
import { CalendarDate, parseUkDate } from "../dates";
import { Status, StatusLabels, DEFAULT_STATUS_LABELS, normaliseStatus } from "../status";
import { DetectedDataset } from "../detect/find-datasets";
import { cellOf } from "./rows";
import { issueAt } from "./issues";
import { UnknownWords, BLANK_WORD } from "./unknown-words";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";

/** A priority, action, programme or project with a typed RAG. */
export interface ActionItem {
  row: number;
  key: string;
  code: string;
  title: string;
  /** Directorate, owner or the section heading above it. */
  group: string;
  /** A named owner (person or team) where the list has one beside its directorate; "" otherwise. */
  owner: string;
  due: CalendarDate | null;
  dueText: string;
  /** A revised (proposed) due date, where the list gives one; its text when it is a word such as "N/A". */
  revisedDue: CalendarDate | null;
  revisedDueText: string;
  status: Status;
  /** The word as typed, for statuses the vocabulary does not know ("Not rated"). */
  statusWord: string;
  commentary: string;
}

/**
 * Read priorities or actions. Every data row is counted: a RAG the
 * vocabulary does not know, or none at all, is counted as "Not rated" under
 * its own word and reported once per word with its cells; a bad due date is
 * reported but the row still counts, as its RAG is sound.
 */
export function readActions(grid: SheetGrid, d: DetectedDataset, labels: StatusLabels = DEFAULT_STATUS_LABELS): DatasetRead<ActionItem> {
  const read = emptyRead<ActionItem>(d);
  const keys = new KeyMaker();
  const statusCol = d.columns.status ?? d.left;
  const unknown = new UnknownWords(d.sheet, statusCol, "RAG status");
  for (const r of dataRows(grid, d, read)) {
    const title = cellText(cellOf(d, r, "title"));
    const code = cellText(cellOf(d, r, "code"));
    const group = cellText(cellOf(d, r, "group")) || r.heading || "";
    const statusCell = cellOf(d, r, "status");
    const parsed = isBlank(statusCell) ? null : normaliseStatus(statusCell, labels);
    const status: Status = parsed?.ok ? parsed.value : "Not rated";
    const statusWord = parsed?.ok ? "" : isBlank(statusCell) ? BLANK_WORD : cellText(statusCell);
    if (!parsed?.ok) unknown.add(statusWord, r.row);
    let due: CalendarDate | null = null;
    const dueCell = cellOf(d, r, "due");
    if (d.columns.due !== undefined) {
      const parsed = parseUkDate(dueCell);
      if (parsed.ok) due = parsed.value;
      else read.issues.push(issueAt(d.sheet, r.row, d.columns.due, "Due date", parsed.problem));
    }
    let revisedDue: CalendarDate | null = null;
    const revisedCell = cellOf(d, r, "revisedDue");
    if (d.columns.revisedDue !== undefined && !isBlank(revisedCell)) {
      const parsed = parseUkDate(revisedCell);
      if (parsed.ok) revisedDue = parsed.value;
      // "N/A", "TBC": a word, kept as written; something with digits that is not a date is a problem with its cell.
      else if (/\d/.test(cellText(revisedCell))) read.issues.push(issueAt(d.sheet, r.row, d.columns.revisedDue, "Revised due date", parsed.problem));
    }
    read.items.push({
      row: r.row,
      key: keys.make(code || `${group}|${title}`),
      code,
      title,
      group,
      owner: cellText(cellOf(d, r, "owner")),
      due,
      dueText: cellText(dueCell),
      revisedDue,
      revisedDueText: cellText(revisedCell),
      status,
      statusWord,
      commentary: cellText(cellOf(d, r, "commentary")),
    });
  }
  read.rowsCalculated = read.items.length;
  read.issues.push(...unknown.issues());
  return read;
}
