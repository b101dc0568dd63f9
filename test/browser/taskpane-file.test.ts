/**
 * The task pane in a real browser (Debian's Chromium), outside Excel: open
 * the sample workbook, go through the flow, run, download the result and
 * check it against the command line's figures. Screenshots of each step at
 * 350 px go to test/artefacts/pane/.
 */
import { Browser, Page } from "playwright-core";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { SAMPLE, runCli, tempDir } from "../helpers/workbooks";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

describe("task pane in file mode", () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const requests: string[] = [];
  const errors: string[] = [];
  let firstRenderMs = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDist();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 350, height: 900 }, acceptDownloads: true });
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook file" }).waitFor();
    firstRenderMs = Date.now() - started;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it("offers to open a workbook file when Office reports no host, within a second", async () => {
    await shot("1-open");
    console.log(`first render ${firstRenderMs} ms (page load to the first button, headless Chromium)`);
    expect(firstRenderMs).toBeLessThan(5_000); // a guard against hangs; the figure itself is reported, goal under 1 s
    expect(errors).toEqual([]);
  });

  it("lists the datasets found with their mapping and the latest quarter", async () => {
    await page.getByTestId("file-input").setInputFiles(SAMPLE);
    await page.getByText("7 datasets found").waitFor({ timeout: 30_000 });
    await expect(page.getByLabel("Reporting period").inputValue()).resolves.toBe("Q1 2021/22");
    await page.getByRole("button", { name: /Strategic risks · Risk register · 35 rows/ }).click();
    await expect(page.getByRole("combobox", { name: "Likelihood", exact: true }).textContent()).resolves.toContain("Likelihood");
    await shot("2-workbook");
  }, 60_000);

  it("shows the settings with the design's defaults", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByText("Risk matrix", { exact: true }).waitFor();
    await shot("3-settings");
    expect(await page.getByRole("spinbutton", { name: "Expected standard (%)" }).first().inputValue()).toBe("90");
  });

  it("runs with progress and shows the headline results", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await shot("4-run");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").waitFor({ timeout: 60_000 });
    await page.getByText("'Red Red': off target and worsening (3)").waitFor();
    await page.getByRole("table").waitFor();
    await shot("5-results");
    expect(await page.getByText(/Due date '31\/10021' in 'Directorate priorities'!C48/).count()).toBe(1);
  }, 90_000);

  it("says where an issue is when clicked", async () => {
    await page.getByRole("button", { name: "Directorate priorities!C48" }).click();
    await page.getByRole("status").filter({ hasText: "Selected Directorate priorities!C48" }).waitFor();
  });

  it("downloads a workbook whose figures match the command line's", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the summarised workbook" }).click()]);
    const path = join(tempDir(), "downloaded.xlsx");
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const summary: unknown[] = [];
    wb.getWorksheet("Summary")!.eachRow((r) => summary.push((r.values as unknown[]).slice(1)));
    const cli = await runCli(["summarise", SAMPLE, "--out", join(tempDir(), "cli.xlsx"), "--json"]);
    const json = JSON.parse(cli.stdout);
    const outcomes = json.datasets.find((d: { sheet: string }) => d.sheet === "Outcomes");
    expect(summary).toContainEqual(["Number (%) GREEN", `${outcomes.statusCounts.Green}/24 (62.5%)`, "N/A", 0.75, "No", "No history yet"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(json.outputSheets));
  }, 60_000);

  it("makes directorate templates and collects them back from the Run step", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Make templates" }).click();
    await page.getByText(/return sheets written: .*Finance Directorate priorities/).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Collect returns" }).click();
    await page.getByText(/returns read: 0 changes/).waitFor({ timeout: 30_000 });
    await shot("7-returns");
  }, 60_000);

  it("made no network request beyond its own origin", () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
