/**
 * The same workbook in both hosts, and both hosts' results in one shape, so
 * a test can say "the fake Excel and the .xlsx file hold the same thing".
 */
import ExcelJS from "exceljs";
import { FakeWorkbookState } from "./excel-state";
import { SheetGrid, toSerial, parseRange } from "../../src/core";

/** A grid value as Excel holds it: dates are serial numbers, errors are error cells. */
function excelValue(v: SheetGrid["rows"][number][number]): { value: string | number | boolean | null; error?: string } {
  if (v instanceof Date) return { value: toSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }) };
  if (v && typeof v === "object" && "error" in v) return { value: null, error: v.error };
  return { value: (v as string | number | boolean | null) ?? null };
}

export function fakeFromGrids(grids: SheetGrid[]): FakeWorkbookState {
  const state = new FakeWorkbookState();
  for (const g of grids) {
    const s = state.addSheet(g.name, g.visibility === "veryHidden" ? "VeryHidden" : g.visibility === "hidden" ? "Hidden" : "Visible");
    g.rows.forEach((row, r) => row.forEach((v, c) => {
      const x = excelValue(v);
      if (x.value === null && !x.error) return;
      const cell = s.cell(r, c);
      cell.value = x.value;
      cell.error = x.error;
    }));
    for (const r of g.hiddenRows ?? []) s.hiddenRows.add(r);
    s.tables = (g.tables ?? []).map((t) => ({ ...t }));
  }
  return state;
}

export interface Normalised {
  values: unknown[][];
  /** "row,col" → fill, bold and number format, for every cell that has any. */
  formats: Record<string, { fill?: string; bold?: boolean; numberFormat?: string }>;
  rules: { ref: string; formula: string }[];
  visibility: string;
  links: Record<string, string>;
}

const norm = (v: unknown): unknown => (v === "" || v === undefined ? null : v);

function trimGrid(rows: unknown[][]): unknown[][] {
  const out = Array.from(rows, (r) => {
    const row = Array.from(r ?? [], norm);
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

export function normaliseFake(state: FakeWorkbookState, sheet: string): Normalised {
  const s = state.sheet(sheet)!;
  const links: Record<string, string> = {};
  for (const [key, cell] of s.cells) {
    if (!cell.hyperlink) continue;
    const [r, c] = key.split(",").map(Number);
    links[`${r},${c}`] = cell.hyperlink.documentReference ?? "";
  }
  const formats: Normalised["formats"] = {};
  for (const [key, cell] of s.cells) {
    // A number format on text shows nothing; text that must stay text is "@" in Excel and General in the file.
    const f = { fill: cell.format.fill?.toUpperCase(), bold: cell.format.bold || undefined, numberFormat: cell.numberFormat !== "General" && typeof cell.value !== "string" ? cell.numberFormat : undefined };
    if (f.fill || f.bold || f.numberFormat) formats[key] = JSON.parse(JSON.stringify(f));
  }
  return {
    values: trimGrid(s.values()),
    formats,
    rules: [...s.rules].sort((a, b) => a.priority - b.priority).map((r) => ({ ref: r.ref, formula: r.formula ? r.formula.replace(/^=/, "") : `${r.type}:${r.iconStyle ?? ""}` })),
    visibility: s.visibility,
    links,
  };
}

const ICONS: Record<string, string> = { "3Symbols": "ThreeSymbols", "3TrafficLights1": "ThreeTrafficLights1", "3Arrows": "ThreeArrows" };

/** `fileLinks`: the sheet's internal links by cell, read from the package (ExcelJS does not read them). */
export function normaliseXlsx(wb: ExcelJS.Workbook, sheet: string, fileLinks: Record<string, string> = {}): Normalised {
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  const links: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from(row.values as unknown[]).slice(1).map((v) => {
      if (v instanceof Date) return toSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
      if (v && typeof v === "object" && "hyperlink" in v) return (v as unknown as { text: string }).text;
      return v ?? null;
    });
  });
  for (const [ref, target] of Object.entries(fileLinks)) {
    const r = parseRange(ref)!;
    links[`${r.top},${r.left}`] = target;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const formats: Normalised["formats"] = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => row.eachCell({ includeEmpty: true }, (c, col) => {
    const fill = (c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    const f = { fill: fill ? `#${fill.slice(2).toUpperCase()}` : undefined, bold: c.font?.bold || undefined, numberFormat: c.numFmt && c.numFmt !== "General" && typeof c.value !== "string" ? c.numFmt : undefined };
    if (f.fill || f.bold || f.numberFormat) formats[`${n - 1},${col - 1}`] = JSON.parse(JSON.stringify(f));
  }));
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; priority: number; formulae?: string[]; iconSet?: string }[] }[] }).conditionalFormattings;
  const rules = cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: normaliseRef(cf.ref), priority: r.priority, formula: r.type === "expression" ? r.formulae![0] : `${r.type === "iconSet" ? "IconSet" : r.type}:${ICONS[r.iconSet ?? ""] ?? ""}` })))
    .sort((a, b) => a.priority - b.priority)
    .map(({ ref, formula }) => ({ ref, formula }));
  return { values: trimGrid(rows), formats, rules, visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible", links };
}

function normaliseRef(ref: string): string {
  const r = parseRange(ref)!;
  return r.top === r.bottom && r.left === r.right ? ref : ref;
}
