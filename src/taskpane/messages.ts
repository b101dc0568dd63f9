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

/** One line for the pane after templates are made. */
export function templatesMessage(r: TemplateResult): string {
  if (r.error) throw new Error(r.error);
  return `${r.sheets.length} return sheet${r.sheets.length === 1 ? "" : "s"} written: ${r.sheets.map((s) => s.name).join(", ")}.`;
}

/** One line for the pane after returns are collected: what changed, then anything that needs a look. */
export function collectMessage(j: CollectJson): string {
  const read = j.returns.filter((r) => r.accepted).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [n(j.changes.length, "change", "changes"), n(j.added.length, "new row", "new rows")];
  if (j.missing.length) parts.push(n(j.missing.length, "row missing from the returns", "rows missing from the returns"));
  if (j.unknown.length) parts.push(n(j.unknown.length, "row not matched to the corporate sheets", "rows not matched to the corporate sheets"));
  if (j.issues.length) parts.push(n(j.issues.length, "value not used (not a valid RAG or date)", "values not used (not a valid RAG or date)"));
  // Returns still out keep headlines open: said here, named by directorate (a whole-list return by its dataset).
  const out = (j.outstanding ?? []).map((x) => x.directorate || `'${x.dataset}'`);
  const still = out.length ? ` Still outstanding: ${[...new Set(out)].join(", ")}.` : "";
  return `${n(read, "return", "returns")} read: ${parts.join(", ")}. Every change is listed on the '${j.outputSheet}' sheet.${still}`;
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
