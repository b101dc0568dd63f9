import JSZip from "jszip";
import { SheetPlan, ConditionalFormatPlan } from "../../core";
import { elements, elementPattern, attr, setAttr, escapeXml, decodeXml, resolvePart, relsPath } from "./xml-text";
import { StyleBook, UnsupportedPackage } from "./style-book";
import { sheetXml, rulesXml } from "./sheet-xml";
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
  sheets: { plan: SheetPlan; state: "visible" | "hidden" | "veryHidden" }[];
  /** Sheets to remove. */
  remove: string[];
  /** Colour rules for council sheets: rules to add, after taking out the blocks `drop` accepts. */
  rules: { sheet: string; add: ConditionalFormatPlan[]; drop: (block: { ref: string; formulas: string[] }) => boolean }[];
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

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new UnsupportedPackage(`the package has no ${path}`);
  return file.async("string");
}

/** The sheets of a workbook.xml, with their parts resolved through its relationships. */
function sheetsOf(workbook: string, rels: string): { entries: SheetEntry[]; prefix: string } {
  if (!/<workbook\b/.test(workbook)) throw new UnsupportedPackage("workbook.xml uses a namespace prefix");
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(workbook)?.[1];
  if (!prefix) throw new UnsupportedPackage("workbook.xml declares no relationships namespace");
  const targets = new Map(elements(rels, "Relationship").map((r) => [attr(r, "Id") ?? "", resolvePart("xl/workbook.xml", attr(r, "Target") ?? "")]));
  const sheetsBlock = elementPattern("sheets", "").exec(workbook)?.[0] ?? "";
  const entries = elements(sheetsBlock, "sheet").map((tag) => {
    const rid = attr(tag, `${prefix}:id`) ?? "";
    return { tag, name: attr(tag, "name") ?? "", rid, part: targets.get(rid) ?? "" };
  });
  return { entries, prefix };
}

/** The rule blocks of a sheet, with the formulas of their rules. */
function ruleBlocks(xml: string): { block: string; ref: string; formulas: string[] }[] {
  return elements(xml, "conditionalFormatting").map((block) => ({
    block,
    ref: attr(block, "sqref") ?? "",
    formulas: elements(block, "formula").map((f) => decodeXml(f.replace(/^<formula>|<\/formula>$/g, ""))),
  }));
}

function insertRules(xml: string, blocks: string, drop: SpliceRequest["rules"][number]["drop"]): string {
  if (!/<worksheet\b/.test(xml)) throw new UnsupportedPackage("a sheet uses a namespace prefix");
  const end = Math.max(xml.indexOf("</sheetData>"), xml.indexOf("<sheetData/>"));
  if (end < 0) throw new UnsupportedPackage("a sheet has no sheetData");
  const head = xml.slice(0, end);
  let tail = xml.slice(end);
  for (const b of ruleBlocks(tail)) if (drop(b)) tail = tail.replace(b.block, "");
  const later = AFTER_RULES.map((n) => tail.search(new RegExp(`<${n}\\b`))).filter((i) => i >= 0);
  const at = later.length ? Math.min(...later) : tail.lastIndexOf("</worksheet>");
  return head + tail.slice(0, at) + blocks + tail.slice(at);
}

/**
 * A sheet the product replaces or removes may carry hyperlinks only; one
 * that somebody gave a chart, comment or table goes through a full re-save,
 * which lists what is lost, rather than leaving orphaned parts.
 */
async function ownSheetRels(zip: JSZip, part: string): Promise<string[]> {
  const file = zip.file(relsPath(part));
  if (!file) return [];
  const xml = await file.async("string");
  const drawings: string[] = [];
  for (const r of elements(xml, "Relationship")) {
    if (attr(r, "Type") === HYPERLINK_TYPE) continue;
    // The product's own charts go with the sheet; anything else means somebody added to it.
    const target = resolvePart(part, attr(r, "Target") ?? "");
    if (attr(r, "Type") === DRAWING_TYPE && (await isOwnDrawing(zip, target))) drawings.push(target);
    else throw new UnsupportedPackage(`${part} has drawings, comments or tables`);
  }
  return drawings;
}

/** Applies the request to `zip`, the package as opened, in place. */
export async function splice(zip: JSZip, req: SpliceRequest): Promise<void> {
  const wbRels = await text(zip, "xl/_rels/workbook.xml.rels");
  let workbook = await text(zip, "xl/workbook.xml");
  let types = await text(zip, "[Content_Types].xml");
  const { entries, prefix } = sheetsOf(workbook, wbRels);
  const book = new StyleBook(await text(zip, "xl/styles.xml"));

  let relsXml = wbRels;
  const usedIds = new Set(elements(wbRels, "Relationship").map((r) => attr(r, "Id")));
  const newRid = () => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n++;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };
  let nextSheetId = Math.max(0, ...entries.map((e) => Number(attr(e.tag, "sheetId")) || 0)) + 1;
  const partsInUse = new Set(Object.keys(zip.files));
  const newPart = () => {
    let n = 1;
    while (partsInUse.has(`xl/worksheets/sheet${n}.xml`)) n++;
    partsInUse.add(`xl/worksheets/sheet${n}.xml`);
    return `xl/worksheets/sheet${n}.xml`;
  };
  const byName = new Map(entries.map((e) => [e.name, e]));
  const writing = new Set(req.sheets.map((s) => s.plan.name));
  const removed = entries.filter((e) => req.remove.includes(e.name) && !writing.has(e.name));
  const replaced = entries.filter((e) => writing.has(e.name));
  const ownDrawings: string[] = [];
  for (const e of [...removed, ...replaced]) {
    if (!e.part || !zip.file(e.part)) throw new UnsupportedPackage(`sheet '${e.name}' has no worksheet part`);
    ownDrawings.push(...(await ownSheetRels(zip, e.part)));
  }
  for (const d of ownDrawings) types = await removeOwnDrawing(zip, d, types);

  const tags = new Map(entries.map((e) => [e, e.tag]));
  const appended: string[] = [];
  for (const { plan, state } of req.sheets) {
    const existing = byName.get(plan.name);
    let part: string;
    if (existing) {
      // Replaced where it stands, so the tab order the council chose is kept.
      part = existing.part;
      const tag = setAttr(existing.tag, "state", state);
      tags.set(existing, tag);
      zip.remove(relsPath(part));
    } else {
      part = newPart();
      const rid = newRid();
      appended.push(`<sheet name="${escapeXml(plan.name)}" sheetId="${nextSheetId++}"${state === "visible" ? "" : ` state="${state}"`} ${prefix}:id="${rid}"/>`);
      relsXml = relsXml.replace("</Relationships>", `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="/${part}"/></Relationships>`);
      types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`);
    }
    const charts = addCharts(zip, part, plan, types);
    if (charts) types = charts.types;
    zip.file(part, sheetXml(plan, book, charts?.rid));
  }

  for (const r of req.rules) {
    const target = byName.get(r.sheet);
    if (!target || writing.has(r.sheet) || !zip.file(target.part)) continue;
    zip.file(target.part, insertRules(await text(zip, target.part), rulesXml(r.add, book), r.drop));
  }

  // Removing sheets: their entries, parts and relationships, and the sheet-local names that pointed at them.
  const kept = entries.filter((e) => !removed.includes(e));
  for (const e of removed) {
    relsXml = relsXml.replace(elements(relsXml, "Relationship").find((r) => attr(r, "Id") === e.rid) ?? "\u0000", "");
    types = types.replace(elements(types, "Override").find((o) => attr(o, "PartName") === `/${e.part}`) ?? "\u0000", "");
    zip.remove(e.part);
    zip.remove(relsPath(e.part));
  }
  const sheetsXml = [...kept.map((e) => tags.get(e)), ...appended].join("");
  workbook = workbook.replace(elementPattern("sheets", ""), () => `<sheets>${sheetsXml}</sheets>`);
  if (removed.length) workbook = renumberSheets(workbook, new Map(kept.map((e, i) => [entries.indexOf(e), i])));
  const order = [...kept.map((e) => e.name), ...req.sheets.filter((s) => !byName.has(s.plan.name)).map((s) => s.plan.name)];
  workbook = printTitles(workbook, req.sheets.map((s) => s.plan), order);

  // Excel rebuilds the calculation chain when it is missing; a stale one makes it report damage.
  if (zip.file("xl/calcChain.xml") && (removed.length || replaced.length)) {
    zip.remove("xl/calcChain.xml");
    relsXml = relsXml.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/, "");
    types = types.replace(/<Override\b[^>]*calcChain\.xml"[^>]*\/>/, "");
  }

  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", relsXml);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/styles.xml", book.xml());
}

/**
 * Header rows repeated on every printed page: Excel keeps them as the
 * sheet-local defined name _xlnm.Print_Titles (ECMA-376 Part 1, 18.2.6).
 * A replaced sheet's old one is dropped first.
 */
function printTitles(workbook: string, plans: SheetPlan[], order: string[]): string {
  let out = workbook;
  const names: string[] = [];
  for (const plan of plans) {
    const index = order.indexOf(plan.name);
    if (index < 0) continue;
    out = out.replace(elementPattern("definedName"), (dn) => (attr(dn, "name") === "_xlnm.Print_Titles" && attr(dn, "localSheetId") === String(index) ? "" : dn));
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
