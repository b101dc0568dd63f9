import JSZip from "jszip";
import { PartNames } from "./part-names";
import { attr, decodeXml, elements, relsPath, setAttr } from "./xml-text";

/**
 * Repairs what ExcelJS's writer gets wrong when a whole workbook must be
 * re-saved (a Strict Open XML file, a chart on one of the product's own
 * sheets), so the file opens in Excel without a repair prompt:
 * - a "contains text" rule is written without its `text` (and `operator`),
 *   which Excel requires: both are put back from the rule as opened;
 * - a workbook without a theme gets a relationship and a content type for a
 *   theme part that is not written: both are taken out.
 */
export async function repairRewrite(data: Uint8Array, opened: JSZip | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const parts = new PartNames(zip);
  let changed = false;

  if (opened) {
    const textRules = await textRulesBySheet(new PartNames(opened));
    for (const [sheet, part] of await sheetParts(parts)) {
      const rules = textRules.get(sheet);
      const xml = rules?.length ? await parts.text(part) : null;
      if (!rules || xml === null) continue;
      const fixed = xml.replace(/<cfRule\b[^>]*\btype="containsText"[^>]*>[\s\S]*?<\/cfRule>/g, (rule) => {
        if (attr(rule, "text") !== null) return rule;
        const formula = decodeXml(/<formula>([\s\S]*?)<\/formula>/.exec(rule)?.[1] ?? "");
        const was = rules.find((r) => r.formula === formula);
        return was ? setAttr(setAttr(rule, "operator", was.operator), "text", was.text) : rule;
      });
      if (fixed !== xml) {
        parts.write(part, fixed);
        changed = true;
      }
    }
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
