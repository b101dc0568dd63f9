/**
 * The Indicator charts sheet: a native line chart per 'Red Red' item and per
 * SPC indicator, spliced into the package as DrawingML parts that reference
 * the sheet's own cells, valid by the xlsx checker, and replaced cleanly on
 * the next run.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { execFileSync } from "child_process";
import { SAMPLE, tempDir, runCli, load, saveWorkbook, SIXTEEN_QUARTERS } from "../helpers/workbooks";

async function parts(path: string): Promise<{ zip: JSZip; text: (p: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return { zip, text: (p: string) => zip.file(p)!.async("string") };
}

/** The worksheet part of a sheet, through workbook.xml and its relationships. */
async function sheetPart(path: string, name: string): Promise<string> {
  const { text } = await parts(path);
  const wb = await text("xl/workbook.xml");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await text("xl/_rels/workbook.xml.rels");
  return new RegExp(`Id="${rid}"[^>]*Target="/?([^"]+)"`).exec(rels)![1].replace(/^(?!xl\/)/, "xl/");
}

function lint(path: string): void {
  const checker = "/work/shared/tools/xlsx-lint/lint-xlsx.py";
  try {
    readFileSync(checker);
  } catch {
    return;
  }
  execFileSync("/usr/bin/python3", [checker, path], { stdio: "pipe" });
}

describe("indicator charts on the sample", () => {
  let out: string;
  beforeAll(async () => {
    out = join(tempDir(), "summary.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out])).code).toBe(0);
  });

  it("draws one chart per Red Red outcome, each from the table beside it", async () => {
    const { zip, text } = await parts(out);
    const part = await sheetPart(out, "Indicator charts");
    expect(await text(part)).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    const sheetRels = await text(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawing = /Target="\/([^"]+)"/.exec(sheetRels)![1];
    expect((await text(drawing)).match(/<xdr:graphicFrame/g)).toHaveLength(3);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chartCpe\d+\.xml$/.test(f));
    expect(charts).toHaveLength(3);
    const crime = (await Promise.all(charts.map(text))).find((c) => c.includes("Crime and anti-social behaviour"))!;
    // The values are the two rows under the crime chart's own heading on the sheet.
    const ws = (await load(out)).getWorksheet("Indicator charts")!;
    let heading = 0;
    ws.eachRow((r, n) => void (heading ||= String(r.getCell(1).value).startsWith("SP-20 Crime") ? n : 0));
    expect(ws.getCell(`A${heading + 2}`).value).toBe("Q4 2020/21");
    expect(crime).toContain(`<c:f>&apos;Indicator charts&apos;!$B$${heading + 2}:$B$${heading + 3}</c:f>`);
    expect(crime).toContain("<c:v>55.07</c:v>");
    expect(crime).toContain("<c:v>44.1</c:v>");
    expect(crime).toContain("<c:v>Target</c:v>");
    const types = await text("[Content_Types].xml");
    for (const c of charts) expect(types).toContain(`PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    lint(out);
  });

  it("writes the chart data as numbers: period, value and target", async () => {
    const ws = (await load(out)).getWorksheet("Indicator charts")!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(["Q4 2020/21", 44.1, 43.6]);
    expect(rows).toContainEqual(["Q1 2021/22", 55.07, 43.6]);
  });

  it("replaces its own charts on the next run, leaving no stray parts", async () => {
    const again = join(tempDir(), "again.xlsx");
    expect((await runCli(["summarise", out, "--out", again])).code).toBe(0);
    const { zip } = await parts(again);
    expect(Object.keys(zip.files).filter((f) => /chartCpe\d+\.xml$/.test(f))).toHaveLength(3);
    expect(Object.keys(zip.files).filter((f) => /drawingCpe\d+\.xml$/.test(f))).toHaveLength(1);
    lint(again);
  });
});

describe("an SPC chart", () => {
  it("shows the mean, both process limits and the special-cause points", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Long series");
    const quarters = SIXTEEN_QUARTERS;
    ws.addRow(["Code", "Indicator", "Polarity", ...quarters, "Target"]);
    ws.addRow(["A", "Steady then jumps", "Maximise", 50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 51, 49, 50, 80, 45]);
    const input = await saveWorkbook(wb, dir, "long.xlsx");
    const out = join(dir, "long-out.xlsx");
    expect((await runCli(["summarise", input, "--out", out])).code).toBe(0);
    const { zip, text } = await parts(out);
    const chart = await text(Object.keys(zip.files).find((f) => /chartCpe1\.xml$/.test(f))!);
    for (const name of ["Value", "Target", "Mean", "Upper process limit", "Lower process limit", "Special cause improvement"]) expect(chart).toContain(`<c:v>${name}</c:v>`);
    expect(chart).toContain('<a:srgbClr val="00B0F0"/>');
    const rows: unknown[][] = [];
    (await load(out)).getWorksheet("Indicator charts")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === "Steady then jumps" || String(r[0]).startsWith("A Steady"))?.[0]).toBe("A Steady then jumps: Green, and a significant improvement");
    lint(out);
  });
});
