/**
 * The pane on real public workbooks (../shared/real-workbooks, skipped with a
 * note where absent) and on layouts reproduced here, as a first-time officer
 * meets them in file mode at 350 px: a register of H/M/L words scored on its
 * reviewed pair, whose Settings show the scales and levels the run used, check labels against the
 * register before Save, and go back to the register's own levels; a milestone
 * tracker that states no period, where the period is required and suggested
 * and overdue is never claimed unchecked; an area extract whose area is chosen
 * in the pane, with each indicator's value, trend, median and rank; doubtful
 * and empty readings badged and opened before Run; a hidden sheet brought in.
 * Every figure is compared with the same run made outside the browser, and
 * every view passes axe.
 */
import { Page } from "playwright-core";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { axeSerious, horizontalOverflow, settle, openFilePane, OpenPane, screenshotWhole } from "./pane";
import { tempDir } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { paneOutcome } from "../../src/taskpane/pane-results";
import { ActionsReport, RisksReport } from "../../src/core";

const REAL = join(__dirname, "..", "..", "..", "shared", "real-workbooks");
const present = existsSync(REAL);
if (!present) console.warn(`Pane checks on real workbooks skipped: ${REAL} is not there.`);
const withReal = present ? describe : describe.skip;
const SHOTS = join(__dirname, "..", "artefacts", "pane");

/** The same workbook run outside the browser, as the pane's worker runs it. */
async function runHere(file: string, options: { period?: string; area?: string } = {}) {
  return summarise(await XlsxWorkbook.open(new Uint8Array(readFileSync(file))), options);
}

function usePane(): { page: () => Page; shot: (name: string) => Promise<void>; open: (file: string, heading: string) => Promise<void> } {
  let pane: OpenPane;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    pane = await openFilePane(350, { acceptDownloads: true });
  }, 600_000);
  afterAll(async () => {
    await pane?.close();
  });
  return {
    page: () => pane.page,
    shot: async (name) => {
      await settle(pane.page);
      await screenshotWhole(pane.page, join(SHOTS, `${name}.png`));
    },
    open: async (file, heading) => {
      const page = pane.page;
      if (await page.getByRole("button", { name: "Open another file" }).count()) await page.getByRole("button", { name: "Open another file" }).first().click();
      await page.getByTestId("file-input").setInputFiles(file);
      await page.getByRole("heading", { name: heading }).waitFor({ timeout: 60_000 });
    },
  };
}

const runNow = async (page: Page) => {
  await page.getByRole("tab", { name: "Run" }).click();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 90_000 });
  await page.getByRole("tab", { name: "Results", selected: true }).waitFor();
};

withReal("a register of H/M/L words scored on its reviewed pair (adele_Risk_Register)", () => {
  const FILE = join(REAL, "adele_Risk_Register.xlsx");
  const { page, shot, open } = usePane();
  jest.setTimeout(600_000);

  it("offers each column of a repeated header as its own choice, by letter, group and values", async () => {
    await open(FILE, "1 table to report on");
    // Its control rows give other levels under one risk, so the reading is doubtful: badged and already open.
    const header = page().getByRole("button", { name: /^1\. Risk Assessment · Risk register · 20 rows Check$/ });
    expect(await header.getAttribute("aria-expanded")).toBe("true");
    const likelihood = page().getByRole("combobox", { name: "Likelihood", exact: true });
    expect(await likelihood.textContent()).toBe("C: Likelihood (H/M/L) (Step 2: Risk Assessment Qualitative (Phase 1))");
    const residual = page().getByRole("combobox", { name: "Residual likelihood (after mitigation)" });
    expect(await residual.textContent()).toBe("T: Likelihood (H/M/L) (Step 4: Reviewed Level of Risk Qualitative (Phase 2))");
    await likelihood.click();
    const options = await page().getByRole("option", { name: /: Likelihood \(H\/M\/L\)/ }).allTextContents();
    expect(options).toEqual([expect.stringMatching(/^C: Likelihood \(H\/M\/L\) .*H, M, L/), expect.stringMatching(/^T: Likelihood \(H\/M\/L\) .*L, M/)]);
    await page().keyboard.press("Escape");
    expect(await axeSerious(page())).toEqual([]);
  });

  it("shows the scales and levels the run used, and where they came from", async () => {
    await page().getByRole("tab", { name: "Settings" }).click();
    // With no other table, the register's section is the one open.
    expect(await page().getByRole("button", { name: "Risk matrix" }).getAttribute("aria-expanded")).toBe("true");
    await page().getByText("'1. Risk Assessment' is scored on likelihood 3-point (Low, Medium, High) × impact 3-point (Low, Medium, High), "
      + "with levels from the register's own 'Reviewed Risk' column: M 3 and above, L 2 and below.").waitFor();
    const likelihood = page().getByRole("group", { name: "Likelihood, lowest first" });
    expect(await likelihood.getByRole("textbox").evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(["Low", "Medium", "High"]);
    expect(await page().getByRole("button", { name: "Use the register's own levels" }).count()).toBe(0);
    await shot("3c-settings-register");
    expect(await axeSerious(page())).toEqual([]);
    expect(await horizontalOverflow(page())).toEqual([]);
  });

  it("checks the labels against the register's values before Save", async () => {
    const high = page().getByRole("textbox", { name: "Likelihood 3" });
    await high.fill("Severe");
    await page().getByRole("alert").getByText(/'1\. Risk Assessment' has likelihood values these likelihood levels would not read: 'H'/).waitFor();
    expect(await page().getByRole("button", { name: "Save settings" }).isDisabled()).toBe(true);
    expect(await axeSerious(page())).toEqual([]);
    await high.fill("High");
    await page().getByText("No unsaved changes.").waitFor();
  });

  it("keeps every risk scored after one edit to the levels, and goes back to the register's own", async () => {
    const m = page().getByRole("spinbutton", { name: "M from score", exact: true });
    await m.fill("4");
    await m.press("Tab");
    await page().getByRole("button", { name: "Save settings" }).click();
    await page().getByText("Settings saved in the workbook.").waitFor();
    await runNow(page());
    const here = await runHere(FILE);
    const risks = (here.report.datasets[0] as RisksReport).risks.length;
    await page().getByText(new RegExp(`^1\\. Risk Assessment: ${risks} risks \\(`)).waitFor();
    expect(risks).toBe(20);
    await page().getByText(/levels from the risk matrix in Settings: M 4 and above, L 3 and below/).waitFor();

    await page().getByRole("tab", { name: "Settings" }).click();
    await page().getByText(/Without the matrix saved here, '1\. Risk Assessment' would use levels from the register's own 'Reviewed Risk' column/).waitFor();
    await page().getByRole("button", { name: "Use the register's own levels" }).click();
    await page().getByRole("button", { name: "Save settings" }).click();
    await page().getByText("Settings saved in the workbook.").waitFor();
    await page().getByText(/with levels from the register's own 'Reviewed Risk' column: M 3 and above, L 2 and below/).waitFor();
    await page().getByRole("tab", { name: "Results" }).click();
    await page().getByTestId("stale").getByText(/the register's own risk levels were put back/).waitFor();
    await runNow(page());
    await page().getByText(/levels from the register's own 'Reviewed Risk' column: M 3 and above, L 2 and below/).waitFor();
    expect(await page().getByText(`1. Risk Assessment: ${risks} risks`, { exact: false }).count()).toBe(1);
  });
});

withReal("a milestone tracker that states no period (infra_Programme_Milestones)", () => {
  const FILE = join(REAL, "infra_Programme_Milestones.xlsx");
  const { page, shot, open } = usePane();
  jest.setTimeout(600_000);

  it("requires the period, suggests quarters from the due dates, and will not run without one", async () => {
    await open(FILE, "1 table to report on");
    const period = page().getByRole("textbox", { name: /Reporting period/ });
    expect(await period.inputValue()).toBe("");
    expect(await period.getAttribute("placeholder")).toBeNull();
    expect(await period.evaluate((x) => (x as HTMLInputElement).required)).toBe(true);
    await page().getByText("Choose the period to report on: the workbook does not say, and overdue items and targets are judged at its end.").waitFor();
    await page().getByRole("group", { name: "Periods in the data" }).getByRole("button", { name: /^Use Q[1-4] 20\d\d\/\d\d$/ }).first().waitFor();
    await shot("2d-period-required");
    expect(await axeSerious(page())).toEqual([]);
    await page().getByRole("tab", { name: "Run" }).click();
    expect(await page().getByRole("button", { name: "Run", exact: true }).isDisabled()).toBe(true);
  });

  it("counts overdue items at the end of the period chosen, as the same run does outside the browser", async () => {
    await page().getByRole("button", { name: "Choose the period" }).click();
    await page().getByRole("button", { name: "Use Q1 2026/27" }).click();
    await page().getByText("Quarter One 2026/27 (April to June 2026).").waitFor();
    await runNow(page());
    const here = await runHere(FILE, { period: "Q1 2026/27" });
    const overdue = (here.report.datasets[0] as ActionsReport).items.filter((i) => i.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    await page().getByRole("heading", { name: `Overdue (${overdue})` }).waitFor();
    expect(await page().getByText("Nothing is overdue", { exact: false }).count()).toBe(0);
    expect(await axeSerious(page())).toEqual([]);
  });
});

withReal("an area extract (trafford_claimant_count)", () => {
  const FILE = join(REAL, "trafford_claimant_count.xlsx");
  const { page, shot, open } = usePane();
  jest.setTimeout(600_000);

  it("says how many indicators and areas there are, offers the choice in the pane, and names no command-line option", async () => {
    await open(FILE, "1 table to report on");
    await page().getByRole("combobox", { name: "Your area" }).waitFor();
    await runNow(page());
    await page().getByText(/^claimant_count: 2 indicators for each of 38 areas — choose your area/).waitFor();
    await page().getByRole("heading", { name: "Choose your area" }).waitFor();
    expect(await page().getByText(/--area|--period|pass a period/).count()).toBe(0);
    expect(await axeSerious(page())).toEqual([]);
  });

  it("shows the area's value, trend, median and rank for each indicator after it is chosen", async () => {
    const card = page().locator(".fui-Card").filter({ has: page().getByRole("heading", { name: "Choose your area" }) });
    await card.getByRole("combobox", { name: "Your area" }).click();
    await page().getByRole("option", { name: "Trafford", exact: true }).click();
    await card.getByText(/^Saving your area replaces the results stored for April 2024 \(every area's\) with your area's/).waitFor();
    await card.getByRole("button", { name: "Save and run again" }).click();
    const section = page().getByRole("region", { name: /^Trafford beside the other areas/ });
    await section.waitFor({ timeout: 90_000 });
    const expected = paneOutcome(await runHere(FILE, { area: "Trafford" })).view.areaResults[0];
    expect(expected.rows.length).toBe(2);
    for (const r of expected.rows) {
      const item = section.locator(".fui-Card").filter({ hasText: r.title });
      await item.getByText(`${r.value} (${r.period}) · ${r.trend}`, { exact: false }).waitFor();
      await item.getByText(`Median of the other areas ${r.median} · rank ${r.rank} of ${r.areas} (1 = highest value)`).waitFor();
    }
    // The headline counts the area's indicators, not every area's series the first run stored.
    await page().getByText(/^claimant_count \(Trafford\): 2 indicators/).waitFor();
    expect(await page().getByText(/76 indicators|was already stored/).count()).toBe(0);
    await shot("5c-area-results");
    expect(await axeSerious(page())).toEqual([]);
    await page().setViewportSize({ width: 320, height: 900 });
    expect(await horizontalOverflow(page())).toEqual([]);
    await page().setViewportSize({ width: 350, height: 900 });
  });
});

withReal("doubtful and empty readings (adele_Risk_Register, pmtpl_Risk_Register)", () => {
  const { page, shot, open } = usePane();
  jest.setTimeout(600_000);

  it("badges a doubtful reading, opens it with its reasons before Run, and its headline keeps the warning", async () => {
    const file = join(REAL, "adele_Risk_Register.xlsx");
    await open(file, "1 table to report on");
    const header = page().getByRole("button", { name: /^1\. Risk Assessment · Risk register · 20 rows Check$/ });
    expect(await header.getAttribute("aria-expanded")).toBe("true");
    const reading = (await runHere(file)).report.datasets[0].reading;
    expect(reading.confidence).toBe("doubtful");
    for (const reason of reading.reasons) await page().getByText(reason.charAt(0).toUpperCase() + reason.slice(1) + ".").waitFor();
    await page().getByText(/1 table is marked Check/).waitFor();
    await page().getByRole("button", { name: "These columns are right" }).waitFor();
    await shot("2e-doubtful");
    expect(await axeSerious(page())).toEqual([]);
    await runNow(page());
    await page().getByText("Check this reading", { exact: true }).waitFor();
    await page().getByText(`— check this reading: ${reading.reasons.join("; ")}`, { exact: false }).waitFor();
  });

  it("says a header with no rows under it is empty, before Run and after", async () => {
    await open(join(REAL, "more", "pmtpl_Risk_Register.xlsx"), "1 table to report on");
    const header = page().getByRole("button", { name: /^Risk Register · Risk register · 0 rows Empty$/ });
    expect(await header.getAttribute("aria-expanded")).toBe("true");
    await page().getByText(/A header in row 3 with no rows of data under it/).waitFor();
    expect(await axeSerious(page())).toEqual([]);
    await runNow(page());
    await page().getByText("Risk Register: empty — no rows to report on").waitFor();
    expect(await page().getByText(/0 risks/).count()).toBe(0);
  });
});

describe("a hidden sheet of data (a layout reproduced here)", () => {
  const { page, open } = usePane();
  jest.setTimeout(600_000);

  it("lists it with its reason and includes it when asked, as a person's confirmed choice", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Front").addRow(["Quarterly notes"]);
    const back = wb.addWorksheet("Back data", { state: "hidden" });
    back.addRow(["Indicator", "Polarity", "Target", "Q1 2021/22"]);
    back.addRow(["Recycling rate", "Maximise", 50, 48]);
    back.addRow(["Missed bins", "Minimise", 10, 12]);
    const file = join(tempDir(), "hidden.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    await open(file, "No tables to report on");
    await page().getByText(/it is hidden: hidden sheets usually hold lookups/).waitFor();
    await page().getByRole("button", { name: "Include 'Back data'" }).click();
    await page().getByRole("heading", { name: "1 table to report on" }).waitFor({ timeout: 30_000 });
    await page().waitForFunction(() => document.activeElement?.id === "datasets-title");
    await page().getByRole("button", { name: /^Back data · Indicators · 2 rows/ }).waitFor();
    expect(await page().getByLabel("Reporting period").inputValue()).toBe("Q1 2021/22");
    expect(await axeSerious(page())).toEqual([]);
  });
});
