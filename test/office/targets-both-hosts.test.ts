/**
 * Both hosts render the same plan: a register with targets and a quarter of
 * history, and indicators with a year to date, written through Office.js on
 * the strict fake and into the .xlsx file, give the same Risk register, Risk
 * heat map and Indicator results sheets, values, formats and rules alike.
 */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromGrids, normaliseFake, normaliseXlsx } from "../fakes/conformance";
import { toSerial } from "../../src/core";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function risks(ws: ExcelJS.Worksheet, cyber: number): void {
  ws.addRow(["Ref", "Risk", "Likelihood", "Impact", "Target score", "Target date"]);
  ws.addRow(["SR01", "Cyber attack", cyber, 4, 8, utc(2022, 3, 31)]);
  ws.addRow(["SR02", "Budget overspend", 4, 5, 12, utc(2021, 5, 31)]);
  ws.addRow(["SR03", "Retail decline", 3, 3, 9, "soon"]);
}

function kpis(ws: ExcelJS.Worksheet): void {
  ws.addRow(["Code", "Indicator", "Polarity", "Period", "Actual", "YTD", "Target"]);
  for (const [q, homes, ytd] of [["Q1 2021/22", 40, 40], ["Q2 2021/22", 55, 95]] as const) ws.addRow(["K1", "Homes built", "Maximise", q, homes, ytd, 50]);
  for (const [q, calls, ytd] of [["Q1 2021/22", "85%", "85%"], ["Q2 2021/22", "88%", "86.5%"]] as const) ws.addRow(["K3", "Calls answered", "Maximise", q, calls, ytd, "90%"]);
}

describe("targets, movement and year to date in both hosts", () => {
  const sheets = ["Risk register", "Risk heat map", "Indicator results"];
  let wb: ExcelJS.Workbook;
  let state: ReturnType<typeof fakeFromGrids>;

  beforeAll(async () => {
    // Q1 in the file, then the register edited as an officer would for Q2 (the history stays in the workbook).
    const first = new ExcelJS.Workbook();
    risks(first.addWorksheet("Strategic risks"), 4);
    kpis(first.addWorksheet("KPIs"));
    const q1 = await XlsxWorkbook.open(new Uint8Array(await first.xlsx.writeBuffer()));
    await summarise(q1, { period: "Q1 2021/22" });
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load((await q1.save()).data as unknown as ArrayBuffer);
    edited.removeWorksheet(edited.getWorksheet("Strategic risks")!.id);
    risks(edited.addWorksheet("Strategic risks"), 3);
    const input = new Uint8Array(await edited.xlsx.writeBuffer());

    const file = await XlsxWorkbook.open(input);
    state = fakeFromGrids(await (await XlsxWorkbook.open(input)).readSheets());
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, { mergedAreas: true }), { period: "Q2 2021/22" }));
    await summarise(file, { period: "Q2 2021/22" });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file.save()).data as unknown as ArrayBuffer);
  });

  it("writes the same values, formats and rules through Office.js as into the file", () => {
    for (const name of sheets) {
      const a = normaliseFake(state, name);
      const b = normaliseXlsx(wb, name);
      expect({ name, values: a.values }).toEqual({ name, values: b.values });
      expect({ name, formats: a.formats }).toEqual({ name, formats: b.formats });
      expect({ name, rules: a.rules }).toEqual({ name, rules: b.rules });
    }
  });

  it("shows what each sheet is for in both: the course of each risk, the movement since Q1, the year to date", () => {
    const register = normaliseFake(state, "Risk register").values;
    // Target, target date (a date serial) and course.
    expect(register.find((r) => r[1] === "Cyber attack")?.slice(-3)).toEqual([8, toSerial({ year: 2022, month: 3, day: 31 }), "On course"]);
    expect(register.find((r) => r[1] === "Retail decline")?.at(-1)).toBe("Target met");
    expect(register.find((r) => r[1] === "Budget overspend")?.at(-1)).toBe("Target date passed (31/05/2021), score 20 still above target 12");
    const heat = normaliseFake(state, "Risk heat map").values;
    const at = heat.findIndex((r) => r[0] === "Moved since Q1 2021/22");
    expect(heat.slice(at + 1, at + 3)).toEqual([["Risen in score", 0], ["Fallen in score", 1, "SR01"]]);
    const results = normaliseFake(state, "Indicator results").values;
    expect(results.find((r) => r[1] === "K1")?.slice(4, 7)).toEqual([55, 95, 50]);
  });
});
