import { CellValue, SheetGrid, parseRange } from "../../core";
import { Batch, rowsPerChunk } from "./batch";

/** Values and their types as Office.js returns them. */
function toCellValue(v: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** A response budget per cell: a value and its type, JSON-encoded, rarely exceed this. */
const READ_BYTES_PER_CELL = 40;

/**
 * Read sheets as grids: one sync for the used ranges and tables of every
 * sheet, then values, value types and visible rows in chunks sized to the
 * request budget. The number of syncs follows the data's size in megabytes,
 * not its number of rows.
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
  const loads: { sheet: number; top: number; range: Excel.Range; visible: Excel.RangeAreas | null }[] = [];
  for (const [i, m] of meta.entries()) {
    if (m.used.isNullObject) continue;
    const top = m.used.rowIndex;
    const cols = m.used.columnCount;
    const step = rowsPerChunk(cols, READ_BYTES_PER_CELL);
    for (let r = 0; r < m.used.rowCount; r += step) {
      const rows = Math.min(step, m.used.rowCount - r);
      await batch.reserve(rows * cols * READ_BYTES_PER_CELL);
      // Columns from A so grid columns match sheet columns.
      const range = m.ws.getRangeByIndexes(top + r, 0, rows, m.used.columnIndex + cols).load("values,valueTypes");
      // Visible cells as one address list (ExcelApi 1.9); hidden rows are the rest.
      const visible = canFindHiddenRows ? range.getSpecialCellsOrNullObject("Visible").load("address") : null;
      loads.push({ sheet: i, top: top + r, range, visible });
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
    for (let r = 0; r < values.length; r++) g.rows[l.top + r] = values[r].map((v, c) => toCellValue(v, types[r][c]));
    if (l.visible) {
      const shown = visibleRows(l.visible.isNullObject ? "" : l.visible.address);
      for (let r = 0; r < values.length; r++) if (!shown.has(l.top + r)) g.hiddenRows!.push(l.top + r);
    }
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
