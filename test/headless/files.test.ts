/**
 * Files the product cannot use get one plain line and exit 1; parts of a
 * workbook it does not understand are carried over untouched, or, when the
 * whole file must be re-saved, listed by sheet: never lost silently.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { writeFileSync, readFileSync } from "fs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, SAMPLE, withChart } from "../helpers/workbooks";
import { excelShapedWorkbook } from "../helpers/excel-shaped";
import { summarise } from "../../src/workbook/summarise";

const dir = tempDir();

async function expectRefused(path: string, message: RegExp): Promise<void> {
  const r = await runCli(["summarise", path, "--out", join(dir, "refused-out.xlsx"), "--json"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  const errors = r.stderr.split("\n").filter((l) => l.startsWith("Error"));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
}

describe("files that cannot be used", () => {
  it("refuses a file that is not an xlsx", async () => {
    const p = join(dir, "notes.xlsx");
    writeFileSync(p, "Code,Title\nA,B\n");
    await expectRefused(p, /is not an \.xlsx workbook/);
  });

  it("refuses a damaged zip", async () => {
    const p = join(dir, "damaged.xlsx");
    writeFileSync(p, readFileSync(SAMPLE).subarray(0, 4000));
    await expectRefused(p, /damaged or not an \.xlsx workbook/);
  });

  it("refuses a password-protected workbook (an encrypted OLE container)", async () => {
    const p = join(dir, "protected.xlsx");
    writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    await expectRefused(p, /password-protected or an old-style \.xls/);
  });

  it("refuses a missing file and writing over the input", async () => {
    await expectRefused(join(dir, "nowhere.xlsx"), /there is no file at/);
    const r = await runCli(["summarise", SAMPLE, "--out", SAMPLE, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out must be a different file/);
  });

  it("refuses a bad --period with the reason", async () => {
    const r = await runCli(["summarise", SAMPLE, "--out", join(dir, "p.xlsx"), "--period", "Q5 2021/22"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/'Q5 2021\/22' is not a period/);
  });
});

describe("parts of the council's workbook the product does not understand", () => {
  async function chartWorkbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Trends");
    ws.addRow(["Programme", "RAG"]);
    ws.addRow(["Town centre", "Green"]);
    return withChart(await saveWorkbook(wb, dir, "plain.xlsx"), join(dir, "with-chart.xlsx"));
  }

  it("are carried into the output byte for byte: a chart survives a run", async () => {
    const input = await chartWorkbook();
    const out = join(dir, "with-chart-out.xlsx");
    const r = await runCli(["summarise", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/lacks/);
    const [before, after] = await Promise.all([input, out].map(async (p) => JSZip.loadAsync(readFileSync(p))));
    for (const part of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet1.xml"]) {
      expect(await after.file(part)?.async("string")).toBe(await before.file(part)!.async("string"));
    }
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Trends", "Summary", "Data issues"]));
  });

  it("are kept when cells are written into a council sheet: the values are spliced into its part", async () => {
    const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(await chartWorkbook())));
    await wb.updateCells("Trends", [{ row: 1, col: 1, value: "Amber" }]);
    const saved = await wb.save();
    expect(saved.method).toBe("spliced");
    expect(saved.lost).toEqual([]);
    const out = join(dir, "cells-written.xlsx");
    writeFileSync(out, saved.data);
    expect((await load(out)).getWorksheet("Trends")!.getCell("B2").value).toBe("Amber");
  });

  it("are listed by sheet when the product must re-save the whole file (Strict Open XML)", async () => {
    const wb = await XlsxWorkbook.open(await excelShapedWorkbook({ strict: true, chart: true }));
    await summarise(wb, {});
    const saved = await wb.save();
    expect(saved.method).toBe("rewritten");
    expect(saved.lost).toEqual(["Sheet 'Priorities': 1 of 1 charts"]);
  });
});
