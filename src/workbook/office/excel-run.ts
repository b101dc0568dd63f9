import { OfficeWorkbook } from "./office-workbook";
import { detectCapabilities, explainExcelError } from "./capabilities";
import { PlainError } from "./plain-error";
import { isUserError } from "../../core/user-error";

export { PlainError };

/**
 * One user action = one Excel.run over one OfficeWorkbook. Checks the host's
 * requirement sets first and turns Excel's errors into plain sentences.
 * While the person is typing in a cell, Excel waits for them to finish
 * rather than failing the run (delayForCellEdit:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 */
export async function withExcelWorkbook<T>(action: (port: OfficeWorkbook, ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  const caps = detectCapabilities((set, version) => Office.context.requirements.isSetSupported(set, version));
  if ("tooOld" in caps) throw new PlainError(caps.tooOld);
  let port: OfficeWorkbook | null = null;
  try {
    return await Excel.run({ delayForCellEdit: true }, (ctx) => action((port = new OfficeWorkbook(ctx, caps)), ctx));
  } catch (e) {
    // Errors already worded for the user (a cancel, damaged settings, a setting to change) pass as they are.
    if (isUserError(e)) throw e;
    throw new PlainError(explainExcelError(e, (port as OfficeWorkbook | null)?.changed ?? []));
  }
}
