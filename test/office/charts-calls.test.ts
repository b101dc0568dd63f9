/**
 * The Office host's calls for charts, through the strict fake: the value axis
 * scaled as the plan says, and the Making Data Count icons as ellipse shapes
 * at the plan's cells, every property checked as Excel checks it (an
 * enumeration's documented values, colours, sizes above zero).
 */
import { addCharts } from "../../src/workbook/office/charts";
import { SheetPlan, columnPoints } from "../../src/core";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState, FakeSheet } from "../fakes/excel-state";

const plan: SheetPlan = {
  purpose: "indicator-charts", name: "Indicator charts", cells: [], styles: [], columnWidths: [14, 11, 11], conditionalFormats: [], validations: [],
  rowHeights: { 1: 30 }, hiddenColumns: [], tables: [],
  charts: [{
    title: "B Waiting times rising",
    categories: { col: 0, first: 3, last: 18 },
    series: [{ role: "value", values: { col: 1, first: 3, last: 18 } }],
    anchor: { fromRow: 2, fromCol: 4, toRow: 20, toCol: 12 },
    valueAxis: { min: 15, max: 31 },
    icons: [
      { kind: "variation", fill: "#E46C0A", letter: "H", label: "Variation: special cause concern from higher values", at: { row: 2, col: 10 } },
      { kind: "assurance", fill: "#E46C0A", letter: "F", label: "Assurance: consistently failing the target", at: { row: 2, col: 11 } },
    ],
  }],
};

/** The chart's own table (periods, then values, under a header in row 3) and the plan's charts drawn beside it. */
async function drawn(): Promise<FakeSheet> {
  const rows: (string | number | null)[][] = [[], [], ["Period", "Value"], ...Array.from({ length: 16 }, (_, i) => [`Q${(i % 4) + 1} ${2019 + Math.floor(i / 4)}/${20 + Math.floor(i / 4)}`, 18 + (i % 9)])];
  const state = FakeWorkbookState.fromGrids([{ name: "Indicator charts", rows }]);
  await fakeExcelRun(state)(async (ctx) => addCharts(ctx.workbook.worksheets.getItem("Indicator charts"), plan));
  return state.sheet("Indicator charts")!;
}

describe("charts and icons through Office.js", () => {
  it("scales the value axis to the plan's range", async () => {
    const sheet = await drawn();
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "LineMarkers", source: "A3:B19", title: "B Waiting times rising", valueAxis: { minimum: 15, maximum: 31 } });
    expect(sheet.charts[0].series.map((s) => s.name)).toEqual(["Value"]);
  });

  it("draws each icon as a named ellipse in the NHS colour, with its letter and meaning, at its cell", async () => {
    const sheet = await drawn();
    // Row 2 starts below rows 0 (15 points) and 1 (30); column 10 after columns A–C (14, 11, 11) and seven of the default width.
    const left = columnPoints(14) + 2 * columnPoints(11) + 7 * columnPoints(8.43);
    const look = { geometricShapeType: "Ellipse", top: 48, width: 28.8, height: 28.8, line: { color: "#FFFFFF", weight: 0.75 }, textAlign: { horizontal: "Center", vertical: "Middle" }, font: { color: "#FFFFFF", bold: true, size: 14 } };
    expect(sheet.shapes).toEqual([
      { ...look, id: expect.any(String), name: "Making Data Count variation 1", altTextDescription: "Variation: special cause concern from higher values", left: left + 3, fill: "#E46C0A", text: "H" },
      { ...look, id: expect.any(String), name: "Making Data Count assurance 2", altTextDescription: "Assurance: consistently failing the target", left: left + columnPoints(8.43) + 3, fill: "#E46C0A", text: "F" },
    ]);
  });
});
