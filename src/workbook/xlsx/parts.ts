import JSZip from "jszip";
import { attr, resolvePart as resolve, relsPath } from "./xml-text";

/**
 * What an .xlsx holds beyond cells, counted per sheet from the package
 * itself, so a run can say exactly what a rewritten file lacks. ExcelJS
 * drops some of these (charts, pivot tables, slicers, macros, add-in parts).
 */
export interface PackageParts {
  sheets: Record<string, Record<string, number>>;
  workbook: Record<string, number>;
}

const SHEET_KINDS: [string, RegExp][] = [
  ["pivot tables", /\/pivotTable$/],
  ["comments", /\/comments$/],
  ["threaded comments", /\/threadedComment$/],
  ["slicers", /\/slicer$/],
  ["timelines", /\/timeline$/],
  ["Excel tables", /\/table$/],
];

async function rels(zip: JSZip, part: string): Promise<{ type: string; target: string }[]> {
  const file = zip.file(relsPath(part));
  if (!file) return [];
  const xml = await file.async("string");
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "TargetMode") === "External" ? "" : resolve(part, attr(m[0], "Target") ?? ""),
  }));
}

export async function inspectPackage(zip: JSZip): Promise<PackageParts> {
  const out: PackageParts = { sheets: {}, workbook: {} };
  const wbXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const wbRels = await rels(zip, "xl/workbook.xml");
  const byId = new Map<string, string>();
  const relFile = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  for (const m of relFile.matchAll(/<Relationship\b[^>]*>/g)) byId.set(attr(m[0], "Id") ?? "", resolve("xl/workbook.xml", attr(m[0], "Target") ?? ""));
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const part = byId.get(attr(m[0], "r:id") ?? "") ?? "";
    const counts: Record<string, number> = {};
    const add = (k: string, n = 1) => n > 0 && (counts[k] = (counts[k] ?? 0) + n);
    for (const rel of await rels(zip, part)) {
      for (const [kind, re] of SHEET_KINDS) if (re.test(rel.type)) add(kind);
      if (/\/drawing$/.test(rel.type) && zip.file(rel.target)) {
        const drawing = await zip.file(rel.target)!.async("string");
        for (const d of await rels(zip, rel.target)) {
          if (/\/chart$/.test(d.type)) add("charts");
          if (/\/image$/.test(d.type)) add("images");
        }
        add("shapes and text boxes", (drawing.match(/<xdr:sp\b/g) ?? []).length);
      }
    }
    out.sheets[name] = counts;
  }
  const wbAdd = (k: string, n: number) => n > 0 && (out.workbook[k] = n);
  wbAdd("macros (VBA project)", zip.file(/vbaProject\.bin$/).length);
  wbAdd("add-in parts (web extensions)", zip.file(/^xl\/webextensions\/webextension\d*\.xml$/).length);
  wbAdd("external links", wbRels.filter((r) => /\/externalLink$/.test(r.type)).length);
  wbAdd("data connections", wbRels.filter((r) => /\/connections$/.test(r.type)).length);
  wbAdd("slicer caches", wbRels.filter((r) => /\/slicerCache$/.test(r.type)).length);
  wbAdd("custom XML parts", zip.file(/^customXml\/item\d+\.xml$/).length);
  return out;
}

/** Lines such as "Sheet 'Trends': 2 charts" for everything the output has fewer of than the input. */
export function lostParts(before: PackageParts, after: PackageParts): string[] {
  const lost: string[] = [];
  for (const [sheet, counts] of Object.entries(before.sheets)) {
    for (const [kind, n] of Object.entries(counts)) {
      const kept = after.sheets[sheet]?.[kind] ?? 0;
      if (kept < n) lost.push(`Sheet '${sheet}': ${n - kept} of ${n} ${kind}`);
    }
  }
  for (const [kind, n] of Object.entries(before.workbook)) {
    const kept = after.workbook[kind] ?? 0;
    if (kept < n) lost.push(`Workbook: ${n - kept} of ${n} ${kind}`);
  }
  return lost;
}
