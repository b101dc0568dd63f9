/**
 * The reader's limits are measures of work — bytes inflated, cells read in
 * the sheets it reads — never of time: a file is read or refused alike
 * whatever else the machine is doing, and next quarter's run on this
 * quarter's output counts only the council's cells, never the product's own.
 */
import { cpus } from "os";
import { Worker } from "worker_threads";
import { XlsxWorkbook, DEFAULT_LIMITS, WorkbookFileError } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";
import { SIXTEEN_QUARTERS } from "../helpers/workbooks";

const QUARTERS = SIXTEEN_QUARTERS.slice(8);

/** A wide sheet (a row per indicator) and a long extract (a row per indicator, area and quarter), values from a fixed seed. */
async function workbook(indicators: number, withExtract: boolean): Promise<Uint8Array> {
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const wide: Value[][] = [["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]];
  for (let i = 0; i < indicators; i++) {
    const base = 20 + rand() * 80;
    wide.push([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  const long: Value[][] = [["Indicator code", "Indicator", "Area", "Period", "Value"]];
  for (let i = 0; withExtract && i < 12; i++) {
    for (let a = 0; a < 25; a++) for (const q of QUARTERS) long.push([`LGI-${i}`, `Measure ${i}`, `Area ${a}`, q, Math.round(rand() * 1000) / 10]);
  }
  return buildPackage({ sheets: [{ name: "Indicators", rows: wide }, ...(withExtract ? [{ name: "Extract", rows: long }] : [])] });
}

/** A run as the command line makes it: the JSON, the output file, and every output sheet's cells read back from it. */
async function run(data: Uint8Array, limits = DEFAULT_LIMITS) {
  const wb = await XlsxWorkbook.open(data, limits);
  const result = await summarise(wb, { formatSource: true });
  const saved = await wb.save();
  const back = await XlsxWorkbook.open(saved.data);
  const sheets = await back.readSheets(result.outputSheets);
  return { json: result.json, data: saved.data, sheets: sheets.map((g) => ({ name: g.name, rows: g.rows })) };
}

/** Threads that keep every core busy until stopped. */
function saturate(): Worker[] {
  const count = Math.max(2, cpus().length * 2);
  return Array.from({ length: count }, () => new Worker("for (;;) {}", { eval: true }));
}

describe("limits of work, not time", () => {
  it("gives the same result for the same file while every core is busy", async () => {
    const data = await workbook(3_000, true);
    const quiet = await run(data);
    const workers = saturate();
    let busy: Awaited<ReturnType<typeof run>>;
    try {
      busy = await run(data);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    expect(busy.json).toEqual(quiet.json);
    expect(busy.sheets).toEqual(quiet.sheets);
    // Both runs read the whole of both datasets: every sheet row, and the extract's rows as one series per indicator and area.
    expect(quiet.json.datasets.map((d) => [d.sheet, d.dataRows, d.rows])).toEqual([["Indicators", 3_000, 3_000], ["Extract", 12 * 25 * QUARTERS.length, 12 * 25]]);
  });

  it("counts only the cells of the sheets it reads: next quarter's run on this quarter's output is not refused for the product's own sheets", async () => {
    const input = await workbook(2_000, false);
    const councilCells = 2_001 * (QUARTERS.length + 4);
    const first = await run(input);
    // The output holds far more filled cells than the council's sheet (a results row per indicator)…
    const ownCells = first.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + (r ?? []).filter((v) => v !== null && v !== undefined).length, 0), 0);
    expect(ownCells).toBeGreaterThan(councilCells);
    // …and a limit between the council's cells and the whole file's reads it, to the same figures.
    const limits = { ...DEFAULT_LIMITS, cells: councilCells + 100 };
    const again = await run(first.data, limits);
    expect(again.json.datasets).toEqual(first.json.datasets);
    expect(again.json.outputSheets).toEqual(first.json.outputSheets);
    // The limit is real: below the council's own cells, the file is refused, naming the council's sheet.
    await expect(XlsxWorkbook.open(first.data, { ...limits, cells: councilCells - 100 })).rejects.toThrow(WorkbookFileError);
    await expect(XlsxWorkbook.open(first.data, { ...limits, cells: councilCells - 100 })).rejects.toThrow(/limit was reached on sheet 'Indicators'/);
  });
});
