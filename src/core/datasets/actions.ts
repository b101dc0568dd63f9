import { SheetGrid, cellRef } from "../grid";
import { cellText, isBlank } from "../values";
import { CalendarDate, parseUkDate } from "../dates";
import { Status, StatusLabels, DEFAULT_STATUS_LABELS, normaliseStatus } from "../status";
import { truncate } from "../numbers";
import { DetectedDataset } from "../detect/find-datasets";
import { cellOf } from "./rows";
import { issueAt, issue } from "./issues";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";

/** A priority, action, programme or project with a typed RAG. */
export interface ActionItem {
  row: number;
  key: string;
  code: string;
  title: string;
  /** Directorate, owner or the section heading above it. */
  group: string;
  due: CalendarDate | null;
  dueText: string;
  status: Status;
  commentary: string;
}

/**
 * Read priorities or actions. A row whose RAG cannot be read is flagged (it
 * cannot count towards a standard); a bad due date is reported but the row
 * still counts, as its RAG is sound.
 */
export function readActions(grid: SheetGrid, d: DetectedDataset, labels: StatusLabels = DEFAULT_STATUS_LABELS): DatasetRead<ActionItem> {
  const read = emptyRead<ActionItem>(d);
  const keys = new KeyMaker();
  const statusCol = d.columns.status ?? d.left;
  for (const r of dataRows(grid, d, read)) {
    const title = cellText(cellOf(d, r, "title"));
    const code = cellText(cellOf(d, r, "code"));
    const group = cellText(cellOf(d, r, "group")) || r.heading || "";
    const statusCell = cellOf(d, r, "status");
    if (isBlank(statusCell)) {
      read.rowsFlagged++;
      const what = title ? `'${truncate(title, 50)}'` : "This row";
      read.issues.push(issue(d.sheet, r.row, statusCol, "error", "status.missing",
        `${what} has no RAG status in ${cellRef(d.sheet, r.row, statusCol)}: enter Green, Amber, Red or Complete`));
      continue;
    }
    const status = normaliseStatus(statusCell, labels);
    if (!status.ok) {
      read.rowsFlagged++;
      read.issues.push(issueAt(d.sheet, r.row, statusCol, "RAG status", status.problem));
      continue;
    }
    let due: CalendarDate | null = null;
    const dueCell = cellOf(d, r, "due");
    if (d.columns.due !== undefined) {
      const parsed = parseUkDate(dueCell);
      if (parsed.ok) due = parsed.value;
      else read.issues.push(issueAt(d.sheet, r.row, d.columns.due, "Due date", parsed.problem));
    }
    read.items.push({
      row: r.row,
      key: keys.make(code || `${group}|${title}`),
      code,
      title,
      group,
      due,
      dueText: cellText(dueCell),
      status: status.value,
      commentary: cellText(cellOf(d, r, "commentary")),
    });
  }
  read.rowsCalculated = read.items.length;
  return read;
}
