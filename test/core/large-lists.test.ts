/**
 * Lists as long as a national extract's: hundreds of thousands of rows in a
 * sheet plan, and a hundred thousand data issues and more, are handled one by one, never spread
 * into a single call's arguments (which overflows the stack past about a
 * hundred thousand).
 */
import { SheetBuilder, buildReport, emptySettings, SheetGrid, CellValue } from "../../src/core";

const ROWS = 200_000;

it("plans a sheet with a 200,000-row table", () => {
  const b = new SheetBuilder("indicator-results", "Results", [20, 10]);
  const rows = Array.from({ length: ROWS }, (_, i) => [`Item ${i}`, i]);
  b.table("Results", ["Item", "Value"], rows);
  const plan = b.build();
  expect(plan.cells).toHaveLength(ROWS + 1);
  expect(plan.cells[ROWS]).toEqual([`Item ${ROWS - 1}`, ROWS - 1]);
});

it("reports a dataset with 150,000 values that are not numbers, every one listed", () => {
  const rows: CellValue[][] = [["Code", "Indicator", "Area", "Period", "Value"]];
  const quarters = ["Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"];
  const n = 300_000;
  for (let i = 0; i < n; i++) {
    const series = Math.floor(i / 4);
    rows.push([`C${series % 100}`, `Measure ${series % 100}`, `Area ${Math.floor(series / 100)}`, quarters[i % 4], i % 2 ? 40 + (i % 17) : `about ${i % 17}`]);
  }
  const grid: SheetGrid = { name: "Extract", rows, hiddenRows: [], merges: [], tables: [], visibility: "visible" };
  const { report } = buildReport([grid], emptySettings());
  const notNumbers = report.issues.filter((i) => i.sheet === "Extract" && /is not a number/.test(i.message));
  expect(notNumbers).toHaveLength(n / 2);
  expect(report.datasets[0].rowsIn).toBe(n);
});
