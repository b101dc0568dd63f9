/**
 * Inside Excel, the same answers as from the file. Every public workbook in
 * ../shared/real-workbooks (and more/) and each fixture of ours is opened in
 * the strict fake Excel as Excel holds it — numbers with their cells' number
 * formats (dates as serial numbers), hidden and very hidden sheets, hidden
 * rows, merged areas, tables — and read by the Office host, and read from
 * the file by the file host. Both must give the same grids (values, dates,
 * kept number formats, hidden rows, merged areas, visibility, tables) and the
 * same --json summary (period, datasets and their counts, every issue with
 * its cell, skipped sheets, notes, output sheets).
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { SheetGrid, CellValue, parseRange } from "../../src/core";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromXlsx } from "../fakes/load-xlsx";
import { PARITY_FIXTURES } from "../helpers/parity-fixtures";

const DIR = join(__dirname, "..", "..", "..", "shared", "real-workbooks");
const present = existsSync(DIR);
if (!present) console.warn(`Host parity over the real workbooks skipped: ${DIR} is not there (it sits beside the project in CI and on developers' machines).`);
const xlsxIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort().map((f) => join(dir, f)) : []);
const REAL = present ? [...xlsxIn(DIR), ...xlsxIn(join(DIR, "more"))] : [];

const SOURCES: [string, () => Promise<Uint8Array>][] = [
  ...REAL.map((f): [string, () => Promise<Uint8Array>] => [f.slice(DIR.length + 1), async () => new Uint8Array(readFileSync(f))]),
  ...Object.entries(PARITY_FIXTURES),
];

jest.setTimeout(300_000);

/** A grid as a comparable value: rows without trailing blanks, dates as ISO text, formats and hidden rows where there are values. */
function comparable(g: SheetGrid) {
  // An empty string is a blank cell to the core; the file can hold one, Excel reports the cell as empty.
  const cell = (v: CellValue) => (v instanceof Date ? { date: v.toISOString() } : v === "" ? null : v ?? null);
  const rows = g.rows.map((r) => {
    const out = Array.from(r ?? [], cell);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && !rows[rows.length - 1].length) rows.pop();
  const formats: Record<string, string> = {};
  g.formats?.forEach((row, r) => row?.forEach((f, c) => f !== undefined && (formats[`${r},${c}`] = f)));
  // The file lists hidden rows that hold data; Excel can say of every row.
  const hiddenRows = [...new Set(g.hiddenRows ?? [])].filter((r) => rows[r]?.length).sort((a, b) => a - b);
  const width = Math.max(0, ...rows.map((r) => r.length));
  // Merged areas that meet the sheet's values (Excel is asked about those; a file may also merge empty cells beyond them).
  const merges = (g.merges ?? []).filter((m) => {
    const r = parseRange(m);
    return r && r.top < rows.length && r.left < width;
  }).sort();
  return { name: g.name, visibility: g.visibility, rows, formats, hiddenRows, merges, tables: g.tables ?? [] };
}

async function bothHosts(data: Uint8Array, apiVersion: string) {
  const file = await XlsxWorkbook.open(data);
  const state = await fakeFromXlsx(data);
  state.apiVersion = apiVersion;
  const caps = { mergedAreas: state.isSetSupported("ExcelApi", "1.13") };
  return { file, state, run: <T>(work: (p: OfficeWorkbook) => Promise<T>) => fakeExcelRun(state)((ctx) => work(new OfficeWorkbook(ctx, caps))) };
}

describe.each(SOURCES)("%s, in Excel and from the file", (_name, load) => {
  it("reads the same grids: values, dates, number formats, hidden rows, merged areas, visibility, tables", async () => {
    const { file, run } = await bothHosts(await load(), "1.13");
    const fromFile = (await file.readSheets()).map(comparable);
    const inExcel = (await run((p) => p.readSheets())).map(comparable);
    expect(inExcel).toEqual(fromFile);
  });

  it("gives the same --json summary", async () => {
    const data = await load();
    const { file, run } = await bothHosts(data, "1.13");
    const inExcel = await run((p) => summarise(p, {}));
    const fromFile = await summarise(file, {});
    expect(inExcel.json).toEqual(fromFile.json);
  });
});

describe("on Excel before ExcelApi 1.13, which cannot say which cells are merged", () => {
  it.each(SOURCES)("%s: the same summary wherever the workbook has no merged cells", async (_name, load) => {
    const data = await load();
    const { file, state, run } = await bothHosts(data, "1.9");
    const fromFile = await summarise(file, {});
    if (state.sheets.some((s) => s.merges.length)) return;
    const inExcel = await run((p) => summarise(p, {}));
    expect(inExcel.json).toEqual(fromFile.json);
  });
});
