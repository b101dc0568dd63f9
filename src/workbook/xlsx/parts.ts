import { attr } from "./xml-text";
import { PackageFiles, PartLookup, editedFiles } from "./part-names";
import { PackageEdit } from "./package-edit";
import { ZipPackage } from "./reader/zip";
import { Budget, DEFAULT_LIMITS, ReadLimits } from "./reader/limits";

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

/**
 * A package's files straight from its zip (the central directory, and only
 * the small parts asked for inflated, within the read limits): the package
 * inspection reads a few relationship and drawing parts, so loading the whole
 * package into JSZip for it cost more than the inspection itself.
 */
export function zipFiles(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): PackageFiles {
  return editedFiles(new PackageEdit(ZipPackage.open(data), new Budget(limits, data.length)));
}

export async function inspectPackage(files: PackageFiles): Promise<PackageParts> {
  const out: PackageParts = { sheets: {}, workbook: {} };
  // Part names and relationship targets compare without case (OPC), as Excel reads them.
  const parts = new PartLookup(files);
  const count = (re: RegExp) => files.names().filter((n) => re.test(n)).length;
  const wbPart = (await parts.rels("")).find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const wbXml = (await parts.text(wbPart)) ?? "";
  const wbRels = await parts.rels(wbPart);
  const byId = new Map(wbRels.map((r) => [r.id, r.target]));
  // Prefixed SpreadsheetML (<x:sheet>) and Strict's relationships namespace both occur in councils' files.
  const relPrefix = /xmlns:(\w+)="[^"]*\/officeDocument\/(?:2006\/)?relationships"/.exec(wbXml)?.[1] ?? "r";
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const part = byId.get(attr(m[0], `${relPrefix}:id`) ?? "") ?? "";
    const counts: Record<string, number> = {};
    const add = (k: string, n = 1) => n > 0 && (counts[k] = (counts[k] ?? 0) + n);
    for (const rel of await parts.rels(part)) {
      for (const [kind, re] of SHEET_KINDS) if (re.test(rel.type)) add(kind);
      const drawing = /\/drawing$/.test(rel.type) ? await parts.text(rel.target) : null;
      if (drawing !== null) {
        for (const d of await parts.rels(rel.target)) {
          if (/\/chart$/.test(d.type)) add("charts");
          if (/\/image$/.test(d.type)) add("images");
        }
        add("shapes and text boxes", (drawing.match(/<xdr:sp\b/g) ?? []).length);
      }
    }
    out.sheets[name] = counts;
  }
  const wbAdd = (k: string, n: number) => n > 0 && (out.workbook[k] = n);
  wbAdd("macros (VBA project)", count(/vbaProject\.bin$/i));
  wbAdd("add-in parts (web extensions)", count(/^xl\/webextensions\/webextension\d*\.xml$/i));
  wbAdd("external links", wbRels.filter((r) => /\/externalLink$/.test(r.type)).length);
  wbAdd("data connections", wbRels.filter((r) => /\/connections$/.test(r.type)).length);
  wbAdd("slicer caches", wbRels.filter((r) => /\/slicerCache$/.test(r.type)).length);
  wbAdd("custom XML parts", count(/^customXml\/item\d+\.xml$/i));
  return out;
}

/** One kind of part the output has fewer of than the input: on a sheet, or (sheet null) in the workbook. */
export interface LostPart {
  sheet: string | null;
  kind: string;
  missing: number;
  of: number;
}

export function lostBySheet(before: PackageParts, after: PackageParts): LostPart[] {
  const lost: LostPart[] = [];
  for (const [sheet, counts] of Object.entries(before.sheets)) {
    for (const [kind, n] of Object.entries(counts)) {
      const kept = after.sheets[sheet]?.[kind] ?? 0;
      if (kept < n) lost.push({ sheet, kind, missing: n - kept, of: n });
    }
  }
  for (const [kind, n] of Object.entries(before.workbook)) {
    const kept = after.workbook[kind] ?? 0;
    if (kept < n) lost.push({ sheet: null, kind, missing: n - kept, of: n });
  }
  return lost;
}

/** "Sheet 'Trends': 2 of 2 charts", "Workbook: 1 of 1 macros (VBA project)". */
export function describeLost(l: LostPart): string {
  return `${l.sheet === null ? "Workbook" : `Sheet '${l.sheet}'`}: ${l.missing} of ${l.of} ${l.kind}`;
}

/** Lines such as "Sheet 'Trends': 2 charts" for everything the output has fewer of than the input. */
export function lostParts(before: PackageParts, after: PackageParts): string[] {
  return lostBySheet(before, after).map(describeLost);
}
