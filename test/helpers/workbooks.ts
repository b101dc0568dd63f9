import ExcelJS from "exceljs";
import { spawnSync, SpawnSyncReturns } from "child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { readCsv } from "./csv";

export const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "council-performance-q1-2021-22.xlsx");

/** Sixteen financial quarters from Q1 2017/18, as column headers: enough for SPC. */
export const SIXTEEN_QUARTERS = Array.from({ length: 16 }, (_, i) => `Q${(i % 4) + 1} ${2017 + Math.floor(i / 4)}/${String((18 + Math.floor(i / 4)) % 100).padStart(2, "0")}`);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cpe-test-"));
}

/** Write an ExcelJS workbook to a temp file and return its path. */
export async function saveWorkbook(wb: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** Every sheet's values, as plain JSON, to compare a sheet before and after a run. */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v ?? null));
  });
  return out;
}

/** Run the command line in-process: exit code, stdout and stderr. */
/**
 * The built command line in a child process that stops (exit 3, "<name> was
 * loaded" on stderr) the moment it loads a module whose name matches
 * `forbidden`: a clean run proves the path taken does without it.
 */
export function runBuiltCliWithout(forbidden: RegExp, cli: string, args: string[], nodeArgs: string[] = []): SpawnSyncReturns<string> {
  const guard = `const M=require("module");const load=M._load;const no=${forbidden};`
    + `M._load=function(r,...a){if(no.test(r)){process.stderr.write(r+" was loaded\\n");process.exit(3)}return load.call(this,r,...a)};`;
  return spawnSync(process.execPath, [...nodeArgs, "-e", `${guard}require(process.argv[1]).main(process.argv.slice(2)).then((c)=>process.exitCode=c)`, "--", cli, ...args], { encoding: "utf8" });
}

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const log = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void (stdout += `${a.join(" ")}\n`));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  }
}

/** The seed priorities laid out in a given way, for layout tests. */
export function priorityRows(): Record<string, string>[] {
  return readCsv("seed/directorate-priorities-q1-2021-22.csv").map((r) => r.row);
}

export function riskRows(): Record<string, string>[] {
  return readCsv("seed/strategic-risk-register-q1-2021-22.csv").map((r) => r.row);
}

/** Add a chart to a sheet (the first, unless its part is given) of a saved workbook, as Excel stores one (drawing → chart parts). */
export async function withChart(path: string, out: string, sheetPart = "xl/worksheets/sheet1.xml"): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(path));
  const rels = "http://schemas.openxmlformats.org/package/2006/relationships";
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"), `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rels}"><Relationship Id="rIdD1" Type="${type}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  zip.file("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rels}"><Relationship Id="rIdC1" Type="${type}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

/**
 * A sheet's links inside the workbook, by cell ("E5" → "'Sheet'!C48"), read
 * from the package: ExcelJS does not read links stored as a location, which
 * is how the product (and Excel) store internal links.
 */
export async function internalLinks(data: Uint8Array, sheet: string): Promise<Record<string, string>> {
  const JSZip = (await import("jszip")).default;
  const { elements, attr, resolvePart, relsPath } = await import("../../src/workbook/xlsx/xml-text");
  const zip = await JSZip.loadAsync(data);
  const read = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const wbRels = elements(await read("xl/_rels/workbook.xml.rels"), "Relationship");
  const entry = elements(await read("xl/workbook.xml"), "sheet").find((s) => attr(s, "name") === sheet);
  const rid = entry && /\s\w+:id="([^"]*)"/.exec(entry)?.[1];
  const part = resolvePart("xl/workbook.xml", attr(wbRels.find((r) => attr(r, "Id") === rid) ?? "", "Target") ?? "");
  const rels = new Map(elements(await read(relsPath(part)), "Relationship").map((r) => [attr(r, "Id"), attr(r, "Target") ?? ""]));
  const links: Record<string, string> = {};
  for (const h of elements(await read(part), "hyperlink")) {
    const rel = /\s\w+:id="([^"]*)"/.exec(h)?.[1];
    const target = attr(h, "location") ?? (rel ? rels.get(rel) : undefined);
    if (target) links[attr(h, "ref") ?? ""] = target.replace(/^#/, "");
  }
  return links;
}
