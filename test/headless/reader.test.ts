/**
 * The streaming reader gives the core the grids it always had: the same
 * values ExcelJS gave for files libraries write, and the right values for the
 * shapes councils' files come in that ExcelJS could not read.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { SAMPLE } from "../helpers/workbooks";
import { readGrid } from "../helpers/exceljs-grid";
import { buildPackage, priorityRows, MAIN } from "../helpers/xlsx-fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { SheetGrid } from "../../src/core";

async function exceljsGrids(data: Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map(readGrid);
}

async function grids(data: Uint8Array): Promise<SheetGrid[]> {
  return (await XlsxWorkbook.open(data)).readSheets();
}

async function grid(data: Uint8Array, sheet = 0): Promise<SheetGrid> {
  return (await grids(data))[sheet];
}

describe("the streaming reader", () => {
  it("reads the sample workbook exactly as ExcelJS does", async () => {
    const data = new Uint8Array(readFileSync(SAMPLE));
    expect(await grids(data)).toEqual(await exceljsGrids(data));
  });

  it("reads every kind of value ExcelJS writes as ExcelJS reads it: dates, booleans, errors, formulas, rich text, links, merges, tables, hidden rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mixed");
    ws.addRow(["Text", 12.5, true, new Date(Date.UTC(2021, 5, 30)), { error: "#N/A" }]);
    ws.addRow([{ formula: "B1*2", result: 25 }, { formula: "A1", result: "Text" }, { richText: [{ text: "Gr", font: { bold: true } }, { text: "een" }] }, { text: "a link", hyperlink: "https://example.org" }]);
    ws.getCell("D2").numFmt = "dd/mm/yyyy";
    ws.getCell("E2").value = 44561;
    ws.getCell("E2").numFmt = "dd/mm/yyyy";
    ws.getRow(3).values = ["hidden row", 3];
    ws.getRow(3).hidden = true;
    ws.getCell("J40").value = "far away";
    ws.mergeCells("A5:C5");
    const t = wb.addWorksheet("Tabled");
    t.addTable({ name: "Risks", ref: "B2", columns: [{ name: "Risk" }, { name: "Level" }], rows: [["Flooding", "High"], ["Budget", "Low"]] });
    wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = "x";
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const ours = await grids(data);
    expect(ours).toEqual(await exceljsGrids(data));
    expect(ours[0].rows[1][4]).toEqual(new Date(Date.UTC(2021, 11, 31)));
    expect(ours[1].tables).toEqual([{ name: "Risks", ref: "B2:C4" }]);
  });

  it("reads prefixed SpreadsheetML (<x:workbook>, as the Open XML SDK and ClosedXML write)", async () => {
    const data = await buildPackage({ prefix: "x", sheets: [{ name: "Priorities", rows: priorityRows(3) }] });
    const JSZip = (await import("jszip")).default;
    expect(await (await JSZip.loadAsync(data)).file("xl/workbook.xml")!.async("string")).toMatch(/<x:workbook xmlns:x=/);
    const g = await grid(data);
    expect(g.name).toBe("Priorities");
    expect(g.rows).toEqual(priorityRows(3));
  });

  it("reads Strict Open XML", async () => {
    const data = await buildPackage({ strict: true, sheets: [{ name: "Priorities", rows: priorityRows(3) }], xfs: [14] });
    expect((await grid(data)).rows).toEqual(priorityRows(3));
  });

  it("reads rows and cells without `r`, an empty <c/> keeping its column", async () => {
    const rows = [["Directorate", "Priority", null, "RAG"], ["Finance", "Budget", null, "Green"], ["Legal", null, "note", "Red"]];
    const g = await grid(await buildPackage({ sheets: [{ name: "S", rows, refs: false }] }));
    expect(g.rows).toEqual(rows);
  });

  it("reads inline strings, rich inline strings and phonetic-free shared strings", async () => {
    const data = await buildPackage({ sheets: [{ name: "S", strings: "inline", rows: [["Plain", { inline: ["Gr", "een"] }]] }] });
    expect((await grid(data)).rows).toEqual([["Plain", "Green"]]);
  });

  it("gives formulas their cached results, shared formulas included, and booleans and errors as themselves", async () => {
    const data = await buildPackage({ sheets: [{ name: "S", rows: [] }] });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(data);
    zip.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row>`
      + `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F2"><f>A2*0</f><v>0</v></c></row>`
      + `<row r="3"><c r="B3"><f t="shared" si="0"/></c></row></sheetData></worksheet>`);
    const g = await grid(await zip.generateAsync({ type: "uint8array" }));
    // A cached result of 0 is 0 (ExcelJS read it as blank).
    expect(g.rows).toEqual([[2, 4], [3, 6, true, { error: "#DIV/0!" }, "ab", 0]]);
  });

  it("turns numbers into dates only where the number format shows a date, in the 1900 and 1904 systems", async () => {
    const rows = [[{ style: 1, value: 44561 }, { style: 2, value: 44561 }, { style: 3, value: 44561.5 }, 44561]];
    const spec = { sheets: [{ name: "S", rows }], numFmts: [{ id: 164, code: "dd/mm/yyyy" }, { id: 165, code: '0.0 "days"' }], xfs: [14, 164, 165] };
    const g = await grid(await buildPackage(spec));
    expect(g.rows[0]).toEqual([new Date(Date.UTC(2021, 11, 31)), new Date(Date.UTC(2021, 11, 31)), 44561.5, 44561]);
    const g1904 = await grid(await buildPackage({ ...spec, date1904: true }));
    expect(g1904.rows[0][0]).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(g.formats?.[0]).toEqual([undefined, undefined, '0.0 "days"']);
  });

  it("keeps each number's format where it matters (80% is 0.8 shown as a percentage); dates in upper-case codes; a date beyond Excel's range stays a number", async () => {
    const rows = [
      ["Target", "Actual", "Due", "Far", "Plain", "Fixed"],
      [{ style: 1, value: 0.8 }, { style: 2, value: 0.755 }, { style: 3, value: 44561 }, { style: 3, value: 3e6 }, 12, { style: 4, value: 3.5 }],
    ];
    const spec = { sheets: [{ name: "S", rows }], numFmts: [{ id: 164, code: "YYYY-MM-DD" }, { id: 165, code: "#,##0.0" }], xfs: [9, 10, 164, 165] };
    const data = await buildPackage(spec);
    for (const fast of [true, false]) {
      const { sheets } = await (await import("../../src/workbook/xlsx/reader")).readWorkbook(data, undefined, { fast });
      const g = sheets[0].grid;
      expect(g.rows[1]).toEqual([0.8, 0.755, new Date(Date.UTC(2021, 11, 31)), 3e6, 12, 3.5]);
      expect(g.formats).toEqual([undefined, ["0%", "0.00%", undefined, undefined, undefined, "#,##0.0"]]);
    }
  });

  it("resolves relationships to parts named in another case (Sheet1.xml)", async () => {
    const data = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(2) }], sheetEntry: () => "xl/worksheets/Sheet1.xml" });
    expect((await grid(data)).rows).toEqual(priorityRows(2));
  });

  it("takes mc:Fallback over an mc:Choice needing an extension it does not read, and a Choice it can read over its Fallback", async () => {
    const mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    const data = await buildPackage({
      sheets: [{ name: "S", rows: [["Before"]] }],
      workbookExtra: `<mc:AlternateContent xmlns:mc="${mc}"><mc:Choice Requires="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:absPath url="C:\\"/></mc:Choice></mc:AlternateContent>`,
    });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(data);
    zip.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}" xmlns:mc="${mc}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:m="${MAIN}"><sheetData>`
      + `<mc:AlternateContent><mc:Choice Requires="x14"><row r="1"><c r="A1"><v>1</v></c></row></mc:Choice><mc:Fallback><row r="1"><c r="A1"><v>2</v></c></row></mc:Fallback></mc:AlternateContent>`
      + `<mc:AlternateContent><mc:Choice Requires="m"><row r="2"><c r="A2"><v>3</v></c></row></mc:Choice><mc:Fallback><row r="2"><c r="A2"><v>4</v></c></row></mc:Fallback></mc:AlternateContent>`
      + `</sheetData></worksheet>`);
    expect((await grid(await zip.generateAsync({ type: "uint8array" }))).rows).toEqual([[2], [3]]);
  });

  it("keeps hidden rows that hold data, merged ranges and sheet visibility", async () => {
    const data = await buildPackage({
      sheets: [
        { name: "Shown", rows: priorityRows(3), hiddenRows: [2], after: '<mergeCells count="1"><mergeCell ref="F1:G1"/></mergeCells>' },
        { name: "Gone", rows: [["x"]], state: "veryHidden" },
      ],
    });
    const [shown, gone] = await grids(data);
    expect(shown.hiddenRows).toEqual([2]);
    expect(shown.merges).toEqual(["F1:G1"]);
    expect(gone.visibility).toBe("veryHidden");
  });
});
