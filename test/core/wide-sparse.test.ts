/**
 * Wide sparse sheets: a council's list in a few columns with values far to
 * the right (a note in XFD, the sheet's last column). The list ends at a wide
 * gap of empty columns; what lies past it is named in a warning, never read
 * as data nor dropped in silence; and the rows are walked by their filled
 * cells, so a row costs its values, not the 16,384 columns it spans.
 */
import { detectDatasets, scanRows, readActions, cellOf, buildReport, emptySettings, CellValue, SheetGrid } from "../../src/core";

const XFD = 16_383;
const header = ["Directorate", "Priority", "Due Date", "RAG"];
const rag = ["Green", "Amber", "Red", "Complete"];

/** A list of `n` priorities in A:D (from column `left`), with `far` values set by index as the reader leaves them (a hole between). */
function sheet(n: number, far: (r: number) => [number, CellValue][], left = 0): SheetGrid {
  const rows: CellValue[][] = [];
  for (let r = 0; r <= n; r++) {
    const row: CellValue[] = [];
    const cells = r === 0 ? header : [`Directorate ${r % 3}`, `Priority ${r}`, "31/03/22", rag[r % 4]];
    cells.forEach((v, i) => (row[left + i] = v));
    for (const [c, v] of far(r)) row[c] = v;
    rows.push(row);
  }
  return { name: "Priorities", rows };
}

describe("a list in A:D with a note in XFD on every row", () => {
  const n = 500;
  const grid = sheet(n, (r) => [[XFD, r === 0 ? "Notes" : `note on row ${r + 1}`]]);
  const [d] = detectDatasets(grid);

  it("reads every row of the list, and only the list's columns", () => {
    expect(d).toMatchObject({ kind: "priorities", headerRow: 0, lastRow: n, left: 0, right: 3 });
    const read = readActions(grid, d);
    expect(read.items).toHaveLength(n);
    expect(read.rowsIn).toBe(n);
    expect(read.items.filter((i) => i.status === "Red")).toHaveLength(n / 4);
  });

  it("names the note column and its cells in a warning, so nothing is left out in silence", () => {
    expect(d.beside).toEqual([{ col: XFD, header: "Notes", cells: n, firstRow: 1, lastRow: n }]);
    const warnings = readActions(grid, d).issues.filter((i) => i.code === "dataset.beside");
    expect(warnings).toEqual([expect.objectContaining({ sheet: "Priorities", cell: "XFD2", severity: "warning" })]);
    expect(warnings[0].message).toBe(
      "Column XFD ('Notes') holds 500 values (XFD2 to XFD501) in the rows of the list on 'Priorities', but lies 16,380 columns to the right of the list's last column D, "
      + "past empty columns, so it was not read as part of the list: if it belongs to the list, move it next to column D",
    );
  });

  it("scans each row as the list's four cells, not 16,384", () => {
    const rows = scanRows(grid, d);
    expect(rows).toHaveLength(n);
    expect(Math.max(...rows.map((r) => r.cells.length))).toBe(4);
  });
});

describe("where a list's columns end", () => {
  it("a column after 32 empty ones is still the list's; after 33 it is beside it", () => {
    const near = sheet(20, (r) => [[36, r === 0 ? "Notes" : "n"]]);
    expect(detectDatasets(near)[0].right).toBe(36);
    expect(detectDatasets(near)[0].beside).toBeUndefined();
    const far = sheet(20, (r) => [[37, r === 0 ? "Notes" : "n"]]);
    expect(detectDatasets(far)[0]).toMatchObject({ right: 3, beside: [expect.objectContaining({ col: 37, cells: 20 })] });
  });

  it("finds the list in the fullest block of columns, wherever it starts", () => {
    const grid = sheet(30, (r) => (r === 0 ? [[0, "Q1 priorities"]] : []), 40);
    // The title sits alone in A1, forty empty columns from the list in AO:AR.
    grid.rows.unshift(["Q1 priorities"]);
    grid.rows[1] = grid.rows[1].slice();
    delete grid.rows[1][0];
    const [d] = detectDatasets(grid);
    expect(d).toMatchObject({ kind: "priorities", headerRow: 1, left: 40, right: 43 });
    expect(readActions(grid, d).items).toHaveLength(30);
    expect(d.beside).toEqual([]);
  });

  it("a single value far to the side of one row is named with its cell", () => {
    const grid = sheet(20, (r) => (r === 4 ? [[51, "checked by JB"]] : []));
    const [d] = detectDatasets(grid);
    expect(d.right).toBe(3);
    const warnings = readActions(grid, d).issues.filter((i) => i.code === "dataset.beside");
    expect(warnings.map((w) => w.cell)).toEqual(["AZ5"]);
    expect(warnings[0].message).toMatch(/^Column AZ holds a value \(AZ5\) in the rows of the list on 'Priorities', but lies 48 columns to the right of the list's last column D/);
  });

  it("many columns to the side: ten named, the rest counted in one more warning", () => {
    const grid = sheet(10, (r) => (r === 0 ? [] : Array.from({ length: 14 }, (_, k): [number, CellValue] => [100 + k * 40, k])));
    const [d] = detectDatasets(grid);
    const warnings = readActions(grid, d).issues.filter((i) => i.code === "dataset.beside");
    expect(warnings).toHaveLength(11);
    expect(warnings[10].message).toMatch(/^4 more columns \(\w+ to \w+\) hold 40 values in the rows of the list on 'Priorities' past empty columns/);
  });
});

describe("an Excel table whose range spans every column (A1:XFD501)", () => {
  const n = 500;
  const grid = sheet(n, (r) => [[XFD, r === 0 ? "Notes" : `note ${r}`]]);
  grid.rows[7] = [...header.slice(0, 3)];
  grid.rows[7][XFD] = "Notes";
  grid.rows[7][3] = "RAG";
  grid.rows[9] = ["Directorate 1", "Priority 9", "31/03/22", null];
  grid.rows[9][XFD] = "note";
  grid.tables = [{ name: "Priorities", ref: `A1:XFD${n + 1}` }];
  const [d] = detectDatasets(grid);

  it("keeps only each row's filled cells, so a row stays small", () => {
    expect(d).toMatchObject({ tableName: "Priorities", left: 0, right: XFD });
    const rows = scanRows(grid, d);
    expect(rows).toHaveLength(n);
    expect(Math.max(...rows.map((r) => Object.keys(r.cells).length))).toBe(5);
  });

  it("still tells the header repeated after a page break, and gives null for a blank cell in a list column", () => {
    const rows = scanRows(grid, d);
    expect(rows.find((r) => r.row === 7)?.kind).toBe("repeated-header");
    const blank = rows.find((r) => r.row === 9)!;
    expect(cellOf(d, blank, "status")).toBeNull();
    expect(cellOf(d, blank, "title")).toBe("Priority 9");
    expect(readActions(grid, d).items).toHaveLength(n - 1);
  });
});

describe("a risk register and an indicator list with a note in XFD on every row", () => {
  const n = 300;
  const withNotes = (name: string, head: CellValue[], row: (r: number) => CellValue[]): SheetGrid => {
    const rows: CellValue[][] = [head.slice()];
    for (let r = 1; r <= n; r++) rows.push(row(r));
    rows.forEach((cells, r) => (cells[XFD] = r === 0 ? "Notes" : `note ${r}`));
    return { name, rows };
  };
  const register = withNotes("Risk register", ["Risk ID", "Risk", "Likelihood", "Impact", "Owner"], (r) => [`R${r}`, `Risk ${r}`, 1 + (r % 5), 1 + (r % 4), "Chief Executive"]);
  const kpis = withNotes("Indicators", ["Code", "Indicator", "Q1 2021/22", "Q2 2021/22", "Target"], (r) => [`KPI${r}`, `Indicator ${r}`, r % 100, (r * 7) % 100, 50]);

  it.each([["risks", register], ["indicators", kpis]] as const)("%s: every row read from A:E, the note column named in a warning", (kind, grid) => {
    const { report } = buildReport([grid], emptySettings());
    expect(report.datasets).toEqual([expect.objectContaining({ kind, sheet: grid.name })]);
    const [d] = detectDatasets(grid);
    expect(d).toMatchObject({ left: 0, right: 4 });
    expect(scanRows(grid, d).filter((r) => r.kind === "data")).toHaveLength(n);
    const beside = report.issues.filter((i) => i.code === "dataset.beside");
    expect(beside.map((i) => i.cell)).toEqual(["XFD2"]);
    expect(beside[0].message).toMatch(/^Column XFD \('Notes'\) holds 300 values \(XFD2 to XFD301\)/);
  });
});

describe("rows under a list that are not read as data", () => {
  it("are named in one warning with their rows, never passed over in silence", () => {
    const rows: CellValue[][] = [["Action", "Owner", "Status"], ["Open archive", "Culture", "Green"], ["Fix roof", "Estates", "Red"], [], ["Source: corporate tracker, June"], ["© Example Council"]];
    const grid: SheetGrid = { name: "Actions", rows };
    const { report } = buildReport([grid], emptySettings());
    expect(report.issues.filter((i) => i.code === "dataset.below")).toEqual([expect.objectContaining({
      sheet: "Actions", cell: "A5", severity: "warning",
      message: "Rows 5 to 6 under the list on 'Actions', after its last row 3, were not read as data: they read as notes, a source or a total rather than items of the list",
    })]);
  });
});

describe("a wide row as a host that reads whole ranges gives it (every cell, blanks as null)", () => {
  it("is read the same as the sparse row the file reader gives", () => {
    const n = 50;
    const sparseGrid = sheet(n, (r) => [[XFD, r === 0 ? "Notes" : `note ${r}`]]);
    const denseGrid: SheetGrid = { name: "Priorities", rows: sparseGrid.rows.map((row) => Array.from({ length: XFD + 1 }, (_, c) => row[c] ?? null)) };
    const [s] = detectDatasets(sparseGrid);
    const [d] = detectDatasets(denseGrid);
    expect(d).toEqual(s);
    expect(readActions(denseGrid, d).items).toHaveLength(n);
  });
});
