import { fillMerges, groupRowsAbove, continuationRows } from "../../../src/core/detect/header-rows";
import { SheetGrid } from "../../../src/core/grid";

describe("header rows: merges, group labels and continued items", () => {
  it("fillMerges: a merged value fills its blank cells, in a copy; the host's grid is never changed", () => {
    const grid: SheetGrid = { name: "S", rows: [["Q1'15", null, null], ["Goal", "Fcst", "Actual"]], merges: ["A1:C1"] };
    const filled = fillMerges(grid);
    expect(filled.rows[0]).toEqual(["Q1'15", "Q1'15", "Q1'15"]);
    expect(grid.rows[0]).toEqual(["Q1'15", null, null]);
    expect(fillMerges(filled)).toBe(filled);
  });

  it("groupRowsAbove: the labels of a group row over each header cell", () => {
    const grid = fillMerges({
      name: "S",
      rows: [["", "Inherent risk", "Inherent risk", "Residual risk", "Residual risk"], ["Risk", "L", "I", "L", "I"]],
      merges: ["B1:C1", "D1:E1"],
    });
    expect(groupRowsAbove(grid, 1, 0, 4)).toEqual(["", "Inherent risk", "Inherent risk", "Residual risk", "Residual risk"]);
  });

  it("continuationRows: rows whose key cells a merge from above covers belong to the item above", () => {
    const grid: SheetGrid = { name: "S", rows: [["Ref", "Risk", "Control"], ["R1", "Flood", "Barriers"], [null, null, "Pumps"], ["R2", "Fire", "Alarms"]], merges: ["A2:A3", "B2:B3"] };
    expect([...continuationRows(grid, [0, 1], 1, 3)]).toEqual([2]);
    expect([...continuationRows({ ...grid, merges: [] }, [0, 1], 1, 3)]).toEqual([]);
  });
});
