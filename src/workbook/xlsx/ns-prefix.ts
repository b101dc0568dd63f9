import { UnsupportedPackage } from "./style-book";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * SpreadsheetML written with a namespace prefix (`<x:worksheet>`, as the
 * Open XML SDK and ClosedXML write it) is the same document as the
 * unprefixed form. The in-place edits work on the unprefixed text and put
 * the prefix back on every element after, so a part keeps its own form. A
 * part that mixes prefixed and unprefixed elements is left to a full re-save.
 */
export interface PartText {
  xml: string;
  restore(edited: string): string;
}

export function unprefixed(xml: string, root: string): PartText {
  const p = new RegExp(`<(\\w+):${root}\\b`).exec(xml)?.[1];
  if (!p) return { xml, restore: (x) => x };
  if (!new RegExp(`xmlns:${p}=["']${MAIN}["']`).test(xml)) throw new UnsupportedPackage(`a ${root} part is not in the Transitional SpreadsheetML namespace`);
  return withoutPrefix(xml, p, root);
}

/** Text from inside a part whose elements all carry the prefix `p` (found on its root), without it, and how to put it back. */
export function withoutPrefix(xml: string, p: string, root: string): PartText {
  if (/<(?![?!/])[A-Za-z_][\w.-]*(?=[\s/>])|<\/[A-Za-z_][\w.-]*>/.test(xml)) throw new UnsupportedPackage(`a ${root} part mixes prefixed and unprefixed elements`);
  return {
    xml: xml.replace(new RegExp(`<(/?)${p}:`, "g"), "<$1"),
    restore: (edited) => edited.replace(/<(\/?)(?![?!])([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${p}:$2`),
  };
}

/** The namespace prefix of a part's root element (null when it has none), checked to be SpreadsheetML's. */
export function rootPrefix(start: string, root: string): string | null {
  const tag = new RegExp(`<(?:(\\w+):)?${root}\\b[^>]*>`).exec(start);
  if (!tag) throw new UnsupportedPackage(`a part has no ${root} element`);
  const p = tag[1] ?? null;
  if (p && !new RegExp(`xmlns:${p}=["']${MAIN}["']`).test(tag[0])) throw new UnsupportedPackage(`a ${root} part is not in the Transitional SpreadsheetML namespace`);
  return p;
}
