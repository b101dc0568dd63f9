import { columnBlocks, besideColumns, WIDE_GAP } from "../../../src/core/detect/table-columns";
import { SheetGrid } from "../../../src/core/grid";

describe("table columns: blocks of used columns and values beside a table", () => {
  const row = (cells: Record<number, string>) => {
    const out: (string | null)[] = [];
    for (const [c, v] of Object.entries(cells)) out[Number(c)] = v;
    return out;
  };
  const grid: SheetGrid = { name: "S", rows: [row({ 0: "Title", 1: "Status", 100: "Notes" }), row({ 0: "A", 1: "Green", 100: "see me" }), row({ 0: "B", 1: "Red" })] };

  it("columnBlocks: columns parted by more than WIDE_GAP empty columns are separate blocks, fullest counted", () => {
    expect(WIDE_GAP).toBe(32);
    expect(columnBlocks(grid, 0, 2)).toEqual([{ left: 0, right: 1, cells: 6 }, { left: 100, right: 100, cells: 2 }]);
  });

  it("besideColumns: a column past the gap with values in the table's rows is reported, with its header and rows", () => {
    expect(besideColumns(grid, 0, 2, 0, 1)).toEqual([{ col: 100, header: "Notes", cells: 1, firstRow: 1, lastRow: 1 }]);
  });
});
