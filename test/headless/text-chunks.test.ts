/**
 * A part's bytes decoded chunk by chunk: the same text a streaming
 * TextDecoder gives, however the bytes are cut, for well-formed and
 * malformed UTF-8, a byte-order mark at the start (dropped) or inside
 * (kept), and the other encodings a part may declare.
 */
import fc from "fast-check";
import { textChunks } from "../../src/workbook/xlsx/reader/text-chunks";

function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

function byChunks(chunks: Uint8Array[]): string {
  let decoder: ReturnType<typeof textChunks> | null = null;
  let out = "";
  for (const c of chunks) {
    // As the reader does: the decoder is chosen by the first chunk the inflater gives (never an empty one).
    if (!c.length) continue;
    decoder ??= textChunks(c);
    out += decoder.write(c);
  }
  return out + (decoder?.end() ?? "");
}

function byStream(bytes: Uint8Array, encoding = "utf-8"): string {
  const d = new TextDecoder(encoding);
  return d.decode(bytes, { stream: true }) + d.decode();
}

const utf8 = new TextEncoder();
/** Pieces of text in one, two, three and four bytes, a byte-order mark, and bytes that are not UTF-8. */
const piece = fc.oneof(
  fc.constantFrom("<c>", "a", "£", "é", "€", "漢", "😀", "\uFEFF").map((t) => utf8.encode(t)),
  fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 3 }).map((b) => Uint8Array.from(b)),
  fc.constantFrom([0xef, 0xbb], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xe0, 0x80]).map((b) => Uint8Array.from(b)),
);
const bytes = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 40 })).map(([bom, pieces]) => {
  const all = [...(bom ? [Uint8Array.of(0xef, 0xbb, 0xbf)] : []), ...pieces];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
});

describe("a part's text decoded chunk by chunk", () => {
  it("is the text one streaming decoder gives, however the bytes are cut", () => {
    fc.assert(fc.property(bytes, fc.array(fc.nat(), { maxLength: 8 }), (b, at) => {
      expect(byChunks(cut(b, at))).toBe(byStream(b));
    }), { numRuns: 3000 });
  });

  it("drops only the byte-order mark that starts the part", () => {
    const b = utf8.encode("\uFEFF<a>\uFEFF</a>");
    for (const at of [[], [1], [2], [3], [5], [7, 8]]) expect(byChunks(cut(b, at))).toBe("<a>\uFEFF</a>");
  });

  it("reads the encodings a part declares or marks", () => {
    const latin = Uint8Array.from([...'<?xml version="1.0" encoding="ISO-8859-1"?><a>'].map((c) => c.charCodeAt(0)).concat([0xa3, 0xe9]));
    expect(byChunks(cut(latin, [47]))).toBe(byStream(latin, "iso-8859-1"));
    expect(byChunks(cut(latin, [47]))).toContain("£é");
    const utf16 = Uint8Array.of(0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x3e, 0x00, 0xac, 0x20);
    expect(byChunks(cut(utf16, [3, 5]))).toBe("<a>€");
  });
});
