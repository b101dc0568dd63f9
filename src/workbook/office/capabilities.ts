/**
 * What this copy of Excel can do beyond the manifest's minimum, ExcelApi 1.9
 * (Microsoft 365, Office 2021 or later, Excel on the web, Excel for Mac
 * 16.24 or later): https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * Everything the add-in needs is in 1.9 (conditional formats 1.6, data
 * validation 1.8, copying cells, print titles, screen suspension and
 * finding visible cells 1.9); newer features are used when present.
 */
export interface Capabilities {
  /** Merged areas of a range (Range.getMergedAreasOrNullObject, ExcelApi 1.13). Before that, merged cells read as their top-left cell only. */
  mergedAreas: boolean;
}

export const MINIMUM_API = "1.9";

/** What any host the manifest admits can do. */
export const MINIMUM: Capabilities = { mergedAreas: false };

export const TOO_OLD =
  "This version of Excel is too old for the add-in: it needs Microsoft 365, Office 2021 or later, Excel on the web, or Excel for Mac 16.24 or later (Excel JavaScript API 1.9).";

export type RequirementCheck = (set: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: RequirementCheck): Capabilities | { tooOld: string } {
  if (!isSetSupported("ExcelApi", MINIMUM_API)) return { tooOld: TOO_OLD };
  return { mergedAreas: isSetSupported("ExcelApi", "1.13") };
}

/**
 * Excel's own error codes, in words a performance officer can act on, with
 * what the action had already changed before it failed (`done`): never a
 * promise that nothing changed when something did.
 */
export function explainExcelError(e: unknown, done: string[] = []): string {
  const err = e as { code?: string; message?: string };
  return `${cause(err)} ${aftermath(done)}`;
}

function cause(err: { code?: string; message?: string }): string {
  switch (err.code) {
    case "AccessDenied":
      return "Excel refused the change: the workbook or a sheet is protected. Unprotect it (Review > Unprotect Sheet, or Protect Workbook to allow adding sheets) and run again.";
    case "InvalidOperationInCellEditMode":
      return "Excel is busy editing a cell. Press Enter or Esc to finish editing, then run again.";
    // Excel also refuses a request made while a cell is being edited with this code (excel-add-ins-delay-in-cell-edit.md).
    case "InvalidOperation":
      return `Excel refused the update${err.message ? ` (${err.message})` : ""}. If a cell is being edited, press Enter or Esc to finish editing, then run again.`;
    case "ItemAlreadyExists":
      return "A sheet with the same name was created while the add-in was working. Rename it and run again.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "The workbook is too large for Excel on the web to update in one go. Try Excel on the desktop, or split the data across workbooks.";
    default:
      return `Excel could not complete the update${err.message ? `: ${err.message}` : "."}`;
  }
}

function aftermath(done: string[]): string {
  if (!done.length) return "Nothing in your workbook was changed.";
  return `Before it stopped, the add-in had already ${done.join(", then ")}; nothing after that was changed.`;
}
