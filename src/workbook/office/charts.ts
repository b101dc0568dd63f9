import { ChartPlan, ChartSeriesRole, SheetPlan, a1, rangeRef } from "../../core";

/**
 * The plan's charts as native Excel charts (ExcelApi 1.1 to add and place a
 * chart, 1.7 for line dashes and markers, within the manifest's minimum): https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 * The source is the chart's own table (period column first, names in the
 * header row), so the chart follows edits to it.
 */

const LOOK: Record<ChartSeriesRole, { colour: string; line: "Continuous" | "Dash" | "RoundDot" | "None"; marker: "Circle" | "None" }> = {
  value: { colour: "#595959", line: "Continuous", marker: "Circle" },
  target: { colour: "#C00000", line: "Dash", marker: "None" },
  mean: { colour: "#000000", line: "Continuous", marker: "None" },
  limit: { colour: "#A6A6A6", line: "RoundDot", marker: "None" },
  improvement: { colour: "#00B0F0", line: "None", marker: "Circle" },
  concern: { colour: "#E46C0A", line: "None", marker: "Circle" },
  neither: { colour: "#490092", line: "None", marker: "Circle" },
};

function addChart(ws: Excel.Worksheet, c: ChartPlan): void {
  const lastCol = Math.max(...c.series.map((s) => s.values.col));
  const source = ws.getRange(rangeRef(c.categories.first - 1, c.categories.col, c.categories.last, lastCol));
  const chart = ws.charts.add("LineMarkers", source, "Columns");
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  chart.setPosition(a1(c.anchor.fromRow, c.anchor.fromCol), a1(c.anchor.toRow - 1, c.anchor.toCol - 1));
  c.series.forEach((s, i) => {
    const look = LOOK[s.role];
    const series = chart.series.getItemAt(i);
    series.format.line.color = look.colour;
    series.format.line.lineStyle = look.line;
    series.markerStyle = look.marker;
    if (look.marker !== "None") {
      series.markerBackgroundColor = look.colour;
      series.markerForegroundColor = look.colour;
    }
  });
}

/** No syncs here: the caller's batch carries these calls with the rest of the sheet. */
export function addCharts(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (!plan.charts?.length) return;
  for (const c of plan.charts) addChart(ws, c);
}
