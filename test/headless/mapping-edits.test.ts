/**
 * A saved mapping finds its table by the header's text, not its row number:
 * rows and columns inserted around a table after the first run change
 * nothing on the next.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load } from "../helpers/workbooks";

const dir = tempDir();

async function run(input: string, out: string) {
  const r = await runCli(["summarise", input, "--out", out, "--period", "Q1 2024/25", "--json"]);
  expect(r.stderr).not.toMatch(/^Error/m);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { datasets: { sheet: string; kind: string; rows: number; statusCounts: Record<string, number> }[] };
}

describe("a saved mapping after the sheet is edited", () => {
  it("finds the same table after a row is inserted above it and a column before it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Actions");
    ws.addRow(["Corporate action plan"]);
    ws.addRow(["Action", "Owner", "Due date", "RAG"]);
    ws.addRow(["Open the archive", "Culture", "30/06/2024", "Green"]);
    ws.addRow(["Fix the roof", "Estates", "31/05/2024", "Red"]);
    ws.addRow(["Train staff", "HR", "31/03/2025", "Amber"]);
    const first = await run(await saveWorkbook(wb, dir, "plan.xlsx"), join(dir, "plan-q1.xlsx"));
    expect(first.datasets).toEqual([expect.objectContaining({ sheet: "Actions", kind: "actions", rows: 3 })]);

    // The officer adds a note row above the table and a column at the left, in the output the first run wrote.
    const edited = await load(join(dir, "plan-q1.xlsx"));
    const sheet = edited.getWorksheet("Actions")!;
    sheet.spliceRows(1, 0, ["Updated by the performance team"]);
    sheet.spliceColumns(1, 0, []);
    const second = await run(await saveWorkbook(edited, dir, "plan-edited.xlsx"), join(dir, "plan-q1-again.xlsx"));
    expect(second.datasets).toEqual(first.datasets);
  });
});
