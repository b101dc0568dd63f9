/**
 * Quarter to quarter: each run records its period in the workbook, the next
 * quarter's movement and previous-quarter columns come from that record, and
 * re-running a period replaces it rather than adding another.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";

const dir = tempDir();

function register(ws: ExcelJS.Worksheet, risks: [string, string, string][]): void {
  ws.addRow(["Risk", "Likelihood", "Impact"]);
  for (const r of risks) ws.addRow(r);
}

async function run(input: string, out: string, period: string) {
  const r = await runCli(["summarise", input, "--out", out, "--period", period, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Replace a sheet's data rows in a saved workbook, as a performance officer would next quarter. */
async function edit(path: string, sheet: string, fill: (ws: ExcelJS.Worksheet) => void, name: string): Promise<string> {
  const wb = await load(path);
  const old = wb.getWorksheet(sheet)!;
  wb.removeWorksheet(old.id);
  fill(wb.addWorksheet(sheet));
  return saveWorkbook(wb, dir, name);
}

describe("two quarters on the same workbook", () => {
  let q4Out: string;
  let q1Out: string;
  let q1Json: { datasets: { sheet: string; standard: { percent: number } | null }[] };

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    register(wb.addWorksheet("Risks"), [
      ["Retail market distress", "Likely", "Major"],
      ["UK / EU trade deal", "Possible", "Major"],
      ["Staff recruitment", "Possible", "Moderate"],
      ["Old risk closed in Q1", "Rare", "Minor"],
    ]);
    const out = wb.addWorksheet("Outcomes");
    out.addRow(["Code", "Outcome", "Polarity", "Value", "Target"]);
    out.addRow(["O1", "Recycling rate", "Maximise", 30, 35]);
    out.addRow(["O2", "Employment rate", "Maximise", 71, 70]);
    const input = await saveWorkbook(wb, dir, "q4.xlsx");
    q4Out = join(dir, "q4-out.xlsx");
    await run(input, q4Out, "Q4 2020/21");

    const q1In = await edit(q4Out, "Risks", (ws) => register(ws, [
      ["Retail market distress", "Almost Certain", "Major"],
      ["UK / EU trade deal", "Unlikely", "Major"],
      ["Staff recruitment", "Possible", "Moderate"],
      ["New data protection risk", "Rare", "Major"],
    ]), "q1-in-a.xlsx");
    const q1In2 = await edit(q1In, "Outcomes", (ws) => {
      ws.addRow(["Code", "Outcome", "Polarity", "Value", "Target"]);
      ws.addRow(["O1", "Recycling rate", "Maximise", 36, 35]);
      ws.addRow(["O2", "Employment rate", "Maximise", 72, 70]);
    }, "q1-in.xlsx");
    q1Out = join(dir, "q1-out.xlsx");
    q1Json = await run(q1In2, q1Out, "Q1 2021/22");
  });

  it("takes risk movement from last quarter's recorded scores, with new and closed risks", async () => {
    const rows = sheetValues((await load(q1Out)).getWorksheet("Risk register")!).filter((r) => typeof r?.[0] === "number");
    const movement = Object.fromEntries(rows.map((r) => [r[1], r[6]]));
    expect(movement).toEqual({
      "Retail market distress": "Increased",
      "UK / EU trade deal": "Decreased",
      "Staff recruitment": "Unchanged",
      "New data protection risk": "New",
    });
    const summary = sheetValues((await load(q1Out)).getWorksheet("Summary")!);
    expect(summary).toContainEqual(["Closed", 1]);
    expect(summary).toContainEqual(["High", 1, 2]);
    expect(summary).toContainEqual(["Medium", 2, 1]);
  });

  it("fills the previous-quarter column and the headline trend from history", async () => {
    const summary = sheetValues((await load(q1Out)).getWorksheet("Summary")!);
    expect(summary).toContainEqual(["Outcomes", "Q1 21/22", "Q4 20/21", "Expected standard", "Standard achieved", "Standard against last quarter"]);
    expect(summary).toContainEqual(["Number (%) GREEN", "2/2 (100%)", "1/2 (50%)", 0.75, "Yes", "Improving"]);
    expect(q1Json.datasets.find((d) => d.sheet === "Outcomes")!.standard!.percent).toBe(100);
  });

  it("shows last quarter's heat map beside this one", async () => {
    const rows = sheetValues((await load(q1Out)).getWorksheet("Risk heat map")!);
    expect(rows.flat()).toContain("Previous quarter");
  });

  it("keeps a period's record when it is run again, gives the same output, and says on the Summary which run this is", async () => {
    const again = join(dir, "q1-again.xlsx");
    await run(q1Out, again, "Q1 2021/22");
    const [a, b] = [await load(q1Out), await load(again)];
    const history = (wb: ExcelJS.Workbook) => JSON.parse(String(wb.getWorksheet("CPE_Settings")!.getCell("A1").value)).history;
    expect(Object.keys(history(b).Outcomes)).toEqual(["Q4 2020/21", "Q1 2021/22"]);
    expect(history(b)).toEqual(history(a));
    for (const name of ["Exceptions", "Risk register", "Risk heat map", "Indicator results", "Data issues"]) {
      expect(sheetValues(b.getWorksheet(name)!)).toEqual(sheetValues(a.getWorksheet(name)!));
    }
    // The Summary says the first run stored the quarter and the second matched it; every figure is the same.
    const [first, second] = [sheetValues(a.getWorksheet("Summary")!), sheetValues(b.getWorksheet("Summary")!)];
    const day = /^Q1 2021\/22: results stored today \((\d\d\/\d\d\/\d{4})\); a re-run of Q1 2021\/22 reprints them unless you choose to replace them\.$/.exec(String(first[2][0]))![1];
    expect(second[2]).toEqual([`Q1 2021/22: results as stored on ${day}; this run gives the same.`]);
    expect(second.filter((_, i) => i !== 2)).toEqual(first.filter((_, i) => i !== 2));
    expect(b.worksheets.filter((w) => w.name.startsWith("Summary"))).toHaveLength(1);
  });
});
