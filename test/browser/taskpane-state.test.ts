/**
 * The pane never shows a stale or wrong state, on the sample workbook in
 * file mode at 350 px: results and the download are marked out of date after
 * any change (the period, a saved setting, a column) until the next run (the
 * download runs again first), and a quarter already stored is said to be
 * reprinted until its results are replaced; a period is
 * checked as it is typed, a period with no values is warned about above the
 * headlines rather than headlined as 0%; every column in a drop-down shows its
 * letter and first values; focus comes back after a save, a discard, a run and
 * a mapping change; Settings opens on the common edit; every step fits at 320
 * and 450 px too; the return sheets for every directorate are summed up in one
 * line. Every view passes axe.
 */
import { Download, Page } from "playwright-core";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { axeSerious, horizontalOverflow, settle, openFilePane, OpenPane, screenshotWhole } from "./pane";
import { tempDir } from "../helpers/workbooks";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

describe("task pane state on the sample workbook (file mode)", () => {
  let pane: OpenPane;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    pane = await openFilePane(350, { acceptDownloads: true, watch: (p) => p.on("pageerror", (e) => errors.push(e.message)) });
    page = pane.page;
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
  });

  const shot = async (name: string, fullPage = true) => {
    await settle(page);
    if (fullPage) await screenshotWhole(page, join(SHOTS, `${name}.png`));
    else await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };
  /** The Summary sheet of a downloaded workbook, row by row. */
  const summaryOf = async (download: Download) => {
    const path = join(tempDir(), `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet("Summary")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  };
  /** The outcomes' standard row: the count, its previous quarter, the standard and whether it was achieved. */
  const standardRow = (rows: unknown[][]) => rows.find((r) => r[0] === "Number (%) GREEN")?.slice(0, 5);
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

  it("opens the sample workbook from the first screen", async () => {
    await page.getByRole("button", { name: "Try the sample workbook" }).click();
    await page.getByRole("heading", { name: "7 tables to report on" }).waitFor({ timeout: 30_000 });
    expect(await focusedText()).toBe("7 tables to report on");
    expect(await page.getByLabel("Reporting period").inputValue()).toBe("Q1 2021/22");
    expect(await axeSerious(page)).toEqual([]);
  }, 600_000);

  it("shows each column with its letter and first values, and gives focus back to the drop-down after a change is saved", async () => {
    await page.getByRole("button", { name: /^Outcomes · Outcomes · 24 rows/ }).click();
    const target = page.getByRole("combobox", { name: "Target", exact: true });
    const was = (await target.textContent())!;
    expect(was).toMatch(/^[A-Z]+: Target/);
    // The table's columns open with an animation: the drop-down is clicked once it has come to rest.
    await settle(page);
    await target.click();
    // The list opens after the click returns (all its options in one render): read it once it is drawn.
    await page.getByRole("option", { name: /^[A-Z]+: Polarity/ }).waitFor({ timeout: 30_000 });
    const options = await page.getByRole("option").allTextContents();
    // Every header once, each with its letter and what is under it (never the header row's own text).
    expect(options[0]).toBe("(not in this sheet)");
    expect(new Set(options).size).toBe(options.length);
    for (const o of options.slice(1)) expect(o).toMatch(/^[A-Z]+: .+/);
    const other = page.getByRole("option", { name: /^[A-Z]+: Polarity/ });
    expect(await other.textContent()).toMatch(/Maximise|Minimise/);
    await settle(page);
    await shot("2b-mapping-options");
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press("Escape");
    // Change to another column and back: saved at once each time, focus back on the same drop-down.
    await target.click();
    await page.getByRole("option", { name: /^A: Code/ }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "combobox" && /^A: Code/.test(document.activeElement?.textContent ?? ""), null, { timeout: 30_000 });
    expect(await focusedId()).toBe(await target.getAttribute("id"));
    await target.click();
    await page.getByRole("option", { name: new RegExp(`^${was.replace(/[()]/g, "\\$&")}`) }).click();
    await page.waitForFunction((w) => document.activeElement?.textContent === w, was, { timeout: 30_000 });
  }, 600_000);

  it("checks the period as it is typed, and will not run on one that does not read", async () => {
    const period = page.getByLabel("Reporting period");
    await period.fill("Q5 2021/22");
    await page.getByText(/'Q5 2021\/22' is not a period/).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("tab", { name: "Run" }).click();
    expect(await page.getByRole("button", { name: "Run", exact: true }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Choose the period" }).click();
    await page.getByRole("heading", { name: "7 tables to report on" }).waitFor();
    expect(await focusedText()).toBe("7 tables to report on");
    await period.fill("Q3 2021/22");
    await page.getByText("No indicator or outcome has a value for Q3 2021/22, so each would be 'No data': the latest period with values is Q1 2021/22.").waitFor();
    await shot("2c-period-no-values");
    expect(await axeSerious(page)).toEqual([]);
  });

  it("warns above the headlines for a period with no values, and never headlines it as 0%", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: "Results for Quarter Three 2021/22" }).waitFor({ timeout: 60_000 });
    expect(await focusedText()).toBe("Results for Quarter Three 2021/22");
    const warning = page.getByText(/^No indicator or outcome has a value for Q3 2021\/22, so every one is reported as 'No data'/);
    await warning.waitFor();
    const headline = page.getByText(/^Outcomes: no values for Q3 2021\/22 — none of the 24 outcomes has a figure for the period/);
    await headline.waitFor();
    expect((await warning.boundingBox())!.y).toBeLessThan((await headline.boundingBox())!.y);
    expect(await page.getByText(/Outcomes: 0\/24/).count()).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
  }, 600_000);

  it("marks the results out of date when the period changes, until they are run again", async () => {
    await page.getByRole("tab", { name: "Workbook" }).click();
    await page.getByRole("button", { name: "Use Q1 2021/22" }).click();
    await page.getByRole("tab", { name: "Results" }).click();
    const stale = page.getByTestId("stale");
    await stale.getByText(/Since these results were worked out, the reporting period was changed to Q1 2021\/22\./).waitFor();
    expect(await page.getByRole("button", { name: "Run again and download" }).count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("5b-out-of-date", false);
    expect(await axeSerious(page)).toEqual([]);
    await stale.getByRole("button", { name: "Run again" }).click();
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").waitFor({ timeout: 60_000 });
    expect(await stale.count()).toBe(0);
    expect(await page.getByRole("button", { name: "Download the summarised workbook" }).count()).toBe(1);
  }, 600_000);

  it("opens Settings on the expected standards, the rest a click away, and keeps focus after Save and Discard", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await shot("3d-settings-grouped");
    expect(await axeSerious(page)).toEqual([]);
    const outcomes = page.locator(".fui-Card").filter({ hasText: "Outcomes · 24 rows" });
    const standard = outcomes.getByRole("spinbutton", { name: "Expected standard (% of items)" });
    // The common edit is on the first screen, and the whole step is a fraction of what it was (3,457 px).
    expect((await standard.boundingBox())!.y).toBeLessThan(900);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2_500);
    expect(await page.getByRole("button", { name: "Amber tolerance, trends and the plan's name" }).getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("button", { name: "Risk matrix" }).getAttribute("aria-expanded")).toBe("false");

    await standard.fill("70");
    await standard.press("Tab");
    await page.getByRole("tab", { name: "Run" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Save your changes to the settings?" });
    await dialog.getByRole("button", { name: "Discard changes" }).click();
    await page.getByRole("heading", { name: "Write the summary sheets" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "run-title");

    await page.getByRole("tab", { name: "Settings" }).click();
    await standard.fill("60");
    await standard.press("Tab");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved in the workbook.").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "settings-status");
  }, 600_000);

  it("marks the results out of date after a saved setting; the download runs again first, says the stored quarter was kept, and replacing it applies the setting", async () => {
    await page.getByRole("tab", { name: "Results" }).click();
    await page.getByTestId("stale").getByText(/Since these results were worked out, settings were saved\./).waitFor();
    expect(await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved").count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 90_000 }),
      page.getByRole("button", { name: "Run again and download" }).click(),
    ]);
    await page.getByTestId("stale").waitFor({ state: "detached", timeout: 90_000 });
    // Q1 was stored by the earlier run: it is reprinted with the rules stored then, and the pane says so above the headlines.
    const kept = page.getByText(/^Q1 2021\/22 was already stored on .*; its stored results were kept, with the rules stored then\. This run's differ for 'Outcomes': expected standard now 60% Green, stored 75% Green/);
    await kept.waitFor();
    const headline = page.getByText("Outcomes: 15/24 (62.5%) Green — standard 75% not achieved");
    expect((await kept.boundingBox())!.y).toBeLessThan((await headline.boundingBox())!.y);
    expect(standardRow(await summaryOf(download))).toEqual(["Number (%) GREEN", "15/24 (62.5%)", "N/A", 0.75, "No"]);

    await page.getByRole("button", { name: "Replace the stored results" }).click();
    await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 60% achieved").waitFor({ timeout: 90_000 });
    const [replaced] = await Promise.all([
      page.waitForEvent("download", { timeout: 90_000 }),
      page.getByRole("button", { name: "Download the summarised workbook" }).click(),
    ]);
    expect(standardRow(await summaryOf(replaced))).toEqual(["Number (%) GREEN", "15/24 (62.5%)", "N/A", 0.6, "Yes"]);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);

  it("marks the results out of date after a column is changed, and the same figures come back once it is put back and run", async () => {
    const target = page.getByRole("combobox", { name: "Target", exact: true });
    const outcomesColumns = async () => {
      await page.getByRole("tab", { name: "Workbook" }).click();
      const header = page.getByRole("button", { name: /^Outcomes · Outcomes · 24 rows/ });
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      await target.waitFor();
      await settle(page); // (the columns open with an animation, as above)
    };
    await outcomesColumns();
    const was = (await target.textContent())!;
    await target.click();
    await page.getByRole("option", { name: /^A: Code/ }).click();
    await page.waitForFunction(() => /^A: Code/.test(document.activeElement?.textContent ?? ""), null, { timeout: 30_000 });
    await page.getByRole("tab", { name: "Results" }).click();
    const stale = page.getByTestId("stale");
    await stale.getByText(/Since these results were worked out, the target column of '[^']+' was changed\./).waitFor();
    expect(await page.getByRole("button", { name: "Download the summarised workbook" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Run again and download" }).count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);

    await outcomesColumns();
    await target.click();
    await page.getByRole("option", { name: new RegExp(`^${was.replace(/[()]/g, "\\$&")}`) }).click();
    await page.waitForFunction((w) => document.activeElement?.textContent === w, was, { timeout: 30_000 });
    await page.getByRole("tab", { name: "Results" }).click();
    await stale.getByRole("button", { name: "Run again" }).click();
    await stale.waitFor({ state: "detached", timeout: 90_000 });
    expect(await page.getByText("Outcomes: 15/24 (62.5%) Green — standard 60% achieved").count()).toBe(1);
  }, 600_000);

  it("fits every step at 320 and 450 px as well, with nothing to scroll sideways and nothing axe finds serious", async () => {
    for (const width of [320, 450]) {
      await page.setViewportSize({ width, height: 900 });
      for (const step of ["Workbook", "Settings", "Run", "Results"]) {
        await page.getByRole("tab", { name: step }).click();
        await page.getByRole("tab", { name: step, selected: true }).waitFor();
        await settle(page);
        expect({ width, step, overflow: await horizontalOverflow(page) }).toEqual({ width, step, overflow: [] });
        expect({ width, step, axe: await axeSerious(page) }).toEqual({ width, step, axe: [] });
      }
    }
    await page.setViewportSize({ width: 350, height: 900 });
  }, 600_000);

  it("sums up the return sheets for every directorate in one line, naming one example rather than every sheet", async () => {
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Make templates" }).click();
    const message = page.getByText(/^\d+ return sheets written: /);
    await message.waitFor({ timeout: 60_000 });
    const text = (await message.textContent())!;
    const [, sheets, directorates] = /^(\d+) return sheets written: one per directorate for .+ \((\d+) directorates\).*, such as '[^']+'\.$/.exec(text) ?? [];
    expect(Number(directorates)).toBeGreaterThan(1);
    expect(Number(sheets)).toBeGreaterThan(Number(directorates));
    // One example name, not the wall of every sheet's name.
    expect(text.match(/'[^']+ Directorate priorities'/g)?.length ?? 0).toBeLessThanOrEqual(1);
    await page.getByRole("button", { name: "Download the workbook with the return sheets" }).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
