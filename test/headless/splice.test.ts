/**
 * Saving by splicing the product's sheets into the council's own package:
 * the council's parts stay byte for byte, a second quarter's run replaces
 * the product's sheets in place without growing the file's styles, and
 * every part written is well-formed and in the order Excel requires.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { SAMPLE, tempDir, sheetValues, withChart } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { elements, attr } from "../../src/workbook/xlsx/xml-text";
import { sheetXml, legacyPasswordHash } from "../../src/workbook/xlsx/sheet-xml";
import { StyleBook } from "../../src/workbook/xlsx/style-book";
import { SheetPlan } from "../../src/core";

const dir = tempDir();
const EDITED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

async function run(data: Uint8Array, formatSource = true): Promise<{ data: Uint8Array; method: string; lost: string[] }> {
  const wb = await XlsxWorkbook.open(data);
  await summarise(wb, { formatSource });
  return wb.save();
}

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("string"));
  return out;
}

/** The names of an element's direct children, in order (enough for the flat parts checked here). */
function childOrder(xml: string, root: string): string[] {
  const body = new RegExp(`<${root}\\b[^>]*>([\\s\\S]*)</${root}>`).exec(xml)![1];
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
}

const WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const STYLES_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function expectInOrder(children: string[], order: string[]): void {
  const positions = children.map((c) => order.indexOf(c));
  expect(positions).not.toContain(-1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe("saving into the council's package", () => {
  const input = new Uint8Array(readFileSync(SAMPLE));
  let first: Awaited<ReturnType<typeof run>>;
  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(async () => {
    first = await run(input);
    before = await parts(input);
    after = await parts(first.data);
  });

  it("splices rather than re-saving, and loses nothing", () => {
    expect(first.method).toBe("spliced");
    expect(first.lost).toEqual([]);
  });

  it("leaves every part it has no reason to change byte for byte, and the council's sheets only gain colour rules", async () => {
    let formatted = 0;
    for (const [name, text] of before) {
      if (EDITED.has(name)) continue;
      const now = after.get(name);
      expect({ name, present: now !== undefined }).toEqual({ name, present: true });
      if (now === text) continue;
      // Only a council sheet's colour rules may differ: everything outside them is identical.
      const strip = (x: string) => x.replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, "");
      expect({ name, rest: strip(now!) }).toEqual({ name, rest: strip(text) });
      formatted++;
    }
    expect(formatted).toBeGreaterThan(0);
  });

  it("writes well-formed parts in the element order Excel requires", () => {
    const file = join(dir, "part.xml");
    for (const [name, text] of after) {
      if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
      writeFileSync(file, text);
      expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
      if (name.startsWith("xl/worksheets/sheet")) expectInOrder(childOrder(text, "worksheet"), WORKSHEET_ORDER);
    }
    expectInOrder(childOrder(after.get("xl/styles.xml")!, "styleSheet"), STYLES_ORDER);
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
      const block = new RegExp(`<${section}\\b[^>]*>[\\s\\S]*?</${section}>`).exec(after.get("xl/styles.xml")!)![0];
      const child = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" }[section]!;
      expect({ section, count: Number(attr(block, "count")) }).toEqual({ section, count: elements(block.replace(/^<[^>]*>/, ""), child).length });
    }
  });

  it("replaces its own sheets in place on the next quarter's run, without growing the styles", async () => {
    const second = await run(first.data);
    expect(second.method).toBe("spliced");
    const again = await parts(second.data);
    expect(again.get("xl/styles.xml")).toBe(after.get("xl/styles.xml"));
    const sheetsOf = (p: Map<string, string>) => elements(p.get("xl/workbook.xml")!, "sheet").map((s) => [attr(s, "name"), attr(s, "sheetId"), attr(s, "r:id")]);
    expect(sheetsOf(again)).toEqual(sheetsOf(after));
    expect([...again.keys()].sort()).toEqual([...after.keys()].sort());
    for (const name of ["Summary", "Exceptions", "Risk register"]) {
      const [a, b] = await Promise.all([first.data, second.data].map(async (d) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(d as unknown as ArrayBuffer);
        return sheetValues(wb.getWorksheet(name)!);
      }));
      // The Summary's third line says what the run did with the stored quarter: stored it first, then found it the same.
      if (name === "Summary") {
        expect(String(a[2][0])).toMatch(/^Q1 2021\/22: results stored today \(\d\d\/\d\d\/\d{4}\); a re-run of Q1 2021\/22 reprints them unless you choose to replace them\.$/);
        expect(String(b[2][0])).toMatch(/^Q1 2021\/22: results as stored on \d\d\/\d\d\/\d{4}; this run gives the same\.$/);
        expect(b.filter((_, i) => i !== 2)).toEqual(a.filter((_, i) => i !== 2));
      } else expect(b).toEqual(a);
    }
  });

  it("drops a stale calculation chain when it replaces a sheet, so Excel rebuilds it", async () => {
    const zip = await JSZip.loadAsync(first.data);
    zip.file("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="8"/></calcChain>');
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const out = await parts((await run(await zip.generateAsync({ type: "uint8array" }))).data);
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(out.get("[Content_Types].xml")).not.toMatch(/calcChain/);
    expect(out.get("xl/_rels/workbook.xml.rels")).not.toMatch(/calcChain/);
  });

  it("removes a sheet and keeps sheet-local names and the active tab on the sheets they belonged to", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["Intro", "Old output", "Notes"]) wb.addWorksheet(name).getCell("A1").value = name;
    wb.getWorksheet("Notes")!.pageSetup.printArea = "A1:B2";
    wb.views = [{ activeTab: 2 } as ExcelJS.WorkbookView];
    const x = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    await x.deleteSheets(["Old output"]);
    const saved = await x.save();
    expect(saved.method).toBe("spliced");
    const p = await parts(saved.data);
    expect(elements(p.get("xl/workbook.xml")!, "sheet").map((s) => attr(s, "name"))).toEqual(["Intro", "Notes"]);
    const printArea = elements(p.get("xl/workbook.xml")!, "definedName").find((d) => attr(d, "name") === "_xlnm.Print_Area")!;
    expect(attr(printArea, "localSheetId")).toBe("1");
    expect(attr(elements(p.get("xl/workbook.xml")!, "workbookView")[0], "activeTab")).toBe("1");
    expect([...p.keys()].filter((k) => k.startsWith("xl/worksheets/sheet"))).toHaveLength(2);
  });

  it("re-saves the whole file, listing what that loses, when someone put a chart on one of its sheets", async () => {
    const zip = await JSZip.loadAsync(first.data);
    const wbRels = elements(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"), "Relationship");
    const rid = attr(elements(await zip.file("xl/workbook.xml")!.async("string"), "sheet").find((s) => attr(s, "name") === "Summary")!, "r:id");
    const part = `xl/${attr(wbRels.find((r) => attr(r, "Id") === rid)!, "Target")!.replace(/^\/?(xl\/)?/, "")}`;
    const path = join(dir, "summary-chart.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "uint8array" }));
    const withChartOnSummary = await withChart(path, join(dir, "summary-chart-2.xlsx"), part);
    const saved = await run(new Uint8Array(readFileSync(withChartOnSummary)));
    expect(saved.method).toBe("rewritten");
    expect(saved.lost).toEqual(["Sheet 'Summary': 1 of 1 charts", "Sheet 'Indicator charts': 3 charts not drawn (the whole file had to be re-saved)"]);
  });
});

describe("a sheet written from its plan", () => {
  const plan = (cells: SheetPlan["cells"], extra: Partial<SheetPlan> = {}): SheetPlan => ({
    purpose: "test", name: "T", cells, styles: [], columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [], ...extra,
  });

  async function roundTrip(p: SheetPlan): Promise<ExcelJS.Worksheet> {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Base").getCell("A1").value = "base";
    const opened = await XlsxWorkbook.open(new Uint8Array(await base.xlsx.writeBuffer()));
    await opened.writeSheets([{ plan: p, replace: false }]);
    const saved = await opened.save();
    expect(saved.method).toBe("spliced");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved.data as unknown as ArrayBuffer);
    return wb.getWorksheet("T")!;
  }

  it("keeps formula-like, control-character and escape-like text as text", async () => {
    const ws = await roundTrip(plan([["=SUM(A1:A9)", "+1", "@x", "a\u0001b", "tab\tand\nline", "Données 😀", "\uD800x"]]));
    // Characters XML cannot hold are written as Excel writes them, _xHHHH_ (Excel and this product's reader decode them; ExcelJS shows them as written).
    expect(ws.getRow(1).values).toEqual([undefined, "=SUM(A1:A9)", "+1", "@x", "a_x0001_b", "tab\tand\nline", "Données 😀", "_xD800_x"]);
    for (let c = 1; c <= 7; c++) expect(ws.getCell(1, c).formula).toBeUndefined();
    // Excel and LibreOffice read "_x0041_" in a cell as "A"; the literal text survives only with its underscore escaped.
    expect(sheetXml(plan([["_x0041_"]]), new StyleBook())).toContain("<t>_x005F_x0041_</t>");
  });

  it("writes dates as dates (UK format), numbers, booleans and formulas", async () => {
    const ws = await roundTrip(plan([[{ date: "2021-06-30" }, 62.5, true, { formula: "1+1" }]]));
    expect(ws.getCell("A1").value).toEqual(new Date(Date.UTC(2021, 5, 30)));
    expect(ws.getCell("A1").numFmt).toBe("dd/mm/yyyy");
    expect([ws.getCell("B1").value, ws.getCell("C1").value]).toEqual([62.5, true]);
    expect(ws.getCell("D1").formula).toBe("1+1");
  });

  it("protects a template with Excel's legacy hash, leaving input cells unlocked", async () => {
    expect([legacyPasswordHash("secret"), legacyPasswordHash("test")]).toEqual(["DAA7", "CBEB"]);
    const p = plan([["Locked", "Input"]], { styles: [{ ref: "B1", style: { locked: false } }], protection: { password: "secret" } });
    const xml = sheetXml(p, new StyleBook());
    expect(xml).toMatch(/<sheetProtection password="DAA7" sheet="1"/);
    const ws = await roundTrip(p);
    expect(ws.getCell("B1").protection).toMatchObject({ locked: false });
  });

  it("links only inside the workbook", () => {
    const xml = sheetXml(plan([[{ link: "#'Data'!B2", text: "Go" }, { link: "https://example.com", text: "Out" }]]), new StyleBook());
    expect(elements(xml, "hyperlink")).toEqual([`<hyperlink ref="A1" location="&apos;Data&apos;!B2" display="Go"/>`]);
  });
});
