/**
 * The reader's fast paths for the commonest rows, cells and shared strings
 * against its generic path: the same grid for sheets and string tables that
 * mix every shape a writer may use, with the text cut into chunks wherever
 * the inflater cuts it.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { readWorkbook } from "../../src/workbook/xlsx/reader";
import { buildPackage, colName, MAIN } from "../helpers/xlsx-fixtures";

/** A cell at column `c` of row `r` (1-based), in one of the shapes below; `refs` false leaves out r. */
const shapes: ((ref: string) => string)[] = [
  (ref) => `<c${ref}><v>12.5</v></c>`,
  (ref) => `<c${ref} t="s"><v>1</v></c>`,
  (ref) => `<c${ref} s="1"><v>44286</v></c>`, // a date format
  (ref) => `<c${ref} s="1"/>`,
  (ref) => `<c${ref}/>`,
  (ref) => `<c${ref} t="b"><v>1</v></c>`,
  (ref) => `<c${ref} t="e"><v>#N/A</v></c>`,
  (ref) => `<c${ref} t="str"><v>a &amp; b</v></c>`,
  (ref) => `<c${ref} t="str"><v>two\r\nlines</v></c>`,
  (ref) => `<c${ref} t="inlineStr"><is><t>inline</t></is></c>`,
  (ref) => `<c${ref}><f>SUM(A1:A2)</f><v>3</v></c>`,
  (ref) => `<c${ref} t="d"><v>2021-06-30T00:00:00</v></c>`,
  (ref) => `<c${ref}><v></v></c>`,
  (ref) => `<c${ref} cm="1" s='0'><v>0.123456789012345678</v></c>`,
  (ref) => `<c${ref}\n t="s"><v>0</v></c>`,
  (ref) => `<c${ref} ><v> 7 </v></c>`,
  (ref) => `<c${ref} s="x"><v>5</v></c>`,
  (ref) => `<c${ref}><v>-3</v></c>`,
  (ref) => `<c${ref}><v>0.000123</v></c>`,
  (ref) => `<c${ref}><v>1.</v></c>`,
  (ref) => `<c${ref}><v>007.50</v></c>`,
  (ref) => `<c${ref}><v>-0</v></c>`,
  (ref) => `<c${ref}><v>123456789012345</v></c>`,
  (ref) => `<c${ref}><v>1234567890123456789</v></c>`,
  (ref) => `<c${ref}><v>1e3</v></c>`,
  (ref) => `<c${ref}><v>.5</v></c>`,
  (ref) => `<c${ref} t="s"><v>7</v></c>`,
  (ref) => `<c${ref} t="n"><v>2.675</v></c>`,
  (ref) => `<c${ref}><v>1</v> </c>`,
  (ref) => `<x:c${ref} xmlns:x="${MAIN}"><x:v>9</x:v></x:c>`,
  (ref) => `<c${ref} xmlns="urn:other"><v>9</v></c>`,
];

/**
 * A row's start and end tags (for row number `r`) in one of the shapes writers use; an empty end tag makes the
 * row `<row …/>`, with no cells.
 */
const rowShapes: ((r: number) => [string, string])[] = [
  (r) => [`<row r="${r}">`, "</row>"],
  (r) => [`<row r="${r}" spans="1:9" x14ac:dyDescent="0.25">`, "</row>"],
  (r) => [`<row spans="1:9" r="${r}">`, "</row>"],
  () => ["<row>", "</row>"], // no r: the next row
  (r) => [`<row r="${r}" hidden="1" ht="30" customHeight="1">`, "</row>"],
  (r) => [`<row hidden="true" outlineLevel="1" collapsed="1" r='${r}'>`, "</row>"],
  (r) => [`<row r="${r}" hidden="0" s="2" customFormat="1">`, "</row>"],
  (r) => [`<row r="${r}" hidden="&#49;">`, "</row>"],
  (r) => [`<row\n r="${r}"\thidden="1">`, "</row >"],
  (r) => [`<row r = "${r}">`, "</row>"],
  (r) => [`<row r="${r}" xmlns="${MAIN}">`, "</row>"],
  (r) => [`<x:row r="${r}" xmlns:x="${MAIN}">`, "</x:row>"],
  (r) => [`<row r="${r}" xmlns="urn:other">`, "</row>"],
  (r) => [`<row r="${r}.5">`, "</row>"],
  (r) => [`<row r="${r}" ht="15" hidden="1"/>`, ""],
  (r) => [`<row r="${r}" spans="1:9" />`, ""],
];

function sheet(rows: { shape: number; cells: { shape: number; skip: boolean; ref: boolean }[] }[]): string {
  const body = rows.map(({ shape, cells }, r) => {
    let col = 0;
    const xml = cells.map((cell) => {
      if (cell.skip) col += 40; // a gap wider than the reader's 32 blank columns
      const ref = cell.ref ? ` r="${colName(col)}${r + 1}"` : "";
      col++;
      return shapes[cell.shape](ref);
    }).join("");
    const [start, end] = rowShapes[shape](r + 1);
    return end ? start + xml + end : start;
  }).join("");
  const x14ac = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:x14ac="${x14ac}"><sheetData>${body}</sheetData></worksheet>`;
}

const cell = fc.record({ shape: fc.nat(shapes.length - 1), skip: fc.nat(9).map((n) => n === 0), ref: fc.boolean() });
// Mostly the plain row, as real sheets are, so that long runs of fast rows meet the others.
const row = fc.record({ shape: fc.oneof(fc.constant(0), fc.nat(rowShapes.length - 1)), cells: fc.array(cell, { minLength: 1, maxLength: 8 }) });
const rows = fc.array(row, { minLength: 1, maxLength: 600 });

async function withSheet(xml: string, sharedStrings?: string): Promise<Uint8Array> {
  const base = await buildPackage({ sheets: [{ name: "Data", rows: [["a", "b"]] }], xfs: [14] });
  const zip = await JSZip.loadAsync(base);
  zip.file("xl/worksheets/sheet1.xml", xml);
  if (sharedStrings) zip.file("xl/sharedStrings.xml", sharedStrings);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Shared strings in each shape a writer may use: plain, preserved, rich text, phonetic guides, references, escapes. */
const stringShapes: ((i: number) => string)[] = [
  (i) => `<si><t>Indicator ${i}</t></si>`,
  (i) => `<si><t xml:space="preserve"> padded ${i} </t></si>`,
  (i) => `<si><r><rPr><b/></rPr><t>bold ${i}</t></r><r><t xml:space="preserve"> plain</t></r></si>`,
  (i) => `<si><t>漢字 ${i}</t><rPh sb="0" eb="1"><t>かんじ</t></rPh></si>`,
  (i) => `<si><t>A &amp; B ${i}</t></si>`,
  (i) => `<si><t>line\r\nbreak ${i}</t></si>`,
  (i) => `<si><t>tab_x0009_${i}</t></si>`,
  () => "<si><t/></si>",
  (i) => `<si>\n  <t>spaced ${i}</t>\n</si>`,
  (i) => `<si><t xml:space="default">other ${i}</t></si>`,
];

describe("the reader's fast paths for common rows, cells and shared strings", () => {
  it("gives the grid the generic path gives, for any mix of row and cell shapes and chunk cuts", async () => {
    await fc.assert(fc.asyncProperty(rows, async (list) => {
      const data = await withSheet(sheet(list));
      const fast = await readWorkbook(data);
      const generic = await readWorkbook(data, undefined, { fast: false });
      expect(fast.sheets[0].grid).toEqual(generic.sheets[0].grid);
    }), { numRuns: 40 });
  });

  it("gives the shared strings the generic path gives, for any mix of string shapes and chunk cuts", async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(stringShapes.length - 1), { minLength: 1, maxLength: 3000 }), async (list) => {
      const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">${list.map((k, i) => stringShapes[k](i)).join("")}</sst>`;
      const cells = list.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join("");
      const data = await withSheet(`<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`, sst);
      const fast = await readWorkbook(data);
      const generic = await readWorkbook(data, undefined, { fast: false });
      expect(fast.sheets[0].grid).toEqual(generic.sheets[0].grid);
    }), { numRuns: 25 });
  });

  it("reads every plain decimal to the very number Number() gives", async () => {
    const digits = (min: number, max: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));
    const decimal = fc.tuple(fc.boolean(), digits(1, 12), fc.option(digits(1, 10), { nil: undefined })).map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
    await fc.assert(fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 400 }), async (texts) => {
      const cells = texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${t}</v></c></row>`).join("");
      const grid = (await readWorkbook(await withSheet(`<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`))).sheets[0].grid;
      texts.forEach((t, i) => expect(Object.is(grid.rows[i]?.[0], Number(t))).toBe(true));
    }), { numRuns: 30 });
  });

  it("reads the common shapes to the values a user expects", async () => {
    const data = await withSheet(sheet([{ shape: 0, cells: [0, 1, 2, 3, 5, 6, 7, 13].map((shape) => ({ shape, skip: false, ref: true })) }]));
    const grid = (await readWorkbook(data)).sheets[0].grid;
    expect(grid.rows[0]).toEqual([12.5, "b", new Date(Date.UTC(2021, 2, 31)), null, true, { error: "#N/A" }, "a & b", 0.12345678901234568]);
  });
  /** The sheet's grid read by both paths, which must agree. */
  async function bothPaths(sheetData: string, declarations = "") {
    const data = await withSheet(`<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"${declarations}>${sheetData}</worksheet>`);
    const grid = (await readWorkbook(data)).sheets[0].grid;
    expect((await readWorkbook(data, undefined, { fast: false })).sheets[0].grid).toEqual(grid);
    return grid;
  }

  it("reads a row's number and hidden flag from its attributes in any order, and the next row where r is missing", async () => {
    const grid = await bothPaths("<sheetData>"
      + `<row spans="1:2" hidden="1" r="3" ht="30" customHeight="1"><c r="A3"><v>3</v></c></row>`
      + `<row><c r="A4"><v>4</v></c></row>`
      + `<row r='6' hidden="false" outlineLevel="2"><c r="A6"><v>6</v></c></row>`
      + `<row r="7" hidden="true"/>`
      + `<row r="8" x14ac:dyDescent="0.25" hidden="true"><c r="B8"><v>8</v></c></row>`
      + "</sheetData>", ` xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`);
    expect(grid.rows).toEqual([[], [], [3], [4], [], [6], [], [null, 8]]);
    expect(grid.hiddenRows).toEqual([2, 7]);
  });

  it("keeps namespace scopes across rows read by either path", async () => {
    // A prefix declared on sheetData holds for every row in it; one declared on a row ends with that row.
    const q = (row: number) => `<q:row r="${row}"><q:c r="A${row}"><q:v>${row}</q:v></q:c></q:row>`;
    const grid = await bothPaths(`<sheetData xmlns:q="${MAIN}"><row r="1"><c r="A1"><v>1</v></c></row>${q(2)}`
      + `<row r="3" xmlns:p="${MAIN}"><p:c r="A3"><p:v>3</p:v></p:c></row><p:row r="4"><p:c r="A4"><p:v>4</p:v></p:c></p:row>${q(5)}`
      + "</sheetData>");
    expect(grid.rows).toEqual([[1], [2], [3], [], [5]]);
  });

  it("builds each row from its own cells alone: none left from a longer row before, holes past a gap, rows met again", async () => {
    const c = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const cells = (row: number, from: number, count: number) => Array.from({ length: count }, (_, k) => c(`${colName(from + k)}${row}`, row * 100 + k)).join("");
    const grid = await bothPaths("<sheetData>"
      + `<row r="1">${cells(1, 0, 6)}</row>` // a long row, then shorter ones after it
      + `<row r="2">${c("B2", 2)}</row>`
      + `<row r="3">${c("C3", 31)}${c("A3", 30)}</row>`
      + `<row r="4">${c("A4", 4)}${c("AQ4", 42)}</row>` // 41 blank columns: a hole, not 41 nulls
      + `<row r="5">${cells(5, 0, 70)}</row>` // past 64 columns
      + `<row r="6">${c("A6", 6)}<c r="B6"/></row>`
      + `<row r="7">${c("A7", 71)}${c("B7", 72)}</row><row r="7">${c("D7", 74)}</row><row r="7"/>` // row 7 written three times
      + `<row r="10">${c("A10", 10)}</row><row r="9">${c("B9", 9)}</row>` // back to a blank row
      + "</sheetData>");
    expect(grid.rows.slice(0, 3)).toEqual([[100, 101, 102, 103, 104, 105], [null, 2], [30, null, 31]]);
    expect(grid.rows[3].length).toBe(43);
    expect(Object.keys(grid.rows[3])).toEqual(["0", "42"]);
    expect([grid.rows[3][0], grid.rows[3][42]]).toEqual([4, 42]);
    expect(grid.rows[4]).toEqual(Array.from({ length: 70 }, (_, k) => 500 + k));
    expect(grid.rows.slice(5)).toEqual([[6], [71, 72, null, 74], [], [null, 9], [10]]);
    grid.rows.forEach((r, i) => i !== 3 && expect(Object.keys(r).length).toBe(r.length));
  });

  it("reads no cell outside a row, and no row inside a cell, by either path", async () => {
    // After `<row r="1"/>` the cell that follows belongs to no row; a row written inside a cell is not a row.
    const grid = await bothPaths(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1"/><c r="B1"><v>2</v></c>`
      + `<row r="2"><c r="A2"><f>A1</f><v>1</v><row r="9"/></c><c r="B2" t="inlineStr"><is><row r="9"></row><t>b</t></is></c></row></sheetData>`);
    expect(grid.rows).toEqual([[1], [1, "b"]]);
  });

  it.each([
    ["an end tag that closes another element", `<row r="1"><c r="A1"><v>1</v></c><extLst>\n</row>\n</extLst></sheetData>`, 4],
    ["an end tag whose name only begins as row's", `<row r="1">\n</rows>\n</sheetData>`, 4],
    ["a row left open", `<row r="1"><c r="A1"><v>1</v></c>\n</sheetData>`, 4],
    ["a row that is never opened", `<row r="1"></row>\n</row>\n</sheetData>`, 4],
    ["a row opened with a prefix and closed without", `<x:row r="1" xmlns:x="${MAIN}"><c r="A1"><v>1</v></c>\n</row>\n</x:row></sheetData>`, 4],
  ])("refuses %s, by either path, naming its line", async (_, rows, line) => {
    const data = await withSheet(`<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}">\n<sheetData>${rows}</worksheet>`);
    for (const fast of [true, false]) {
      await expect(readWorkbook(data, undefined, { fast })).rejects.toThrow(new RegExp(`sheet1\\.xml is not well-formed XML \\(line ${line}\\)`));
    }
  });
});
