import { tableEnd, isBannerRow, headerCellCount, startsAnotherTable } from "../../../src/core/detect/table-end";
import { SheetGrid } from "../../../src/core/grid";

const HEADER = ["Ref", "Risk", "Likelihood", "Impact", "Owner"];
const data = (i: number) => [`R${i}`, `Risk ${i} to the council's services`, 3, 4, "Finance"];

describe("table end: where a table's data stops", () => {
  it("tableEnd: before a notes, source, total or END row, and before another table's header", () => {
    const at = (rows: unknown[][]) => tableEnd({ name: "S", rows: rows as SheetGrid["rows"] }, 0, 0, 4);
    expect(at([HEADER, data(1), data(2), ["Source: risk workshop, May 2023"]])).toBe(2);
    expect(at([HEADER, data(1), data(2), ["Total", null, 6, 8]])).toBe(2);
    expect(at([HEADER, data(1), ["*** END ***"], data(3)])).toBe(1);
    expect(at([HEADER, data(1), data(2), [], ["Action", "Owner", "Due date", "Status"], ["Fix it", "Ann", "31/03/2024", "Green"]])).toBe(2);
    // The header repeated after a page break continues the table.
    expect(at([HEADER, data(1), [], HEADER, data(2)])).toBe(4);
    // A sentence merged across the table under its rows is a note; a short banner ("Operating metrics") is a heading inside it.
    const note = "Status rules: current status based on forecast against goal for future periods";
    expect(at([HEADER, data(1), data(2), [note, note, note, note, note], data(3)])).toBe(2);
    expect(at([HEADER, data(1), ["Operating metrics", "Operating metrics", "Operating metrics", "Operating metrics", "Operating metrics"], data(3)])).toBe(3);
  });

  it("isBannerRow: one text merged across the row", () => {
    expect(isBannerRow(["© 2025", "© 2025", "© 2025"], [0, 1, 2])).toBe(true);
    expect(isBannerRow(["R1", "Flood", 3], [0, 1, 2])).toBe(false);
    expect(isBannerRow(["Alone"], [0])).toBe(false);
  });

  it("headerCellCount and startsAnotherTable: a row of header words is another table's header, not a data row", () => {
    expect(headerCellCount(["Action", "Owner", "Due date", "Status"], 0, 3)).toEqual({ exact: 4, named: 4, filled: 4 });
    expect(headerCellCount(data(1), 0, 4).exact).toBeLessThan(2);
    const grid: SheetGrid = { name: "S", rows: [HEADER, data(1), ["Action", "Owner", "Due date", "Status"], HEADER] };
    expect(startsAnotherTable(grid, 2, 0, 4, "ref|risk|likelihood|impact|owner")).toBe(true);
    expect(startsAnotherTable(grid, 3, 0, 4, "ref|risk|likelihood|impact|owner")).toBe(false);
  });
});
