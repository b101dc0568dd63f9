/**
 * The pane as it runs inside Excel, with a fake Office host injected: an
 * issue's link must reach the host's selectCell, and every view must pass an
 * axe accessibility check with no serious or critical violation.
 */
import { Browser, Page } from "playwright-core";
import { readFileSync } from "fs";
import { mkdirSync } from "fs";
import { join } from "path";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { SAMPLE } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { inspectWorkbook } from "../../src/workbook/inspect";
import { summarise } from "../../src/workbook/summarise";
import { resultsView } from "../../src/workbook/results-view";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

/** A PaneHost written in plain JS for the page, answering with the sample's real results. */
async function fakeHostScript(): Promise<string> {
  const data = new Uint8Array(readFileSync(SAMPLE));
  const inspection = await inspectWorkbook(await XlsxWorkbook.open(data));
  const r = await summarise(await XlsxWorkbook.open(data));
  const outcome = { view: resultsView(r.report, r.outputSheets, null), json: r.json };
  return `
    window.__selected = [];
    window.__cpeTestHost = {
      kind: "excel",
      title: "This workbook",
      inspect: async () => (${JSON.stringify(inspection)}),
      saveDataset: async () => undefined,
      saveRiskMatrix: async () => undefined,
      run: async (request, onProgress) => {
        for (const [step, f] of [["Reading sheets", 0.2], ["Writing output sheets", 0.7], ["Done", 1]]) {
          onProgress(step, f);
          await new Promise((r) => setTimeout(r, 30));
        }
        return ${JSON.stringify(outcome)};
      },
      selectCell: async (sheet, cell) => { window.__selected.push(sheet + "!" + cell); },
      makeTemplates: async () => "2 return sheets written.",
      collectReturns: async () => "0 returns read.",
    };`;
}

async function axeSerious(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    // Fluent's focus manager (tabster) adds invisible 1-px focus sentinels marked aria-hidden on purpose;
    // they are how focus trapping works, not content, so they are left out of the check.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.map((n) => (n as { html: string }).html)).slice(0, 400)}`);
  });
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
    await context.addInitScript({ content: await fakeHostScript() });
    await context.addInitScript({ path: require.resolve("axe-core/axe.min.js") });
    page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("7 datasets found").waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has no serious accessibility violation on the workbook, settings and run views", async () => {
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByText("Risk matrix", { exact: true }).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("tab", { name: "Run" }).click();
    expect(await axeSerious(page)).toEqual([]);
  });

  it("shows determinate progress while running, then the results", async () => {
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("progressbar").waitFor();
    await page.screenshot({ path: join(SHOTS, "6-running.png") });
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").waitFor({ timeout: 10_000 });
    expect(await axeSerious(page)).toEqual([]);
  });

  it("sends a click on an issue to Excel as a cell selection", async () => {
    await page.getByRole("button", { name: "Directorate priorities!C88" }).click();
    await page.getByRole("status").filter({ hasText: "Selected Directorate priorities!C88" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __selected: string[] }).__selected)).toEqual(["Directorate priorities!C88"]);
  });

  it("is operable from the keyboard: tab to an issue link and press Enter", async () => {
    const link = page.getByRole("button", { name: "Directorate priorities!C48" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Selected Directorate priorities!C48" }).waitFor();
  });
});
