/**
 * A function file has no window of its own, so a ribbon command shows its
 * outcome in a small Office dialog (dialog.html), and tells Office it has
 * finished only when the dialog is closed — or, at the latest, before
 * Office's five-minute limit on a command.
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins
 */

/** Office ends a command that has not called completed() after five minutes; stay well inside it. */
export const COMMAND_DEADLINE_MS = 4.5 * 60_000;

type Ui = Pick<Office.UI, "displayDialogAsync">;

/**
 * Show `text` in a dialog, then call `done` exactly once: when the person
 * closes it (its OK button or the dialog's own close box), when the
 * deadline comes, or at once if Office cannot open a dialog.
 */
export function showMessage(text: string, done: () => void, opts: { ui: Ui; page: string; deadlineMs: number }): void {
  let finished = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    done();
  };
  const url = `${opts.page}?message=${encodeURIComponent(text)}`;
  try {
    opts.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      // Enum values as strings, so this module runs without the Office global's enums.
      if (result.status !== ("succeeded" as unknown as Office.AsyncResultStatus)) {
        console.error(`Could not show the message (${result.error?.message ?? "no dialog"}): ${text}`);
        finish();
        return;
      }
      const dialog = result.value;
      const close = () => {
        try {
          dialog.close();
        } finally {
          finish();
        }
      };
      dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, close);
      dialog.addEventHandler("dialogEventReceived" as unknown as Office.EventType, finish);
      deadline = setTimeout(close, Math.max(0, opts.deadlineMs));
    });
  } catch (e) {
    console.error(`Could not show the message (${(e as Error).message}): ${text}`);
    finish();
  }
}
