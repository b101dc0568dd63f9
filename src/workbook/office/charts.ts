import { ChartPlan, ChartIcon, ChartSeriesRole, SheetPlan, a1, rangeRef, columnPoints, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, ICON_NAME } from "../../core";

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
  // Scaled to the data and limits, not from zero (ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-minimum-member).
  if (c.valueAxis) {
    chart.axes.valueAxis.minimum = c.valueAxis.min;
    chart.axes.valueAxis.maximum = c.valueAxis.max;
  }
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

/** Where a cell's top-left corner is on the sheet, in points, from the plan's widths and heights (a shape is placed in points). */
function cellPoint(plan: SheetPlan, row: number, col: number): { left: number; top: number } {
  let left = 0;
  for (let c = 0; c < col; c++) left += plan.hiddenColumns.includes(c) ? 0 : columnPoints(plan.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH);
  let top = 0;
  for (let r = 0; r < row; r++) top += plan.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  return { left, top };
}

/**
 * A Making Data Count icon as a small picture: a circle in the NHS colour with
 * its letter, its meaning as alternative text (shapes are ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.shapecollection#excel-excel-shapecollection-addgeometricshape-member(1)).
 */
function addIcon(ws: Excel.Worksheet, plan: SheetPlan, icon: ChartIcon, n: number): void {
  const at = cellPoint(plan, icon.at.row, icon.at.col);
  const s = ws.shapes.addGeometricShape("Ellipse");
  s.name = `${ICON_NAME} ${icon.kind} ${n}`;
  s.altTextDescription = icon.label;
  s.left = at.left + 3;
  s.top = at.top + 3;
  s.width = 28.8;
  s.height = 28.8;
  s.fill.setSolidColor(icon.fill);
  s.lineFormat.color = "#FFFFFF";
  s.lineFormat.weight = 0.75;
  s.textFrame.horizontalAlignment = "Center";
  s.textFrame.verticalAlignment = "Middle";
  s.textFrame.textRange.text = icon.letter;
  s.textFrame.textRange.font.color = "#FFFFFF";
  s.textFrame.textRange.font.bold = true;
  s.textFrame.textRange.font.size = 14;
}

/** No syncs here: the caller's batch carries these calls with the rest of the sheet. */
export function addCharts(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (!plan.charts?.length) return;
  for (const c of plan.charts) addChart(ws, c);
  let n = 0;
  for (const c of plan.charts) for (const icon of c.icons ?? []) addIcon(ws, plan, icon, ++n);
}
