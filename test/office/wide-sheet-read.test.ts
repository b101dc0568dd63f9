/**
 * Reading a sheet whose used range runs to column XFD because of a note far
 * to the right: the Office adapter reads the blocks of columns that hold
 * values, not 16,384 columns of every row (which Excel would have to send
 * back, 6 rows a request), and gives the same grid and the same list as the
 * file reader.
 */
import { CellValue, SheetGrid, buildReport, emptySettings } from "../../src/core";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromGrids } from "../fakes/conformance";

const CAPS = { mergedAreas: true };
const XFD = 16_383;
const ROWS = 2_000;

function wideGrid(): SheetGrid {
  const rows: CellValue[][] = [["Ref", "Priority", "Directorate", "RAG"]];
  rows[0][XFD] = "Notes";
  for (let i = 1; i <= ROWS; i++) {
    const row: CellValue[] = [`P${i}`, `Priority ${i}`, i % 2 ? "Finance" : "Housing", ["Green", "Amber", "Red"][i % 3]];
    row[XFD] = `note ${i}`;
    rows.push(row);
  }
  return { name: "Priorities", rows, hiddenRows: [], merges: [], tables: [], visibility: "visible" };
}

describe("a used range that runs to column XFD", () => {
  it("is read by its blocks of columns with values, in a few small requests", async () => {
    const state = fakeFromGrids([wideGrid()]);
    const [grid] = await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).readSheets(["Priorities"]));
    expect(grid.rows).toHaveLength(ROWS + 1);
    expect(grid.rows[0].slice(0, 4)).toEqual(["Ref", "Priority", "Directorate", "RAG"]);
    expect(grid.rows[ROWS][XFD]).toBe(`note ${ROWS}`);
    expect(grid.rows[7].slice(0, 4)).toEqual(["P7", "Priority 7", "Finance", "Amber"]);
    // Two cells' worth of columns a row, not 16,384: the largest response stays small and the syncs few.
    expect(Math.max(...state.requests.map((r) => r.responseBytes))).toBeLessThan(1_000_000);
    expect(state.syncs).toBeLessThanOrEqual(5);
    expect(Object.keys(grid.rows[5]).length).toBe(5);
  });

  it("gives the list the file reader gives: every row, the note column named", async () => {
    const state = fakeFromGrids([wideGrid()]);
    const grids = await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).readSheets(["Priorities"]));
    const office = buildReport(grids, emptySettings()).report;
    const file = buildReport([wideGrid()], emptySettings()).report;
    expect(office.datasets.map((d) => [d.kind, d.rowsIn, d.statusCounts])).toEqual(file.datasets.map((d) => [d.kind, d.rowsIn, d.statusCounts]));
    expect(office.datasets[0].rowsIn).toBe(ROWS);
    expect(office.issues.map((i) => i.message)).toEqual(file.issues.map((i) => i.message));
    expect(office.issues.some((i) => /Column XFD \('Notes'\)/.test(i.message))).toBe(true);
  });
});
