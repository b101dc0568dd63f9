/**
 * A sentence that names every item cannot grow with the data: the
 * Commentary names at most MAX_NAMED items and counts the rest, and no cell
 * the product writes holds more than Excel's 32,767 characters (a 50,000-
 * indicator workbook once put a 508,527-character 'Red Red' sentence in
 * one cell, which Excel would have to repair).
 */
import { buildReport, planReport, emptySettings, SheetGrid, CellValue } from "../../src/core";
import { MAX_NAMED, listSome } from "../../src/core/narrative";
import { fitCellText, MAX_CELL_TEXT } from "../../src/core/plan/builder";

function falling(n: number): SheetGrid {
  const rows: CellValue[][] = [["Code", "Indicator", "Polarity", "Target", "Q3 2021/22", "Q4 2021/22"]];
  for (let i = 0; i < n; i++) rows.push([`R${i}`, `Falling indicator number ${i}`, "Maximise", 90, 80, 70]);
  return { name: "Indicators", rows, hiddenRows: [], merges: [], tables: [], visibility: "visible" };
}

describe("long lists in sentences", () => {
  it("names every item when there are few", () => {
    expect(listSome(["a", "b", "c"])).toBe("a, b and c");
  });

  it(`names ${MAX_NAMED} and counts the others`, () => {
    const items = Array.from({ length: 1_234 }, (_, i) => `item ${i}`);
    expect(listSome(items)).toBe(`${items.slice(0, MAX_NAMED).join(", ")} and 1,224 others`);
    expect(listSome(items.slice(0, MAX_NAMED + 1))).toBe(`${items.slice(0, MAX_NAMED).join(", ")} and 1 other`);
  });

  it("keeps the Commentary's 'Red Red' sentence short and its count whole", () => {
    const { report } = buildReport([falling(2_000)], emptySettings());
    const commentary = planReport(report, null).find((p) => p.purpose === "commentary")!;
    const sentence = commentary.cells.flat().find((v): v is string => typeof v === "string" && v.includes("'Red Red'"))!;
    expect(sentence).toMatch(/^There were 2,000 'Red Red' indicators, i\.e\. .*: falling indicator number 0 \(70, from 80, against a target of 90\), .* and 1,990 others\.$/);
    expect(sentence.length).toBeLessThan(2_000);
  });
});

describe("cell text", () => {
  it("fits in a cell, and says where it was cut", () => {
    expect(fitCellText("short")).toBe("short");
    const cut = fitCellText("x".repeat(100_000));
    expect(cut.length).toBe(MAX_CELL_TEXT);
    expect(cut.endsWith("(cut here: a cell holds at most 32,767 characters)")).toBe(true);
  });

  it("never leaves half a character where it cuts", () => {
    const cut = fitCellText("😀".repeat(40_000));
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});
