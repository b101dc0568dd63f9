import JSZip from "jszip";
import { PartNames } from "./part-names";
import { attr, decodeXml, elementPattern, elements, relsPath, setAttr } from "./xml-text";

/**
 * Repairs what ExcelJS's writer gets wrong when a whole workbook must be
 * re-saved (a Strict Open XML file, a chart on one of the product's own
 * sheets), so the file opens in Excel without a repair prompt:
 * - a "contains text" rule is written without its `text` (and `operator`),
 *   which Excel requires: both are put back from the rule as opened;
 * - "begins with", "ends with", "does not contain", duplicate and unique
 *   value rules are not written at all, leaving an empty conditionalFormatting
 *   element: the rules as opened go back in, each with its format;
 * - a workbook without a theme gets a relationship and a content type for a
 *   theme part that is not written: both are taken out.
 */
export async function repairRewrite(data: Uint8Array, opened: JSZip | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const parts = new PartNames(zip);
  let changed = false;

  if (opened) {
    const before = new PartNames(opened);
    const textRules = await textRulesBySheet(before);
    const lostRules = await unwrittenRulesBySheet(before);
    let styles = (await parts.text("xl/styles.xml")) ?? "";
    for (const [sheet, part] of await sheetParts(parts)) {
      const rules = textRules.get(sheet) ?? [];
      const missing = lostRules.get(sheet) ?? [];
      const xml = rules.length || missing.length ? await parts.text(part) : null;
      if (xml === null) continue;
      let fixed = xml.replace(/<cfRule\b[^>]*\btype="containsText"[^>]*>[\s\S]*?<\/cfRule>/g, (rule) => {
        if (attr(rule, "text") !== null) return rule;
        const formula = decodeXml(/<formula>([\s\S]*?)<\/formula>/.exec(rule)?.[1] ?? "");
        const was = rules.find((r) => r.formula === formula);
        return was ? setAttr(setAttr(rule, "operator", was.operator), "text", was.text) : rule;
      });
      // Rule types ExcelJS reads but does not write leave an empty block: the rules go back in, with their formats.
      fixed = fixed.replace(/<conditionalFormatting\b([^>]*?)(?:\/>|>\s*<\/conditionalFormatting>)/g, (_, attrs: string) => {
        const sqref = attr(`<c${attrs}>`, "sqref");
        const back = missing.filter((m) => m.sqref === sqref).map((m) => {
          if (m.dxf === null) return m.rule;
          styles = addDxf(styles, m.dxf);
          return setAttr(m.rule, "dxfId", dxfCount(styles) - 1);
        });
        return back.length ? `<conditionalFormatting${attrs}>${back.join("")}</conditionalFormatting>` : "";
      });
      if (fixed !== xml) {
        parts.write(part, fixed);
        changed = true;
      }
    }
    if (changed && styles) parts.write("xl/styles.xml", styles);
  }

  // Relationships and content-type overrides of the workbook that point at parts never written.
  const wbPart = (await parts.rels("")).find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const missing = (await parts.rels(wbPart)).filter((r) => r.target && !parts.has(r.target));
  if (missing.length) {
    let rels = (await parts.text(relsPath(wbPart)))!;
    let types = (await parts.text("[Content_Types].xml"))!;
    for (const m of missing) {
      rels = rels.replace(elements(rels, "Relationship").find((r) => attr(r, "Id") === m.id) ?? "\u0000", "");
      types = types.replace(elements(types, "Override").find((o) => (attr(o, "PartName") ?? "").toLowerCase() === `/${m.target.toLowerCase()}`) ?? "\u0000", "");
    }
    parts.write(relsPath(wbPart), rels);
    parts.write("[Content_Types].xml", types);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } }) : data;
}

/** Sheet name → worksheet part, for transitional, strict and prefixed workbooks. */
async function sheetParts(parts: PartNames): Promise<Map<string, string>> {
  const wbPart = (await parts.rels("")).find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const wb = (await parts.text(wbPart)) ?? "";
  const byId = new Map((await parts.rels(wbPart)).map((r) => [r.id, r.target]));
  const relPrefix = /xmlns:(\w+)="[^"]*\/officeDocument\/(?:2006\/)?relationships"/.exec(wb)?.[1] ?? "r";
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) out.set(attr(m[0], "name") ?? "", byId.get(attr(m[0], `${relPrefix}:id`) ?? "") ?? "");
  return out;
}

// The rule types ExcelJS's writer renders (cf-rule-xform.js); containsBlanks and the like go out as containsText.
const WRITTEN = new Set(["expression", "cellIs", "top10", "aboveAverage", "dataBar", "colorScale", "iconSet", "containsText", "timePeriod", "containsBlanks", "notContainsBlanks", "containsErrors", "notContainsErrors"]);

/** Each sheet's rules (as opened) of the types ExcelJS drops, with the format (dxf) each applies. */
async function unwrittenRulesBySheet(parts: PartNames): Promise<Map<string, { sqref: string; rule: string; dxf: string | null }[]>> {
  const out = new Map<string, { sqref: string; rule: string; dxf: string | null }[]>();
  const dxfs = elements(elementPattern("dxfs", "").exec((await parts.text("xl/styles.xml")) ?? "")?.[0].replace(/^<[^>]*>/, "") ?? "", "dxf");
  for (const [sheet, part] of await sheetParts(parts)) {
    const xml = await parts.text(part);
    if (!xml || /<\w+:worksheet\b/.test(xml)) continue;
    const found = elements(xml, "conditionalFormatting").flatMap((block) => elements(block, "cfRule")
      .filter((rule) => !WRITTEN.has(attr(rule, "type") ?? ""))
      .map((rule) => ({ sqref: attr(block, "sqref") ?? "", rule, dxf: attr(rule, "dxfId") === null ? null : dxfs[Number(attr(rule, "dxfId"))] ?? null })));
    if (found.length) out.set(sheet, found);
  }
  return out;
}

function dxfCount(styles: string): number {
  return elements(elementPattern("dxfs", "").exec(styles)?.[0].replace(/^<[^>]*>/, "") ?? "", "dxf").length;
}

/** styles.xml with one more dxf (the section created when absent, before tableStyles/colors/extLst or at the end). */
function addDxf(styles: string, dxf: string): string {
  const existing = elementPattern("dxfs", "").exec(styles)?.[0];
  if (existing) {
    const inner = existing.endsWith("/>") ? "" : existing.replace(/^<[^>]*>/, "").replace(/<\/dxfs>$/, "");
    const n = elements(inner, "dxf").length + 1;
    return styles.replace(existing, () => `<dxfs count="${n}">${inner}${dxf}</dxfs>`);
  }
  const at = ["tableStyles", "colors", "extLst"].map((n) => styles.search(new RegExp(`<${n}\\b`))).filter((i) => i >= 0);
  const pos = at.length ? Math.min(...at) : styles.lastIndexOf("</styleSheet>");
  return `${styles.slice(0, pos)}<dxfs count="1">${dxf}</dxfs>${styles.slice(pos)}`;
}

/** The "contains text" rules of each sheet as opened: formula, operator and text. */
async function textRulesBySheet(parts: PartNames): Promise<Map<string, { formula: string; operator: string; text: string }[]>> {
  const out = new Map<string, { formula: string; operator: string; text: string }[]>();
  for (const [sheet, part] of await sheetParts(parts)) {
    const xml = await parts.text(part);
    if (!xml) continue;
    const rules = [...xml.matchAll(/<(?:\w+:)?cfRule\b[^>]*\btype="containsText"[^>]*>[\s\S]*?<\/(?:\w+:)?cfRule>/g)].map((m) => ({
      formula: decodeXml(/<(?:\w+:)?formula>([\s\S]*?)<\/(?:\w+:)?formula>/.exec(m[0])?.[1] ?? ""),
      operator: attr(m[0], "operator") ?? "containsText",
      text: attr(m[0], "text") ?? "",
    })).filter((r) => r.text);
    if (rules.length) out.set(sheet, rules);
  }
  return out;
}
