/**
 * The ribbon's "Refresh summaries" button: re-run the summary with the
 * settings already saved in the workbook, without opening the pane.
 */
import { summarise } from "../workbook/summarise";
import { withExcelWorkbook } from "../workbook/office/excel-run";

export async function refreshSummaries(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await withExcelWorkbook((port) => summarise(port));
  } catch (e) {
    // A function file has no window of its own; the pane shows the same error when opened.
    console.error(`Refresh summaries failed: ${(e as Error).message}`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("refreshSummaries", refreshSummaries);
});
