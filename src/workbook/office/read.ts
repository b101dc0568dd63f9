import { CellValue, SheetGrid, parseRange } from "../../core";
import { Batch, rowsPerChunk } from "./batch";

/** Values and their types as Office.js returns them. */
function toCellValue(v: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Used ranges wider than this many columns are read by blocks of BLOCK columns, only where they hold values. */
const WIDE = 256;
const BLOCK = 64;

/**
 * The part of each block of columns that holds values (null objects where
 * none), loaded in the next sync: a sheet with a list in A:D and a note in
 * XFD reads 5 columns, not 16,384.
 */
function usedBlocks(ws: Excel.Worksheet, used: Excel.Range): Excel.Range[] {
  const out: Excel.Range[] = [];
  const end = used.columnIndex + used.columnCount;
  for (let left = used.columnIndex; left < end; left += BLOCK) {
    const block = ws.getRangeByIndexes(used.rowIndex, left, used.rowCount, Math.min(BLOCK, end - left));
    out.push(block.getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex,columnCount"));
  }
  return out;
}

/** A response budget per cell: a value and its type, JSON-encoded, rarely exceed this. */
const READ_BYTES_PER_CELL = 40;

/**
 * Read sheets as grids: one sync for the used ranges and tables of every
 * sheet (and one more where a used range is very wide, to find its blocks
 * of columns with values), then values, value types and visible rows in
 * chunks sized to the request budget. The number of syncs follows the
 * data's size in megabytes, not its number of rows or the sheet's width.
 */
export async function readSheetGrids(
  ctx: Excel.RequestContext, batch: Batch, sheets: { name: string; visibility: SheetGrid["visibility"] }[], canFindHiddenRows: boolean,
): Promise<SheetGrid[]> {
  const meta = sheets.map((s) => {
    const ws = ctx.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowCount,columnCount,rowIndex,columnIndex");
    const tables = ws.tables.load("items/name");
    return { s, ws, used, tables };
  });
  await batch.sync();

  const tableRanges = meta.map((m) => m.tables.items.map((t) => ({ name: t.name, range: t.getRange().load("address") })));
  // A used range far wider than any list (a note in column XFD) is read by the blocks of columns that hold values.
  const blocks = meta.map((m) => (!m.used.isNullObject && m.used.columnCount > WIDE ? usedBlocks(m.ws, m.used) : null));
  if (blocks.some(Boolean)) await batch.sync();

  const loads: { sheet: number; top: number; left: number; range: Excel.Range }[] = [];
  const visibility: { sheet: number; top: number; rows: number; visible: Excel.RangeAreas }[] = [];
  const read = async (sheet: number, ws: Excel.Worksheet, top: number, rowCount: number, left: number, cols: number) => {
    const step = rowsPerChunk(cols, READ_BYTES_PER_CELL);
    for (let r = 0; r < rowCount; r += step) {
      const rows = Math.min(step, rowCount - r);
      await batch.reserve(rows * cols * READ_BYTES_PER_CELL);
      loads.push({ sheet, top: top + r, left, range: ws.getRangeByIndexes(top + r, left, rows, cols).load("values,valueTypes") });
    }
  };
  for (const [i, m] of meta.entries()) {
    if (m.used.isNullObject) continue;
    const top = m.used.rowIndex;
    const wide = blocks[i];
    if (wide) {
      for (const b of wide) if (!b.isNullObject) await read(i, m.ws, b.rowIndex, b.rowCount, b.columnIndex, b.columnCount);
    } else {
      // Columns from A so grid columns match sheet columns.
      await read(i, m.ws, top, m.used.rowCount, 0, m.used.columnIndex + m.used.columnCount);
    }
    if (canFindHiddenRows) {
      // Visible cells of one column as an address list (ExcelApi 1.9); hidden rows are the rest.
      const column = m.ws.getRangeByIndexes(top, m.used.columnIndex, m.used.rowCount, 1);
      visibility.push({ sheet: i, top, rows: m.used.rowCount, visible: column.getSpecialCellsOrNullObject("Visible").load("address") });
    }
  }
  await batch.sync();

  const grids: SheetGrid[] = meta.map((m, i) => ({
    name: m.s.name,
    rows: [],
    hiddenRows: [],
    merges: [],
    tables: tableRanges[i].map((t) => ({ name: t.name, ref: t.range.address.split("!").pop() as string })).filter((t) => parseRange(t.ref)),
    visibility: m.s.visibility,
  }));
  for (const l of loads) {
    const g = grids[l.sheet];
    const values = l.range.values;
    const types = l.range.valueTypes;
    for (let r = 0; r < values.length; r++) {
      if (l.left === 0 && !g.rows[l.top + r]) {
        g.rows[l.top + r] = values[r].map((v, c) => toCellValue(v, types[r][c]));
        continue;
      }
      const row = (g.rows[l.top + r] ??= []);
      for (let c = 0; c < values[r].length; c++) {
        const v = toCellValue(values[r][c], types[r][c]);
        if (v !== null) row[l.left + c] = v;
      }
    }
  }
  for (const v of visibility) {
    const shown = visibleRows(v.visible.isNullObject ? "" : v.visible.address);
    for (let r = v.top; r < v.top + v.rows; r++) if (!shown.has(r)) grids[v.sheet].hiddenRows!.push(r);
  }
  for (const g of grids) for (let r = 0; r < g.rows.length; r++) if (!g.rows[r]) g.rows[r] = [];
  return grids;
}

/** 0-based rows covered by an address list such as "Sheet1!A1:H10,Sheet1!A12:H30". */
export function visibleRows(addresses: string): Set<number> {
  const rows = new Set<number>();
  // Match each "!A1:H10" rather than splitting on commas, which sheet names may contain.
  for (const m of addresses.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g)) {
    const r = parseRange(m[1]);
    if (r) for (let i = r.top; i <= r.bottom; i++) rows.add(i);
  }
  return rows;
}
