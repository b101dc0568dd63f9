/**
 * The ribbon's "Refresh summaries" button: re-run the summary with the
 * settings already saved in the workbook, without opening the pane. A
 * failure is shown in a dialog; Office is told the command has finished on
 * every path.
 */
import { isUserError } from "../core/user-error";
import { summarise } from "../workbook/summarise";
import { withExcelWorkbook } from "../workbook/office/excel-run";
import { showMessage, COMMAND_DEADLINE_MS } from "./message-dialog";

/** The run stops between steps after this long, leaving time to say so before Office's limit. */
const RUN_LIMIT_MS = 3.5 * 60_000;

export async function refreshSummaries(event: Office.AddinCommands.Event): Promise<void> {
  const started = Date.now();
  let message: string | null = null;
  try {
    const result = await withExcelWorkbook((port) => summarise(port, { cancelled: () => Date.now() - started > RUN_LIMIT_MS }));
    if (result.error) message = `Refresh summaries could not run: ${result.error}`;
  } catch (e) {
    const err = e as Error;
    message = isUserError(err, "cancelled")
      ? "Refreshing took too long for a ribbon button, so it stopped before writing anything. Open the Performance report pane and use Run, which has no time limit."
      : `Refresh summaries did not finish. ${err.message}`;
  }
  if (message === null) {
    event.completed();
    return;
  }
  const page = new URL("dialog.html", globalThis.location?.href ?? "https://localhost/").href;
  showMessage(message, () => event.completed(), { ui: Office.context.ui, page, deadlineMs: COMMAND_DEADLINE_MS - (Date.now() - started) });
}

void Office.onReady(() => {
  // refreshSummaries catches its own failures and always completes the event.
  Office.actions.associate("refreshSummaries", (event: Office.AddinCommands.Event) => void refreshSummaries(event));
});
