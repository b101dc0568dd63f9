/**
 * Indicator shapes end to end, from a real .xlsx through the command line:
 * percent-formatted cells read as the percentages Excel shows, the reasons
 * printed so on the output sheet; a monthly sheet of measure columns with
 * suppressed figures; an annual sheet beside it reported at its own grain;
 * and the run's day keeping forecasts out of the latest values.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli } from "../helpers/workbooks";
import { SummaryJson } from "../../src/workbook/summarise";

const dir = tempDir();

async function summarise(wb: ExcelJS.Workbook, name: string, extra: string[] = []): Promise<{ json: SummaryJson; out: string }> {
  const input = await saveWorkbook(wb, dir, `${name}.xlsx`);
  const out = join(dir, `${name}-out.xlsx`);
  const r = await runCli(["summarise", input, "--out", out, "--json", ...extra]);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout), out };
}

async function rowsOf(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[][] = [];
  wb.getWorksheet(sheet)?.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return out;
}

describe("indicator data as a council's workbook holds it", () => {
  it("reads percent-formatted values and targets as percentages and prints the reasons as the sheet shows them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KPI Tracking");
    ws.addRow(["KPI", "Polarity", "Target", "Actual"]);
    ws.addRow(["On-time delivery", "Higher is better", 0.9, 0.86]);
    ws.addRow(["Reporting accuracy", "Higher is better", 0.95, 0.963]);
    ws.addRow(["Complaints upheld", "Lower is better", 0.1, 0.12]);
    for (const r of [2, 3, 4]) {
      ws.getCell(`C${r}`).numFmt = "0%";
      ws.getCell(`D${r}`).numFmt = r === 3 ? "0.0%" : "0%";
    }
    const { json, out } = await summarise(wb, "percent-kpis");
    expect(json.datasets[0]).toMatchObject({ kind: "indicators", rows: 3, statusCounts: { Green: 1, Amber: 1, Red: 1 } });
    expect(json.issues).toEqual([]);
    const results = await rowsOf(out, "Indicator results");
    const why = (title: string) => results.find((r) => r.includes(title))?.find((c) => /against|beats|meets/.test(c));
    expect(why("On-time delivery")).toBe("Amber: 86% against target 90%, 4% adrift, within tolerance 5%");
    expect(why("Reporting accuracy")).toBe("Green: 96.3% beats target 95%");
    expect(why("Complaints upheld")).toBe("Red: 12% against target 10%, 20% adrift, tolerance 5%");
  });

  it("reads a monthly sheet of measure columns with suppressed figures, and an annual sheet beside it at its own grain", async () => {
    const wb = new ExcelJS.Workbook();
    const monthly = wb.addWorksheet("FFT monthly");
    monthly.addRow(["Month", "Responses", "Positive", "Negative"]);
    const months = ["Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024"];
    months.forEach((m, i) => monthly.addRow([m, 300 + i, 280 + i, i === 2 ? "x" : 5 + i]));
    // A projection for a month still to come on the day of the run.
    monthly.addRow(["Oct 2024", 320, 300, 8]);
    const annual = wb.addWorksheet("Annual");
    annual.addRow(["Indicator", "Financial year", "Value"]);
    for (const [y, v] of [["2021/22", 71], ["2022/23", 74], ["2023/24", 76]] as const) annual.addRow(["Residents satisfied with their area (%)", y, v]);
    const { json } = await summarise(wb, "monthly-annual", ["--today", "2024-09-20"]);
    expect(json.period).toBe("Sep 2024");
    expect(json.datasets.map((d) => [d.sheet, d.kind, d.rows, d.statusCounts])).toEqual([
      ["FFT monthly", "indicators", 3, { "Data only": 3 }],
      ["Annual", "indicators", 1, { "Data only": 1 }],
    ]);
    expect(json.datasets[0]).toMatchObject({ dataRows: 7, setAside: 1 });
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(json.notes).toEqual(expect.arrayContaining([
      "'x' in 1 cell of 'FFT monthly' (D4) is a suppression or missing-value symbol, so those cells have no value.",
      "'FFT monthly' gives 1 row (8) for periods that have not begun yet (such as Oct 2024): a plan or forecast, not reported as current values or chosen as the reporting period.",
      "1 series on 'Annual' is financial-year, not monthly like the reporting period Sep 2024, so each is reported at its own latest period to have ended by then (2023/24 for 1).",
    ]));
  });

  it("refuses a --today that is not a day, with the form to use", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("KPIs").addRow(["KPI", "Actual"]);
    const input = await saveWorkbook(wb, dir, "today.xlsx");
    const r = await runCli(["summarise", input, "--out", join(dir, "today-out.xlsx"), "--today", "31/09/2024"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--today '31\/09\/2024' is not a day: write it as YYYY-MM-DD/);
  });
});
