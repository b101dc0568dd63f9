import { SheetPlan, PlanStyle, ConditionalFormatPlan, parseRange, rangeRef, a1, columnLetter, columnPoints } from "../../core";
import { Batch, CALL_BYTES, jsonSize } from "./batch";
import { officeValue, needsTextFormat, officeColour } from "./values";
import { addValidation } from "./validation";
import { addCharts } from "./charts";

/** Number format per cell: the plan's, or "@" (Text) for text Excel would otherwise parse. */
function numberFormats(plan: SheetPlan, rows: number, cols: number): string[][] {
  const nf = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const region of plan.styles) {
    if (!region.style.numberFormat) continue;
    const r = parseRange(region.ref);
    if (!r) continue;
    for (let i = r.top; i <= Math.min(r.bottom, rows - 1); i++) for (let j = r.left; j <= Math.min(r.right, cols - 1); j++) nf[i][j] = region.style.numberFormat;
  }
  plan.cells.forEach((row, i) => row.forEach((v, j) => {
    if (typeof v === "string" && needsTextFormat(v)) nf[i][j] = "@";
  }));
  return nf;
}

// Enum values are written as their strings so this module loads without the Excel global.
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

/** A colour Excel accepts; plans carry only valid ones, so anything else is a bug to surface, not to guess at. */
export function colour(c: string): string {
  const ok = officeColour(c);
  if (!ok) throw new Error(`'${c}' is not a colour Excel accepts (#RRGGBB or a colour name)`);
  return ok;
}

/** The calls a style makes, for the request budget. */
function styleCalls(s: PlanStyle): number {
  return Object.keys(s).length + (s.border ? EDGES.length * 2 : 0);
}

function applyStyle(range: Excel.Range, s: PlanStyle): void {
  const f = range.format;
  if (s.fill) f.fill.color = colour(s.fill);
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.font) f.font.color = colour(s.font);
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign) f.horizontalAlignment = s.hAlign === "center" ? "Center" : s.hAlign === "right" ? "Right" : "Left";
  if (s.vAlign) f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom";
  if (s.locked === false) f.protection.locked = false;
  if (s.border) {
    for (const edge of EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#808080";
    }
  }
}

const ICON_STYLES: Record<string, Excel.IconSet | `${Excel.IconSet}`> = {
  "3Symbols": "ThreeSymbols",
  "3TrafficLights1": "ThreeTrafficLights1",
  "3Arrows": "ThreeArrows",
  "4TrafficLights": "FourTrafficLights",
};

/** One native rule on one data-body range, with its priority set explicitly (each add goes to the top). */
export function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const range = ws.getRange(cf.ref);
  const r = cf.rule;
  if (r.type === "expression") {
    const c = range.conditionalFormats.add("Custom");
    c.custom.rule.formula = `=${r.formula}`;
    if (r.style.fill) c.custom.format.fill.color = colour(r.style.fill);
    if (r.style.font) c.custom.format.font.color = colour(r.style.font);
    if (r.style.bold) c.custom.format.font.bold = true;
    c.priority = cf.priority - 1;
  } else if (r.type === "cellValue") {
    const c = range.conditionalFormats.add("CellValue");
    const operator = { equal: "EqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", between: "Between" }[r.operator] as Excel.ConditionalCellValueOperator;
    c.cellValue.rule = { formula1: `=${r.formulas[0]}`, formula2: r.formulas[1] ? `=${r.formulas[1]}` : undefined, operator };
    if (r.style.fill) c.cellValue.format.fill.color = colour(r.style.fill);
    if (r.style.font) c.cellValue.format.font.color = colour(r.style.font);
    c.priority = cf.priority - 1;
  } else if (r.type === "iconSet") {
    const c = range.conditionalFormats.add("IconSet");
    c.iconSet.style = ICON_STYLES[r.iconSet];
    c.iconSet.showIconOnly = !r.showValue;
    // The first criterion is implicit (everything below the second); Excel wants it empty.
    c.iconSet.criteria = r.thresholds.map((t, i) => (i === 0 ? ({} as Excel.ConditionalIconCriterion) : {
      type: "Number", operator: "GreaterThanOrEqual", formula: `=${t}`,
    } as Excel.ConditionalIconCriterion));
    c.priority = cf.priority - 1;
  } else {
    const c = range.conditionalFormats.add("ColorScale");
    const [min, mid, max] = (r.colours.length === 3 ? r.colours : [r.colours[0], undefined, r.colours[1]]).map((x) => (x ? colour(x) : undefined));
    c.colorScale.criteria = {
      minimum: { type: "LowestValue", formula: undefined, color: min },
      midpoint: mid ? { type: "Percentile", formula: "50", color: mid } : undefined,
      maximum: { type: "HighestValue", formula: undefined, color: max as string },
    };
    c.priority = cf.priority - 1;
  }
}

/**
 * Excel measures column width in points; the plan's widths are in characters
 * of the default font (the core's columnPoints converts), so the same plan
 * looks the same in both hosts.
 */
export { columnPoints };

/** The cells a plan drew, with any helper columns it added to the right (list sources). */
export interface Drawn {
  rows: number;
  cols: number;
  helperColumns: number[];
}

/**
 * Draw a plan's content onto an empty worksheet: values and number formats
 * in row chunks sized by their serialised size, then one call per style
 * region, rule, validation and link. Nothing here syncs except through the
 * batch, which sends a request whenever the next piece would not fit.
 */
export async function renderContent(ws: Excel.Worksheet, plan: SheetPlan, batch: Batch): Promise<Drawn> {
  const rows = plan.cells.length;
  const cols = Math.max(1, ...plan.cells.map((r) => r.length));
  const formats = numberFormats(plan, rows, cols);
  const values = plan.cells.map((row) => Array.from({ length: cols }, (_, c) => officeValue(row[c] ?? null)));
  // Each chunk holds as many whole rows as fit half a request; the rest of the budget is for calls.
  for (let top = 0; top < rows;) {
    let n = 0;
    let bytes = 0;
    while (top + n < rows) {
      const row = jsonSize(values[top + n]) + jsonSize(formats[top + n]);
      if (n > 0 && bytes + row > batch.budget / 2) break;
      bytes += row;
      n++;
    }
    await batch.reserve(bytes + CALL_BYTES * 3);
    const range = ws.getRangeByIndexes(top, 0, n, cols);
    range.numberFormat = formats.slice(top, top + n); // first, so text lands in Text-formatted cells
    range.values = values.slice(top, top + n);
    top += n;
  }
  for (const region of plan.styles) {
    const { numberFormat: _nf, ...style } = region.style;
    if (Object.keys(style).length === 0) continue;
    await batch.reserve(CALL_BYTES * (1 + styleCalls(style)));
    applyStyle(ws.getRange(region.ref), style);
  }
  for (const cf of plan.conditionalFormats) {
    await batch.reserve(CALL_BYTES * 8 + jsonSize(cf));
    addConditionalFormat(ws, cf);
  }
  const helperColumns: number[] = [];
  for (const v of plan.validations) {
    await batch.reserve(CALL_BYTES * 6 + jsonSize(v) * 2);
    const helper = addValidation(ws, v, cols + 1 + helperColumns.length);
    if (helper !== null) helperColumns.push(helper);
  }
  for (const [r, row] of plan.cells.entries()) {
    for (const [c, v] of row.entries()) {
      if (!v || typeof v !== "object" || !("link" in v)) continue;
      await batch.reserve(CALL_BYTES * 2 + jsonSize(v));
      ws.getRange(a1(r, c)).hyperlink = { documentReference: v.link.replace(/^#/, ""), textToDisplay: v.text };
    }
  }
  return { rows, cols: helperColumns.length ? Math.max(...helperColumns) + 1 : cols, helperColumns };
}

/** What belongs to the sheet rather than its cells: widths, heights, hidden columns, panes, charts, tab colour (printing and protection come last: setPrintLayout, protect). */
export async function renderLayout(ws: Excel.Worksheet, plan: SheetPlan, batch: Batch, drawn: Drawn): Promise<void> {
  await batch.reserve(CALL_BYTES * (plan.columnWidths.length + plan.hiddenColumns.length + drawn.helperColumns.length + 4));
  for (const [c, w] of plan.columnWidths.entries()) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnPoints(w);
  for (const [r, h] of Object.entries(plan.rowHeights)) {
    await batch.reserve(CALL_BYTES * 2);
    ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  }
  for (const c of [...plan.hiddenColumns, ...drawn.helperColumns]) ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true;
  if (plan.freeze) {
    if (plan.freeze.columns) ws.freezePanes.freezeAt(ws.getRange(rangeRef(0, 0, Math.max(0, plan.freeze.rows - 1), plan.freeze.columns - 1)));
    else ws.freezePanes.freezeRows(plan.freeze.rows);
  }
  // Page breaks before tables and charts that would be split: "adds a page break before the top-left cell of the range" (ExcelApi 1.9,
  // https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1)).
  const breaks = plan.print?.rowBreaks ?? [];
  if (breaks.length) {
    await batch.reserve(CALL_BYTES * breaks.length);
    for (const r of breaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
  }
  // Charts belong to the sheet, not its cells (copying cells does not carry them), so they are drawn here.
  await batch.reserve(CALL_BYTES * (12 * (plan.charts?.length ?? 0) + 14 * (plan.charts ?? []).reduce((n, c) => n + (c.icons?.length ?? 0), 0)));
  addCharts(ws, plan);
  if (plan.tabColour) ws.tabColor = colour(plan.tabColour);
}

/** The plan's sheet protection: the last thing drawn, so nothing before it is refused. */
export function protect(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (plan.protection) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, plan.protection.password || undefined);
}

/**
 * The plan's print settings, as the file gets them: A4, landscape or
 * portrait, the header row repeated on every page, and (with `fit`) one page
 * across and as many down as it takes (PageLayout, ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 */
export function setPrintLayout(ws: Excel.Worksheet, print: NonNullable<SheetPlan["print"]>, fit = print.fitToWidth): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  // A vertical count of 0 leaves the number of pages down to Excel, as fitToHeight="0" does in the file;
  // the reference does not say Excel takes 0, so the caller retries without it if refused.
  if (fit) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
}

/**
 * Empty a sheet the add-in owns, keeping the sheet itself — its name, its
 * place among the tabs and every formula, name, chart and link that points
 * at it. clear("All") "clears everything in the range"; rules and
 * validation are also cleared by their own calls, so the sheet is empty
 * whatever "everything" covers on a given platform.
 */
export function clearSheet(ws: Excel.Worksheet, charts: Excel.Chart[] = [], shapes: Excel.Shape[] = []): void {
  // The add-in's own charts and icons on its own sheet, loaded by the caller.
  for (const c of charts) c.delete();
  for (const s of shapes) s.delete();
  const all = ws.getRange();
  all.clear("All");
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.columnHidden = false;
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
  // The old run's page breaks go with its rows, so a redraw's breaks are the new plan's only ("Resets all manual page breaks",
  // ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-removepagebreaks-member(1)).
  ws.horizontalPageBreaks.removePageBreaks();
}
