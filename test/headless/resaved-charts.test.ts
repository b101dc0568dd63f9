/**
 * The Indicator charts sheet's charts and Making Data Count icons: scaled to
 * the data, icons where SPC applies, and recognised as the product's own by
 * what they are after Excel, LibreOffice or openpyxl has re-saved the file
 * (each renames the parts), so the next run replaces them rather than
 * re-saving the whole workbook and losing them.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "fs";
import { join, basename } from "path";
import { execFileSync, spawnSync } from "child_process";
import { tempDir, saveWorkbook, runCli, SIXTEEN_QUARTERS } from "../helpers/workbooks";

const dir = tempDir();
const LINT = "/work/shared/tools/xlsx-lint/lint-xlsx.py";

/** Violations xlsx-lint reports for a file, one line each without the file name ([] when it passes or is not installed). */
function violations(path: string): string[] {
  if (!existsSync(LINT)) return [];
  const r = spawnSync("/usr/bin/python3", [LINT, path], { encoding: "utf8" });
  return r.stdout.split("\n").filter((l) => l.startsWith(`${path}: `)).map((l) => l.slice(path.length + 2));
}

async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

const names = (zip: JSZip, pattern: RegExp) => Object.keys(zip.files).filter((f) => !zip.files[f].dir && pattern.test(f)).sort();

async function summarise(input: string, name: string) {
  const out = join(dir, name);
  const r = await runCli(["summarise", input, "--out", out, "--json"]);
  expect(r.stderr).not.toMatch(/^Error/m);
  expect(r.code).toBe(0);
  return { out, json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** Four long series: a special cause of each kind and a steady one, with targets that give each assurance. */
async function spcWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Long series");
  ws.addRow(["Code", "Indicator", "Polarity", ...SIXTEEN_QUARTERS, "Target"]);
  ws.addRow(["A", "Steady then jumps", "Maximise", 50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 51, 49, 50, 80, 45]);
  ws.addRow(["B", "Waiting times rising", "Minimise", 20, 21, 19, 20, 22, 21, 20, 19, 21, 23, 24, 25, 26, 27, 28, 30, 18]);
  ws.addRow(["C", "Recycling rate", "Maximise", 40, 42, 39, 41, 43, 40, 41, 42, 40, 39, 41, 42, 40, 41, 43, 42, 41]);
  return saveWorkbook(wb, dir, "long.xlsx");
}

describe("SPC charts as Making Data Count draws them", () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await zipOf((await summarise(await spcWorkbook(), "long-out.xlsx")).out);
  });

  it("scales each value axis to the data, target and limits, not from zero", async () => {
    for (const part of names(zip, /^xl\/charts\/chart[^/]*\.xml$/)) {
      const xml = await zip.file(part)!.async("string");
      const plotted = [...xml.matchAll(/<c:numCache>[\s\S]*?<\/c:numCache>/g)].flatMap((m) => [...m[0].matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((v) => Number(v[1])));
      const min = Number(/<c:min val="([^"]+)"\/>/.exec(xml)![1]);
      const max = Number(/<c:max val="([^"]+)"\/>/.exec(xml)![1]);
      expect(min).toBeGreaterThan(0);
      expect(min).toBeLessThanOrEqual(Math.min(...plotted));
      expect(max).toBeGreaterThanOrEqual(Math.max(...plotted));
      // Close to the data: the range is no more than twice what the data spans.
      expect(max - min).toBeLessThanOrEqual(2 * (Math.max(...plotted) - Math.min(...plotted)));
    }
  });

  it("puts the variation and assurance icons over each SPC chart, in the NHS colours, with their meaning as alternative text", async () => {
    const drawing = await zip.file(names(zip, /^xl\/drawings\/[^/]+\.xml$/)[0])!.async("string");
    const icons = [...drawing.matchAll(/<xdr:sp\b[\s\S]*?<\/xdr:sp>/g)].map((m) => ({
      name: /name="([^"]+)"/.exec(m[0])![1],
      descr: /descr="([^"]+)"/.exec(m[0])![1],
      fill: /<a:prstGeom prst="ellipse">[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(m[0])![1],
      letter: /<a:t>([^<]+)<\/a:t>/.exec(m[0])![1],
    }));
    // The 'Red Red' chart first (B, waiting times rising past a target of 18), then A (a jump above, its target of 45 below
    // the lower limit), then C (steady, its target of 41 between the limits).
    expect(icons.map((i) => [i.descr, i.fill, i.letter])).toEqual([
      ["Variation: special cause concern from higher values", "E46C0A", "H"],
      ["Assurance: consistently failing the target", "E46C0A", "F"],
      ["Variation: special cause improvement from higher values", "00B0F0", "H"],
      ["Assurance: consistently passing the target", "00B0F0", "P"],
      ["Variation: common cause, no significant change", "A6A6A6", "~"],
      ["Assurance: hit and miss, the target within the process limits", "A6A6A6", "?"],
    ]);
    expect(icons.every((i) => i.name.startsWith("Making Data Count "))).toBe(true);
  });
});

/** A copy of a file as Excel saves one: parts renamed, each chart with its style and colours parts, printer settings on the sheet. */
async function asExcelSaves(path: string, out: string): Promise<string> {
  const src = await zipOf(path);
  const zip = new JSZip();
  const rename = new Map<string, string>();
  names(src, /^xl\/drawings\/[^/]+\.xml$/).forEach((p, i) => rename.set(p, `xl/drawings/drawing${i + 1}.xml`));
  names(src, /^xl\/charts\/[^/]+\.xml$/).forEach((p, i) => rename.set(p, `xl/charts/chart${i + 1}.xml`));
  const relsOf = (p: string) => p.replace(/([^/]+)$/, "_rels/$1.rels");
  for (const [from, to] of [...rename]) rename.set(relsOf(from), relsOf(to));
  let types = await src.file("[Content_Types].xml")!.async("string");
  for (const name of Object.keys(src.files)) {
    if (src.files[name].dir) continue;
    let text = await src.file(name)!.async("string");
    for (const [from, to] of rename) text = text.split(`/${from}`).join(`/${to}`);
    if (name === "[Content_Types].xml") {
      types = text;
      continue;
    }
    zip.file(rename.get(name) ?? name, text);
  }
  const STYLE = "http://schemas.microsoft.com/office/2011/relationships/chartStyle";
  const COLOURS = "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle";
  names(zip, /^xl\/charts\/chart\d+\.xml$/).forEach((chart, i) => {
    zip.file(`xl/charts/style${i + 1}.xml`, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" id="227"/>');
    zip.file(`xl/charts/colors${i + 1}.xml`, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" meth="cycle" id="10"/>');
    zip.file(relsOf(chart), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${COLOURS}" Target="colors${i + 1}.xml"/><Relationship Id="rId1" Type="${STYLE}" Target="style${i + 1}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/xl/charts/style${i + 1}.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors${i + 1}.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>`);
  });
  // Excel keeps each sheet's printer settings beside it.
  let sheetRels = "";
  let rels = "";
  for (const p of names(zip, /^xl\/worksheets\/_rels\/[^/]+\.rels$/)) {
    const text = await zip.file(p)!.async("string");
    if (text.includes("/drawing")) [sheetRels, rels] = [p, text];
  }
  zip.file(sheetRels, rels.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'));
  zip.file("xl/printerSettings/printerSettings1.bin", new Uint8Array([0, 1, 2, 3]));
  types = types.replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default ');
  zip.file("[Content_Types].xml", types);
  writeFileSync(out, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return out;
}

/** The next run's output holds only its own charts and icons: as many as it drew, nothing left from the re-saved copy. */
async function expectOwnChartsOnly(out: string, charts: number, icons: number): Promise<void> {
  const zip = await zipOf(out);
  const drawings = names(zip, /^xl\/drawings\/[^/]+\.xml$/);
  expect(drawings).toHaveLength(1);
  const drawing = await zip.file(drawings[0])!.async("string");
  expect(drawing.match(/<xdr:graphicFrame\b/g)).toHaveLength(charts);
  expect(drawing.match(/<xdr:sp\b/g) ?? []).toHaveLength(icons);
  expect(names(zip, /^xl\/charts\/[^/]+\.xml$/)).toHaveLength(charts);
  expect(names(zip, /^xl\/printerSettings\//)).toEqual([]);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const part of [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1])) expect(zip.file(part)).not.toBeNull();
}

describe("charts re-saved by other programs are recognised as the product's own", () => {
  let first: string;
  let counts: { charts: number; icons: number };
  beforeAll(async () => {
    first = (await summarise(await spcWorkbook(), "first.xlsx")).out;
    const zip = await zipOf(first);
    const drawing = await zip.file(names(zip, /^xl\/drawings\/[^/]+\.xml$/)[0])!.async("string");
    counts = { charts: drawing.match(/<xdr:graphicFrame\b/g)!.length, icons: drawing.match(/<xdr:sp\b/g)!.length };
  });

  it("after Excel: parts renamed, with chart styles and printer settings", async () => {
    const resaved = await asExcelSaves(first, join(dir, "excel-saved.xlsx"));
    const again = await summarise(resaved, "after-excel.xlsx");
    expect(again.json.lost).toEqual([]);
    expect(again.stderr).not.toContain("charts not drawn");
    await expectOwnChartsOnly(again.out, counts.charts, counts.icons);
    expect(violations(again.out)).toEqual([]);
  });

  it("after LibreOffice", async () => {
    const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
    if (soffice.status !== 0) {
      console.log("LibreOffice (soffice) is not installed: the LibreOffice re-save was not checked.");
      return;
    }
    const folder = join(dir, "libreoffice");
    mkdirSync(folder, { recursive: true });
    execFileSync("soffice", ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder, first], { stdio: "pipe", timeout: 240_000 });
    const resaved = join(folder, basename(first));
    expect(names(await zipOf(resaved), /^xl\/charts\/chart\d+\.xml$/).length).toBe(counts.charts);
    const again = await summarise(resaved, "after-libreoffice.xlsx");
    expect(again.json.lost).toEqual([]);
    await expectOwnChartsOnly(again.out, counts.charts, counts.icons);
    // The council's sheet is copied as LibreOffice saved it: whatever the checker finds there was in the input already.
    const before = new Set(violations(resaved));
    expect(violations(again.out).filter((v) => !before.has(v))).toEqual([]);
  }, 300_000);

  it("after openpyxl", async () => {
    const probe = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"], { encoding: "utf8" });
    if (probe.status !== 0) {
      console.log("openpyxl (Debian's python3-openpyxl) is not installed: the openpyxl re-save was not checked.");
      return;
    }
    const resaved = join(dir, "openpyxl-saved.xlsx");
    execFileSync("/usr/bin/python3", ["-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", first, resaved], { stdio: "pipe" });
    expect(names(await zipOf(resaved), /^xl\/charts\/chart\d+\.xml$/).length).toBe(counts.charts);
    const again = await summarise(resaved, "after-openpyxl.xlsx");
    expect(again.json.lost).toEqual([]);
    await expectOwnChartsOnly(again.out, counts.charts, counts.icons);
    expect(violations(again.out)).toEqual([]);
  }, 120_000);

  it("does not take a chart of the council's own data, put on the product's sheet, for its own", async () => {
    const zip = await zipOf(first);
    const part = names(zip, /^xl\/charts\/[^/]+\.xml$/)[0];
    const chart = await zip.file(part)!.async("string");
    // Somebody points one series at the council's sheet.
    zip.file(part, chart.replace(/<c:f>[^<]*<\/c:f>/, "<c:f>'Long series'!$D$2:$S$2</c:f>"));
    const edited = join(dir, "council-chart.xlsx");
    writeFileSync(edited, await zip.generateAsync({ type: "uint8array" }));
    const again = await summarise(edited, "after-council-chart.xlsx");
    // Not silently dropped: the whole file is re-saved and the loss is said, by sheet.
    expect(again.json.lost).not.toEqual([]);
    expect(again.stderr).toMatch(/^Warning: .* lacks some parts of the input/m);
  });
});
