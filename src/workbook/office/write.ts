import { SheetPlan, PlanValue, PlanStyle, ConditionalFormatPlan, DataValidationPlan, parseRange, rangeRef, toSerial, a1, columnLetter } from "../../core";
import { Batch, jsonSize, rowsPerChunk } from "./batch";
import { addCharts } from "./charts";

/** Text that Excel would take for a formula if written as a value. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/** A plan value as Office.js writes it: dates as serial numbers, links as their text. */
export function officeValue(v: PlanValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return v;
  if ("formula" in v) return `=${v.formula}`;
  if ("date" in v) {
    const [year, month, day] = v.date.split("-").map(Number);
    return toSerial({ year, month, day });
  }
  return v.text;
}

/** Number format per cell: the plan's, or "@" (Text) so formula-like text stays text. */
function numberFormats(plan: SheetPlan, rows: number, cols: number): string[][] {
  const nf = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const region of plan.styles) {
    if (!region.style.numberFormat) continue;
    const r = parseRange(region.ref);
    if (!r) continue;
    for (let i = r.top; i <= Math.min(r.bottom, rows - 1); i++) for (let j = r.left; j <= Math.min(r.right, cols - 1); j++) nf[i][j] = region.style.numberFormat;
  }
  plan.cells.forEach((row, i) => row.forEach((v, j) => {
    if (typeof v === "string" && looksLikeFormula(v)) nf[i][j] = "@";
  }));
  return nf;
}

// Enum values are written as their strings so this module loads without the Excel global.
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

function applyStyle(range: Excel.Range, s: PlanStyle): void {
  const f = range.format;
  if (s.fill) f.fill.color = s.fill;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.font) f.font.color = s.font;
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
    if (r.style.fill) c.custom.format.fill.color = r.style.fill;
    if (r.style.font) c.custom.format.font.color = r.style.font;
    if (r.style.bold) c.custom.format.font.bold = true;
    c.priority = cf.priority - 1;
  } else if (r.type === "cellValue") {
    const c = range.conditionalFormats.add("CellValue");
    const operator = { equal: "EqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", between: "Between" }[r.operator] as Excel.ConditionalCellValueOperator;
    c.cellValue.rule = { formula1: `=${r.formulas[0]}`, formula2: r.formulas[1] ? `=${r.formulas[1]}` : undefined, operator };
    if (r.style.fill) c.cellValue.format.fill.color = r.style.fill;
    if (r.style.font) c.cellValue.format.font.color = r.style.font;
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
    const [min, mid, max] = r.colours.length === 3 ? r.colours : [r.colours[0], undefined, r.colours[1]];
    c.colorScale.criteria = {
      minimum: { type: "LowestValue", formula: undefined, color: min },
      midpoint: mid ? { type: "Percentile", formula: "50", color: mid } : undefined,
      maximum: { type: "HighestValue", formula: undefined, color: max as string },
    };
    c.priority = cf.priority - 1;
  }
}

function addValidation(ws: Excel.Worksheet, v: DataValidationPlan): void {
  const dv = ws.getRange(v.ref).dataValidation;
  dv.ignoreBlanks = v.allowBlank;
  if (v.type === "list") dv.rule = { list: { inCellDropDown: true, source: (v.values ?? []).join(",") } };
  else {
    const basic = { formula1: String(v.min ?? 0), formula2: String(v.max ?? 2_958_465), operator: "Between" as const };
    dv.rule = v.type === "date" ? { date: basic } : v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
  }
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
}

/** Excel measures column width in points; a character of the default font is about 7 points. */
const POINTS_PER_CHAR = 7;

/**
 * Render a plan onto an (empty) worksheet: values and number formats in row
 * chunks sized to the request budget, then one call per style region, rule,
 * validation and link. Nothing here syncs except through the batch.
 */
export async function renderPlan(ws: Excel.Worksheet, plan: SheetPlan, batch: Batch, supports: { dataValidation: boolean; printTitles?: boolean }): Promise<void> {
  const rows = plan.cells.length;
  const cols = Math.max(1, ...plan.cells.map((r) => r.length));
  const formats = numberFormats(plan, rows, cols);
  const step = rowsPerChunk(cols, 24);
  for (let top = 0; top < rows; top += step) {
    const n = Math.min(step, rows - top);
    const values = plan.cells.slice(top, top + n).map((row) => Array.from({ length: cols }, (_, c) => officeValue(row[c] ?? null)));
    const nf = formats.slice(top, top + n);
    await batch.reserve(jsonSize(values) + jsonSize(nf));
    const range = ws.getRangeByIndexes(top, 0, n, cols);
    range.numberFormat = nf; // first, so "=…" text lands in Text-formatted cells
    range.values = values;
  }
  for (const region of plan.styles) {
    const { numberFormat: _nf, ...style } = region.style;
    if (Object.keys(style).length === 0) continue;
    await batch.reserve(200);
    applyStyle(ws.getRange(region.ref), style);
  }
  for (const [c, w] of plan.columnWidths.entries()) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
  for (const [r, h] of Object.entries(plan.rowHeights)) {
    await batch.reserve(80);
    ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  }
  for (const c of plan.hiddenColumns) ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true;
  if (plan.freeze) {
    if (plan.freeze.columns) ws.freezePanes.freezeAt(ws.getRange(rangeRef(0, 0, Math.max(0, plan.freeze.rows - 1), plan.freeze.columns - 1)));
    else ws.freezePanes.freezeRows(plan.freeze.rows);
  }
  for (const cf of plan.conditionalFormats) {
    await batch.reserve(400);
    addConditionalFormat(ws, cf);
  }
  if (supports.dataValidation) for (const v of plan.validations) addValidation(ws, v);
  for (const [r, row] of plan.cells.entries()) {
    for (const [c, v] of row.entries()) {
      if (!v || typeof v !== "object" || !("link" in v)) continue;
      await batch.reserve(200);
      ws.getRange(a1(r, c)).hyperlink = { documentReference: v.link.replace(/^#/, ""), textToDisplay: v.text };
    }
  }
  // Print titles need ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1)).
  const titles = plan.print?.titleRows;
  // (The in-memory fake Excel does not model pageLayout yet; real Excel always has it.)
  if (titles && supports.printTitles && ws.pageLayout) ws.pageLayout.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
  await batch.reserve(600 * (plan.charts?.length ?? 0));
  addCharts(ws, plan);
  if (plan.tabColour) ws.tabColor = plan.tabColour;
  if (plan.protection) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, plan.protection.password || undefined);
}
