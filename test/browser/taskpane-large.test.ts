/**
 * A 40,000-row workbook in file mode: while it opens and while it runs, the
 * pane keeps painting (the work is in a worker), its progress changes on
 * screen, and Cancel stops the work at once. Painted frames
 * (requestAnimationFrame) show it: a page whose main thread did the work
 * would paint no frame until the end, so no progress state in between would
 * ever be seen. The longest gap between frames is printed, not asserted: it
 * is a figure of the machine's load (the browser file-mode benchmark
 * measures the pane's timings).
 */
import { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { axeSerious, recordFrames, stopFrames, openFilePane, OpenPane } from "./pane";
import { tempDir } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { PANE_LIST_LIMIT } from "../../src/taskpane/pane-results";

const SHOTS = join(__dirname, "..", "artefacts", "pane");
const ROWS = 40_000;
const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

async function bigWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.addRow(["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]);
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < ROWS; i++) {
    const base = 20 + rand() * 80;
    ws.addRow([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  const path = join(tempDir(), "forty-thousand-rows.xlsx");
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

describe("task pane on a 40,000-row workbook (file mode)", () => {
  let pane: OpenPane;
  let page: Page;
  let file: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    file = await bigWorkbook();
    pane = await openFilePane(350, { watch: (p) => p.on("pageerror", (e) => errors.push(e.message)) });
    page = pane.page;
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("stops opening the file when Cancel is pressed", async () => {
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("progressbar").waitFor();
    await recordFrames(page);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Opening forty-thousand-rows.xlsx was cancelled.").waitFor({ timeout: 60_000 });
    const painted = await stopFrames(page);
    console.log(`cancel while opening: ${painted.frames} frames, longest gap ${painted.longestGapMs} ms`);
    expect(await page.getByRole("button", { name: "Open a workbook file" }).isEnabled()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    // Nothing arrives later from the cancelled work.
    await page.waitForTimeout(1_000);
    expect(await page.getByText(/tables? to report on/).count()).toBe(0);
  }, 600_000);

  it("keeps painting its progress while the file opens", async () => {
    await page.getByTestId("file-input").setInputFiles(file);
    await recordFrames(page);
    await page.getByRole("heading", { name: "1 table to report on" }).waitFor({ timeout: 90_000 });
    const painted = await stopFrames(page);
    console.log(`opening: ${painted.frames} frames, longest gap ${painted.longestGapMs} ms, progress seen ${JSON.stringify(painted.progress)}`);
    expect(painted.progress).toEqual(expect.arrayContaining([expect.stringMatching(/^Reading forty-thousand-rows\.xlsx/), "Finding the tables to report on:indeterminate"]));
    // Focus moves to the new step's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("1 table to report on");
  }, 600_000);

  it("keeps painting determinate progress while running, and Cancel stops the run", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await recordFrames(page);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    // Cancel once the run is well under way (calculating, planning or writing).
    await page.waitForFunction(() => Number(document.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow")) >= 0.4, null, { timeout: 60_000, polling: 20 });
    await page.screenshot({ path: join(SHOTS, "6-running-40000-rows.png") });
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Cancelled. Nothing was written.").waitFor({ timeout: 60_000 });
    const painted = await stopFrames(page);
    console.log(`run then cancel: ${painted.frames} frames, longest gap ${painted.longestGapMs} ms, progress seen ${JSON.stringify(painted.progress)}`);
    // The sheets were read when the file opened, so the run's first step after "Starting" is the calculation.
    expect(painted.progress.length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole("tab", { name: "Results" }).isDisabled()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
  }, 600_000);

  it("runs to the end after a Cancel, on the workbook as it was", async () => {
    await recordFrames(page);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: "Results for Quarter One 2021/22" }).waitFor({ timeout: 120_000 });
    const painted = await stopFrames(page);
    console.log(`full run: ${painted.frames} frames, longest gap ${painted.longestGapMs} ms`);
    await page.getByText(/^Indicators: /).first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Results for Quarter One 2021/22");
    expect(await page.getByRole("status").filter({ hasText: "Results ready" }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 600_000);

  it("shows the 'Red Red' list a page at a time and says how many more there are and where they all are", async () => {
    // What the Exceptions sheet of the download lists, from the same file summarised here.
    const r = await summarise(await XlsxWorkbook.open(new Uint8Array(readFileSync(file))));
    const total = Number(/'Red Red' items: (\d+)/.exec(JSON.stringify(r.plans.find((p) => p.purpose === "exceptions")))![1]);
    expect(total).toBeGreaterThan(PANE_LIST_LIMIT);
    const n = (x: number) => x.toLocaleString("en-GB");
    const section = page.locator("section[aria-labelledby=redred-title]");
    await section.getByText(`'Red Red': off target and worsening (${n(total)})`).waitFor();
    const more = (shown: number) => section.getByText(`and ${n(total - shown)} more — all ${n(total)} are on the 'Exceptions' sheet of the downloaded workbook`);
    expect(await section.locator(".fui-Card").count()).toBe(10);
    await more(10).waitFor();
    await page.screenshot({ path: join(SHOTS, "7-red-red-40000-rows.png"), fullPage: true });
    const button = section.getByRole("button", { name: "Show 10 more 'Red Red' items" });
    for (let shown = 10; shown < PANE_LIST_LIMIT; shown += 10) await button.click();
    await more(PANE_LIST_LIMIT).waitFor();
    // The pane holds only the first ones; the rest are on the sheet, so there is nothing more to show here.
    expect(await section.locator(".fui-Card").count()).toBe(PANE_LIST_LIMIT);
    expect(await section.getByRole("button").count()).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
  }, 600_000);
});
