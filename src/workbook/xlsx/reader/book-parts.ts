import { builtInFormat } from "../../../core/number-formats";
import { PackageReader } from "./package";
import { scanPart, attr, attrIn, MAIN_NS, REL_NS, Attrs, FastSwitch } from "./xml";
import { INCOMPLETE, NOT_MINE, own, plainTextBefore } from "./xml-tokens";
import { ZipEntry } from "./zip";
import { OWN_SHEET_NAME, ownPurpose } from "../../own-sheets";

/** A sheet as workbook.xml lists it. */
export interface BookSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** The sheet's part, or "" when its relationship is missing. */
  part: string;
  /** "worksheet", "chartsheet", "dialogsheet" or "macrosheet". */
  type: string;
  /** The product's own output: the purpose its marker names (see own-sheets.ts), else null. */
  own: string | null;
}

export interface BookInfo {
  sheets: BookSheet[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

export async function readBook(pkg: PackageReader, entry: ZipEntry): Promise<BookInfo> {
  const rels = new Map((await pkg.relationships(entry.name)).map((r) => [r.id, r]));
  const listed: { name: string; state: string; rid: string }[] = [];
  let date1904 = false;
  // Sheet-scoped names marking the product's own sheets: sheet index → the marker's text.
  const marks = new Map<number, string>();
  let name: { sheet: number; text: string } | null = null;
  await scanPart(pkg.zip, entry, pkg.budget, {
    open: (local, attrs, uri, resolve) => {
      if (!MAIN_NS.has(uri)) return;
      if (local === "sheet") listed.push({ name: attr(attrs, "name") ?? "", state: attr(attrs, "state") ?? "visible", rid: attrIn(attrs, "id", REL_NS, resolve) ?? "" });
      else if (local === "workbookPr") date1904 = isTrue(attr(attrs, "date1904"));
      else if (local === "definedName" && attr(attrs, "name") === OWN_SHEET_NAME && attr(attrs, "localSheetId") !== undefined) {
        name = { sheet: Number(attr(attrs, "localSheetId")), text: "" };
      }
    },
    close: (local) => {
      if (local === "definedName" && name) {
        marks.set(name.sheet, ownPurpose(unescapeText(name.text)));
        name = null;
      }
    },
    text: (t) => {
      if (name) name.text += t;
    },
  });
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target ?? null;
  return {
    sheets: listed.map((s, i) => {
      const rel = rels.get(s.rid);
      return {
        own: marks.get(i) ?? null,
        name: s.name,
        visibility: s.state === "hidden" || s.state === "veryHidden" ? s.state : "visible",
        part: rel?.target ?? "",
        type: rel?.type ?? "worksheet",
      };
    }),
    date1904,
    sharedStrings: byType("sharedStrings"),
    styles: byType("styles"),
  };
}

export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** For each cell style (cellXfs index), its number format's code ("General" where it has none). */
export async function readStyleFormats(pkg: PackageReader, part: string | null): Promise<string[]> {
  const entry = part ? pkg.part(part) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await scanPart(pkg.zip, entry, pkg.budget, {
    open: (local: string, attrs: Attrs, uri: string) => {
      if (!MAIN_NS.has(uri)) return;
      if (local === "numFmt") custom.set(Number(attr(attrs, "numFmtId")), attr(attrs, "formatCode") ?? "");
      else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) xfs.push(Number(attr(attrs, "numFmtId") ?? 0));
    },
    close: (local) => {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return xfs.map((id) => custom.get(id) ?? builtInFormat(id) ?? "General");
}

/** Decodes the `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot carry (§22.9.2.19). */
export function unescapeText(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * The commonest shared string read straight from the text: `<si><t>…</t></si>`
 * (or `<t xml:space="preserve">`) holding no reference or line break; any
 * other (rich text, phonetic guides, references) takes the generic path.
 * Returns the position after it, or NOT_MINE / INCOMPLETE (see FastPath).
 */
function fastString(s: string, lt: number, out: string[]): number {
  if (s.charCodeAt(lt + 1) !== 115 /* s */ || s.charCodeAt(lt + 2) !== 105 /* i */) return NOT_MINE;
  let from: number;
  if (s.startsWith("<si><t>", lt)) from = lt + 7;
  else if (s.startsWith('<si><t xml:space="preserve">', lt)) from = lt + 28;
  else return s.length < lt + 28 ? INCOMPLETE : NOT_MINE;
  const to = plainTextBefore(s, from, "</t></si>");
  if (to < 0) return to;
  out.push(unescapeText(own(s.slice(from, to))));
  return to + 9;
}

/** The shared strings, rich text as its plain text, phonetic guides left out. */
export async function readSharedStrings(pkg: PackageReader, part: string | null, fastStrings = true): Promise<string[]> {
  const entry = part ? pkg.part(part) : undefined;
  if (!entry) return [];
  const out: string[] = [];
  let text = "";
  let inT = false;
  let phonetic = 0;
  const fast: FastSwitch = { on: false, scan: (s, lt) => fastString(s, lt, out) };
  await scanPart(pkg.zip, entry, pkg.budget, {
    open: (local, _attrs, uri) => {
      if (!MAIN_NS.has(uri)) return;
      if (local === "sst") fast.on = fastStrings;
      else if (local === "si") text = "";
      else if (local === "rPh") phonetic++;
      else if (local === "t" && !phonetic) inT = true;
    },
    close: (local) => {
      if (local === "si") out.push(unescapeText(text));
      else if (local === "rPh") phonetic--;
      else if (local === "t") inT = false;
      else if (local === "sst") fast.on = false;
    },
    text: (t) => {
      if (inT) text += t;
    },
  }, fast);
  return out;
}
