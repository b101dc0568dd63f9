import { CellValue, SheetGrid, parseRange, rangeRef, isDateFormat, isPlainFormat, serialToDate } from "../../core";
import { Batch } from "./batch";
import { Block, readInBlocks, readJobs } from "./read-blocks";
import { addressAreas } from "./owned-rules";

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

/**
 * Response bytes a cell is expected to cost: a value and its type, JSON-
 * encoded, rarely pass 40; a number format ("General", "0.0%") is usually
 * under 12, and 24 leaves room for long currency formats. Text-heavy sheets
 * cost more, and a read Excel refuses as too large is sent again in smaller
 * blocks (read-blocks.ts), so these only set the first block size.
 */
const VALUE_BYTES = 40;
const FORMAT_BYTES = 24;
/**
 * Merged areas are asked for by blocks of this many rows: Excel gives at
 * most 512 merged areas for one range (Range.getMergedAreasOrNullObject),
 * and a block this size passes that only with four merges a row.
 */
const MERGE_ROWS = 128;

/** What the host can give beyond the manifest's minimum (ExcelApi 1.9). */
export interface ReadSupport {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
}

type Sheet = { name: string; visibility: SheetGrid["visibility"] };

/**
 * Read sheets as grids, as the file reader gives them: one sync for the
 * used ranges and tables of every sheet and the workbook's date system (and
 * one more where a used range is very wide, to find its blocks of columns
 * with values); then values, value types, visible rows and merged areas in
 * blocks sized to the request budget; then the number formats of the cells
 * holding numbers — a number formatted as a date is a date, as in the file.
 * The number of syncs follows the data's size in megabytes, not its number
 * of rows or the sheet's width.
 */
export async function readSheetGrids(ctx: Excel.RequestContext, batch: Batch, sheets: Sheet[], support: ReadSupport): Promise<SheetGrid[]> {
  const meta = sheets.map((s) => {
    const ws = ctx.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowCount,columnCount,rowIndex,columnIndex");
    const tables = ws.tables.load("items/name");
    return { s, ws, used, tables };
  });
  // Excel gives dates as serial numbers counted from 1900 or, in a workbook set to the 1904 date system, from 1904;
  // DATE(1904,1,1) is 0 in the latter. (Workbook.use1904DateSystem is not in a released requirement set.)
  const epoch = ctx.workbook.functions.date(1904, 1, 1).load("value");
  await batch.sync();
  const date1904 = epoch.value === 0;

  // A used range far wider than any list (a note in column XFD) is read by the blocks of columns that hold values.
  const wideBlocks = meta.map((m) => (!m.used.isNullObject && m.used.columnCount > WIDE ? usedBlocks(m.ws, m.used) : null));
  if (wideBlocks.some(Boolean)) await batch.sync();

  const valueBlocks: Block[] = [];
  for (const [i, m] of meta.entries()) {
    if (m.used.isNullObject) continue;
    const wide = wideBlocks[i];
    if (wide) {
      for (const b of wide) if (!b.isNullObject) valueBlocks.push({ sheet: i, top: b.rowIndex, left: b.columnIndex, rows: b.rowCount, cols: b.columnCount });
    } else {
      // Columns from A so grid columns match sheet columns.
      valueBlocks.push({ sheet: i, top: m.used.rowIndex, left: 0, rows: m.used.rowCount, cols: m.used.columnIndex + m.used.columnCount });
    }
  }
  let tableRanges: { name: string; range: Excel.Range }[][] = [];
  let visibility: { sheet: number; top: number; rows: number; visible: Excel.RangeAreas }[] = [];
  // The tables' ranges and each sheet's visible rows go with the first request of values.
  const alongside = () => {
    tableRanges = meta.map((m) => m.tables.items.map((t) => ({ name: t.name, range: t.getRange().load("address") })));
    visibility = meta.flatMap((m, sheet) => {
      if (m.used.isNullObject) return [];
      // Visible cells of one column as an address list (ExcelApi 1.9); hidden rows are the rest.
      const column = m.ws.getRangeByIndexes(m.used.rowIndex, m.used.columnIndex, m.used.rowCount, 1);
      return [{ sheet, top: m.used.rowIndex, rows: m.used.rowCount, visible: column.getSpecialCellsOrNullObject("Visible").load("address") }];
    });
  };
  const cells = (b: Block) => meta[b.sheet].ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols);
  // Merged areas (ExcelApi 1.13) over each sheet's grid, from A1, in the same requests as the values.
  const mergeBlocks = support.mergedAreas
    ? meta.flatMap((m, sheet) => (m.used.isNullObject ? [] : rowBlocks({ sheet, top: 0, left: 0, rows: m.used.rowIndex + m.used.rowCount, cols: m.used.columnIndex + m.used.columnCount }, MERGE_ROWS)))
    : [];
  const [values, merged] = await readJobs(batch, [
    { blocks: valueBlocks, bytesPerCell: VALUE_BYTES, load: (b) => cells(b).load("values,valueTypes") },
    { blocks: mergeBlocks, bytesPerCell: 0, load: (b) => cells(b).getMergedAreasOrNullObject().load("address"), splitOnAnyError: true },
  ], alongside) as [{ block: Block; result: Excel.Range }[], { block: Block; result: Excel.RangeAreas }[]];

  const grids: SheetGrid[] = meta.map((m, i) => ({
    name: m.s.name,
    rows: [],
    hiddenRows: [],
    merges: [],
    tables: tableRanges[i].map((t) => ({ name: t.name, ref: t.range.address.split("!").pop() as string })).filter((t) => parseRange(t.ref)),
    visibility: m.s.visibility,
  }));
  for (const { block, result } of values) placeValues(grids[block.sheet], block, result.values, result.valueTypes);
  for (const v of visibility) {
    const shown = visibleRows(v.visible.isNullObject ? "" : v.visible.address);
    for (let r = v.top; r < v.top + v.rows; r++) if (!shown.has(r)) grids[v.sheet].hiddenRows!.push(r);
  }
  for (const g of grids) for (let r = 0; r < g.rows.length; r++) if (!g.rows[r]) g.rows[r] = [];

  // The number formats of the cells holding numbers: a number formatted as a date is a date.
  const formats = await readInBlocks(batch, numberBlocks(grids), FORMAT_BYTES, (b) => cells(b).load("numberFormat"));
  for (const { block, result } of formats) applyFormats(grids[block.sheet], block, result.numberFormat, date1904);
  const seen = grids.map(() => new Set<string>());
  for (const { block, result } of merged) {
    if (result.isNullObject) continue;
    for (const a of addressAreas(result.address)) {
      const ref = rangeRef(a.top, a.left, a.bottom, a.right);
      // An area reaching over two blocks is listed by both.
      if (seen[block.sheet].has(ref)) continue;
      seen[block.sheet].add(ref);
      grids[block.sheet].merges!.push(ref);
    }
  }
  return grids;
}

/** A block's values into its grid; a block from column A makes whole rows, blocks of a wide sheet fill in theirs. */
function placeValues(g: SheetGrid, l: Block, values: unknown[][], types: string[][]): void {
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

/** Blocks of `rows` rows or fewer. */
function rowBlocks(b: Block, rows: number): Block[] {
  const out: Block[] = [];
  if (b.cols === 0) return out;
  for (let top = b.top; top < b.top + b.rows; top += rows) out.push({ ...b, top, rows: Math.min(rows, b.top + b.rows - top) });
  return out;
}

/**
 * The rectangles whose number formats are needed: for each run of
 * neighbouring columns holding numbers, from the first to the last row with
 * a number in them. Text columns are not asked for.
 */
export function numberBlocks(grids: SheetGrid[]): Block[] {
  const out: Block[] = [];
  grids.forEach((g, sheet) => {
    const spans: { top: number; bottom: number }[] = [];
    g.rows.forEach((row, r) => row.forEach((v, c) => {
      if (typeof v !== "number") return;
      const s = spans[c];
      if (s) s.bottom = r;
      else spans[c] = { top: r, bottom: r };
    }));
    for (let c = 0; c < spans.length; c++) {
      if (!spans[c]) continue;
      let right = c;
      let top = spans[c].top;
      let bottom = spans[c].bottom;
      while (spans[right + 1]) {
        right++;
        top = Math.min(top, spans[right].top);
        bottom = Math.max(bottom, spans[right].bottom);
      }
      out.push({ sheet, top, left: c, rows: bottom - top + 1, cols: right - c + 1 });
      c = right;
    }
  });
  return out;
}

/**
 * What each number's format says, by the file reader's rule: a date format
 * makes it a date (one beyond Excel's dates stays a number), and any other
 * format that is not General is kept with it (percentages, decimals).
 */
function applyFormats(g: SheetGrid, b: Block, codes: string[][], date1904: boolean): void {
  for (let r = 0; r < b.rows; r++) {
    const row = g.rows[b.top + r];
    for (let c = 0; c < b.cols; c++) {
      const v = row?.[b.left + c];
      const code = codes[r]?.[c];
      if (typeof v !== "number" || typeof code !== "string") continue;
      if (isDateFormat(code)) {
        row[b.left + c] = serialToDate(v, date1904) ?? v;
      } else if (!isPlainFormat(code)) {
        ((g.formats ??= [])[b.top + r] ??= [])[b.left + c] = code;
      }
    }
  }
}

/** 0-based rows covered by an address list such as "Sheet1!A1:H10,Sheet1!A12:H30". */
export function visibleRows(addresses: string): Set<number> {
  const rows = new Set<number>();
  for (const a of addressAreas(addresses)) for (let i = a.top; i <= a.bottom; i++) rows.add(i);
  return rows;
}
