/**
 * Generated workbooks written as real .xlsx files and summarised twice:
 * the council's sheets come out value-for-value unchanged, and a second run
 * on the output gives the same output sheets. FUZZ_FILE_RUNS sets the count.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { workbookArb } from "./workbooks";

const RUNS = Number(process.env.FUZZ_FILE_RUNS ?? 25);

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (out[n - 1] = Array.from(row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v ?? null))));
  return out;
}

async function reopen(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

describe("any workbook file", () => {
  it("keeps the council's sheets unchanged and gives the same output on a second run", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const wb = new ExcelJS.Workbook();
        for (const s of sheets) {
          const ws = wb.addWorksheet(s.grid.name);
          s.grid.rows.forEach((row, r) => row.forEach((v, c) => {
            if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
          }));
          for (const h of s.grid.hiddenRows ?? []) ws.getRow(h + 1).hidden = true;
        }
        const input = new Uint8Array(await wb.xlsx.writeBuffer());
        const first = await XlsxWorkbook.open(input);
        const run1 = await summarise(first);
        const out1 = (await first.save()).data;
        const [before, after] = [await reopen(input), await reopen(out1)];
        for (const ws of before.worksheets) expect(values(after.getWorksheet(ws.name)!)).toEqual(values(ws));
        const second = await XlsxWorkbook.open(out1);
        const run2 = await summarise(second);
        // The second run finds the period it stored the first time: its figures are the same, and it says so.
        const { stored: stored1, ...json1 } = run1.json;
        const { stored: stored2, ...json2 } = run2.json;
        expect(json2).toEqual(json1);
        if (stored1) expect([stored1.action, stored2?.action]).toEqual(["stored", "matched"]);
        const again = await reopen((await second.save()).data);
        // The Summary's lines under its note say what each run did with the stored period (stored it, then found it the same); the rest is the same.
        const summary = run1.plans.find((p) => p.purpose === "summary")?.name;
        const statementless = (name: string, rows: unknown[][]) => {
          if (name !== summary || !stored1) return rows;
          const end = rows.findIndex((r, i) => i >= 2 && !(r as unknown[] | undefined)?.length);
          return [...rows.slice(0, 2), ...rows.slice(end)];
        };
        for (const name of run1.outputSheets) {
          expect(statementless(name, values(again.getWorksheet(name)!))).toEqual(statementless(name, values(after.getWorksheet(name)!)));
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
