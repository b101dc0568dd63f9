/**
 * The reporting period on a real file: by default the latest quarter that has
 * values, and a chosen quarter with none is a warning on stderr and on the
 * Data issues sheet, never "No data issues were found".
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { readFileSync } from "fs";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { inspectWorkbook } from "../../src/workbook/inspect";

const dir = tempDir();
let input: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.addRow(["Code", "Indicator", "Polarity", "Target", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"]);
  ws.addRow(["K1", "Household waste recycled (%)", "Maximise", 45, 43.1, 46.2]);
  ws.addRow(["K2", "Days to process benefit claims", "Minimise", 20, 22, 19]);
  input = await saveWorkbook(wb, dir, "half-year.xlsx");
});

it("reports the latest quarter with values when Q3 and Q4 are still empty", async () => {
  const r = await runCli(["summarise", input, "--out", join(dir, "default.xlsx"), "--json"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.period).toBe("Q2 2021/22");
  expect(json.datasets[0].statusCounts).toEqual({ Green: 2 });
  expect(r.stderr).not.toContain("Warning:");
});

it("warns on stderr and on the Data issues sheet when the chosen quarter has no values", async () => {
  const out = join(dir, "q4.xlsx");
  const r = await runCli(["summarise", input, "--out", out, "--period", "Q4 2021/22"]);
  expect(r.code).toBe(0);
  const warning = "No indicator or outcome has a value for Q4 2021/22, so every one is reported as 'No data': the latest period with values is Q2 2021/22.";
  expect(r.stderr.split("\n")).toContain(`Warning: ${warning}`);

  const issues = sheetValues((await load(out)).getWorksheet("Data issues")!);
  const cells = issues.flat();
  expect(cells).toContain(warning);
  expect(cells).not.toContain("No data issues were found.");
  const row = issues.find((x) => x?.[2] === "H1")!;
  expect(row.slice(0, 4)).toEqual([
    "Warning", "Indicators", "H1",
    "No indicator on 'Indicators' has a value for the reporting period Q4 2021/22 (its column H is empty); the latest period with values is Q2 2021/22.",
  ]);
});

it("offers the task pane the same default period, with what the run would say about it", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.addRow(["Code", "Indicator", "Polarity", "Target", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22"]);
  ws.addRow(["K1", "Household waste recycled (%)", "Maximise", 45, 43.1, 46.2, 47]);
  ws.addRow(["K2", "Days to process benefit claims", "Minimise", 20, 22, 19]);
  ws.addRow(["K3", "Rent collected (%)", "Maximise", 97, 96.5, 97.2]);
  const path = await saveWorkbook(wb, dir, "early.xlsx");
  const inspection = await inspectWorkbook(await XlsxWorkbook.open(new Uint8Array(readFileSync(path))));
  expect(inspection.period).toBe("Q3 2021/22");
  expect(inspection.notes).toEqual([
    "Q3 2021/22 is the latest period with values, so it is reported, but only 1 value is given for it (Q2 2021/22 has 3): choose another period if it is not the one to report.",
  ]);
});
