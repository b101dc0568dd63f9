import { SaxesParser, SaxesTagNS, SaxesAttributeNS } from "saxes";
import { Budget } from "./limits";
import { ZipEntry, ZipPackage } from "./zip";
import { refuse, WorkbookFileError } from "./refusal";

/**
 * Streams one package part through saxes, a namespace-aware SAX parser, so
 * elements are matched by namespace and local name: `<x:c>` (as the Open XML
 * SDK and ClosedXML write) and `<c>` are the same cell, and Strict Open XML's
 * namespaces are recognised beside the transitional ones. Markup
 * compatibility (ECMA-376 Part 3): an `mc:Choice` is taken only when every
 * namespace it requires is one read here, otherwise its `mc:Fallback`.
 */
export const MAIN_NS = new Set(["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"]);
export const REL_NS = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export type Attrs = Record<string, SaxesAttributeNS>;

export interface XmlVisitor {
  /** An element in a namespace this reader knows (SpreadsheetML main or package relationships), by local name. */
  open(local: string, attrs: Attrs, uri: string): void;
  close(local: string): void;
  text?(text: string): void;
}

/** An unprefixed attribute's value (or, with `ns`, one in those namespaces). */
export function attr(attrs: Attrs, local: string, ns?: Set<string>): string | undefined {
  for (const key in attrs) {
    const a = attrs[key];
    if (a.local === local && (ns ? ns.has(a.uri) : a.prefix === "")) return a.value;
  }
  return undefined;
}

/** The character encoding a part declares (UTF-8 unless a byte-order mark or its XML declaration says otherwise). */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le");
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be");
  const decl = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder("latin1").decode(head.subarray(0, 200)));
  try {
    return new TextDecoder(decl?.[1] ?? "utf-8");
  } catch {
    return new TextDecoder("utf-8");
  }
}

export async function scanPart(zip: ZipPackage, entry: ZipEntry, budget: Budget, visitor: XmlVisitor): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, resolvePrefix: (prefix: string) => `urn:undeclared:${prefix}` });
  // Depth inside a subtree being skipped (an mc:Choice not taken, or a Fallback after a Choice that was); saxes closes self-closing tags too.
  let skip = 0;
  const choices: boolean[] = [];
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (skip) {
      skip++;
      return;
    }
    if (tag.uri === MC_NS) {
      if (tag.local === "AlternateContent") choices.push(false);
      else if (tag.local === "Choice" || tag.local === "Fallback") {
        const taken = choices.length > 0 && choices[choices.length - 1];
        const understood = tag.local === "Fallback" || (attr(tag.attributes, "Requires") ?? "").split(/\s+/).filter(Boolean)
          .every((p) => { const uri = parser.resolve(p) ?? ""; return MAIN_NS.has(uri) || REL_NS.has(uri); });
        if (taken || !understood) skip = 1;
        else if (choices.length) choices[choices.length - 1] = true;
      }
      return;
    }
    visitor.open(tag.local, tag.attributes, tag.uri);
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (skip) {
      skip--;
      return;
    }
    if (tag.uri === MC_NS) {
      if (tag.local === "AlternateContent") choices.pop();
      return;
    }
    visitor.close(tag.local);
  });
  const text = visitor.text;
  if (text) parser.on("text", (t) => { if (!skip) text(t); });
  parser.on("cdata", (t) => { if (!skip && text) text(t); });

  let decoder: TextDecoder | null = null;
  try {
    await zip.inflate(entry, budget, (bytes) => {
      decoder ??= decoderFor(bytes);
      parser.write(decoder.decode(bytes, { stream: true }));
    });
    if (decoder) parser.write((decoder as TextDecoder).decode());
    parser.close();
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw refuse({ kind: "bad-xml", part: entry.name, line: parser.line });
  }
}
