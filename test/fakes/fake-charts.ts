/**
 * Charts in the fake Excel: the calls the product makes, with their
 * documented shapes and enumerations, and the series Excel makes from a
 * chart's source.
 *   ChartCollection.add(type, sourceData, seriesBy) (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 *   Chart.setPosition(startCell, endCell) (1.1), Chart.title.text, Chart.legend.position (1.1)
 *   ChartSeriesCollection.getItemAt(index), "zero-indexed" (1.1)
 *   ChartLineFormat.color, ChartLineFormat.lineStyle (1.7): https://learn.microsoft.com/javascript/api/excel/excel.chartlineformat
 *   ChartSeries.markerStyle, markerBackgroundColor, markerForegroundColor (1.7): https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 *   Chart.axes.valueAxis.minimum / maximum (1.1), a number:
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-minimum-member
 */
import { FakeChart, FakeSeries, FakeSheet } from "./excel-state";
import { OfficeError, checkColour } from "./excel-rules";
import { Ctx, ClientObject, size, writeOnly } from "./client";
import { Path, METHOD, PROPERTY, INDEXER } from "./wire";
import type { Worksheet } from "./excel-fake";
import type { Range } from "./fake-range";
import { a1, parseRange } from "../../src/core";

const CHART_TYPES = new Set(("ColumnClustered ColumnStacked ColumnStacked100 BarClustered BarStacked BarStacked100 LineStacked LineStacked100 LineMarkers " +
  "LineMarkersStacked LineMarkersStacked100 Line XYScatter XYScatterLines XYScatterLinesNoMarkers Area AreaStacked Pie Doughnut").split(" "));
const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);
const LINE_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"]);
const MARKER_STYLES = new Set(["Automatic", "None", "Square", "Diamond", "Triangle", "X", "Star", "Dot", "Dash", "Circle", "Plus", "Picture"]);

function oneOf(set: Set<string>, what: string): (v: string) => void {
  return (v) => {
    if (!set.has(v)) throw new OfficeError("InvalidArgument", `'${v}' is not a ${what}.`);
  };
}

/**
 * The series Excel makes from a source range plotted by columns: the first
 * column is the categories when it holds text (period labels), and each
 * other column a series named by its first cell; a first column of numbers
 * is a series like the rest.
 */
export function seriesFromSource(s: FakeSheet, ref: string): FakeSeries[] {
  const r = parseRange(ref)!;
  const cell = (row: number, col: number) => s.peek(row, col)?.value ?? null;
  let firstIsCategories = false;
  for (let row = r.top + 1; row <= r.bottom; row++) if (typeof cell(row, r.left) === "string") firstIsCategories = true;
  const out: FakeSeries[] = [];
  for (let col = firstIsCategories ? r.left + 1 : r.left; col <= r.right; col++) {
    const head = cell(r.top, col);
    out.push({ name: typeof head === "string" ? head : `Series${out.length + 1}`, values: `${a1(r.top + 1, col)}:${a1(r.bottom, col)}` });
  }
  return out;
}

export class ChartCollection extends ClientObject {
  private list: Chart[] = [];
  constructor(ctx: Ctx, path: Path, private ws: Worksheet) {
    super(ctx, path);
  }
  get items(): Chart[] {
    this.read("items");
    return this.list;
  }
  protected snapshot(list: string[]): number {
    const s = this.ws.sheet();
    this.list = s.charts.map((c) => {
      const chart = new Chart(this.ctx, this.ctx.path(INDEXER, "", this.path, [c.name]), this.ws, () => c);
      if (list.includes("items/name")) chart.loadedName(c.name);
      return chart;
    });
    this.loaded.set("items", true);
    return size(s.charts.map((c) => c.name));
  }
  /** A new chart of `type` over `source`, plotted by columns or rows. */
  add(type: string, source: Range, seriesBy = "Auto"): Chart {
    let made: FakeChart | undefined;
    const path = this.ctx.path(METHOD, "Add", this.path, [type, source.path.id, seriesBy]);
    this.ctx.enqueue(path, "method", "", undefined, () => this.ws.guarded((s) => {
      oneOf(CHART_TYPES, "chart type")(type);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new OfficeError("InvalidArgument", `'${seriesBy}' is not a ChartSeriesBy.`);
      if (seriesBy === "Rows") throw new OfficeError("InvalidArgument", "The fake models charts plotted by columns only.");
      const from = source.ws.sheet();
      made = { name: `Chart ${s.charts.length + 1}`, type, source: source.ref(), seriesBy, series: seriesFromSource(from, source.ref()) };
      s.charts.push(made);
    }));
    return new Chart(this.ctx, path, this.ws, () => made);
  }
}

export class Chart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt: (i: number) => ChartSeries };
  readonly axes: { valueAxis: { minimum: number; maximum: number } };

  constructor(ctx: Ctx, path: Path, private ws: Worksheet, private find: () => FakeChart | undefined) {
    super(ctx, path);
    const chart = () => {
      const c = this.find();
      if (!c) throw new OfficeError("ItemNotFound", "The chart does not exist.");
      return c;
    };
    this.title = writeOnly(ctx, ctx.path(PROPERTY, "Title", path), { text: (v: string) => void (chart().title = v) });
    this.legend = writeOnly(ctx, ctx.path(PROPERTY, "Legend", path), {
      position: (v: string) => {
        oneOf(LEGEND_POSITIONS, "legend position")(v);
        chart().legend = v;
      },
    });
    const bound = (which: "minimum" | "maximum") => (v: number) => {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new OfficeError("InvalidArgument", `The axis ${which} must be a number.`);
      const axis = (chart().valueAxis ??= {});
      axis[which] = v;
    };
    const axesPath = ctx.path(PROPERTY, "Axes", path);
    this.axes = { valueAxis: writeOnly(ctx, ctx.path(PROPERTY, "ValueAxis", axesPath), { minimum: bound("minimum"), maximum: bound("maximum") }) };
    const seriesPath = ctx.path(PROPERTY, "Series", path);
    this.series = { getItemAt: (i: number) => new ChartSeries(ctx, ctx.path(METHOD, "GetItemAt", seriesPath, [i]), () => chart().series[i]) };
  }
  loadedName(name: string): void {
    this.loaded.set("name", name);
  }
  get name(): string {
    return this.read("name") as string;
  }
  /** Top-left and bottom-right cells; both must be on the chart's own sheet. */
  setPosition(start: string, end?: string): void {
    this.call("setPosition", [start, end ?? null], () => {
      if (!parseRange(start) || (end !== undefined && !parseRange(end))) throw new OfficeError("InvalidArgument", `'${start}'/'${end}' are not cells.`);
      const c = this.find();
      if (!c) throw new OfficeError("ItemNotFound", "The chart does not exist.");
      c.position = { start, end };
    });
  }
  delete(): void {
    this.call("delete", [], () => {
      const s = this.ws.sheet();
      s.charts = s.charts.filter((c) => c !== this.find());
    });
  }
  protected snapshot(list: string[]): number {
    if (list.includes("name")) this.loaded.set("name", this.find()?.name);
    return 20;
  }
}

/** One series: asking for a position the chart does not have fails at sync. */
class ChartSeries {
  readonly format: { line: { color: string; lineStyle: string } };
  constructor(ctx: Ctx, readonly path: Path, find: () => FakeSeries | undefined) {
    const series = () => {
      const s = find();
      if (!s) throw new OfficeError("ItemNotFound", "The chart has no series at that position.");
      return s;
    };
    const line = () => (series().line ??= {});
    const marker = () => (series().marker ??= {});
    const formatPath = ctx.path(PROPERTY, "Format", path);
    this.format = {
      line: writeOnly(ctx, ctx.path(PROPERTY, "Line", formatPath), {
        color: (v: string) => {
          checkColour(v);
          line().color = v;
        },
        lineStyle: (v: string) => {
          oneOf(LINE_STYLES, "ChartLineStyle")(v);
          line().style = v;
        },
      }),
    };
    // The marker properties belong to the series itself.
    Object.defineProperties(this, Object.getOwnPropertyDescriptors(writeOnly(ctx, path, {
      markerStyle: (v: string) => {
        oneOf(MARKER_STYLES, "ChartMarkerStyle")(v);
        marker().style = v;
      },
      markerBackgroundColor: (v: string) => {
        checkColour(v);
        marker().background = v;
      },
      markerForegroundColor: (v: string) => {
        checkColour(v);
        marker().foreground = v;
      },
    })));
  }
}
