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
  if (/<(?![?!/])[A-Za-z_][\w.-]*(?=[\s/>])|<\/[A-Za-z_][\w.-]*>/.test(xml)) throw new UnsupportedPackage(`a ${root} part mixes prefixed and unprefixed elements`);
  return {
    xml: xml.replace(new RegExp(`<(/?)${p}:`, "g"), "<$1"),
    restore: (edited) => edited.replace(/<(\/?)(?![?!])([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${p}:$2`),
  };
}
