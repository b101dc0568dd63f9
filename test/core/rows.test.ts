import { detectDatasets, scanRows, readActions } from "../../src/core";

describe("walking a dataset's rows", () => {
  // The report's Appendix 3 layout: directorate headings, and the header repeated after a page break.
  const grid = {
    name: "Appendix 3",
    rows: [
      ["Priority", "Due Date", "RAG at Q1"],
      ["Finance"],
      ["Set a balanced budget.", "31/03/22", "Amber"],
      [],
      ["priority", "due date", "RAG AT Q1"],
      ["Public Health"],
      ["Increase flu vaccination uptake.", "31/03/22", "Green"],
    ],
  };
  const [d] = detectDatasets(grid);

  it("skips blank rows and repeated headers, and takes headings as the directorate", () => {
    expect(scanRows(grid, d).map((r) => r.kind)).toEqual(["heading", "data", "blank", "repeated-header", "heading", "data"]);
    const read = readActions(grid, d);
    expect(read.items.map((i) => [i.group, i.status])).toEqual([["Finance", "Amber"], ["Public Health", "Green"]]);
    expect(read.headings).toEqual(["Finance", "Public Health"]);
    expect(read.rowsIn).toBe(read.rowsCalculated + read.rowsFlagged);
  });
});
