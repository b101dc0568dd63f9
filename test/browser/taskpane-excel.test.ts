/**
 * The pane as it runs inside Excel, with a fake Office host injected: an
 * issue's link must reach the host's selectCell and say so beside the link,
 * Excel's errors are plain with "Try again", and every view (the error
 * states included) passes axe with no serious or critical violation.
 */
import { Browser, Page } from "playwright-core";
import { axeSerious, horizontalOverflow } from "./pane";
import { readFileSync } from "fs";
import { mkdirSync } from "fs";
import { join } from "path";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { SAMPLE } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { inspectWorkbook } from "../../src/workbook/inspect";
import { summarise } from "../../src/workbook/summarise";
import { paneOutcome } from "../../src/taskpane/pane-results";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

/** A PaneHost written in plain JS for the page, answering with the sample's real results. */
async function fakeHostScript(): Promise<string> {
  const data = new Uint8Array(readFileSync(SAMPLE));
  const inspection = await inspectWorkbook(await XlsxWorkbook.open(data));
  const r = await summarise(await XlsxWorkbook.open(data));
  const outcome = paneOutcome(r);
  // The first inspection and the first run fail as Excel fails (an error with a code), to show the error states.
  return `
    window.__selected = [];
    window.__failures = { inspect: 1, run: 1 };
    const excelError = (code, message) => Object.assign(new Error(message), { name: "RichApi.Error", code });
    window.__cpeTestHost = {
      kind: "excel",
      title: "This workbook",
      inspect: async () => {
        if (window.__failures.inspect-- > 0) throw excelError("InvalidOperationInCellEditMode", "This operation is not permitted in cell-edit mode.");
        return ${JSON.stringify(inspection)};
      },
      saveDataset: async () => undefined,
      saveSettings: async () => undefined,
      run: async (request, onProgress) => {
        if (window.__failures.run-- > 0) throw excelError("GeneralException", "An internal error has occurred.");
        for (const [step, f] of [["Reading sheets", 0.2], ["Writing output sheets", 0.7], ["Done", 1]]) {
          onProgress(step, f);
          await new Promise((r) => setTimeout(r, 30));
          // A test can hold the run mid-way to look at the running state.
          if (f === 0.7 && window.__holdRun) await window.__holdRun;
        }
        return ${JSON.stringify(outcome)};
      },
      selectCell: async (sheet, cell) => { window.__selected.push(sheet + "!" + cell); },
      makeTemplates: async () => "2 return sheets written.",
      collectReturns: async () => "0 returns read.",
    };`;
}

describe("task pane inside Excel (fake host)", () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
    // CSP is bypassed only so axe-core can be injected for the accessibility check.
    const context = await browser.newContext({ viewport: { width: 350, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(90_000);
    await context.addInitScript({ content: await fakeHostScript() });
    await context.addInitScript({ path: require.resolve("axe-core/axe.min.js") });
    page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("says plainly when Excel is busy, and reads the workbook when asked to try again", async () => {
    const alert = page.getByRole("alert").filter({ hasText: "The workbook could not be read" });
    await alert.waitFor({ timeout: 90_000 });
    await alert.getByText("Excel is busy because a cell is being edited. Press Enter or Esc in the sheet, then try again.").waitFor();
    // Focus goes to the failure, so a keyboard or screen-reader user is told and is one Tab from Try again.
    await page.waitForFunction(() => document.activeElement?.id === "error-notice");
    expect(await axeSerious(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "11-excel-error.png") });
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "7 tables to report on" }).waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => document.activeElement?.id === "datasets-title");
  }, 600_000);

  it("has no serious accessibility violation on the workbook, settings and run views", async () => {
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByText("Risk matrix", { exact: true }).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("tab", { name: "Run" }).click();
    expect(await axeSerious(page)).toEqual([]);
  });

  it("says before a run, inside Excel, that a run cannot be undone with Ctrl+Z", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await expect(page.getByTestId("undo-note").textContent()).resolves.toMatch(/cannot be undone with Ctrl\+Z.*save your workbook first/);
    await page.screenshot({ path: join(SHOTS, "4b-run-in-excel.png") });
  });

  it("offers Try again when a run fails in Excel", async () => {
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "The run did not finish" });
    await alert.getByText("Excel reported an internal problem.", { exact: false }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "error-notice");
    expect(await axeSerious(page)).toEqual([]);
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").waitFor({ timeout: 90_000 });
    await page.getByRole("tab", { name: "Run" }).click();
  });

  it("shows determinate progress while running, then the results", async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __holdRun?: Promise<void>; __releaseRun?: () => void };
      w.__holdRun = new Promise((resolve) => (w.__releaseRun = resolve));
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByText("Writing output sheets…").waitFor();
    await page.screenshot({ path: join(SHOTS, "6-running.png") });
    expect(await axeSerious(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { __releaseRun: () => void }).__releaseRun());
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").waitFor({ timeout: 90_000 });
    expect(await axeSerious(page)).toEqual([]);
  });

  it("sends a click on an issue to Excel as a cell selection", async () => {
    const item = page.getByRole("listitem").filter({ hasText: "'Directorate priorities'!C88" });
    await item.getByRole("button", { name: "Go to Directorate priorities!C88" }).click();
    // Said beside the link clicked, not at the foot of the list.
    await item.getByRole("status").filter({ hasText: "Selected Directorate priorities!C88" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __selected: string[] }).__selected)).toEqual(["Directorate priorities!C88"]);
  });

  it("is operable from the keyboard: tab to an issue link and press Enter", async () => {
    const link = page.getByRole("button", { name: "Go to Directorate priorities!C48" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("listitem").filter({ hasText: "'Directorate priorities'!C48" }).getByRole("status").filter({ hasText: "Selected Directorate priorities!C48" }).waitFor();
  });
});
