import { measureColumns, measureNamed } from "../../../src/core/detect/measures";
import { SheetGrid, CellValue } from "../../../src/core";

const sheet = (rows: CellValue[][]): SheetGrid => ({ name: "Data", rows });
const all = (grid: SheetGrid, taken: number[] = [0]) => measureColumns(grid, 0, grid.rows.length - 1, 0, grid.rows[0].length - 1, new Set(taken));

describe("measures: the numeric columns of a table whose rows are periods", () => {
  it("measureColumns: each numeric column with a text header is a measure, titled by its header", () => {
    const grid = sheet([
      ["Month", "Responses", "Positive", "Negative", "Comments"],
      ["Apr 2023", 120, 110, 4, "Ward A closed for a week"],
      ["May 2023", 131, "x", 6, ""],
      ["Jun 2023", 128, 119, "[c]", "Busy month"],
    ]);
    expect(all(grid)).toEqual([{ col: 1, title: "Responses" }, { col: 2, title: "Positive" }, { col: 3, title: "Negative" }]);
  });

  it("measureColumns: codes, keys and years are not measures; a column already given a role is left alone", () => {
    const grid = sheet([
      ["time_period", "new_la_code", "old_la_code", "la_name", "Year", "Pupils", "Exclusions"],
      ["202122", "E08000009", 358, "Trafford", 2021, 35000, 120],
      ["202223", "E08000009", 358, "Trafford", 2022, 35500, "c"],
    ]);
    expect(all(grid, [0, 3]).map((m) => m.title)).toEqual(["Pupils", "Exclusions"]);
  });

  it("measureColumns: a column headed as a measure's target is that measure's target, not a series of its own", () => {
    const grid = sheet([
      ["Quarter", "Responses", "Responses target", "Target for Complaints", "Complaints", "Waiting list target"],
      ["Q1 2023/24", 120, 150, 10, 12, 400],
      ["Q2 2023/24", 140, 150, 10, 8, 400],
    ]);
    expect(all(grid)).toEqual([
      { col: 1, title: "Responses", target: 2 },
      { col: 4, title: "Complaints", target: 3 },
      // A target naming no measure of the table is a figure in its own right.
      { col: 5, title: "Waiting list target" },
    ]);
  });

  it("measureNamed: the measure a target's header names, either way round", () => {
    const measures = [{ col: 1, title: "Responses" }, { col: 2, title: "Complaints upheld" }];
    expect(measureNamed("Responses target", measures)?.col).toBe(1);
    expect(measureNamed("Target for complaints upheld", measures)?.col).toBe(2);
    expect(measureNamed("Target", measures)).toBeUndefined();
    expect(measureNamed("Waiting list target", measures)).toBeUndefined();
  });
});
