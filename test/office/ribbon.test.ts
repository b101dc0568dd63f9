/**
 * The ribbon's Refresh summaries command: a function file has no window, so
 * a failure is shown in an Office dialog, and Office is told the command
 * has finished on every path (or it would spin until Office's limit).
 */
import { readFileSync } from "fs";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromGrids } from "../fakes/conformance";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { SAMPLE } from "../helpers/workbooks";
import { FakeWorkbookState } from "../fakes/excel-state";
import { showMessage } from "../../src/commands/message-dialog";

type Handler = () => void;
interface FakeDialog { url: string; handlers: Record<string, Handler>; closed: boolean }

/** Office's dialog API, recording what was opened; `fail` makes it refuse, as it does when a dialog is already open. */
function fakeUi(fail = false) {
  const dialogs: FakeDialog[] = [];
  const ui = {
    displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
      if (fail) return callback({ status: "failed", error: { message: "A dialog is already open." } });
      const d: FakeDialog = { url, handlers: {}, closed: false };
      dialogs.push(d);
      callback({ status: "succeeded", value: { close: () => void (d.closed = true), addEventHandler: (type: string, h: Handler) => void (d.handlers[type] = h) } });
    },
  };
  return { ui, dialogs };
}

async function withFakeExcel(ui: ReturnType<typeof fakeUi>["ui"]): Promise<FakeWorkbookState> {
  const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
  Object.assign(globalThis, {
    Excel: { run: fakeExcelRun(state) },
    Office: {
      context: { requirements: { isSetSupported: (set: string, v: string) => state.isSetSupported(set, v) }, ui },
      onReady: (cb: () => void) => cb(),
      actions: { associate: () => undefined },
    },
  });
  return state;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const message = (d: FakeDialog) => new URL(d.url).searchParams.get("message");

describe("Refresh summaries from the ribbon", () => {
  it("shows why it failed in a dialog, and completes when the dialog is closed", async () => {
    const { ui, dialogs } = fakeUi();
    const state = await withFakeExcel(ui);
    state.failOnSync = 3;
    const { refreshSummaries } = await import("../../src/commands/commands");
    let completed = 0;
    await refreshSummaries({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0].url).pathname).toBe("/dialog.html");
    expect(message(dialogs[0])).toMatch(/^Refresh summaries did not finish\. Excel could not complete the update: An internal error has occurred\. Nothing in your workbook was changed\.$/);
    expect(completed).toBe(0);
    dialogs[0].handlers.dialogMessageReceived();
    expect(dialogs[0].closed).toBe(true);
    expect(completed).toBe(1);
    dialogs[0].handlers.dialogEventReceived();
    expect(completed).toBe(1);
  });

  it("completes at once when Office cannot open a dialog", async () => {
    const { ui } = fakeUi(true);
    const state = await withFakeExcel(ui);
    state.failOnSync = 2;
    const { refreshSummaries } = await import("../../src/commands/commands");
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let completed = 0;
    await refreshSummaries({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(errors.mock.calls[0][0]).toMatch(/A dialog is already open.*Refresh summaries did not finish/);
    errors.mockRestore();
  });

  it("completes without a dialog when it succeeds", async () => {
    const { ui, dialogs } = fakeUi();
    const state = await withFakeExcel(ui);
    const { refreshSummaries } = await import("../../src/commands/commands");
    let completed = 0;
    await refreshSummaries({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(dialogs).toEqual([]);
    expect(state.sheet("Summary")).toBeDefined();
  });

  it("closes its dialog and completes before Office's command limit", () => {
    jest.useFakeTimers();
    const { ui, dialogs } = fakeUi();
    let completed = 0;
    showMessage("Something went wrong.", () => completed++, { ui: ui as unknown as Office.UI, page: "https://example.test/dialog.html", deadlineMs: 60_000 });
    jest.advanceTimersByTime(59_999);
    expect(completed).toBe(0);
    jest.advanceTimersByTime(1);
    expect([completed, dialogs[0].closed]).toEqual([1, true]);
    jest.useRealTimers();
  });
});
