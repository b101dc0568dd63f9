/**
 * The Office host's calls for charts: the value axis scaled as the plan says,
 * and the Making Data Count icons as ellipse shapes at the plan's cells. The
 * strict fake does not model charts or shapes, so a recording worksheet
 * stands in here, checking the calls and the documented property names
 * (Excel.ChartAxis minimum/maximum; Excel.Shape left/top/width/height, fill,
 * lineFormat, textFrame).
 */
import { addCharts } from "../../src/workbook/office/charts";
import { SheetPlan, columnPoints } from "../../src/core";

type Recorded = Record<string, unknown>;

/** An object that records every property set on it, at any depth, and every call. */
function recorder(log: string[], path: string): Recorded {
  const values: Recorded = {};
  return new Proxy(values, {
    get(target, key: string) {
      if (key in target) return target[key];
      if (["setSolidColor", "setPosition", "getItemAt"].includes(key)) {
        return (...args: unknown[]) => {
          log.push(`${path}.${key}(${args.map((a) => JSON.stringify(a)).join(", ")})`);
          return recorder(log, `${path}.${key}[${args.join(",")}]`);
        };
      }
      const child = recorder(log, `${path}.${key}`);
      target[key] = child;
      return child;
    },
    set(target, key: string, value) {
      log.push(`${path}.${key} = ${JSON.stringify(value)}`);
      target[key] = value;
      return true;
    },
  });
}

function recordingSheet(log: string[]): Excel.Worksheet {
  let charts = 0;
  let shapes = 0;
  return {
    getRange: (ref: string) => ({ ref }),
    charts: { add: (type: string, source: { ref: string }) => (log.push(`charts.add(${type}, ${source.ref})`), recorder(log, `chart${++charts}`)) },
    shapes: { addGeometricShape: (type: string) => (log.push(`shapes.addGeometricShape(${type})`), recorder(log, `shape${++shapes}`)) },
  } as unknown as Excel.Worksheet;
}

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

describe("charts and icons through Office.js", () => {
  it("scales the value axis to the plan's range", () => {
    const log: string[] = [];
    addCharts(recordingSheet(log), plan);
    expect(log).toContain("charts.add(LineMarkers, A3:B19)");
    expect(log).toContain("chart1.axes.valueAxis.minimum = 15");
    expect(log).toContain("chart1.axes.valueAxis.maximum = 31");
  });

  it("draws each icon as a named ellipse in the NHS colour, with its letter and meaning, at its cell", () => {
    const log: string[] = [];
    addCharts(recordingSheet(log), plan);
    expect(log.filter((l) => l.startsWith("shapes."))).toEqual(["shapes.addGeometricShape(Ellipse)", "shapes.addGeometricShape(Ellipse)"]);
    // Row 2 starts below rows 0 (15 points) and 1 (30); column 10 after columns A–C (14, 11, 11) and seven of the default width.
    const left = columnPoints(14) + 2 * columnPoints(11) + 7 * columnPoints(8.43);
    expect(log).toEqual(expect.arrayContaining([
      'shape1.name = "Making Data Count variation 1"',
      'shape1.altTextDescription = "Variation: special cause concern from higher values"',
      `shape1.left = ${left + 3}`,
      "shape1.top = 48",
      'shape1.fill.setSolidColor("#E46C0A")',
      'shape1.textFrame.textRange.text = "H"',
      'shape1.textFrame.textRange.font.color = "#FFFFFF"',
      'shape2.name = "Making Data Count assurance 2"',
      'shape2.textFrame.textRange.text = "F"',
    ]));
  });
});
