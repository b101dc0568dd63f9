/**
 * The save builds large parts in pieces and compresses them as they come
 * (so a 50,000-row sheet never exists as one string), passes a council
 * sheet's cells through as the bytes they were when it adds colour rules,
 * and lets go of the cells it read once they have been handed out. Each
 * must give exactly the part, the rules and the grids a whole-string,
 * hold-everything save gave.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { inflateSync } from "fflate";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { deflatePieces, useCompressor } from "../../src/workbook/xlsx/deflated-part";
import { useNodeZlib, nodeCompression } from "../../src/cli/node-zlib";
import { useInflater } from "../../src/workbook/xlsx/reader/zip";
import { crc32 } from "../../src/workbook/xlsx/crc32";
import { splice } from "../../src/workbook/xlsx/splice";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { SETTINGS_SHEETS } from "../../src/workbook/port";
import { sheetXml, sheetXmlPieces, textXml, treatedTextXml, dateSerial } from "../../src/workbook/xlsx/sheet-xml";
import { StyleBook } from "../../src/workbook/xlsx/style-book";
import { XmlBytes } from "../../src/workbook/xlsx/xml-bytes";
import { ConditionalFormatPlan, SheetPlan } from "../../src/core";
import { buildPackage } from "../helpers/xlsx-fixtures";

const text = (part: { chunks: Uint8Array[] }) => new TextDecoder().decode(inflateSync(Buffer.concat(part.chunks)));

describe("parts compressed as they are written", () => {
  // Blocks are a million characters: put an emoji (a surrogate pair) across that boundary, and other text either side.
  const pieces = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 50 }), fc.constant("x".repeat((1 << 20) - 1) + "😀 é")), { maxLength: 6 });

  it.each([["the platform's compressor", true], ["fflate", false]])("inflate back to the text, with its CRC and size (%s)", async (_, native) => {
    await fc.assert(fc.asyncProperty(pieces, async (list) => {
      const part = await deflatePieces(list, native);
      const bytes = new TextEncoder().encode(list.join(""));
      expect(text(part)).toBe(list.join(""));
      expect(part.size).toBe(bytes.length);
      expect(part.crc).toBe(crc32(bytes));
    }), { numRuns: 15 });
  });

  it("writes sheets compressed side by side by Node's zlib, whose blocks are written again once it has read them, exactly as each sheet reads", async () => {
    useNodeZlib();
    try {
      // Several blocks each (a block is 256 KB), the sheets' writing and compressing interleaved.
      const plans = [0, 1, 2].map((k): SheetPlan => ({
        purpose: "indicator-results", name: `S${k}`, styles: [], columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
        cells: Array.from({ length: 12_000 + k * 3_000 }, (_, r) => [`Sheet ${k} row ${r}: ${"é€x".repeat(r % 17)}`, r * (k + 1), r % 5 ? "Green" : "Red & amber"]),
      }));
      const parts = await Promise.all(plans.map((plan) => deflatePieces(sheetXmlPieces(plan, new StyleBook()))));
      parts.forEach((part, k) => {
        const whole = sheetXml(plans[k], new StyleBook());
        expect(part.size).toBeGreaterThan(4 << 18);
        expect(text(part)).toBe(whole);
        expect(part.crc).toBe(crc32(new TextEncoder().encode(whole)));
      });
    } finally {
      useCompressor(null);
      useInflater(null);
    }
  });

  it("keeps, of Node's zlib output, about what each part compressed to: a small part does not hold one of its megabyte buffers", async () => {
    useNodeZlib();
    try {
      const held = (part: { chunks: Uint8Array[] }) => [...new Set(part.chunks.map((c) => c.buffer))].reduce((n, b) => n + b.byteLength, 0);
      const small = await deflatePieces(["<sst count=\"1\"><si><t>Green</t></si></sst>"]);
      expect(text(small)).toBe("<sst count=\"1\"><si><t>Green</t></si></sst>");
      expect(held(small)).toBeLessThan(1024);
      // Random text compresses little: several of zlib's megabyte buffers, each filled before the next.
      const noise = Array.from({ length: 12 }, (_, k) => Buffer.from(Array.from({ length: 1 << 18 }, (_, i) => 32 + ((i * 7919 + k * 104_729) ** 2 % 9973) % 95)).toString("latin1"));
      const large = await deflatePieces(noise);
      expect(text(large)).toBe(noise.join(""));
      const size = large.chunks.reduce((n, c) => n + c.byteLength, 0);
      expect(size).toBeGreaterThan(1 << 20);
      expect(held(large)).toBeLessThan(size + (1 << 20));
    } finally {
      useCompressor(null);
      useInflater(null);
    }
  });

  it("gives, for a small part deflated in one call by Node's zlib, the very bytes its stream gives", async () => {
    // Pieces about the one-call limit (256 KB), in blocks and text, with repeats zlib finds across the pieces' ends.
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.integer({ min: 1, max: 300_000 }).map((n) => "<c r=\"A1\"><v>12</v></c>".repeat(Math.ceil(n / 24)).slice(0, n)),
      fc.uint8Array({ maxLength: 3000 }),
    );
    const { compressor, deflate, crc32: nativeCrc } = nodeCompression();
    let calls = 0;
    const counted = (bytes: Uint8Array) => (calls++, deflate!(bytes));
    const compress = async (list: (string | Uint8Array)[], oneCall: boolean) => {
      useCompressor({ compressor, crc32: nativeCrc, deflate: oneCall ? counted : undefined });
      return deflatePieces(list);
    };
    try {
      await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 5 }), async (list) => {
        const [streamed, oneCall] = [await compress(list, false), await compress(list, true)];
        expect(Buffer.concat(oneCall.chunks)).toEqual(Buffer.concat(streamed.chunks));
        expect([oneCall.crc, oneCall.size]).toEqual([streamed.crc, streamed.size]);
      }), { numRuns: 60 });
      expect(calls).toBeGreaterThan(10);
    } finally {
      useCompressor(null);
    }
  });

  it("continues a CRC over pieces as over the whole", () => {
    const whole = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
    expect(crc32(whole.subarray(10), crc32(whole.subarray(0, 10)))).toBe(crc32(whole));
  });

  it("writes a sheet in pieces that join to the sheet written whole", () => {
    const cells = Array.from({ length: 1_234 }, (_, r) => [`Row ${r}`, r, r % 3 ? { date: "2024-03-31" } : null]);
    const plan: SheetPlan = {
      purpose: "indicator-results", name: "Results", cells, styles: [{ ref: "A1:C1", style: { bold: true } }], columnWidths: [20],
      conditionalFormats: [], validations: [], rowHeights: { 0: 30 }, hiddenColumns: [], tables: [],
    };
    const pieces = [...sheetXmlPieces(plan, new StyleBook())];
    expect(pieces.length).toBeGreaterThan(2);
    // The cells come as UTF-8 bytes, the rest as text: together, the sheet written whole.
    const joined = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : p))).toString("utf8");
    expect(joined).toBe(sheetXml(plan, new StyleBook()));
    expect(joined).toContain('<dimension ref="A1:C1234"/>');
  });

  it("writes any text, number and date into bytes exactly as the text of its cell reads", () => {
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }),
      // What the quick way must hand to the careful one: markup, escapes, spaces at either end, controls, surrogates.
      fc.string({ unit: fc.constantFrom("a", "é", "€", " ", "_", "_x0041_", "&", "'", '"', ">", "\n", "\t", "\u00A0", "\u3000", "\uD83D", "\uDE00", "\uFFFE", "<", "\u0001"), maxLength: 12 }),
      fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e15, -1e15, 1e21, 123456789012345),
      fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
    );
    fc.assert(fc.property(value, (v) => {
      const plan: SheetPlan = {
        purpose: "summary", name: "S", cells: [[v]], styles: [], columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
      };
      const xml = sheetXml(plan, new StyleBook());
      const cell = /<sheetData><row r="1">([\s\S]*)<\/row><\/sheetData>/.exec(xml)![1];
      if (typeof v === "string") expect(cell).toBe(`<c r="A1" t="inlineStr"><is>${textXml(v)}</is></c>`);
      else if (typeof v === "number") expect(cell).toBe(Number.isFinite(v) ? `<c r="A1"><v>${v}</v></c>` : '<c r="A1" t="e"><v>#NUM!</v></c>');
      else expect(cell).toMatch(new RegExp(`^<c r="A1" s="\\d+"><v>${dateSerial(v.date)}</v></c>$`));
    }), { numRuns: 500 });
  });

  it("writes every number that is not whole exactly as JavaScript writes it, with the digits made directly or not", () => {
    // The figures a report holds (a few decimals, percentages as fractions), what float arithmetic leaves, and the edges of the direct way.
    const decimal = fc.oneof(
      fc.tuple(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1, max: 9 })).map(([m, d]) => m / 10 ** d),
      fc.tuple(fc.double({ min: -1e10, max: 1e10, noNaN: true }), fc.integer({ min: 1, max: 17 })).map(([x, p]) => Number(x.toPrecision(p))),
      fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 })).map(([x, d]) => Number((x / 10 ** d / 100).toPrecision(12))),
      fc.double({ noNaN: true }),
      fc.constantFrom(0.1 + 0.2, 1e-6, -1e-6, 1e-7, 0.000001234, 999_999_999.999999, -999_999_999.999999, 1e9 - 0.5, 1e9 + 0.5, 0.999999, 0.9999995, 123.4560001),
    );
    fc.assert(fc.property(decimal, (v) => {
      const out = new XmlBytes();
      const written = out.decimal(v);
      const bytes = new TextDecoder().decode(Buffer.concat(out.take(true)));
      if (written) expect(bytes).toBe(String(v));
      else expect(bytes).toBe("");
    }), { numRuns: 20_000 });
  });
});

describe("cell styles", () => {
  it("gives every cell the format of the regions over it, later regions winning, however they start and end down a column", () => {
    const styles = [{ bold: true }, { numberFormat: "0.0" }, { numberFormat: "0" }, { fill: "#D9D9D9", border: true }, { bold: false, italic: true }];
    const region = fc.record({ top: fc.nat(9), left: fc.nat(3), height: fc.nat(4), width: fc.nat(2), style: fc.nat(styles.length - 1) });
    fc.assert(fc.property(fc.array(region, { maxLength: 8 }), fc.array(fc.array(fc.oneof(fc.constant(null), fc.nat(9), fc.constant({ date: "2024-03-31" })), { maxLength: 6 }), { maxLength: 14 }), (regions, cells) => {
      const plan: SheetPlan = {
        purpose: "summary", name: "S", cells, columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
        styles: regions.map((g) => ({ ref: `${String.fromCharCode(65 + g.left)}${g.top + 1}:${String.fromCharCode(65 + g.left + g.width)}${g.top + g.height + 1}`, style: styles[g.style] })),
      };
      const book = new StyleBook();
      const xml = sheetXml(plan, book);
      for (const [, ref, s] of xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) {
        const col = ref.charCodeAt(0) - 65;
        const row = Number(ref.slice(1)) - 1;
        const over = regions.filter((g) => g.left <= col && col <= g.left + g.width && g.top <= row && row <= g.top + g.height);
        let style = over.reduce<object | undefined>((a, g) => ({ ...a, ...styles[g.style] }), undefined);
        const v = cells[row]?.[col];
        if (v && typeof v === "object" && !(style && "numberFormat" in style)) style = { ...style, numberFormat: "dd/mm/yyyy" };
        // The book gives a format already made its index, so a cell written with another style would not match.
        expect(Number(s ?? 0)).toBe(style ? book.xf(style) : 0);
      }
    }), { numRuns: 300 });
  });
});

describe("colour rules put into a council sheet", () => {
  const red: ConditionalFormatPlan = { ref: "B2:B3", priority: 1, rule: { type: "expression", formula: 'LOWER(TRIM($B2))="red"', style: { fill: "#F4CCCC" } } };

  async function recolour(sheet: string): Promise<string> {
    const zip = await JSZip.loadAsync(await buildPackage({ sheets: [{ name: "Data", rows: [["Item", "RAG"]] }] }));
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const deflated = await splice(zip, { sheets: [], remove: [], rules: [{ sheet: "Data", add: [red], drop: () => false }] });
    return text(deflated.get("xl/worksheets/sheet1.xml")!);
  }

  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;/sheetData&gt; is text here</t></is></c></row>';

  it("keeps the cells byte for byte and puts the rules after them, before the page margins", async () => {
    const head = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>`;
    const out = await recolour(`${head}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    expect(out.startsWith(head)).toBe(true);
    expect(out.slice(head.length)).toMatch(/^<conditionalFormatting sqref="B2:B3"><cfRule type="expression" dxfId="\d+" priority="1"><formula>LOWER\(TRIM\(\$B2\)\)=&quot;red&quot;<\/formula><\/cfRule><\/conditionalFormatting><pageMargins /);
  });

  it("handles an empty sheetData and a prefixed sheet, keeping the prefix", async () => {
    expect(await recolour(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`)).toMatch(/^<worksheet [^>]*><sheetData\/><conditionalFormatting sqref="B2:B3">.*<\/conditionalFormatting><\/worksheet>$/);
    const prefixed = await recolour(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows.replace(/<(\/?)/g, "<$1x:")}</x:sheetData><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></x:worksheet>`);
    expect(prefixed).toContain('</x:sheetData><x:conditionalFormatting sqref="B2:B3"><x:cfRule type="expression"');
    expect(prefixed).toMatch(/<\/x:conditionalFormatting><x:pageMargins /);
  });
});

describe("cells read are let go once handed out", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;

  it("reads them from the file again when asked after they were collected", async () => {
    const rows = [["Code", "Indicator", "Q1 2021/22"], ["A1", "Homes built", 42], ["A2", "Calls answered", 0.93]];
    const wb = await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Indicators", rows }] }));
    const first = JSON.stringify(await wb.readSheets());
    // Weakly held objects live to the end of the current job: let it end, then collect.
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(JSON.stringify(await wb.readSheets())).toBe(first);
    expect(JSON.stringify(await wb.readSheets(["Indicators"]))).toBe(first);
  });
});

describe("cell text", () => {
  it("takes the quick way only where the careful way gives the same XML", async () => {
    const { textXml, treatedTextXml } = await import("../../src/workbook/xlsx/sheet-xml");
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("a", " ", "_", "x", "0", "&", "\n", "\u00A0", "\uD83D", "\uDE00", "<", "\u0001") }));
    fc.assert(fc.property(text, (s) => expect(textXml(s)).toBe(treatedTextXml(s))), { numRuns: 2_000 });
    expect(textXml("Homes built")).toBe("<t>Homes built</t>");
    expect(textXml(" lead")).toBe('<t xml:space="preserve"> lead</t>');
  });

  it("writes a cell's text as the careful way would, whatever its ends and characters", () => {
    const plan = (s: string): SheetPlan => ({
      purpose: "test", name: "T", cells: [[s]], styles: [], columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
    });
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("a", " ", "_", "x", "0", "&", "\n", "\u00A0", "\u3000", "é", "\uD83D", "\uDE00", "<", "\u0001", "\uFFFE") }));
    fc.assert(fc.property(text, (s) => expect(sheetXml(plan(s), new StyleBook())).toContain(`<c r="A1" t="inlineStr"><is>${treatedTextXml(s)}</is></c>`)), { numRuns: 2_000 });
  });
});

describe("the settings' two copies", () => {
  const settingsParts = async (data: Uint8Array) => {
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const part = (sheet: string) => {
      const rid = new RegExp(`<sheet name="${sheet}"[^>]*r:id="(\\w+)"`).exec(workbook)![1];
      return new RegExp(`Id="${rid}"[^>]*Target="/?([^"]+)"`).exec(rels)![1];
    };
    return Promise.all([SETTINGS_SHEETS.current, SETTINGS_SHEETS["last-good"]].map((s) => zip.file(part(s))!.async("string")));
  };

  it("are saved as two identical parts that each read back the text, and a later change to one leaves the other", async () => {
    const wb = await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Indicators", rows: [["Code", "Q1"], ["A1", 4]] }] }));
    // Long enough to span several cells, with text that XML must escape.
    const first = JSON.stringify({ note: "Red & <amber>", list: Array.from({ length: 9_000 }, (_, i) => `item ${i} é`) });
    await wb.writeSettings(first, "current");
    await wb.writeSettings(first, "last-good");
    const saved = await wb.save();
    const [current, lastGood] = await settingsParts(saved.data);
    expect(current).toBe(lastGood);
    expect(current).toContain("Red &amp; &lt;amber&gt;");
    const reopened = await XlsxWorkbook.open(saved.data);
    expect(await reopened.readSettings("current")).toBe(first);
    expect(await reopened.readSettings("last-good")).toBe(first);

    await reopened.writeSettings("{\"changed\":true}", "current");
    const again = await XlsxWorkbook.open((await reopened.save()).data);
    expect(await again.readSettings("current")).toBe("{\"changed\":true}");
    expect(await again.readSettings("last-good")).toBe(first);
  });
});
