import type { Worksheet, Workbook, Style, ConditionalFormattingRule, Cell } from "exceljs";
import { SheetPlan, PlanValue, PlanStyle, CfStyle, ConditionalFormatPlan, DataValidationPlan, parseRange, a1 } from "../../core";

/** "#RRGGBB" as the opaque ARGB hex SpreadsheetML stores. */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** A plan value as ExcelJS stores it. Strings stay strings: ExcelJS never reads "=…" text as a formula. */
export function toXlsxValue(v: PlanValue): Cell["value"] {
  if (v === null || typeof v !== "object") return v;
  if ("formula" in v) return { formula: v.formula };
  if ("date" in v) {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return { text: v.text, hyperlink: v.link };
}

function toXlsxStyle(s: PlanStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (s.bold || s.italic || s.size || s.font) {
    out.font = { bold: s.bold, italic: s.italic, size: s.size, color: s.font ? { argb: argb(s.font) } : undefined };
  }
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.wrap || s.hAlign || s.vAlign) out.alignment = { wrapText: s.wrap, horizontal: s.hAlign, vertical: s.vAlign };
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.locked === false) out.protection = { locked: false };
  return out;
}

function mergeStyle(a: PlanStyle | undefined, b: PlanStyle): PlanStyle {
  return { ...(a ?? {}), ...b };
}

function cfStyle(s: CfStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(s.fill) } };
  if (s.font || s.bold) out.font = { color: s.font ? { argb: argb(s.font) } : undefined, bold: s.bold };
  return out;
}

export function toXlsxRule(cf: ConditionalFormatPlan): ConditionalFormattingRule {
  const r = cf.rule;
  switch (r.type) {
    case "expression":
      return { type: "expression", priority: cf.priority, formulae: [r.formula], style: cfStyle(r.style) };
    case "cellValue":
      return { type: "cellIs", priority: cf.priority, operator: r.operator, formulae: r.formulas, style: cfStyle(r.style) };
    case "iconSet":
      return { type: "iconSet", priority: cf.priority, iconSet: r.iconSet, showValue: r.showValue, cfvo: r.thresholds.map((value) => ({ type: "num", value })) };
    case "colorScale":
      return {
        type: "colorScale", priority: cf.priority,
        cfvo: r.colours.length === 2 ? [{ type: "min" }, { type: "max" }] : [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
        color: r.colours.map((c) => ({ argb: argb(c) })),
      };
  }
}

/** One addConditionalFormatting per range keeps rules for the same cells together. */
export function addRules(ws: Worksheet, rules: ConditionalFormatPlan[]): void {
  const byRef = new Map<string, ConditionalFormattingRule[]>();
  for (const cf of rules) byRef.set(cf.ref, [...(byRef.get(cf.ref) ?? []), toXlsxRule(cf)]);
  for (const [ref, list] of byRef) ws.addConditionalFormatting({ ref, rules: list });
}

function addValidation(ws: Worksheet, v: DataValidationPlan): void {
  const range = parseRange(v.ref);
  if (!range) return;
  const base = {
    allowBlank: v.allowBlank,
    showInputMessage: !!v.prompt,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.text,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error?.title,
    error: v.error?.text,
  };
  const rule = v.type === "list"
    ? { ...base, type: "list" as const, formulae: [`"${(v.values ?? []).join(",")}"`] }
    : { ...base, type: v.type, operator: "between" as const, formulae: [v.min ?? 0, v.max ?? 2_958_465] };
  // ExcelJS keeps validations per cell; its writer merges identical neighbours into one range.
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) ws.getCell(a1(r, c)).dataValidation = rule;
}

/** Render a plan into a new worksheet. */
export function writePlan(wb: Workbook, plan: SheetPlan): Worksheet {
  const ws = wb.addWorksheet(plan.name);
  plan.cells.forEach((row, r) => {
    if (!row.length) return;
    const xrow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) xrow.getCell(c + 1).value = toXlsxValue(v);
    });
  });
  // Styles overlap (body border + number format): combine per cell, then set each cell once.
  const styled = new Map<string, PlanStyle>();
  for (const region of plan.styles) {
    const range = parseRange(region.ref);
    if (!range) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const key = a1(r, c);
        styled.set(key, mergeStyle(styled.get(key), region.style));
      }
    }
  }
  for (const [ref, style] of styled) ws.getCell(ref).style = toXlsxStyle(style);
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [r, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  for (const c of plan.hiddenColumns) ws.getColumn(c + 1).hidden = true;
  if (plan.freeze) ws.views = [{ state: "frozen", ySplit: plan.freeze.rows, xSplit: plan.freeze.columns }];
  addRules(ws, plan.conditionalFormats);
  for (const v of plan.validations) addValidation(ws, v);
  if (plan.print) {
    const t = plan.print.titleRows;
    ws.pageSetup = {
      orientation: plan.print.landscape ? "landscape" : "portrait", fitToPage: plan.print.fitToWidth, fitToWidth: 1, fitToHeight: 0, paperSize: 9,
      ...(t ? { printTitlesRow: `${t.first + 1}:${t.last + 1}` } : {}),
    };
  }
  if (plan.protection) {
    void ws.protect(plan.protection.password, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  if (plan.tabColour) ws.properties.tabColor = { argb: argb(plan.tabColour) };
  return ws;
}
