import { EditablePackage } from "./package-edit";
import { SheetPlan, ConditionalFormatPlan } from "../../core";
import { elements, elementPattern, attr, setAttr, escapeXml, decodeXml, relsPath, TAG_BODY } from "./xml-text";
import { PartNames, samePart } from "./part-names";
import { unprefixed, withoutPrefix, rootPrefix } from "./ns-prefix";
import { StyleBook, UnsupportedPackage } from "./style-book";
import { sheetXmlPieces, rulesXml } from "./sheet-xml";
import { DeflatedPart, deflatePieces } from "./deflated-part";
import { writeCells } from "./cell-splice";
import { CellUpdate } from "../port";
import { OWN_SHEET_NAME, ownFormula } from "../own-sheets";
import { UserError } from "../../core/user-error";
import { addCharts, isOwnDrawing, removeOwnDrawing, DRAWING_TYPE } from "./chart-xml";

/**
 * Writes the product's sheets into the council's own package instead of
 * re-saving the whole workbook: every part the product did not change (the
 * council's sheets, charts, pivot tables, anything a library does not
 * understand) is copied byte for byte, and the save costs only what the
 * product adds.
 */
export interface SpliceRequest {
  /** Sheets to add, or to replace in place when a sheet of that name exists. */
  sheets: { plan: SheetPlan; state: "visible" | "hidden" | "veryHidden"; own?: string | null }[];
  /** Sheets to remove. */
  remove: string[];
  /** Colour rules for council sheets: rules to add, after taking out the blocks `drop` accepts. */
  rules: { sheet: string; add: ConditionalFormatPlan[]; drop: (block: { ref: string; formulas: string[] }) => boolean }[];
  /** Values written into council sheets (collected returns), in place. */
  cells?: { sheet: string; updates: CellUpdate[] }[];
  /** The kind of file written: its workbook's content type is made to agree (a template becomes a workbook). */
  as?: "xlsx" | "xlsm";
}

const MAIN_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltx: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  xltm: "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

/**
 * The content types with the workbook's own made to agree with the file's
 * extension (Excel refuses a file whose extension and content disagree): a
 * template (.xltx, .xltm) becomes a workbook; a workbook with macros is never
 * written as .xlsx, which cannot hold them.
 */
function workbookType(types: string, wbPart: string, as: "xlsx" | "xlsm"): string {
  const override = elements(types, "Override").find((o) => samePart(attr(o, "PartName") ?? "", `/${wbPart}`));
  const type = override ? attr(override, "ContentType") ?? "" : "";
  const macros = type === MAIN_TYPES.xlsm || type === MAIN_TYPES.xltm;
  if (macros && as === "xlsx") {
    throw new UserError("write", "the workbook holds macros, which an .xlsx file cannot keep: name the output .xlsm");
  }
  const wanted = MAIN_TYPES[as];
  return override && type !== wanted ? types.replace(override, setAttr(override, "ContentType", wanted)) : types;
}

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HYPERLINK_TYPE = `${REL_NS}/hyperlink`;
// Elements that follow conditionalFormatting in CT_Worksheet; new rules go before the first present.
const AFTER_RULES = ["dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

interface SheetEntry {
  tag: string;
  name: string;
  rid: string;
  part: string;
}

async function text(parts: PartNames, path: string): Promise<string> {
  const xml = await parts.text(path);
  if (xml === null) throw new UnsupportedPackage(`the package has no ${path}`);
  return xml;
}

/**
 * The sheets of a workbook.xml, with their parts resolved through its
 * relationships (to the names the package stores), and how a new sheet
 * element names its relationship: with the prefix the root declares, or,
 * when (as openpyxl writes) each sheet element declares it itself, with its
 * own declaration.
 */
function sheetsOf(workbook: string, rels: { id: string; target: string }[]): { entries: SheetEntry[]; relAttr: string } {
  if (!/<workbook\b/.test(workbook)) throw new UnsupportedPackage("workbook.xml uses a namespace prefix");
  const declared = (tag: string) => new RegExp(`xmlns:(\\w+)=["']${REL_NS}["']`).exec(/^<[^>]*>/.exec(tag)?.[0] ?? "")?.[1];
  const rootPrefix = declared(/<workbook\b[^>]*>/.exec(workbook)![0]);
  const targets = new Map(rels.map((r) => [r.id, r.target]));
  const sheetsBlock = elementPattern("sheets", "").exec(workbook)?.[0] ?? "";
  const entries = elements(sheetsBlock, "sheet").map((tag) => {
    const prefix = declared(tag) ?? rootPrefix;
    if (!prefix) throw new UnsupportedPackage("workbook.xml declares no relationships namespace for a sheet");
    const rid = attr(tag, `${prefix}:id`) ?? "";
    return { tag, name: attr(tag, "name") ?? "", rid, part: targets.get(rid) ?? "" };
  });
  return { entries, relAttr: rootPrefix ? `${rootPrefix}:id` : `xmlns:r="${REL_NS}" r:id` };
}

/** The worksheet's direct children after sheetData, with their offsets in `tail` (which starts inside the root). */
function topLevel(tail: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let depth = 0;
  let open: { name: string; start: number } | null = null;
  const tags = new RegExp(`<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<\\?[\\s\\S]*?\\?>|<(/?)([\\w:.-]+)${TAG_BODY}?(/?)>`, "g");
  for (const m of tail.matchAll(tags)) {
    if (!m[2]) continue;
    const [whole, closing, name, selfClosing] = m;
    const at = m.index!;
    if (closing) {
      depth--;
      if (depth === 0 && open) {
        out.push({ ...open, end: at + whole.length });
        open = null;
      }
      if (depth < 0) break; // the root's own end tag
    } else if (selfClosing) {
      if (depth === 0) out.push({ name, start: at, end: at + whole.length });
    } else {
      if (depth === 0) open = { name, start: at };
      depth++;
    }
  }
  return out;
}

/** The rule blocks among the sheet's own children (never those inside another element's extLst), with their formulas. */
function ruleBlocks(tail: string): { block: string; ref: string; formulas: string[] }[] {
  return topLevel(tail)
    .filter((c) => c.name === "conditionalFormatting")
    .map((c) => {
      const block = tail.slice(c.start, c.end);
      return {
        block,
        ref: attr(block, "sqref") ?? "",
        formulas: elements(block, "formula").map((f) => decodeXml(f.replace(/^<formula>|<\/formula>$/g, ""))),
      };
    });
}

/**
 * Puts the product's rule blocks into a council sheet's text after its
 * sheetData (`tail`, unprefixed) where CT_Worksheet puts
 * conditionalFormatting (before the first of the elements that follow it),
 * after taking out the product's earlier blocks. Priorities are unique per
 * sheet across the main and the Excel 2010 (x14) rules, so the added rules
 * are numbered after the council's own, whose order is kept.
 */
function insertRules(tail: string, add: ConditionalFormatPlan[], book: StyleBook, drop: SpliceRequest["rules"][number]["drop"]): string {
  let out = tail;
  for (const b of ruleBlocks(out)) if (drop(b)) out = out.replace(b.block, "");
  const taken = [...out.matchAll(/<(?:\w+:)?cfRule\b[^>]*?\spriority="(\d+)"/g)].map((m) => Number(m[1]));
  const first = Math.max(0, ...taken) + 1;
  const numbered = [...add].sort((a, b) => a.priority - b.priority).map((cf, i) => ({ ...cf, priority: first + i }));
  const children = topLevel(out);
  const later = children.find((c) => AFTER_RULES.includes(c.name));
  const at = later ? later.start : out.lastIndexOf("</worksheet>");
  return out.slice(0, at) + rulesXml(numbered, book) + out.slice(at);
}

/** Where `needle` (ASCII) first occurs in `bytes` at or after `from`, or -1. */
function indexOfBytes(bytes: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * A council sheet with the product's colour rules in it. The sheet's cells
 * (everything up to the end of sheetData, most of a large sheet) are passed
 * through as the bytes they were, never decoded: only the text after them is
 * edited. Returns the part's pieces, for compressing as they are written.
 */
function recoloured(bytes: Uint8Array, r: SpliceRequest["rules"][number], book: StyleBook): (string | Uint8Array)[] {
  const decoder = new TextDecoder();
  const prefix = rootPrefix(decoder.decode(bytes.subarray(0, 4096)), "worksheet");
  const name = prefix ? `${prefix}:sheetData` : "sheetData";
  const open = indexOfBytes(bytes, `<${name}`, 0);
  if (open < 0) throw new UnsupportedPackage("a sheet has no sheetData");
  const openEnd = bytes.indexOf(0x3e /* > */, open);
  const close = bytes[openEnd - 1] === 0x2f /* / */ ? openEnd + 1 : indexOfBytes(bytes, `</${name}>`, openEnd);
  if (openEnd < 0 || close < 0) throw new UnsupportedPackage("a sheet's sheetData is not closed");
  const end = close === openEnd + 1 ? close : close + name.length + 3;
  const rest = decoder.decode(bytes.subarray(end));
  const tail = prefix ? withoutPrefix(rest, prefix, "worksheet") : { xml: rest, restore: (x: string) => x };
  return [bytes.subarray(0, end), tail.restore(insertRules(tail.xml, r.add, book, r.drop))];
}

/**
 * A sheet the product replaces or removes may carry hyperlinks, its own
 * charts and icons (however another program saved them) and the printer
 * settings Excel keeps for it; one that somebody gave a chart, picture,
 * comment or table goes through a full re-save, which lists what is lost,
 * rather than leaving orphaned parts. Returns the own drawings and printer
 * settings parts, to remove with the sheet.
 */
async function ownSheetRels(zip: EditablePackage, parts: PartNames, e: SheetEntry): Promise<{ drawings: string[]; other: string[] }> {
  const out = { drawings: [] as string[], other: [] as string[] };
  for (const r of await parts.rels(e.part)) {
    if (r.type === HYPERLINK_TYPE) continue;
    if (r.type === PRINTER_SETTINGS_TYPE) out.other.push(r.target);
    // The product's own charts go with the sheet; anything else means somebody added to it.
    else if (r.type === DRAWING_TYPE && (await isOwnDrawing(zip, r.target, e.name))) out.drawings.push(r.target);
    else throw new UnsupportedPackage(`${e.part} has drawings, comments or tables`);
  }
  return out;
}

const PRINTER_SETTINGS_TYPE = `${REL_NS}/printerSettings`;

const STYLES_TYPE = `${REL_NS}/styles`;
const CALC_CHAIN_TYPE = `${REL_NS}/calcChain`;
const OFFICE_DOCUMENT_TYPE = `${REL_NS}/officeDocument`;

/** Whether two plans differ only in their names, all else being the very same objects (as the settings' copies are). */
function sameButName(a: SheetPlan, b: SheetPlan): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof SheetPlan)[]);
  keys.delete("name");
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * Applies the request to `zip`, the package as opened, in place. Large parts
 * (the product's sheets, council sheets given colour rules) are returned
 * already compressed, under their stored names, with an empty placeholder
 * in `zip`.
 */
export async function splice(zip: EditablePackage, req: SpliceRequest): Promise<Map<string, DeflatedPart>> {
  const deflated = new Map<string, DeflatedPart>();
  const parts = new PartNames(zip);
  const wbPart = (await parts.rels("")).find((r) => r.type === OFFICE_DOCUMENT_TYPE)?.target ?? parts.actual("xl/workbook.xml") ?? "xl/workbook.xml";
  const wbRelsPart = relsPath(wbPart);
  const wbRels = await text(parts, wbRelsPart);
  const wbTargets = await parts.rels(wbPart);
  const wbText = unprefixed(await text(parts, wbPart), "workbook");
  let workbook = wbText.xml;
  let types = await text(parts, "[Content_Types].xml");
  if (req.as) types = workbookType(types, wbPart, req.as);
  const { entries, relAttr } = sheetsOf(workbook, wbTargets);
  const stylesPart = wbTargets.find((r) => r.type === STYLES_TYPE)?.target;
  if (!stylesPart) throw new UnsupportedPackage("the workbook has no styles part");
  const stylesText = unprefixed(await text(parts, stylesPart), "styleSheet");
  const book = new StyleBook(stylesText.xml);

  let relsXml = wbRels;
  const usedIds = new Set(elements(wbRels, "Relationship").map((r) => attr(r, "Id")));
  const newRid = () => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n++;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };
  let nextSheetId = Math.max(0, ...entries.map((e) => Number(attr(e.tag, "sheetId")) || 0)) + 1;
  // A new part's name, and its relationships part's, must differ from every stored name in any case.
  const newPart = () => {
    let n = 1;
    const name = (k: number) => `xl/worksheets/sheet${k}.xml`;
    while (parts.has(name(n)) || parts.has(relsPath(name(n)))) n++;
    parts.write(name(n), "");
    return name(n);
  };
  const byName = new Map(entries.map((e) => [e.name, e]));
  const writing = new Set(req.sheets.map((s) => s.plan.name));
  const removed = entries.filter((e) => req.remove.includes(e.name) && !writing.has(e.name));
  const replaced = entries.filter((e) => writing.has(e.name));
  const ownDrawings: string[] = [];
  const ownOther: string[] = [];
  for (const e of [...removed, ...replaced]) {
    if (!e.part || !parts.has(e.part)) throw new UnsupportedPackage(`sheet '${e.name}' has no worksheet part`);
    const own = await ownSheetRels(zip, parts, e);
    ownDrawings.push(...own.drawings);
    ownOther.push(...own.other);
  }
  for (const d of ownDrawings) types = await removeOwnDrawing(zip, d, types);
  for (const p of ownOther) {
    parts.remove(p);
    types = types.replace(elements(types, "Override").find((o) => samePart(attr(o, "PartName") ?? "", `/${p}`)) ?? "\u0000", "");
  }

  const cells = (req.cells ?? []).filter((c) => c.updates.length);
  for (const c of cells) {
    const target = byName.get(c.sheet);
    if (!target || writing.has(c.sheet) || !parts.has(target.part)) throw new UnsupportedPackage(`sheet '${c.sheet}' has no worksheet part to write into`);
    const sheet = unprefixed(await text(parts, target.part), "worksheet");
    parts.write(target.part, sheet.restore(writeCells(sheet.xml, c.updates, book)));
  }

  // Council sheets given colour rules are compressed while the product's sheets are made (their cells are bytes
  // passed through, so zlib is the only work): started here, awaited before the package is written.
  const compressing: Promise<void>[] = [];
  for (const r of req.rules) {
    const target = byName.get(r.sheet);
    if (!target || writing.has(r.sheet) || !parts.has(target.part)) continue;
    // The rules' styles are added to the book now, in order, so the output is the same on every run.
    const pieces = recoloured(await parts.file(target.part)!.async("uint8array"), r, book);
    const name = parts.write(target.part, "");
    const started = deflatePieces(pieces).then((part) => void deflated.set(name, part));
    started.catch(() => undefined); // its failure is thrown where it is awaited, below
    compressing.push(started);
  }

  const tags = new Map(entries.map((e) => [e, e.tag]));
  const appended: string[] = [];
  const written: { plan: SheetPlan; part: DeflatedPart }[] = [];
  for (const { plan, state } of req.sheets) {
    const existing = byName.get(plan.name);
    let part: string;
    if (existing) {
      // Replaced where it stands, so the tab order the council chose is kept.
      part = existing.part;
      const tag = setAttr(existing.tag, "state", state);
      tags.set(existing, tag);
      parts.remove(relsPath(part));
    } else {
      part = newPart();
      const rid = newRid();
      appended.push(`<sheet name="${escapeXml(plan.name)}" sheetId="${nextSheetId++}"${state === "visible" ? "" : ` state="${state}"`} ${relAttr}="${rid}"/>`);
      relsXml = relsXml.replace("</Relationships>", `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="/${part}"/></Relationships>`);
      types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`);
    }
    const charts = addCharts(zip, part, plan, types);
    if (charts) types = charts.types;
    // A sheet's XML does not depend on its name: a twin (the settings' two copies) shares the compressed bytes.
    const twin = charts ? undefined : written.find((w) => sameButName(w.plan, plan));
    const compressed = twin?.part ?? (await deflatePieces(sheetXmlPieces(plan, book, charts?.rid)));
    if (!charts) written.push({ plan, part: compressed });
    deflated.set(parts.write(part, ""), compressed);
  }

  await Promise.all(compressing);

  // Removing sheets: their entries, parts and relationships, and the sheet-local names that pointed at them.
  const kept = entries.filter((e) => !removed.includes(e));
  for (const e of removed) {
    relsXml = relsXml.replace(elements(relsXml, "Relationship").find((r) => attr(r, "Id") === e.rid) ?? "\u0000", "");
    types = types.replace(elements(types, "Override").find((o) => samePart(attr(o, "PartName") ?? "", `/${e.part}`)) ?? "\u0000", "");
    parts.remove(e.part);
    parts.remove(relsPath(e.part));
  }
  const sheetsXml = [...kept.map((e) => tags.get(e)), ...appended].join("");
  workbook = workbook.replace(elementPattern("sheets", ""), () => `<sheets>${sheetsXml}</sheets>`);
  if (removed.length) workbook = renumberSheets(workbook, new Map(kept.map((e, i) => [entries.indexOf(e), i])));
  const order = [...kept.map((e) => e.name), ...req.sheets.filter((s) => !byName.has(s.plan.name)).map((s) => s.plan.name)];
  workbook = sheetNames(workbook, req.sheets, order);

  // Excel rebuilds the calculation chain when it is missing; a stale one makes it report damage.
  const calcChain = wbTargets.find((r) => r.type === CALC_CHAIN_TYPE);
  if (calcChain && (removed.length || replaced.length || cells.length)) {
    parts.remove(calcChain.target);
    relsXml = relsXml.replace(elements(relsXml, "Relationship").find((r) => attr(r, "Id") === calcChain.id) ?? "\u0000", "");
    types = types.replace(elements(types, "Override").find((o) => samePart(attr(o, "PartName") ?? "", `/${calcChain.target}`)) ?? "\u0000", "");
  }

  parts.write(wbPart, wbText.restore(workbook));
  parts.write(wbRelsPart, relsXml);
  // Another program may list relationships parts by name (LibreOffice does): drop the entries of parts removed above.
  types = types.replace(elementPattern("Override"), (o) => (parts.has((attr(o, "PartName") ?? "").replace(/^\//, "")) ? o : ""));
  parts.write("[Content_Types].xml", types);
  parts.write(stylesPart, stylesText.restore(book.xml()));
  return deflated;
}

/** Sheet-local names and the workbook view refer to sheets by position; keep them on the same sheets. */
function renumberSheets(workbook: string, kept: Map<number, number>): string {
  let out = workbook.replace(elementPattern("definedName"), (dn) => {
    const local = attr(dn, "localSheetId");
    if (local === null) return dn;
    const to = kept.get(Number(local));
    return to === undefined ? "" : setAttr(dn, "localSheetId", to);
  });
  out = out.replace(/<definedNames>\s*<\/definedNames>/, "");
  return out.replace(elementPattern("workbookView"), (view) => {
    let v = view;
    for (const a of ["activeTab", "firstSheet"]) {
      const at = attr(v, a);
      if (at !== null) v = setAttr(v, a, kept.get(Number(at)) ?? 0);
    }
    return v;
  });
}

/**
 * The sheet-local defined names of the sheets written: header rows repeated
 * on every printed page (Excel keeps them as _xlnm.Print_Titles, ECMA-376
 * Part 1, 18.2.6), and the marker of a sheet the product owns (own-sheets.ts).
 * A replaced sheet's old ones are dropped first.
 */
function sheetNames(workbook: string, sheets: SpliceRequest["sheets"], order: string[]): string {
  let out = workbook;
  const names: string[] = [];
  for (const { plan, own } of sheets) {
    const index = order.indexOf(plan.name);
    if (index < 0) continue;
    const mine = (dn: string) => attr(dn, "localSheetId") === String(index) && [OWN_SHEET_NAME, "_xlnm.Print_Titles"].includes(attr(dn, "name") ?? "");
    out = out.replace(elementPattern("definedName"), (dn) => (mine(dn) ? "" : dn));
    if (own) names.push(`<definedName name="${OWN_SHEET_NAME}" localSheetId="${index}" hidden="1">${escapeXml(ownFormula(own))}</definedName>`);
    const t = plan.print?.titleRows;
    if (!t) continue;
    const sheet = `'${plan.name.replace(/'/g, "''")}'`;
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${sheet}!$${t.first + 1}:$${t.last + 1}`)}</definedName>`);
  }
  out = out.replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/, "");
  if (!names.length) return out;
  if (/<definedNames>/.test(out)) return out.replace("</definedNames>", `${names.join("")}</definedNames>`);
  // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
  const after = /<\/externalReferences>/.test(out) ? "</externalReferences>" : /<functionGroups\b[^>]*\/>/.test(out) ? (/<functionGroups\b[^>]*\/>/.exec(out) as RegExpExecArray)[0] : "</sheets>";
  return out.replace(after, `${after}<definedNames>${names.join("")}</definedNames>`);
}
