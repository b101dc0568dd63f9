/** The grids ExcelJS gives for a workbook: the reference the streaming reader is compared with. */
import type { Worksheet, CellValue as XlsxValue } from "exceljs";
import { CellValue, SheetGrid, isDateFormat, isPlainFormat } from "../../src/core";

/** One ExcelJS value as the core's plain value: formulas by their result, rich text as text. */
export function toCellValue(v: XlsxValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: XlsxValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
    if ("text" in v && "hyperlink" in v) return toCellValue((v as { text: XlsxValue }).text);
  }
  return null;
}

/**
 * A worksheet as a grid of plain values from A1, with its hidden rows, merges
 * and tables. ExcelJS repeats a merged range's value in every cell of it;
 * Excel (and so the Office host) gives it only in the top-left cell, which is
 * what is kept here, and a row ends at its last value.
 */
export function readGrid(ws: Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const formats: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as XlsxValue[]; // 1-based and sparse
    const out: CellValue[] = [];
    for (let c = 1; c < values.length; c++) {
      const cell = row.getCell(c);
      out[c - 1] = cell.isMerged && cell.master.address !== cell.address ? null : toCellValue(values[c]);
      const fmt = cell.numFmt;
      if (typeof out[c - 1] === "number" && !isPlainFormat(fmt) && !isDateFormat(fmt)) (formats[rowNumber - 1] ??= [])[c - 1] = fmt;
    }
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    while (out.length && out[out.length - 1] === null) out.pop();
    rows[rowNumber - 1] = out;
    if (row.hidden && out.length) hiddenRows.push(rowNumber - 1);
  });
  while (rows.length && !rows[rows.length - 1]?.length) rows.pop();
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const tables = Object.values((ws as unknown as { tables: Record<string, { name: string; table?: { tableRef?: string; ref?: string; name?: string } }> }).tables ?? {})
    .map((t) => ({ name: t.table?.name ?? t.name, ref: t.table?.tableRef ?? t.table?.ref ?? "" }))
    .filter((t) => t.ref.includes(":"));
  return {
    name: ws.name,
    rows,
    hiddenRows,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])],
    tables,
    visibility: ws.state,
    ...(formats.length ? { formats } : {}),
  };
}
