/**
 * The pane's Diagnostics, under Help, inside Excel (a host that answers like Excel): run
 * the checks, read the report, copy it for support. Screenshot at 350 px in
 * test/artefacts/pane/diagnostics.png.
 */
import { Browser } from "playwright-core";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { SAMPLE } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { inspectWorkbook } from "../../src/workbook/inspect";
import { runDiagnostics, reportText } from "../../src/workbook/office/diagnostics";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

describe("Diagnostics in the pane", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs the checks and offers the report to copy", async () => {
    const inspection = await inspectWorkbook(await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE))));
    const state = FakeWorkbookState.fromGrids([{ name: "Sheet1", rows: [] }]);
    const report = reportText(await runDiagnostics(fakeExcelRun(state), { platform: "PC", version: "16.0.17928", isSetSupported: (s, v) => state.isSetSupported(s, v) }));
    const context = await browser.newContext({ viewport: { width: 350, height: 1100 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await context.addInitScript({
      content: `window.__cpeTestHost = {
        kind: "excel", title: "This workbook",
        inspect: async () => (${JSON.stringify(inspection)}),
        saveDataset: async () => undefined, saveRiskMatrix: async () => undefined,
        run: async () => { throw new Error("not used"); }, selectCell: async () => undefined,
        makeTemplates: async () => "", collectReturns: async () => "",
        diagnose: async () => { await new Promise((r) => setTimeout(r, 50)); return ${JSON.stringify(report)}; },
      };`,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Help" }).click();
    await page.getByRole("button", { name: "Run diagnostics" }).click();
    const box = page.getByRole("textbox", { name: "Diagnostics report" });
    await box.waitFor();
    await expect(box.inputValue()).resolves.toBe(report);
    await page.getByRole("button", { name: "Copy report" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(report);
    await page.getByRole("heading", { name: "Diagnostics" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "diagnostics.png"), fullPage: true });
    await context.close();
  }, 600_000);
});
