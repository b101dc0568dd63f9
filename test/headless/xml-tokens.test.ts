/**
 * The reader's XML tokenizer against saxes, a conforming SAX parser: the
 * same elements, attributes and text for any document, however the text is
 * cut into chunks; and a plain error with a line for what is not XML.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlError, XmlTokenizer } from "../../src/workbook/xlsx/reader/xml-tokens";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Events with adjacent text joined (either parser may split text anywhere). */
function joined(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
    else out.push(e[0] === "text" ? ["text", e[1]] : e);
  }
  return out.filter((e) => !(e[0] === "text" && e[1] === ""));
}

function bySaxes(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser({});
  p.on("opentag", (t) => void events.push(["open", t.name, { ...(t.attributes as Record<string, string>) }]));
  p.on("closetag", (t) => void events.push(["close", t.name]));
  p.on("text", (t) => void events.push(["text", t]));
  p.on("cdata", (t) => void events.push(["text", t]));
  p.write(xml).close();
  // saxes reports white space outside the root; it is not content.
  return joined(events.filter((e, i) => !(e[0] === "text" && (i === 0 || i === events.length - 1) && !e[1].trim())));
}

function byTokenizer(chunks: string[]): Event[] {
  const events: Event[] = [];
  const t = new XmlTokenizer({
    open: (name, attrs) => void events.push(["open", name, attrs]),
    close: (name) => void events.push(["close", name]),
    text: (text) => void events.push(["text", text]),
  });
  for (const c of chunks) t.write(c);
  t.end();
  return joined(events);
}

function cut(xml: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (xml.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(xml.slice(from, p));
    from = p;
  }
  out.push(xml.slice(from));
  return out;
}

const names = fc.constantFrom("c", "v", "row", "x:c", "sheetData", "si", "t", "r:id");
const textChar = fc.constantFrom("a", "7", " ", ".", "\n", "\r\n", "\r", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#x41;", "&#13;", "£", "é", "😀", ">", "'", '"');
const text = fc.array(textChar, { maxLength: 8 }).map((a) => a.join(""));
const attrValue = fc.array(textChar.filter((c) => c !== '"'), { maxLength: 6 }).map((a) => a.join(""));
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "t", "s", "ref", "x:id", "xmlns:x"), attrValue), { selector: (a) => a[0], maxLength: 3 })
  .map((list) => list.map(([k, v]) => ` ${k}="${v}"`).join(""));
const element: fc.Memo<string> = fc.memo((depth) => fc.oneof(
  { depthSize: "small" },
  fc.tuple(names, attrs).map(([n, a]) => `<${n}${a}/>`),
  fc.tuple(names, attrs, fc.array(fc.oneof(
    text,
    fc.constant("<!-- a comment -->"),
    fc.constant("<![CDATA[<b> & ]]>"),
    fc.constant("<?pi data?>"),
    depth > 1 ? element(depth - 1) : text,
  ), { maxLength: 4 })).map(([n, a, kids]) => `<${n}${a}>${kids.join("")}</${n} >`),
));
const documents = fc.tuple(element(4), fc.boolean()).map(([root, decl]) => `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ""}<root xmlns="urn:a">${root}</root>\n`);

describe("XML tokenizer", () => {
  it("reads what saxes reads, however the text is cut into chunks", () => {
    fc.assert(fc.property(documents, fc.array(fc.nat(), { maxLength: 6 }), (xml, at) => {
      expect(byTokenizer(cut(xml, at))).toEqual(bySaxes(xml));
    }), { numRuns: 600 });
  });

  it("reads long documents cut into long chunks as saxes reads them, a token longer than a join and all", () => {
    // Past a few thousand characters a chunk is read where it lies and only the token cut by its start is joined.
    const long = fc.tuple(fc.array(element(3), { minLength: 1, maxLength: 300 }), fc.nat(12_000))
      .map(([kids, n]) => `<root xmlns="urn:a">${kids.join("\n")}<c r="${"y".repeat(n)}">${"z".repeat(n)}</c>${kids.join("")}</root>`);
    fc.assert(fc.property(long, fc.array(fc.nat(), { maxLength: 8 }), (xml, at) => {
      expect(byTokenizer(cut(xml, at))).toEqual(bySaxes(xml));
    }), { numRuns: 60 });
  });

  it("gives the line of an error however far into a long chunk it is", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `<v>${i}</v>`).join("\n");
    const xml = `<a>${lines}\n<b></a>`;
    for (const at of [[], [5000], [5000, 5003], [100, 9000, 20000], [xml.length - 3]]) {
      expect(() => byTokenizer(cut(xml, at))).toThrow(/^line 3001: <\/a> closes <b>$/);
    }
  });

  it("decodes references in text and attributes, keeps CDATA as written and skips comments and a DOCTYPE", () => {
    const xml = '<!DOCTYPE x [<!ELEMENT x ANY>]><x a="1 &amp; 2&#10;3\t4">&lt;A&#x42;&#67;&gt;<!-- no --><![CDATA[&amp;]]></x>';
    expect(byTokenizer([xml])).toEqual([["open", "x", { a: "1 & 2\n3 4" }], ["text", "<ABC>&amp;"], ["close", "x"]]);
  });

  it("refuses what is not well-formed, with the line it is on", () => {
    const bad: [string, RegExp][] = [
      ["<a>\n<b></a>", /line 2: <\/a> closes <b>/],
      ["<a>\n<b>", /line 2: <b> is not closed/],
      ["<a x=1/>", /not quoted/],
      ["<a>&nbsp;</a>", /unknown entity reference '&nbsp;'/],
      ["<a>&amp</a>", /unknown entity reference/],
      ["<a/><b/>", /second root element/],
      ["text<a/>", /text outside the root/],
      ['<a x="<"/>', /holds '</],
      ["<a>\n\n<b", /line 3: the text ends inside a tag/],
      ["", /no element/],
    ];
    for (const [xml, message] of bad) expect(() => byTokenizer([xml])).toThrow(message);
    expect(() => byTokenizer(["<a>"])).toThrow(XmlError);
  });

  it("refuses a tag that never ends rather than carrying it from chunk to chunk", () => {
    const t = new XmlTokenizer({ open: () => undefined, close: () => undefined, text: () => undefined });
    t.write('<a x="');
    const block = "y".repeat(1 << 20);
    expect(() => { for (let i = 0; i < 9; i++) t.write(block); }).toThrow(/longer than 8 MB/);
  });

  it("passes long text on in pieces as it comes, so it is never carried whole", () => {
    const pieces: string[] = [];
    const t = new XmlTokenizer({ open: () => undefined, close: () => undefined, text: (s) => void pieces.push(s) });
    t.write("<a>");
    // A reference cut between two chunks is held back until the chunk that finishes it.
    for (let i = 0; i < 100; i++) {
      t.write(`${"z".repeat(1000)}&am`);
      t.write("p;");
    }
    t.write("</a>");
    t.end();
    expect(pieces.length).toBeGreaterThanOrEqual(100);
    expect(pieces.join("")).toBe(Array.from({ length: 100 }, () => `${"z".repeat(1000)}&`).join(""));
  });
});
