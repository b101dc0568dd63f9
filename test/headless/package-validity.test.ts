/**
 * The package stays one Excel opens without repair, on inputs shaped like
 * what Excel saves: part names in another case keep their charts, colour
 * rules go where CT_Worksheet puts them (never inside a data bar's extLst),
 * a second run does not add another copy, and the rules added to a council
 * sheet are numbered after the council's own.
 */
import JSZip from "jszip";
import { excelShapedWorkbook } from "../helpers/excel-shaped";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { inspectPackage, zipFiles } from "../../src/workbook/xlsx/parts";

async function run(data: Uint8Array, formatSource: boolean) {
  const wb = await XlsxWorkbook.open(data);
  await summarise(wb, { formatSource });
  return wb.save();
}

async function partText(data: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(data)).file(name)!.async("string");
}

const priorities = (xml: string) => [...xml.matchAll(/<(?:\w+:)?cfRule\b[^>]*?\spriority="(\d+)"/g)].map((m) => Number(m[1]));
const OWN_BLOCK = /<conditionalFormatting sqref="[^"]*"><cfRule type="expression"[\s\S]*?<\/conditionalFormatting>/g;

describe("part names in another case (Sheet1.xml with a chart)", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await excelShapedWorkbook({ capitalS: true, chart: true });
    output = (await run(input, false)).data;
  });

  it("adds no part whose name differs from an existing one only by case", async () => {
    const names = Object.values((await JSZip.loadAsync(output)).files).filter((f) => !f.dir).map((f) => f.name);
    const lower = names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(names.length);
    const types = await partText(output, "[Content_Types].xml");
    const overrides = [...types.matchAll(/PartName="([^"]*)"/g)].map((m) => m[1].toLowerCase());
    expect(new Set(overrides).size).toBe(overrides.length);
  });

  it("keeps the chart on the council's own sheet, its parts byte for byte", async () => {
    const before = await JSZip.loadAsync(input);
    const after = await JSZip.loadAsync(output);
    for (const name of ["xl/worksheets/Sheet1.xml", "xl/worksheets/_rels/Sheet1.xml.rels", "xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]) {
      expect(await after.file(name)!.async("string")).toBe(await before.file(name)!.async("string"));
    }
    const parts = await inspectPackage(zipFiles(output));
    expect(parts.sheets.Priorities).toEqual({ charts: 1 });
    for (const [sheet, counts] of Object.entries(parts.sheets)) if (sheet !== "Priorities") expect(counts).toEqual({});
  });
});

describe("colour rules on a sheet with an Excel 2010 data bar", () => {
  let input: Uint8Array;
  let first: Uint8Array;
  let second: Uint8Array;
  beforeAll(async () => {
    input = await excelShapedWorkbook();
    first = (await run(input, true)).data;
    second = (await run(first, true)).data;
  });

  it("puts the new blocks among the sheet's own children, before pageMargins, leaving the rest of the sheet as it was", async () => {
    const before = await partText(input, "xl/worksheets/sheet1.xml");
    const after = await partText(first, "xl/worksheets/sheet1.xml");
    const added = after.match(OWN_BLOCK) ?? [];
    expect(added.length).toBeGreaterThan(0);
    expect(after.replace(OWN_BLOCK, "")).toBe(before);
    // Directly after the council's last block and before pageMargins: not in the data bar's <extLst>.
    expect(after.indexOf(added[0]!)).toBe(before.indexOf("<pageMargins"));
    expect(after.slice(after.indexOf("</sheetData>"), after.indexOf(added[0]!))).toMatch(/<\/conditionalFormatting>$/);
  });

  it("numbers the added rules after the council's own (main and x14), keeping the council's", async () => {
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const before = priorities(await partText(input, part));
      const after = priorities(await partText(first, part));
      const added = after.length - before.length;
      expect(added).toBeGreaterThan(0);
      const next = Array.from({ length: added }, (_, i) => Math.max(...before) + 1 + i);
      expect([...after].sort((a, b) => a - b)).toEqual([...before, ...next].sort((a, b) => a - b));
    }
  });

  it("replaces its own blocks on a second run rather than adding another copy", async () => {
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      expect(await partText(second, part)).toBe(await partText(first, part));
    }
  });
});

describe("a full re-save (Strict Open XML in, Transitional out)", () => {
  it("keeps the council's text rules whole: 'contains text' with its operator and text, 'begins with' with its format", async () => {
    const saved = await run(await excelShapedWorkbook({ strict: true }), true);
    expect(saved.method).toBe("rewritten");
    const zip = await JSZip.loadAsync(saved.data);
    const rules = async (sheetNo: number) => (await zip.file(`xl/worksheets/sheet${sheetNo}.xml`)!.async("string")).match(/<cfRule\b[^>]*>/g) ?? [];
    expect((await rules(1)).find((r) => /type="containsText"/.test(r))).toMatch(/operator="containsText"/);
    expect((await rules(1)).find((r) => /type="containsText"/.test(r))).toMatch(/text="Red"/);
    const beginsWith = (await rules(2)).find((r) => /type="beginsWith"/.test(r));
    expect(beginsWith).toMatch(/text="Failure"/);
    const dxfs = ((await zip.file("xl/styles.xml")!.async("string")).match(/<dxf>[\s\S]*?<\/dxf>/g) ?? []);
    expect(dxfs[Number(/dxfId="(\d+)"/.exec(beginsWith!)![1])]).toMatch(/FFFFC7CE/);
    for (const sheet of [1, 2]) {
      const priorities = (await rules(sheet)).map((r) => Number(/priority="(\d+)"/.exec(r)![1]));
      expect(new Set(priorities).size).toBe(priorities.length);
    }
  });
});
