/**
 * Every label says what was computed: the long trend's method, the kind of
 * period reported, the council's own name for its plan; counts that add up
 * (every status a directorate's items hold); the target a period was judged
 * against; and nothing claimed before there is anything to compare with.
 * Each checked by reading the output workbook back.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";

const dir = tempDir();
const QUARTERS = ["Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23", "Q1 2023/24"];

async function summarise(input: string, name: string, ...flags: string[]) {
  const out = join(dir, name);
  const r = await runCli(["summarise", input, "--out", out, "--json", ...flags]);
  expect(r.stderr).not.toMatch(/^Error/m);
  expect(r.code).toBe(0);
  return { out, json: JSON.parse(r.stdout), wb: await load(out) };
}

const values = (wb: ExcelJS.Workbook, sheet: string) => sheetValues(wb.getWorksheet(sheet)!);
const settingsOf = (wb: ExcelJS.Workbook) => {
  const parts: string[] = [];
  wb.getWorksheet("CPE_Settings")!.getColumn(1).eachCell((c) => parts.push(String(c.value)));
  return JSON.parse(parts.join(""));
};

/** A council plan's outcomes (a title above the table), directorate priorities with statuses beyond RAG, and quarterly values. */
async function quarterlyWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const o = wb.addWorksheet("Outcomes");
  o.getCell("A1").value = "Council Plan 2022-26 outcome measures";
  o.addRow([]);
  o.addRow(["Code", "Outcome", "Polarity", ...QUARTERS, "Target"]);
  o.addRow(["CP1", "Residents satisfied with the area (%)", "Maximise", 70, 72, 74, 76, 80, 75]);
  o.addRow(["CP2", "Missed bin collections", "Minimise", 30, 28, 26, 24, 29, 25]);
  o.addRow(["CP3", "Homes built", "Maximise", 100, 110, 120, 130, 90, 120]);
  const p = wb.addWorksheet("Priorities");
  p.addRow(["Directorate", "Priority", "Due date", "RAG"]);
  p.addRow(["Place", "Open the new library", "31/03/2024", "Green"]);
  p.addRow(["Place", "Resurface the high street", "31/03/2024", "Amber"]);
  p.addRow(["Place", "Replace street lights", "31/03/2024", "Green"]);
  p.addRow(["People", "Recommission home care", "31/03/2024", "Red"]);
  p.addRow(["People", "Open a family hub", "31/03/2024", "Complete"]);
  p.addRow(["Digital", "Move the website", "31/03/2024", "In progress"]);
  p.addRow(["Digital", "Replace the telephony", "31/03/2024", "Paused"]);
  return saveWorkbook(wb, dir, "quarterly.xlsx");
}

describe("labels from what was computed, on quarterly data", () => {
  let first: Awaited<ReturnType<typeof summarise>>;
  beforeAll(async () => {
    first = await summarise(await quarterlyWorkbook(), "quarterly-out.xlsx", "--long-trend", "mean-of-previous-4");
  });

  it("heads the long trend with its method and remembers the method chosen", async () => {
    const results = values(first.wb, "Indicator results");
    const header = results.find((r) => r[0] === "Dataset")!;
    expect(header).toContain("Trend against the previous quarter");
    expect(header).toContain("Trend against the mean of the previous 4 quarters");
    expect(values(first.wb, "Indicator appendix").find((r) => r[0] === "Dataset")).toEqual(
      ["Dataset", "Indicator", "Value", "Target", "Status", "Trend against the previous quarter", "Trend against the mean of the previous 4 quarters", "Why"]);
    // CP3: 90 against the mean of 100, 110, 120, 130 (115): worsening; against the previous quarter (130) too.
    const cp3 = results.find((r) => r[1] === "CP3")!;
    expect(cp3.slice(9, 11)).toEqual(["Worsening", "Worsening"]);
    expect(settingsOf(first.wb).datasets.Outcomes.longTrend).toBe("mean-of-previous-4");
    const again = await summarise(first.out, "quarterly-again.xlsx");
    expect(values(again.wb, "Indicator results").find((r) => r[0] === "Dataset")).toContain("Trend against the mean of the previous 4 quarters");
  });

  it("refuses a long-trend method it does not know, naming the ones it does", async () => {
    const r = await runCli(["summarise", join(dir, "quarterly.xlsx"), "--out", join(dir, "never.xlsx"), "--long-trend", "last-year"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--long-trend must be one of same-period-last-year, mean-of-previous-4, same-period-mean, not 'last-year'");
  });

  it("calls the outcomes by the sheet's own title, or by the plan name given", async () => {
    const commentary = values(first.wb, "Commentary").flat();
    expect(commentary).toContain("At the end of Quarter One, 1 of 3 (33%) Council Plan 2022-26 outcome measures were on target, against the corporate standard of 75%.");
    const named = await summarise(join(dir, "quarterly.xlsx"), "named.xlsx", "--plan-name", "Council Plan");
    expect(values(named.wb, "Commentary").flat()).toContain("At the end of Quarter One, 1 of 3 (33%) Council Plan outcomes were on target, against the corporate standard of 75%.");
    expect(settingsOf(named.wb).datasets.Outcomes.planName).toBe("Council Plan");
  });

  it("gives every status a directorate's items hold a column, so each row adds up to its items", () => {
    const rows = values(first.wb, "By directorate");
    const header = rows.find((r) => r[0] === "Directorate" && r[1] === "Items")!;
    expect(header).toEqual(["Directorate", "Items", "Green", "Amber", "Red", "Complete", "In progress", "Not rated", "Green, Amber, Complete (%)"]);
    const digital = rows.find((r) => r[0] === "Digital" && typeof r[1] === "number")!;
    expect(digital.slice(0, 8)).toEqual(["Digital", 2, 0, 0, 0, 0, 1, 1]);
    for (const r of rows.filter((x) => typeof x[1] === "number" && header.length === x.length)) {
      expect((r.slice(2, 8) as number[]).reduce((a, b) => a + b, 0)).toBe(r[1]);
    }
  });

  it("breaks the priorities down by every status, so the sentence adds up to the total", () => {
    const commentary = values(first.wb, "Commentary").flat();
    expect(commentary).toContain("Of the seven priorities, two were Green, one Amber, one Red, one complete, one in progress and one not rated ('Paused' 1).");
  });

  it("states the status code of every status in the legend", () => {
    expect(values(first.wb, "Indicator results")[1]).toEqual([
      "Status code, for filters: Red 1, Amber 2, Green 3, Complete 4 (these carry an icon); "
      + "Data only 0, No data -1, Check -2, In progress -3, Not started -4, Not rated -5 (no icon: no RAG judgement).",
    ]);
  });
});

describe("the kind of period reported, in every label", () => {
  async function outcomes(name: string, periods: string[], rows: (string | number)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Outcomes");
    ws.addRow(["Code", "Outcome", "Polarity", ...periods, "Target"]);
    for (const r of rows) ws.addRow(r);
    return saveWorkbook(wb, dir, name);
  }

  it("says month on monthly data", async () => {
    const input = await outcomes("monthly.xlsx", ["Apr 2023", "May 2023", "Jun 2023"], [["M1", "Calls answered (%)", "Maximise", 80, 82, 85, 84], ["M2", "Rent arrears", "Minimise", 10, 11, 12, 11]]);
    const { wb } = await summarise(input, "monthly-out.xlsx");
    const summary = values(wb, "Summary");
    expect(summary.find((r) => r[0] === "Outcomes")).toEqual(["Outcomes", "Jun 2023", "May 2023", "Expected standard", "Standard achieved", "Standard against last month"]);
    expect(summary.flat()).toContain("Each item's own trend against the previous month (not the headline's):");
    expect(values(wb, "Commentary")[1]).toEqual(["Drafted from this month's results. Check and edit before it goes into the report."]);
    expect(values(wb, "Exceptions").flat()).toContain("Previous month's value");
  });

  it("says year on financial-year data, never quarter", async () => {
    const input = await outcomes("yearly.xlsx", ["2020/21", "2021/22", "2022/23"], [["Y1", "Recycling rate (%)", "Maximise", 40, 42, 41, 45], ["Y2", "Homes built", "Maximise", 300, 320, 360, 350]]);
    const { wb } = await summarise(input, "yearly-out.xlsx");
    const text = [...values(wb, "Summary"), ...values(wb, "Commentary"), ...values(wb, "Exceptions")].flat().filter((v): v is string => typeof v === "string");
    expect(text).toContain("Standard against last year");
    expect(text).toContain("Drafted from this year's results. Check and edit before it goes into the report.");
    expect(text.filter((t) => /quarter/i.test(t))).toEqual([]);
  });
});

describe("per-period targets from a two-row header", () => {
  it("writes the target each period was judged against, the one the why-text cites", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Housing");
    ws.addRow(["", "", "", "Q1 2021/22", "Q1 2021/22", "Q2 2021/22", "Q2 2021/22"]);
    ws.addRow(["Code", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual"]);
    ws.addRow(["P1", "Homes built", "Maximise", 100, 90, 130, 120]);
    ws.mergeCells("D1:E1");
    ws.mergeCells("F1:G1");
    const { wb: out } = await summarise(await saveWorkbook(wb, dir, "targets.xlsx"), "targets-out.xlsx", "--period", "Q2 2021/22");
    const results = values(out, "Indicator results");
    const p1 = results.find((r) => r[1] === "P1")!;
    const header = results.find((r) => r[0] === "Dataset")!;
    expect(p1[header.indexOf("Target")]).toBe(130);
    expect(p1[header.indexOf("Why")]).toBe("Red: 120 against target 130, 8% adrift, tolerance 5%");
    expect(values(out, "Indicator appendix").find((r) => r[0] === "Housing")!.slice(2, 5)).toEqual([120, 130, "Red"]);
  });
});

describe("a first run claims no movement", () => {
  it("says new and closed risks are not known until a previous quarter is stored", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Risks");
    ws.addRow(["Risk", "Likelihood", "Impact"]);
    ws.addRow(["Funding gap", "Likely", "Major"]);
    ws.addRow(["Cyber attack", "Possible", "Extreme"]);
    const input = await saveWorkbook(wb, dir, "risks.xlsx");
    const first = await summarise(input, "risks-q1.xlsx", "--period", "Q1 2023/24");
    const summary = values(first.wb, "Summary");
    expect(summary).toContainEqual(["New", "Not known"]);
    expect(summary).toContainEqual(["Closed", "Not known"]);
    expect(summary.flat()).toContain("New and closed risks are counted against the previous quarter's stored register: none is stored yet.");
    const second = await summarise(first.out, "risks-q2.xlsx", "--period", "Q2 2023/24");
    expect(values(second.wb, "Summary")).toContainEqual(["New", 0]);
    expect(values(second.wb, "Summary")).toContainEqual(["Closed", 0]);
  });
});
