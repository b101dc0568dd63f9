/**
 * The reader's fast paths for the commonest cells and shared strings
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

function sheet(rows: { shape: number; skip: boolean; ref: boolean }[][]): string {
  const body = rows.map((cells, r) => {
    let col = 0;
    const xml = cells.map((cell) => {
      if (cell.skip) col += 40; // a gap wider than the reader's 32 blank columns
      const ref = cell.ref ? ` r="${colName(col)}${r + 1}"` : "";
      col++;
      return shapes[cell.shape](ref);
    }).join("");
    return `<row r="${r + 1}">${xml}</row>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

const cell = fc.record({ shape: fc.nat(shapes.length - 1), skip: fc.nat(9).map((n) => n === 0), ref: fc.boolean() });
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 600 });

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

describe("the reader's fast paths for common cells and shared strings", () => {
  it("gives the grid the generic path gives, for any mix of cell shapes and chunk cuts", async () => {
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
    const data = await withSheet(sheet([[0, 1, 2, 3, 5, 6, 7, 13].map((shape) => ({ shape, skip: false, ref: true }))]));
    const grid = (await readWorkbook(data)).sheets[0].grid;
    expect(grid.rows[0]).toEqual([12.5, "b", new Date(Date.UTC(2021, 2, 31)), null, true, { error: "#N/A" }, "a & b", 0.12345678901234568]);
  });
});
