/**
 * A doubtful reading is never published as a plain headline, and an empty
 * template is said to be empty: on the Summary and Commentary sheets, on the
 * command line, in --json and on the Data issues sheet.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";
import { SummaryJson } from "../../src/workbook/summarise";

const dir = tempDir();

async function run(wb: ExcelJS.Workbook, name: string, json: boolean) {
  const input = await saveWorkbook(wb, dir, `${name}.xlsx`);
  const out = join(dir, `${name}-${json ? "json" : "text"}-out.xlsx`);
  const r = await runCli(["summarise", input, "--out", out, ...(json ? ["--json"] : [])]);
  expect(r.code).toBe(0);
  return { r, out };
}

const text = (rows: unknown[][]) => rows.flat().filter((v) => typeof v === "string").join("\n");

describe("reading confidence reaches every headline", () => {
  it("a register many of whose rows cannot be scored is published only with the reason to check it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Risks");
    ws.addRow(["Ref", "Risk", "Likelihood", "Impact"]);
    ws.addRow(["R1", "Loss of the data centre", 4, 5]);
    ws.addRow(["R2", "Budget overspend in adult care", "see notes", "see notes"]);
    ws.addRow(["R3", "Failure of the waste contract", 2, 3]);
    ws.addRow(["R4", "Cyber attack on payroll", 3, 4]);
    ws.addRow(["R5", "Recruitment of social workers", "?", "?"]);
    const { r } = await run(wb, "doubtful", true);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.datasets[0].reading).toEqual({ confidence: "doubtful", reasons: ["2 of 5 rows could not be used (see Data issues)"] });
    expect(json.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: "Risks", cell: "A1", severity: "warning", message: expect.stringContaining("'Risks' was read as a risk register, but the reading is in doubt: 2 of 5 rows could not be used") }),
    ]));
    const { r: plain, out } = await run(wb, "doubtful", false);
    expect(plain.stdout).toContain("Check this reading before publishing: 2 of 5 rows could not be used");
    const book = await load(out);
    expect(text(sheetValues(book.getWorksheet("Summary")!))).toContain("Check this reading: 2 of 5 rows could not be used (see Data issues).");
    expect(text(sheetValues(book.getWorksheet("Commentary")!))).toContain("[To check before publishing: 2 of 5 rows could not be used (see Data issues).]");
  });

  it("a tracker whose status column is mostly words that are not statuses is not published as a plain standard", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    ws.addRow(["Action", "Owner", "Status"]);
    const words = ["Submitted", "Ready for SIT", "Pending customer", "Green", "Submitted", "Complete", "Ready for SIT", "Amber", "Not started"];
    words.forEach((w, i) => ws.addRow([`Report ${i + 1}`, "Data team", w]));
    const { r } = await run(wb, "tracker", true);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.datasets[0].reading.confidence).toBe("doubtful");
    expect(json.datasets[0].reading.reasons).toEqual([expect.stringMatching(/^5 of 9 statuses are words it does not know as a RAG or progress status \('Submitted', 'Ready for SIT', 'Pending customer'\)/)]);
  });

  it("stays in doubt on the next run: the run's own remembered mapping is not a person's confirmation", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Priorities");
    ws.addRow(["Priority", "Directorate", "Due Date", "RAG at Q1"]);
    ws.addRow(["Open the archive", "Culture", "31/03/22", "Green"]);
    ws.addRow(["Fix the roof", "Estates", "31/03/22", "31/03/22"]);
    const first = await run(wb, "doubtful-twice", true);
    const again = join(dir, "doubtful-twice-again.xlsx");
    const r = await runCli(["summarise", first.out, "--out", again, "--json"]);
    const [one, two] = [first.r, r].map((x) => (JSON.parse(x.stdout) as SummaryJson).datasets[0].reading);
    expect(one.confidence).toBe("doubtful");
    expect(two).toEqual(one);
  });

  it("an empty template is said to be empty, never '0 risks' or '0%'", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Risk Log").addRow(["Id", "Risk", "Probability", "Impact", "Owner"]);
    const { r } = await run(wb, "empty", true);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.datasets).toEqual([expect.objectContaining({ sheet: "Risk Log", rows: 0, reading: { confidence: "empty", reasons: [expect.stringContaining("no rows of data under it")] } })]);
    expect(json.issues).toEqual([expect.objectContaining({ sheet: "Risk Log", cell: "A1", message: expect.stringMatching(/'Risk Log' is empty/) })]);
    const { r: plain, out } = await run(wb, "empty", false);
    expect(plain.stdout).toContain("- Risk Log (risks): empty — a header row with no rows under it, nothing to report");
    const book = await load(out);
    const summary = text(sheetValues(book.getWorksheet("Summary")!));
    expect(summary).toContain("Empty: no rows to report on.");
    expect(summary).not.toMatch(/Risk level/);
    expect(text(sheetValues(book.getWorksheet("Commentary")!))).toContain("Risk Log has no rows yet: nothing to report.");
  });

  it("a sheet not used is a data issue on that sheet, so no sheet is passed over in silence", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Risks");
    ws.addRow(["Ref", "Risk", "Likelihood", "Impact"]);
    ws.addRow(["R1", "Loss of the data centre", 4, 5]);
    wb.addWorksheet("Lookups", { state: "hidden" }).addRow(["Directorate", "Status"]);
    wb.addWorksheet("Notes").addRow(["These notes explain the register."]);
    const { r } = await run(wb, "skipped", true);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.skipped.map((s) => s.sheet)).toEqual(["Lookups", "Notes"]);
    expect(json.skipped[0].reason).toMatch(/^it is hidden/);
    expect(json.issues.filter((i) => i.message.startsWith("Sheet '")).map((i) => [i.sheet, i.cell])).toEqual([["Lookups", "A1"], ["Notes", "A1"]]);
  });
});

describe("a legend sheet is used, not passed over", () => {
  it("a key sheet whose levels band the register is said to be read as that key, never 'not used'", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Register");
    ws.addRow(["Ref", "Risk", "Likelihood", "Impact"]);
    ws.addRow(["R1", "Loss of the data centre", 4, 5]);
    ws.addRow(["R2", "Budget overspend", 2, 3]);
    const key = wb.addWorksheet("Key");
    for (const row of [["Risk level", "Score range"], ["High", "16–25"], ["Medium", "9–15"], ["Low", "1–8"]]) key.addRow(row);
    const { r } = await run(wb, "legend", true);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.datasets[0].statusCounts).toEqual({ High: 1, Medium: 0, Low: 1 });
    expect(json.skipped).toEqual([]);
    expect(json.issues.filter((i) => i.sheet === "Key")).toEqual([]);
    expect(json.notes).toContain("Sheet 'Key' was read as the key to the risk levels of 'Register', not as a dataset.");
  });
});

describe("a second run reads as the first did", () => {
  it("the mapping a run remembers does not make the next run surer than its evidence", async () => {
    const { XlsxWorkbook } = await import("../../src/workbook/xlsx/workbook");
    const { summarise } = await import("../../src/workbook/summarise");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Priorities");
    for (const row of [["Priority", "Directorate", "Due Date", "RAG at Q1", "Commentary"], ["Maximise", "31/03/22", "Green", "Green", "31/03/22"], ["", "Green", 0, "Greenish", 0]]) ws.addRow(row);
    const first = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const run1 = await summarise(first);
    const second = await XlsxWorkbook.open((await first.save()).data);
    const run2 = await summarise(second);
    expect(run2.json.datasets.map((d) => d.reading)).toEqual(run1.json.datasets.map((d) => d.reading));
    expect(run1.json.datasets[0].reading.confidence).toBe("doubtful");
  });
});
