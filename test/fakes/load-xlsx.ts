/**
 * A real .xlsx opened in the fake Excel as Excel would hold it: every number
 * as Excel keeps it (dates as serial numbers in the workbook's date system)
 * with its cell's number format, errors as errors, hidden and very hidden
 * sheets, hidden rows, merged areas and tables. The product's own reader
 * does the parsing, asked for every number's format code and for no dates,
 * so the Office host has to find the dates from the formats itself.
 * (Node only: the self-test page does not bundle this.)
 */
import { FakeWorkbookState } from "./excel-state";
import { ZipPackage } from "../../src/workbook/xlsx/reader/zip";
import { PackageReader } from "../../src/workbook/xlsx/reader/package";
import { Budget, DEFAULT_LIMITS } from "../../src/workbook/xlsx/reader/limits";
import { readBook, readSharedStrings, readStyleFormats } from "../../src/workbook/xlsx/reader/book-parts";
import { readSheet, CellContext } from "../../src/workbook/xlsx/reader/sheet";
import { toSerial } from "../../src/core";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** Every cell style's number format code, kept with every number (General included), and no number read as a date. */
function rawCells(strings: string[], formats: string[], date1904: boolean): CellContext {
  return { strings, dateStyles: formats.map(() => false), keptFormats: formats, date1904 };
}

export async function fakeFromXlsx(data: Uint8Array): Promise<FakeWorkbookState> {
  const pkg = new PackageReader(ZipPackage.open(data), new Budget(DEFAULT_LIMITS, data.length));
  const book = await readBook(pkg, await pkg.workbookPart());
  const ctx = rawCells(await readSharedStrings(pkg, book.sharedStrings), await readStyleFormats(pkg, book.styles), book.date1904);
  const state = new FakeWorkbookState();
  state.date1904 = book.date1904;
  for (const sheet of book.sheets) {
    // Chart sheets are not worksheets: Excel's worksheets collection leaves them out.
    if (sheet.type !== "worksheet") continue;
    const grid = await readSheet(pkg, sheet, ctx);
    const s = state.addSheet(sheet.name, VISIBILITY[sheet.visibility]);
    grid.rows.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const cell = s.cell(r, c);
      if (v instanceof Date) {
        // An ISO date cell (t="d"): Excel holds it as a serial number shown as a date.
        cell.value = toSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }) + (v.getTime() % 86_400_000) / 86_400_000 - (book.date1904 ? 1462 : 0);
        cell.numberFormat = "yyyy-mm-dd";
      } else if (typeof v === "object") {
        cell.error = v.error;
      } else {
        cell.value = v;
        const format = grid.formats?.[r]?.[c];
        if (typeof v === "number" && format) cell.numberFormat = format;
      }
    }));
    for (const r of grid.hiddenRows ?? []) s.hiddenRows.add(r);
    s.merges = [...(grid.merges ?? [])];
    s.tables = (grid.tables ?? []).map((t) => ({ ...t }));
  }
  return state;
}
