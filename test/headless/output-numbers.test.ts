/**
 * The output read back as a reader's Excel sees it: numbers are numbers with
 * number formats (no "number stored as text"), icons only where a RAG
 * judgement exists, long tables repeat their header row on every printed
 * page, and wrapped headers have the height they need.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { execFileSync } from "child_process";
import { SAMPLE, tempDir, runCli, load } from "../helpers/workbooks";

type Cf = { ref: string; rules: { type: string }[] };
const cfs = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
const OUTPUT = ["Summary", "Commentary", "Exceptions", "Risk register", "Risk heat map", "By directorate", "Indicator results", "Indicator appendix", "Data issues"];

/** The row (1-based) whose cells in `col` hold `text` (or begin with it, for a pattern). */
function rowOf(ws: ExcelJS.Worksheet, col: number, text: string | RegExp): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = row.getCell(col).value;
    if (!found && (typeof text === "string" ? v === text : typeof v === "string" && text.test(v))) found = row;
  });
  if (!found) throw new Error(`no row with '${text}' in column ${col} of ${ws.name}`);
  return found;
}

describe("numbers, icons and printing in the output workbook", () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    out = join(tempDir(), "summary.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out])).code).toBe(0);
    wb = await load(out);
  });

  it("writes no number as text on any output sheet", () => {
    for (const name of OUTPUT) {
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^\s*[-+]?\d[\d,]*(\.\d+)?\s*%?\s*$/.test(cell.value)) throw new Error(`${name}!${cell.address} holds '${cell.value}' as text`);
      }));
    }
  });

  it("gives the Red Red values, targets and previous values as numbers, percentages as fractions in percent formats", () => {
    const ws = wb.getWorksheet("Exceptions")!;
    const crime = rowOf(ws, 1, /^SP-20 /);
    expect([crime.getCell(3).value, crime.getCell(4).value, crime.getCell(6).value]).toEqual([55.07, 43.6, 44.1]);
    expect([crime.getCell(3).numFmt, crime.getCell(4).numFmt, crime.getCell(6).numFmt]).toEqual(["0.00", "0.0", "0.0"]);
    // Town centre vacancy rate (%): the sheet gives 17.8 against 13.25, from 16.4 — numbers as the council wrote them.
    const vacancy = rowOf(ws, 1, /^SP-21 /);
    expect([vacancy.getCell(3).value, vacancy.getCell(4).value, vacancy.getCell(6).value]).toEqual([17.8, 13.25, 16.4]);
    expect([vacancy.getCell(3).numFmt, vacancy.getCell(4).numFmt]).toEqual(["0.0", "0.00"]);
  });

  it("writes indicator values, targets and latest values as numbers, and the status code as a number", () => {
    const ws = wb.getWorksheet("Indicator results")!;
    const ef = rowOf(ws, 2, "NP-CF-017"); // Early Help cases closed with positive outcomes: 69%
    expect(ef.getCell(5).value).toBeCloseTo(0.69, 12);
    expect(ef.getCell(5).numFmt).toBe("0%");
    expect(ef.getCell(6).value).toBeNull();
    expect(ef.getCell(8).value).toBe(0);
    const sp01 = rowOf(ws, 2, "SP-01");
    expect([sp01.getCell(5).value, sp01.getCell(6).value, sp01.getCell(8).value, sp01.getCell(12).value]).toEqual([80, 80, 3, 80]);
  });

  it("gives the standards as percentages: Expected standard 75% is 0.75, each directorate's share a number", () => {
    const summary = wb.getWorksheet("Summary")!;
    const green = rowOf(summary, 1, "Number (%) GREEN");
    expect(green.getCell(4).value).toBe(0.75);
    expect(green.getCell(4).numFmt).toBe("0%");
    const finance = rowOf(wb.getWorksheet("By directorate")!, 1, "Finance");
    expect(finance.getCell(7).value).toBe(1);
    expect(finance.getCell(7).numFmt).toBe("0%");
  });

  it("puts status icons only on rows with a RAG judgement (Data only, No data and Check get none)", () => {
    for (const [sheet, codeCol] of [["Indicator results", 8], ["By directorate", 5]] as const) {
      const ws = wb.getWorksheet(sheet)!;
      const header = rowOf(ws, codeCol, "Status code");
      expect(header.number).toBeGreaterThan(0);
      const iconRanges = cfs(ws).filter((c) => c.rules.some((r) => r.type === "iconSet")).map((c) => c.ref);
      expect(iconRanges.length).toBeGreaterThan(0);
      const iconRows = new Set<number>();
      for (const ref of iconRanges) {
        const [, from, to] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref)!;
        for (let r = Number(from); r <= Number(to); r++) iconRows.add(r);
      }
      ws.eachRow((row) => {
        const code = row.getCell(codeCol).value;
        // Item rows: the status word stands just left of its code (count tables have numbers there).
        if (row.number <= header.number || typeof code !== "number" || typeof row.getCell(codeCol - 1).value !== "string") return;
        expect(`${sheet} row ${row.number} code ${code}: ${iconRows.has(row.number)}`).toBe(`${sheet} row ${row.number} code ${code}: ${code >= 1}`);
      });
    }
    const legend = wb.getWorksheet("Indicator results")!.getCell("A2").value;
    expect(legend).toMatch(/Data only 0, No data -1, Check -2, In progress -3, Not started -4, Not rated -5 \(no icon/);
  });

  it("repeats the header row of long tables on every printed page", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    const titles = Object.fromEntries([...workbook.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<\/definedName>/g)]
      .map((m) => [sheets[Number(m[1])], m[2].replace(/&apos;/g, "'")]));
    const header = (sheet: string, col: number, text: string) => rowOf(wb.getWorksheet(sheet)!, col, text).number;
    expect(titles["Indicator results"]).toBe(`'Indicator results'!$${header("Indicator results", 1, "Dataset")}:$${header("Indicator results", 1, "Dataset")}`);
    expect(titles["Risk register"]).toBe(`'Risk register'!$${header("Risk register", 1, "Rank")}:$${header("Risk register", 1, "Rank")}`);
    expect(titles["Data issues"]).toMatch(/^'Data issues'!\$\d+:\$\d+$/);
    expect(titles["By directorate"]).toMatch(/^'By directorate'!\$\d+:\$\d+$/);
    // The appendix and the off-target list (the Exceptions sheet's last, longest table) repeat their own header.
    expect(titles["Indicator appendix"]).toBe(`'Indicator appendix'!$${header("Indicator appendix", 1, "Dataset")}:$${header("Indicator appendix", 1, "Dataset")}`);
    const offTarget = rowOf(wb.getWorksheet("Exceptions")!, 4, "Agreed due date").number;
    expect(titles.Exceptions).toBe(`'Exceptions'!$${offTarget}:$${offTarget}`);
  });

  it("gives wrapped header rows the height of their lines, so they do not spill into the first data row", () => {
    const summary = wb.getWorksheet("Summary")!;
    expect(rowOf(summary, 6, "Standard against last quarter").height).toBeGreaterThanOrEqual(45);
    expect(rowOf(wb.getWorksheet("Exceptions")!, 6, "Days overdue").height).toBeGreaterThanOrEqual(30);
    expect(rowOf(wb.getWorksheet("Indicator results")!, 12, "Latest value").height).toBeGreaterThanOrEqual(30);
  });

  it("passes the xlsx checker", () => {
    const lint = "/work/shared/tools/xlsx-lint/lint-xlsx.py";
    let available = true;
    try {
      readFileSync(lint);
    } catch {
      available = false;
    }
    if (!available) return;
    expect(() => execFileSync("/usr/bin/python3", [lint, out], { stdio: "pipe" })).not.toThrow();
  });
});
