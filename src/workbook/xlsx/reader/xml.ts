import { Budget } from "./limits";
import { ZipEntry, ZipPackage } from "./zip";
import { refuse } from "./refusal";
import { Attrs, NOT_MINE, XmlError, XmlTokenizer } from "./xml-tokens";
import { TextChunks, textChunks } from "./text-chunks";

/**
 * Streams one package part through the tokenizer (xml-tokens.ts), matching
 * elements by namespace and local name: `<x:c>` (as the Open XML SDK and
 * ClosedXML write) and `<c>` are the same cell, and Strict Open XML's
 * namespaces are recognised beside the transitional ones. A new prefix scope
 * is made only on a tag that declares one. Markup compatibility (ECMA-376
 * Part 3): an `mc:Choice` is taken only when every namespace it requires is
 * one read here, otherwise its `mc:Fallback`.
 */
export const MAIN_NS = new Set(["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"]);
export const REL_NS = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export type { Attrs };
export type Resolve = (prefix: string) => string;

export interface XmlVisitor {
  /** An element, by local name and namespace; `resolve` gives the namespace of a prefix in scope. */
  open(local: string, attrs: Attrs, uri: string, resolve: Resolve): void;
  close(local: string): void;
  text?(text: string): void;
}

/** An unprefixed attribute's value. */
export function attr(attrs: Attrs, local: string): string | undefined {
  return attrs[local];
}

/** A prefixed attribute's value (such as r:id), whatever the prefix, when its namespace is one of `ns`. */
export function attrIn(attrs: Attrs, local: string, ns: Set<string>, resolve: Resolve): string | undefined {
  for (const key in attrs) {
    const colon = key.indexOf(":");
    if (colon > 0 && key.slice(colon + 1) === local && ns.has(resolve(key.slice(0, colon)))) return attrs[key];
  }
  return undefined;
}

/**
 * What a fast path reports when it reads a start tag whose element stays
 * open (one with no namespace declaration) or an end tag, in place of the
 * visitor's open and close: the nesting and namespace scopes are kept as
 * for any other tag, and a mismatched end tag is refused the same way.
 */
export interface FastTags {
  open(name: string): void;
  close(s: string, lt: number, name: string): void;
}

/**
 * A visitor's fast path (see FastPath), switched on and off by the visitor
 * as it enters and leaves the elements it is for; it is tried only where
 * unprefixed names are SpreadsheetML's and nothing is being skipped.
 */
export interface FastSwitch {
  on: boolean;
  scan(s: string, lt: number, tags: FastTags): number;
}

export async function scanPart(zip: ZipPackage, entry: ZipEntry, budget: Budget, visitor: XmlVisitor, fast?: FastSwitch): Promise<void> {
  // Prefixes in scope; a new map only where an element declares one (the root, as a rule).
  let scope = new Map<string, string>([["xml", "http://www.w3.org/XML/1998/namespace"]]);
  const scopes: { depth: number; outer: Map<string, string> }[] = [];
  let depth = 0;
  const resolve: Resolve = (prefix) => scope.get(prefix) ?? (prefix ? `urn:undeclared:${prefix}` : "");
  // The default namespace, looked up once per scope rather than on every unprefixed tag.
  let defaultUri = "";
  let defaultIsMain = false;
  // Depth inside a subtree being skipped (an mc:Choice not taken, or a Fallback after a Choice that was).
  let skip = 0;
  const choices: boolean[] = [];
  const text = visitor.text;
  /** The end of an element: the prefixes it declared go out of scope. */
  const leave = () => {
    if (scopes.length && scopes[scopes.length - 1].depth === depth) {
      scope = scopes.pop()!.outer;
      defaultUri = resolve("");
      defaultIsMain = MAIN_NS.has(defaultUri);
    }
    depth--;
  };
  const tokenizer = new XmlTokenizer({
    open(name, attrs, declares) {
      depth++;
      if (declares) {
        scopes.push({ depth, outer: scope });
        scope = new Map(scope);
        for (const key in attrs) if (key === "xmlns" || key.startsWith("xmlns:")) scope.set(key.slice(6), attrs[key]);
        defaultUri = resolve("");
        defaultIsMain = MAIN_NS.has(defaultUri);
      }
      if (skip) {
        skip++;
        return;
      }
      const colon = name.indexOf(":");
      const local = colon < 0 ? name : name.slice(colon + 1);
      const uri = colon < 0 ? defaultUri : resolve(name.slice(0, colon));
      if (uri === MC_NS) {
        if (local === "AlternateContent") choices.push(false);
        else if (local === "Choice" || local === "Fallback") {
          const taken = choices.length > 0 && choices[choices.length - 1];
          const understood = local === "Fallback" || (attrs.Requires ?? "").split(/\s+/).filter(Boolean)
            .every((p) => { const ns = resolve(p); return MAIN_NS.has(ns) || REL_NS.has(ns); });
          if (taken || !understood) skip = 1;
          else if (choices.length) choices[choices.length - 1] = true;
        }
        return;
      }
      visitor.open(local, attrs, uri, resolve);
    },
    close(name) {
      const colon = name.indexOf(":");
      const local = colon < 0 ? name : name.slice(colon + 1);
      if (skip) skip--;
      else if ((colon < 0 ? defaultUri : resolve(name.slice(0, colon))) === MC_NS) {
        if (local === "AlternateContent") choices.pop();
      } else visitor.close(local);
      leave();
    },
    text(t) {
      if (!skip && text) text(t);
    },
  });

  const tags: FastTags = {
    open(name) {
      tokenizer.enter(name);
      depth++;
    },
    close(s, lt, name) {
      tokenizer.leave(s, lt, name);
      leave();
    },
  };
  if (fast) tokenizer.fast = (s, lt) => (fast.on && !skip && defaultIsMain ? fast.scan(s, lt, tags) : NOT_MINE);

  let decoder: TextChunks | null = null;
  try {
    await zip.inflate(entry, budget, (bytes) => {
      decoder ??= textChunks(bytes);
      tokenizer.write(decoder.write(bytes));
    });
    if (decoder) tokenizer.write((decoder as TextChunks).end());
    tokenizer.end();
  } catch (e) {
    if (e instanceof XmlError) throw refuse({ kind: "bad-xml", part: entry.name, line: e.line });
    throw e;
  }
}
