import type { TemplateResult } from "../workbook/templates";
import type { CollectJson } from "../workbook/collect";

/**
 * Said before a run inside Excel: the run deletes its temporary sheets, and
 * Worksheet.delete clears the person's undo stack on every platform
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 */
export const RUN_CLEARS_UNDO =
  "A run cannot be undone with Ctrl+Z, and Excel forgets the edits you made before it too: save your workbook first if you may want to go back.";

/** Said where this Excel cannot report merged cells (Range.getMergedAreasOrNullObject is ExcelApi 1.13). */
export const MERGES_UNKNOWN =
  "This version of Excel cannot tell the add-in which cells are merged (that needs Microsoft 365 Version 2102 or later, Office 2021, or Excel for Mac 16.50), " +
  "so a table laid out with merged cells may be read differently from the saved file. Update Excel, or summarise the saved file with the command line.";

/**
 * One line for the pane after templates are made: how many, for whom and one
 * example name, not every sheet's name (a council with 13 directorates gets 26,
 * and they are all in the workbook's tabs).
 */
export function templatesMessage(r: TemplateResult): string {
  if (r.error) throw new Error(r.error);
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const byDirectorate = r.sheets.filter((s) => s.directorate);
  const directorates = new Set(byDirectorate.map((s) => s.directorate)).size;
  const tables = [...new Set(byDirectorate.map((s) => `'${s.dataset}'`))];
  // A risk register (or a table with no directorates) gets one return of its own.
  const single = r.sheets.filter((s) => !s.directorate).map((s) => `'${s.dataset}'`);
  const parts = [
    ...(byDirectorate.length ? [`one per directorate for ${tables.join(" and ")} (${n(directorates, "directorate", "directorates")})`] : []),
    ...(single.length ? [`one for ${single.join(" and one for ")}`] : []),
  ];
  const example = r.sheets[0] ? `, such as '${r.sheets[0].name}'` : "";
  return `${n(r.sheets.length, "return sheet", "return sheets")} written: ${parts.join(", and ")}${example}.`;
}

/** One line for the pane after returns are collected: what changed, then anything that needs a look. */
export function collectMessage(j: CollectJson): string {
  const read = j.returns.filter((r) => r.accepted).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [n(j.changes.length, "change", "changes"), n(j.added.length, "new row", "new rows")];
  if (j.missing.length) parts.push(n(j.missing.length, "row missing from the returns", "rows missing from the returns"));
  if (j.unknown.length) parts.push(n(j.unknown.length, "row not matched to the corporate sheets", "rows not matched to the corporate sheets"));
  if (j.issues.length) parts.push(n(j.issues.length, "value not used (not a valid RAG or date)", "values not used (not a valid RAG or date)"));
  if (j.conflicts.length) parts.push(n(j.conflicts.length, "change not applied (a conflict to settle)", "changes not applied (conflicts to settle)"));
  const out = [`${n(read, "return", "returns")} read: ${parts.join(", ")}.`];
  // A return refused (another period, another directorate's rows) is said here, with the first reason, never only counted out.
  const refused = j.returns.filter((r) => !r.accepted);
  if (refused.length) {
    const first = refused[0];
    const why = (first.reason ?? "").replace(/ \(--period "[^"]*"\)/g, "");
    out.push(`${n(refused.length, "return was", "returns were")} not collected: '${first.sheet}' in ${first.file}${why ? `, as ${why}` : ""}${refused.length > 1 ? " (and others)" : ""}.`);
  }
  if (j.outputSheet) out.push(`Every change and every return is listed on the '${j.outputSheet}' sheet.`);
  // Returns still out keep headlines open: said here, named by directorate (a whole-list return by its dataset).
  const outstanding = (j.outstanding ?? []).map((x) => x.directorate || `'${x.dataset}'`);
  if (outstanding.length) out.push(`Still outstanding: ${[...new Set(outstanding)].join(", ")}.`);
  if (j.settingsNotSaved) out.push(`The workbook's settings were not saved: ${j.settingsNotSaved}`);
  return out.join(" ");
}

/**
 * A failure said plainly. Excel's errors carry a code (OfficeExtension.Error.code,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * the common ones get a sentence saying what to do, anything else keeps its own message.
 */
export function plainError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err.code) {
    case "InvalidOperationInCellEditMode":
      return "Excel is busy because a cell is being edited. Press Enter or Esc in the sheet, then try again.";
    case "AccessDenied":
    case "InsertDeleteConflict":
      return "Excel did not allow the change: the workbook may be protected, shared for co-authoring or read-only. Check that you can edit it, then try again.";
    case "ItemNotFound":
      return "A sheet the add-in was using has been renamed or deleted. Try again to read the workbook afresh.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "The workbook is too large for Excel to pass in one go. Close other workbooks and try again.";
    case "GeneralException":
    case "InternalError":
      return "Excel reported an internal problem. Try again; if it keeps happening, save and reopen the workbook.";
    default:
      return err.message || "Something went wrong.";
  }
}
