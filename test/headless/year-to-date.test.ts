/**
 * Year to date beside the period value on Indicator results: the reporting
 * period's own figure, as a number in the indicator's format; an unreadable
 * one is a data issue with its cell; no column when no indicator has one.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { SAMPLE, tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";
import { buildReport, emptySettings, CellValue } from "../../src/core";
import { resultsView } from "../../src/workbook/results-view";

const dir = tempDir();

async function results(out: string): Promise<{ headers: string[]; rows: Record<string, unknown>[]; ws: ExcelJS.Worksheet; first: number }> {
  const ws = (await load(out)).getWorksheet("Indicator results")!;
  const values = sheetValues(ws);
  const h = values.findIndex((r) => r?.[0] === "Dataset");
  const headers = values[h] as string[];
  const rows = values.slice(h + 1).map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i]])));
  return { headers, rows, ws, first: h + 2 };
}

describe("year to date", () => {
  let out: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KPIs");
    ws.addRow(["Code", "Indicator", "Polarity", "Period", "Actual", "YTD", "Target"]);
    ws.addRow(["K1", "Homes built", "Maximise", "Q1 2021/22", 40, 40, 50]);
    ws.addRow(["K1", "Homes built", "Maximise", "Q2 2021/22", 55, 95, 50]);
    ws.addRow(["K2", "Sickness days per FTE", "Minimise", "Q1 2021/22", 2.1, 2.1, 2]);
    ws.addRow(["K2", "Sickness days per FTE", "Minimise", "Q2 2021/22", 2.4, "n/a?", 2]);
    ws.addRow(["K3", "Calls answered", "Maximise", "Q1 2021/22", "85%", "85%", "90%"]);
    ws.addRow(["K3", "Calls answered", "Maximise", "Q2 2021/22", "88%", "86.5%", "90%"]);
    out = join(dir, "ytd-out.xlsx");
    expect((await runCli(["summarise", await saveWorkbook(wb, dir, "ytd.xlsx"), "--out", out, "--period", "Q2 2021/22"])).code).toBe(0);
  });

  it("puts the period's year to date beside its value, as a number in the indicator's format", async () => {
    const { headers, rows, ws, first } = await results(out);
    expect(headers.slice(4, 7)).toEqual(["Value", "Year to date", "Target"]);
    const k = (code: string) => rows.find((r) => r.Code === code)!;
    expect([k("K1").Value, k("K1")["Year to date"]]).toEqual([55, 95]);
    expect([k("K3").Value, k("K3")["Year to date"]]).toEqual([0.88, 0.865]);
    const at = (code: string) => ws.getRow(first + rows.findIndex((r) => r.Code === code)).getCell(6);
    expect(at("K1").numFmt).toBe("0");
    expect(at("K3").numFmt).toBe("0.0%");
  });

  it("leaves an unreadable year to date blank and lists it with its cell", async () => {
    const { rows } = await results(out);
    expect(rows.find((r) => r.Code === "K2")!["Year to date"]).toBeUndefined();
    const issues = sheetValues((await load(out)).getWorksheet("Data issues")!);
    expect(issues).toContainEqual(["Error", "KPIs", "F5", "Year to date for 'K2' 'n/a?' in KPIs!F5 is not a number", "Go to cell"]);
  });

  it("gives last quarter's year to date when that quarter is the one reported", async () => {
    const q1 = join(dir, "ytd-q1.xlsx");
    expect((await runCli(["summarise", join(dir, "ytd.xlsx"), "--out", q1, "--period", "Q1 2021/22"])).code).toBe(0);
    const { rows } = await results(q1);
    expect(rows.filter((r) => r.Code).map((r) => [r.Code, r["Year to date"]])).toEqual([["K1", 40], ["K2", 2.1], ["K3", 0.85]]);
  });

  it("keeps the status and trend columns in step (their colours follow the moved columns)", async () => {
    const { rows } = await results(out);
    expect(rows.find((r) => r.Code === "K2")!.Status).toBe("Red");
    const ws = (await load(out)).getWorksheet("Indicator results")!;
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const status = rules.find((r) => r.rules.some((x) => x.formulae?.[0]?.includes('="Red"')))!;
    expect(status.ref.startsWith("H")).toBe(true);
  });

  it("adds no column where no indicator has a year to date (the sample)", async () => {
    const plain = join(dir, "sample-out.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", plain])).code).toBe(0);
    expect((await results(plain)).headers).not.toContain("Year to date");
  });
});

describe("year to date in the pane's 'Red Red' detail", () => {
  it("gives the period's year to date beside the reason, as written", () => {
    const rows: CellValue[][] = [
      ["Code", "Indicator", "Polarity", "Period", "Actual", "YTD", "Target"],
      ["K2", "Calls answered", "Maximise", "Q1 2021/22", "85%", "85%", "90%"],
      ["K2", "Calls answered", "Maximise", "Q2 2021/22", "80%", "82.5%", "90%"],
    ];
    const { report } = buildReport([{ name: "KPIs", rows }], emptySettings(), { period: "Q2 2021/22" });
    const view = resultsView(report, [], null);
    expect(view.redRed.map((r) => [r.title, r.ytd])).toEqual([["Calls answered", "82.5%"]]);
  });
});
