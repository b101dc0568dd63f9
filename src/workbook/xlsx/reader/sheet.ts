import { CellValue, SheetGrid } from "../../../core";
import { PackageReader } from "./package";
import { BookSheet, isTrue, unescapeText } from "./book-parts";
import { scanPart, attr, attrIn, MAIN_NS, REL_NS, Attrs, Resolve } from "./xml";
import { refuse } from "./refusal";

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface CellContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * Blank cells between two values are written as null up to this many; a
 * longer gap is left as a hole in the array, so a row with values in A and
 * XFD costs two cells, not 16,384. The same for blank rows.
 */
const GAP = 32;
const ROW_GAP = 1024;

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/** Excel's serial day number as a JS Date (UTC), as ExcelJS gives it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function place<T>(list: T[], at: number, value: T, filler: () => T, gap: number): void {
  if (at < list.length) list[at] = value;
  else if (at - list.length <= gap) {
    while (list.length < at) list.push(filler());
    list.push(value);
  } else list[at] = value;
}

/** "AB12" → its 0-based column, or -1 when it is not a cell reference. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 32; // letters in lower case; digits unchanged
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 || i > 3 || col > MAX_COLUMN ? -1 : col - 1;
}

function cellValue(t: string | undefined, v: string | null, inline: string | null, style: number, ctx: CellContext): CellValue {
  if (t === "inlineStr" || (inline !== null && v === null)) return inline === null ? null : unescapeText(inline);
  if (v === null) return null;
  switch (t) {
    case "s": {
      const s = ctx.strings[Number(v)];
      return s === undefined ? null : s;
    }
    case "str": return unescapeText(v);
    case "b": return Number(v) !== 0;
    case "e": return { error: v.trim() };
    case "d": {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      const n = Number(v);
      if (v.trim() === "" || Number.isNaN(n)) return v;
      return ctx.dateStyles[style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/**
 * One worksheet streamed into the grid the core reads: values from A1 (rows
 * and cells without `r` take the next position, as the schema allows),
 * hidden rows that hold data, merged ranges and tables. Rules, validation,
 * styles and column settings are not read at all, so a rule over a whole
 * sheet costs nothing.
 */
export async function readSheet(pkg: PackageReader, sheet: BookSheet, ctx: CellContext): Promise<SheetGrid> {
  const grid: SheetGrid = { name: sheet.name, rows: [], hiddenRows: [], merges: [], tables: [], visibility: sheet.visibility };
  const entry = sheet.part ? pkg.part(sheet.part) : undefined;
  if (sheet.type !== "worksheet") return grid;
  if (!entry) throw refuse({ kind: "missing-part", part: sheet.part || `for sheet '${sheet.name}'` });
  const rows = grid.rows;
  const budget = pkg.budget;

  let inData = false;
  let row: CellValue[] | null = null;
  let rowIndex = -1;
  let rowHidden = false;
  let rowFilled = false;
  let col = -1;
  let inCell = false;
  let cellType: string | undefined;
  let cellStyle = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let inIs = false;
  let phonetic = 0;
  const tableParts: string[] = [];

  await scanPart(pkg.zip, entry, budget, {
    open: (local: string, attrs: Attrs, uri: string, resolve: Resolve) => {
      if (!MAIN_NS.has(uri)) return;
      if (inCell) {
        if (local === "v") {
          inV = true;
          v = "";
        } else if (local === "is") {
          inIs = true;
          inline = "";
        } else if (local === "rPh") phonetic++;
        else if (local === "t" && inIs && !phonetic) inT = true;
        return;
      }
      if (local === "c" && row) {
        const r = attr(attrs, "r");
        const at = r === undefined ? -1 : columnOf(r);
        col = at >= 0 ? at : col + 1;
        cellType = attr(attrs, "t");
        cellStyle = Number(attr(attrs, "s") ?? 0);
        v = null;
        inline = null;
        inCell = true;
      } else if (local === "row" && inData) {
        const r = Number(attr(attrs, "r"));
        rowIndex = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : rowIndex + 1;
        row = (rows[rowIndex] as CellValue[] | undefined) ?? [];
        rowHidden = isTrue(attr(attrs, "hidden"));
        rowFilled = false;
        col = -1;
      } else if (local === "sheetData") inData = true;
      else if (local === "tablePart") tableParts.push(attrIn(attrs, "id", REL_NS, resolve) ?? "");
      else if (local === "mergeCell") {
        const ref = attr(attrs, "ref");
        if (ref) {
          budget.cell(sheet.name);
          grid.merges!.push(ref);
        }
      }
    },
    close: (local: string) => {
      if (inCell) {
        if (local === "v") inV = false;
        else if (local === "is") inIs = false;
        else if (local === "rPh") phonetic--;
        else if (local === "t") inT = false;
        else if (local === "c") {
          inCell = false;
          const value = cellValue(cellType, v, inline, cellStyle, ctx);
          if (value !== null && row) {
            budget.cell(sheet.name);
            place(row, col, value, () => null, GAP);
            rowFilled = true;
          }
        }
        return;
      }
      if (local === "row" && row) {
        if (rowFilled) {
          place(rows, rowIndex, row, () => [], ROW_GAP);
          if (rowHidden) grid.hiddenRows!.push(rowIndex);
        }
        row = null;
      } else if (local === "sheetData") inData = false;
    },
    text: (t: string) => {
      if (inV) v += t;
      else if (inT) inline += t;
    },
  });
  grid.tables = await readTables(pkg, entry.name, tableParts);
  return grid;
}

/** The sheet's Excel tables, in the order its tableParts list them: name and range, from each table part. */
async function readTables(pkg: PackageReader, sheetPart: string, ids: string[]): Promise<{ name: string; ref: string }[]> {
  const out: { name: string; ref: string }[] = [];
  if (!ids.length) return out;
  const rels = new Map((await pkg.relationships(sheetPart)).map((r) => [r.id, r]));
  for (const id of ids) {
    const rel = rels.get(id);
    if (!rel || rel.type !== "table") continue;
    const entry = pkg.part(rel.target);
    if (!entry) continue;
    let found = false;
    await scanPart(pkg.zip, entry, pkg.budget, {
      open: (local, attrs, uri) => {
        if (found || local !== "table" || !MAIN_NS.has(uri)) return;
        found = true;
        const ref = attr(attrs, "ref") ?? "";
        if (ref.includes(":")) out.push({ name: attr(attrs, "name") ?? attr(attrs, "displayName") ?? "", ref });
      },
      close: () => undefined,
    });
  }
  return out;
}
