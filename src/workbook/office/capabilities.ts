/**
 * What this copy of Excel can do, from its requirement sets. The manifest
 * declares ExcelApi 1.7 (Office 2019); newer features are used when present.
 */
export interface Capabilities {
  /** Data validation for templates (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Screen-update suspension and finding visible cells (ExcelApi 1.9). */
  api19: boolean;
}

export const MINIMUM_API = "1.7";

export type RequirementCheck = (set: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: RequirementCheck): Capabilities | { tooOld: string } {
  if (!isSetSupported("ExcelApi", MINIMUM_API)) {
    return { tooOld: "This version of Excel is too old for the add-in: it needs Excel 2019, Excel 2021, Microsoft 365 or Excel on the web (Excel JavaScript API 1.7 or later)." };
  }
  return { dataValidation: isSetSupported("ExcelApi", "1.8"), api19: isSetSupported("ExcelApi", "1.9") };
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
