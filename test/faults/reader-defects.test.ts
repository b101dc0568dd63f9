/**
 * Fault suite: the reader never gives a wrong cell. Each fixture reproduces
 * a way files are written (or damaged) that once gave a wrong value, refused
 * a readable workbook, or read a damaged one without a word.
 */
import JSZip from "jszip";
import { buildPackage, priorityRows, MAIN } from "../helpers/xlsx-fixtures";
import { XlsxWorkbook, WorkbookFileError } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { useNodeZlib } from "../../src/cli/node-zlib";
import { useCompressor } from "../../src/workbook/xlsx/deflated-part";
import { useInflater } from "../../src/workbook/xlsx/reader/zip";

async function edited(data: Uint8Array, change: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function grid(data: Uint8Array, sheet = "Sheet") {
  const wb = await XlsxWorkbook.open(data);
  return (await wb.readSheets([sheet]))[0].rows;
}

async function refusal(data: Uint8Array): Promise<string> {
  const e = await XlsxWorkbook.open(data).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(WorkbookFileError);
  return (e as Error).message;
}

/** One sheet whose part is the given sheetData, with shared strings "first" and "second", and styles whose xf 1 uses `code`. */
async function withCells(rows: string, code = "General"): Promise<Uint8Array> {
  const base = await buildPackage({ sheets: [{ name: "Sheet", rows: [["first", "second"]] }], numFmts: [{ id: 164, code }], xfs: [164] });
  return edited(base, (zip) => void zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`));
}

describe("the reader gives no wrong cell", () => {
  it("an empty <v/> in a shared-string cell is an empty cell, not the first shared string", async () => {
    const rows = await grid(await withCells(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v></v></c></row>`));
    expect(rows[0]).toEqual(["second"]);
  });

  it.each(["YYYY-MM-DD", "DD/MM/YYYY", "dd/mm/yy HH:MM"])("a number styled %s (date codes in capitals, as LibreOffice writes them) is a date", async (code) => {
    const rows = await grid(await withCells(`<row r="1"><c r="A1" s="1"><v>44286</v></c></row>`, code));
    expect(rows[0][0]).toEqual(new Date(Date.UTC(2021, 2, 31)));
  });

  it("a date-styled number beyond the dates JavaScript can hold stays the number it is", async () => {
    const rows = await grid(await withCells(`<row r="1"><c r="A1" s="1"><v>1e+300</v></c><c r="B1" s="1"><v>44286</v></c></row>`, "dd/mm/yyyy"));
    expect(rows[0][0]).toBe(1e300);
    expect(rows[0][1]).toEqual(new Date(Date.UTC(2021, 2, 31)));
  });

  it("a sheet listed without its part is listed as not read; the other sheets are read and summarised", async () => {
    const base = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(8) }, { name: "Gone", rows: priorityRows(3) }] });
    const data = await edited(base, (zip) => void zip.remove("xl/worksheets/sheet2.xml"));
    const wb = await XlsxWorkbook.open(data);
    const result = await summarise(wb, { period: "Q1 2021/22" });
    expect(result.json.datasets.map((d) => [d.sheet, d.rows])).toEqual([["Priorities", 8]]);
    expect(result.json.skipped).toEqual([{ sheet: "Gone", reason: expect.stringMatching(/holds no part for it.*could not be read/) }]);
  });

  it("a malformed XML part inside an intact zip is named, not called a broken zip", async () => {
    const base = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(3) }] });
    const data = await edited(base, async (zip) => void zip.file("xl/worksheets/sheet1.xml", (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace("</sheetData>", "</sheetDat>")));
    const message = await refusal(data);
    expect(message).toMatch(/its part xl\/worksheets\/sheet1\.xml is not well-formed XML/);
    expect(message).not.toMatch(/zip structure/);
  });

  it("two parts of one name are refused: which one a program reads is chance", async () => {
    const base = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(3) }] });
    const zip = await JSZip.loadAsync(base);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const data = await zip.generateAsync({ type: "uint8array" });
    // A second central-directory entry of the same name, as a tampered or badly merged file has.
    const twin = await new JSZip().file("XL/worksheets/sheet1.xml", sheet.replace("Priority 1", "Priority X")).generateAsync({ type: "uint8array" });
    const message = await refusal(appendEntries(data, twin));
    expect(message).toMatch(/holds two parts named XL\/worksheets\/sheet1\.xml/);
  });

  it("a part that fails its checksum is refused, never read as data", async () => {
    const base = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(3) }] });
    const data = await new JSZip().loadAsync(base).then((z) => z.generateAsync({ type: "uint8array", compression: "STORE" }));
    // Flip one letter of a stored (uncompressed) part: the bytes still parse, the checksum does not match.
    const at = Buffer.from(data).indexOf("Priority 2");
    expect(at).toBeGreaterThan(0);
    const damaged = data.slice();
    damaged[at] = "Q".charCodeAt(0);
    expect(await refusal(damaged)).toMatch(/does not match the checksum stored with it/);
    // The command line checks with Node's own CRC-32: the same part is refused the same way, and the sound one read.
    useNodeZlib();
    try {
      expect(await refusal(damaged)).toMatch(/does not match the checksum stored with it/);
      expect((await grid(data, "Priorities"))[2]).toContain("Priority 2");
    } finally {
      useCompressor(null);
      useInflater(null);
    }
  });
});

/** `a`'s zip with `b`'s entries added to its central directory (both stored as they are). */
function appendEntries(a: Uint8Array, b: Uint8Array): Uint8Array {
  const dir = (z: Uint8Array) => {
    const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
    let e = z.length - 22;
    while (v.getUint32(e, true) !== 0x06054b50) e--;
    return { eocd: e, count: v.getUint16(e + 10, true), size: v.getUint32(e + 12, true), offset: v.getUint32(e + 16, true) };
  };
  const da = dir(a);
  const db = dir(b);
  const localsA = a.subarray(0, da.offset);
  const localsB = b.subarray(0, db.offset);
  const centralA = a.subarray(da.offset, da.offset + da.size);
  const centralB = b.slice(db.offset, db.offset + db.size);
  // b's central entries point into b's locals, which now follow a's.
  const vb = new DataView(centralB.buffer);
  for (let p = 0; p < centralB.length;) {
    vb.setUint32(p + 42, vb.getUint32(p + 42, true) + localsA.length, true);
    p += 46 + vb.getUint16(p + 28, true) + vb.getUint16(p + 30, true) + vb.getUint16(p + 32, true);
  }
  const eocd = new Uint8Array(22);
  const ve = new DataView(eocd.buffer);
  ve.setUint32(0, 0x06054b50, true);
  ve.setUint16(8, da.count + db.count, true);
  ve.setUint16(10, da.count + db.count, true);
  ve.setUint32(12, centralA.length + centralB.length, true);
  ve.setUint32(16, localsA.length + localsB.length, true);
  const out = new Uint8Array(localsA.length + localsB.length + centralA.length + centralB.length + 22);
  let at = 0;
  for (const part of [localsA, localsB, centralA, centralB, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
