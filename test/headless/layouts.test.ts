/**
 * Council workbooks are laid out every which way: the same data must be
 * found as a table or a range, under title rows, with renamed and reordered
 * columns, hidden rows, blank values and hostile text.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues, priorityRows, riskRows } from "../helpers/workbooks";
import { SummaryJson } from "../../src/workbook/summarise";

const dir = tempDir();

async function summarise(wb: ExcelJS.Workbook, name: string, extra: string[] = []): Promise<{ json: SummaryJson; out: string; input: string }> {
  const input = await saveWorkbook(wb, dir, `${name}.xlsx`);
  const out = join(dir, `${name}-out.xlsx`);
  const r = await runCli(["summarise", input, "--out", out, "--json", ...extra]);
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout), out, input };
}

describe("finding datasets in different layouts", () => {
  it("reads priorities as a plain range under title rows, with renamed and reordered columns", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Q1 returns");
    ws.getCell("A1").value = "Directorate priorities";
    ws.mergeCells("A1:D1");
    ws.getCell("A2").value = "Returned by directorates on 15 July; figures provisional.";
    ws.addRow([]);
    ws.addRow(["Q1 RAG", "Deadline", "Service", "Directorate priority"]);
    for (const r of priorityRows()) ws.addRow([r["RAG at Q1"], r["Due Date"], r.Directorate, r.Priority]);
    const { json } = await summarise(wb, "range-renamed", ["--period", "Q1 2021/22"]);
    expect(json.datasets).toEqual([expect.objectContaining({ sheet: "Q1 returns", kind: "priorities", rows: 108, statusCounts: { Green: 67, Amber: 40, Complete: 1 } })]);
    expect(json.issues.map((i) => [i.cell, i.severity])).toEqual([["B49", "error"], ["B89", "error"]]);
  });

  it("reads a risk register with L and I columns given as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("SRR");
    ws.addRow(["Ref", "Risk description", "L", "I", "Direction of travel"]);
    const levels: Record<string, number> = { Rare: 1, Unlikely: 2, Possible: 3, Likely: 4, "Almost Certain": 5, Insignificant: 1, Minor: 2, Moderate: 3, Major: 4, Extreme: 5 };
    riskRows().forEach((r, i) => ws.addRow([`SR${i + 1}`, r.Risk, levels[r.Likelihood], levels[r.Impact], r.Trend]));
    const { json } = await summarise(wb, "risks-numeric");
    expect(json.datasets[0]).toMatchObject({ kind: "risks", rows: 35, statusCounts: { High: 20, Medium: 14, Low: 1 } });
  });

  it("counts hidden rows and blank lines without dropping or double-counting any", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Workplan");
    ws.addRow(["Action", "Owner", "Due Date", "Status"]);
    ws.addRow(["Open the archives", "Regeneration", "31/12/21", "Green"]);
    ws.addRow([]);
    ws.addRow(["Review procurement", "Finance", "31/10/21", "Amber"]).hidden = true;
    ws.addRow(["Roll out training", "Finance", "31/03/22", "Greenish"]);
    ws.addRow(["Close the old depot", "Environment", "30/06/21", ""]);
    const { json } = await summarise(wb, "hidden-blank", ["--period", "Q1 2021/22"]);
    const d = json.datasets[0];
    expect(d.rows).toBe(4); // 4 data rows; the blank line is not one
    // The unknown word and the blank stay in the denominator as "not rated", each reported once with its cell.
    expect(d.statusCounts).toEqual({ Green: 1, Amber: 1, "Not rated": 2 });
    expect(json.datasets[0].notRated).toEqual({ Greenish: 1, "(blank)": 1 });
    expect(json.datasets[0].standard).toMatchObject({ achieved: false });
    expect(json.issues.map((i) => i.cell)).toEqual(["D5", "D6"]);
    expect(json.issues[0].message).toMatch(/^'Greenish' \(1 row\) is not in the status vocabulary \(D5\): counted as not rated/);
    expect(json.issues[1].message).toMatch(/^1 row has no RAG status \(D6\): counted as not rated/);
  });

  it("writes a formula-like title as text, never as a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Actions");
    ws.addRow(["Action", "Owner", "Status"]);
    ws.addRow(["=HYPERLINK(\"http://example.invalid\",\"click\")", "Finance", "Red"]);
    ws.addRow(["+44 helpline launch", "Public Health", "Green"]);
    ws.addRow(["@mention scheme", "Legal", "Amber"]);
    ws.addRow(["-5% budget cut delivered", "Finance", "Complete"]);
    const { out } = await summarise(wb, "formula-text");
    const res = await load(out);
    const cells: unknown[] = [];
    res.getWorksheet("By directorate")!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    for (const t of ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+44 helpline launch", "@mention scheme", "-5% budget cut delivered"]) {
      expect(cells).toContain(t);
    }
    res.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined())));
  });

  it("never overwrites a council's own sheet that has an output sheet's name", async () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet("Summary");
    own.addRow(["Our own summary, typed by hand"]);
    own.addRow(["Do not touch", 42]);
    const ws = wb.addWorksheet("Programmes");
    ws.addRow(["Programme", "RAG"]);
    ws.addRow(["Town centre", "Green"]);
    const { json, out } = await summarise(wb, "name-clash");
    expect(json.outputSheets[0]).toBe("Summary (report)");
    const res = await load(out);
    expect(sheetValues(res.getWorksheet("Summary")!)).toEqual([["Our own summary, typed by hand"], ["Do not touch", 42]]);
    const notes = sheetValues(res.getWorksheet("Data issues")!).flat().join(" ");
    expect(notes).toMatch(/A sheet called 'Summary' already exists .* 'Summary \(report\)' instead/);
  });

  it("reads indicators laid out one column per quarter, with numbers as text and error cells", async () => {
    const wide = new ExcelJS.Workbook();
    const w = wide.addWorksheet("Tracker");
    w.addRow(["Code", "Indicator", "Good is", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22", "Target"]);
    w.addRow(["NP-CF-024", "CP at quarter end", "Lower", 42, 52, 89, 75, 58, 60]);
    w.addRow(["NP-CF-017", "Early Help closed positively", "Higher is better", 30, 25, 39, 48, "69%", 60]);
    w.addRow(["X-1", "Broken", "Higher", 1, 2, 3, 4, "#N/A", 5]);
    const { json } = await summarise(wide, "wide");
    expect(json.period).toBe("Q1 2021/22");
    expect(json.datasets[0]).toMatchObject({ kind: "indicators", rows: 3, statusCounts: { Green: 2, Check: 1 } });
    expect(json.issues).toEqual([expect.objectContaining({ cell: "H4", message: "Value for 'X-1' '#N/A' in Tracker!H4 is not a number" })]);
  });

  it("adds SPC variation and assurance columns once a series has 12 or more points", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Long series");
    const quarters = Array.from({ length: 12 }, (_, i) => `Q${(i % 4) + 1} ${2018 + Math.floor(i / 4)}/${String((19 + Math.floor(i / 4)) % 100).padStart(2, "0")}`);
    ws.addRow(["Code", "Indicator", "Polarity", ...quarters, "Target"]);
    ws.addRow(["A", "Steady then jumps", "Maximise", 50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 80, 35]);
    const { out } = await summarise(wb, "spc");
    const rows = sheetValues((await load(out)).getWorksheet("Indicator results")!);
    const header = rows.find((r) => r?.[0] === "Dataset")!;
    expect(header.slice(-3)).toEqual(["Variation (SPC or run chart)", "Assurance (SPC)", "Status and variation"]);
    const row = rows.find((r) => r?.[1] === "A")!;
    // Twelve points: limits are trial limits (NHSRplotthedots warns at 12 points or fewer).
    expect(row.slice(-3)).toEqual(["Special cause improvement", "Consistently passing (trial limits)", "Green, and a significant improvement"]);
  });

  it("exits 1 with one plain line when no dataset is recognisable", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["Minutes of the meeting", "held on Tuesday"]);
    const input = await saveWorkbook(wb, dir, "nothing.xlsx");
    const r = await runCli(["summarise", input, "--out", join(dir, "nothing-out.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    // The refusal names the sheet, the header it saw and what each kind of dataset needs.
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("Error"))).toEqual([
      expect.stringMatching(/no sheet holds a dataset it can report on\. 'Notes': header row 1 has 'Minutes of the meeting', 'held on Tuesday'.*a risk register needs a likelihood, an impact and something that names each risk/),
    ]);
  });
});
