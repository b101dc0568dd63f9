/**
 * What a performance officer pastes and prints: the report's own table of
 * off-target actions (paragraph 23 and Appendix 1 of the sample report), the
 * eight-column indicator appendix, page breaks that keep tables and charts
 * whole, repeated header rows; and, in long data with the council's own area
 * named, the other areas beside each indicator (and in --json). Each read
 * back from the written file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { execFileSync } from "child_process";
import { SAMPLE, tempDir, runCli, load, saveWorkbook, sheetValues } from "../helpers/workbooks";
import { columnPoints, printScale, PRINT_HEIGHT, DEFAULT_ROW_HEIGHT } from "../../src/core";

const dir = tempDir();
const LINT = "/work/shared/tools/xlsx-lint/lint-xlsx.py";

function lint(path: string): void {
  if (existsSync(LINT)) execFileSync("/usr/bin/python3", [LINT, path], { stdio: "pipe" });
}

/** A sheet's part in the package, through workbook.xml and its relationships. */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="/?([^"]+)"`).exec(rels)![1].replace(/^(?!xl\/)/, "xl/");
  return zip.file(target)!.async("string");
}

describe("the sample's exceptions and printing", () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    out = join(dir, "sample-out.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out])).code).toBe(0);
    wb = await load(out);
    zip = await JSZip.loadAsync(readFileSync(out));
  });

  it("lists the off-target actions as the report's paragraph 23 and Appendix 1 do, Red first", () => {
    const rows = sheetValues(wb.getWorksheet("Exceptions")!);
    const header = rows.findIndex((r) => r[3] === "Agreed due date");
    expect(rows[header]).toEqual(["Action or priority", "Owner", "RAG", "Agreed due date", "Reason for (R) / impact (I) of delay", "Proposed revised due date", "Dataset"]);
    // sheetValues gives dates as ISO text.
    const date = (v: unknown) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT00:00:00.000Z$/.test(v) ? v.slice(0, 10) : v);
    expect(rows.slice(header + 1, header + 3).map((r) => r.map(date))).toEqual([
      ["Maintain sufficient domiciliary care capacity to meet local demand.", "Adult Social Care", "Red", "2021-06-30", "(R) Evolving pressure of mandatory vaccinations.", "2022-03-31", "Workplan"],
      ["Provide more local detox beds (Health Scrutiny Panel action plan 'Opioid Dependency: What Happens Next?').", "Public Health", "Red", "2021-06-30",
        "Alternative detox provision is being explored regionally and dedicated funding secured from PHE to enhance detox capacity in 2021/22. Regional pilot to be carried out in 21/22 to inform future approach.",
        "2022-03-31", "Executive actions"],
    ]);
    // Then the Amber ones: 40 directorate priorities and 7 programmes, none of them overdue at 30/06/2021.
    const amber = rows.slice(header + 3).filter((r) => r[2] === "Amber");
    expect(amber).toHaveLength(47);
    expect(String(rows[header - 1][0])).toBe("Actions and priorities off target (Red or Amber, not overdue): 49");
    // The flu vaccination initiative is Complete, so it is not off target; its revised date "N/A" stays as written in the sheet.
    expect(rows.flat()).not.toContain("Increase the uptake of flu vaccinations across Middlesbrough from 43.3% to 55%.");
  });

  it("prints every table of the Exceptions sheet one page wide at full size, seven columns each", () => {
    const ws = wb.getWorksheet("Exceptions")!;
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width!);
    expect(printScale(widths)).toBe(1);
    for (const t of ["Indicator", "Action or priority"]) {
      const row = sheetValues(ws).filter((r) => r[0] === t);
      for (const r of row) expect(r.length).toBeLessThanOrEqual(8);
    }
  });

  it("gives the appendix eight columns that print one page wide at full size, its header repeated", async () => {
    const rows = sheetValues(wb.getWorksheet("Indicator appendix")!);
    const header = rows.find((r) => r[0] === "Dataset")!;
    expect(header).toHaveLength(8);
    const ws = wb.getWorksheet("Indicator appendix")!;
    expect(printScale(header.map((_, c) => ws.getColumn(c + 1).width!))).toBe(1);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const n = rows.findIndex((r) => r[0] === "Dataset") + 1;
    expect(workbook).toContain(`localSheetId="${sheets.indexOf("Indicator appendix")}">&apos;Indicator appendix&apos;!$${n}:$${n}</definedName>`);
    expect(rows.filter((r) => r[0] === "Outcomes")).toHaveLength(24);
  });

  it("starts each table that would be split, and each chart, on a fresh page; A4 landscape, one page wide", async () => {
    for (const name of ["Summary", "Exceptions", "Indicator charts"]) {
      const xml = await sheetXml(zip, name);
      expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      const ws = wb.getWorksheet(name)!;
      const breaks = [...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]));
      // No table straddles a break: the printed page ends above each table's heading, never inside its rows.
      const tables = tableRows(ws);
      expect(tables.length).toBeGreaterThan(0);
      for (const b of breaks) for (const [first, last] of tables) expect(b > first && b <= last).toBe(false);
      if (name === "Summary") expect(breaks.length).toBeGreaterThan(0);
    }
    // Every chart fits between two breaks: a page holds it whole.
    const xml = await sheetXml(zip, "Indicator charts");
    const breaks = [0, ...[...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])), Infinity];
    const drawing = await zip.file(Object.keys(zip.files).find((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f))!)!.async("string");
    for (const m of drawing.matchAll(/<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to><xdr:col>\d+<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)) {
      const [from, to] = [Number(m[1]), Number(m[2])];
      expect(breaks.some((b, i) => from >= b && to <= breaks[i + 1])).toBe(true);
    }
  });

  it("keeps notes within the tables' width, so they never widen the printed page", () => {
    for (const name of ["Summary", "Exceptions", "Indicator results", "Data issues"]) {
      const ws = wb.getWorksheet(name)!;
      const width = (ws.columns ?? []).reduce((a, c) => a + (c.width ?? 8.43), 0);
      ws.eachRow((row) => {
        const v = row.getCell(1).value;
        if (row.cellCount === 1 && typeof v === "string" && row.getCell(1).font?.italic) expect(v.length).toBeLessThanOrEqual(Math.floor(width * 1.1));
      });
    }
  });

  it("passes the xlsx checker", () => lint(out));
});

/** Each table's rows (1-based, header to last row), from the borders the tables are drawn with. */
function tableRows(ws: ExcelJS.Worksheet): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const bordered = !!row.getCell(1).border?.top;
    if (bordered && !start) start = n;
    if (!bordered && start) {
      out.push([start - 1, n - 2]); // 0-based first and last
      start = 0;
    }
  });
  if (start) out.push([start - 1, ws.rowCount - 1]);
  return out;
}

describe("comparators in long data with the council's own area named", () => {
  let out: string;
  let json: { datasets: { comparators?: { area: string; indicators: unknown[] } }[] };
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("claimants");
    ws.addRow(["area_name", "period", "indicator", "value"]);
    const areas: [string, number][] = [["Trafford", 120], ["Salford", 100], ["Bury", 110], ["Bolton", 130], ["Wigan", 90]];
    for (const [area, base] of areas) ["April 2021", "May 2021", "June 2021"].forEach((p, i) => ws.addRow([area, p, "Claimant count", base + i]));
    const input = await saveWorkbook(wb, dir, "claimants.xlsx");
    out = join(dir, "claimants-out.xlsx");
    const r = await runCli(["summarise", input, "--out", out, "--area", "Trafford", "--json"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("writes the other areas, their median, the rank and the quartile beside the indicator", async () => {
    const rows = sheetValues((await load(out)).getWorksheet("Indicator results")!);
    const header = rows.find((r) => r[0] === "Dataset")!;
    expect(header.slice(-4)).toEqual(["Other areas", "Median of other areas", "Rank (1 = highest)", "Quartile (1 = highest)"]);
    // June: Trafford 122 against Salford 102, Bury 112, Bolton 132, Wigan 92: median 107, second highest, upper quartile 122.
    const row = rows.find((r) => String(r[2]).startsWith("Claimant count"))!;
    expect(row.slice(-4)).toEqual([4, 107, 2, 1]);
    expect(rows.flat().join(" ")).toContain("your quartile (1 = at or above the upper quartile, as Excel's QUARTILE.INC gives it)");
  });

  it("gives the same in --json", () => {
    expect(json.datasets[0].comparators).toEqual({
      area: "Trafford",
      indicators: [{ code: "", title: "Claimant count", period: "Jun 2021", value: 122, areas: 4, median: 107, rank: 2, quartile: 1 }],
    });
  });

  it("passes the xlsx checker", () => lint(out));
});

describe("page breaks, worked out from the page", () => {
  it("fits the rows of an A4 landscape page at the scale one page wide prints", () => {
    // 741 points of width at full size; at half that scale a page holds twice as many rows.
    expect(columnPoints(100)).toBeCloseTo(528.75, 2);
    expect(printScale([100, 100])).toBeCloseTo((841.9 - 100.8) / (2 * 528.75), 3);
    expect(Math.floor(PRINT_HEIGHT / DEFAULT_ROW_HEIGHT)).toBe(32);
  });
});
