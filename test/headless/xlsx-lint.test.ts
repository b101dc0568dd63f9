/**
 * Every kind of file the product writes (summarise with and without
 * --format-source, a second run on its own output, template, collect), made
 * from the sample and from inputs shaped like what Excel saves, passes the
 * shared xlsx-lint checker (ECMA-376 schemas plus the rules Excel enforces
 * beyond them); and every part of the input the run had no reason to edit
 * is in the output byte for byte.
 */
import JSZip from "jszip";
import { inflateSync } from "fflate";
import { spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { SAMPLE, tempDir } from "../helpers/workbooks";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";
import { excelShapedWorkbook, ExcelShape } from "../helpers/excel-shaped";
import { XlsxWorkbook, WorkbookFileError } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { makeTemplates } from "../../src/workbook/templates";
import { collectReturns } from "../../src/workbook/collect";
import { SETTINGS_SHEETS } from "../../src/workbook/port";

// The settings store the product writes: the current copy and the last good one.
const SETTINGS_SHEET = [SETTINGS_SHEETS.current, SETTINGS_SHEETS["last-good"]];
import { cellText, SheetPlan } from "../../src/core";
import { splice } from "../../src/workbook/xlsx/splice";
import { attr, elements, resolvePart } from "../../src/workbook/xlsx/xml-text";

const ROOT = join(__dirname, "..", "..");
// Beside the clone, as in CI; relative to the repository root.
const LINT = join("..", "shared", "tools", "xlsx-lint", "lint-xlsx.py");
const haveLint = existsSync(join(ROOT, LINT)) && existsSync("/usr/bin/python3");
if (!haveLint) console.warn(`xlsx-lint: ${LINT} (or /usr/bin/python3) is absent beside this clone, so the written files were not checked against it`);

const dir = tempDir();
const outputs: Output[] = [];
const skipped: string[] = [];
// The parts a run edits on purpose: the sheet list, its relationships, content types and styles.
const EDITED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/i;
const OWN_BLOCK = /<(\w+:)?conditionalFormatting sqref="[^"]*"><(\w+:)?cfRule type="expression"[\s\S]*?<\/(\w+:)?conditionalFormatting>/g;

interface Output {
  name: string;
  input: Uint8Array;
  data: Uint8Array;
  /** Sheets the product wrote (its parts may change freely). */
  own: string[];
  /** Council sheets whose cell values were written on purpose (collect). */
  cellsWritten: string[];
  /** Re-saved whole (Strict Open XML input): every part is rewritten, so only the checker applies. */
  rewritten: boolean;
}

async function summarised(input: Uint8Array, formatSource: boolean): Promise<{ data: Uint8Array; own: string[]; rewritten: boolean }> {
  const wb = await XlsxWorkbook.open(input);
  const r = await summarise(wb, { formatSource });
  const saved = await wb.save();
  return { data: saved.data, own: [...r.outputSheets, ...SETTINGS_SHEET], rewritten: saved.method === "rewritten" };
}

/** All five kinds of output from one input. */
async function outputsOf(label: string, input: Uint8Array): Promise<Output[]> {
  const out: Output[] = [];
  const plain = await summarised(input, false);
  out.push({ name: `${label} summarised`, input, ...plain, cellsWritten: [] });
  const formatted = await summarised(input, true);
  out.push({ name: `${label} summarised --format-source`, input, ...formatted, cellsWritten: [] });
  const again = await summarised(formatted.data, true);
  out.push({ name: `${label} second run on its own output`, input: formatted.data, ...again, cellsWritten: [] });

  const twb = await XlsxWorkbook.open(input);
  const t = await makeTemplates(twb, {});
  if (t.error) {
    // Only when the reader finds no dataset in the input (it does not read every part naming yet).
    skipped.push(`${label}, template and collect: ${t.error}`);
    return out;
  }
  const tSaved = await twb.save();
  const templated = tSaved.data;
  const returnSheets = t.sheets.map((s) => s.name);
  out.push({ name: `${label} template`, input, data: templated, own: [...returnSheets, ...SETTINGS_SHEET], cellsWritten: [], rewritten: tSaved.method === "rewritten" });

  // A directorate fills in its return inside the workbook: a RAG changed, then collected.
  const filling = await XlsxWorkbook.open(templated);
  const grids = await filling.readSheets(returnSheets);
  const headerRow = (g: (typeof grids)[number]) => g.rows.findIndex((row) => cellText(row[0]) === "Key");
  const ret = grids.find((g) => headerRow(g) >= 0 && g.rows[headerRow(g)].some((v) => cellText(v) === "RAG"));
  if (!ret) throw new Error(`no return sheet with a RAG column among ${returnSheets.join(", ")}: ${JSON.stringify(grids[0]?.rows.slice(0, 9))}`);
  const header = headerRow(ret);
  const rag = ret.rows[header].findIndex((v) => cellText(v) === "RAG");
  const was = cellText(ret.rows[header + 1][rag]);
  await filling.updateCells(ret.name, [{ row: header + 1, col: rag, value: was === "Red" ? "Green" : "Red" }]);
  const filled = (await filling.save()).data;
  const corporate = await XlsxWorkbook.open(filled);
  const json = await collectReturns(corporate, [{ file: `${label}.xlsx`, port: corporate }], `${label}.xlsx`);
  expect(json.changes.length).toBeGreaterThan(0);
  const collected = await corporate.save();
  out.push({
    name: `${label} collect`, input: filled, data: collected.data, rewritten: collected.method === "rewritten",
    own: [...returnSheets, ...SETTINGS_SHEET, json.outputSheet!], cellsWritten: [...new Set(json.changes.map((c) => c.sheet))],
  });
  return out;
}

/** Sheet name → worksheet part, through workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<(\/?)\w+:/g, "<$1");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map(elements(rels, "Relationship").map((r) => [attr(r, "Id"), resolvePart("xl/workbook.xml", attr(r, "Target") ?? "").toLowerCase()]));
  return new Map(elements(wb, "sheet").map((s) => [attr(s, "name") ?? "", targets.get(/\sr:id="([^"]*)"/.exec(s)?.[1] ?? /\s\w+:id="([^"]*)"/.exec(s)?.[1] ?? "") ?? ""]));
}

/**
 * The splice on prefixed SpreadsheetML, driven directly (whatever reads the
 * file): a sheet added, colour rules and cell values put into a council
 * sheet, styles extended; each edited part keeps its `x:` form.
 */
async function prefixedSplice(): Promise<Output> {
  const input = await excelShapedWorkbook({ prefixed: true, chart: true });
  const zip = await JSZip.loadAsync(input);
  const plan: SheetPlan = {
    purpose: "summary", name: "Summary", cells: [["Dataset", "Green"], ["Priorities", 20], ["Due", { date: "2022-03-31" }]],
    styles: [{ ref: "A1:B1", style: { bold: true, fill: "#DDEEFF", border: true } }], columnWidths: [30, 12],
    conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
  };
  const red = { ref: "D2:D31", priority: 1, rule: { type: "expression" as const, formula: 'LOWER(TRIM($D2))="red"', style: { fill: "#F4CCCC" } } };
  const deflated = await splice(zip, {
    sheets: [{ plan, state: "visible" }], remove: [],
    rules: [{ sheet: "Priorities", add: [red], drop: () => false }],
    cells: [{ sheet: "Priorities", updates: [{ row: 1, col: 3, value: "Amber" }, { row: 2, col: 2, value: { date: "2022-06-30" } }] }],
  });
  // The parts the splice handed back compressed, put into the package as text.
  for (const [name, part] of deflated) zip.file(name, inflateSync(Buffer.concat(part.chunks)));
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  for (const part of ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]) {
    const xml = await zip.file(part)!.async("string");
    expect(xml.match(/<(?![?!/])[A-Za-z_][\w.-]*(?=[\s/>])/g)).toBeNull(); // no element lost its prefix
  }
  return { name: "prefixed <x:worksheet> spliced", input, data, own: ["Summary"], cellsWritten: ["Priorities"], rewritten: false };
}

/** More exceptions than a sentence can name: the Commentary once wrote them all into one cell, past Excel's 32,767 characters. */
async function manyExceptions(): Promise<Output> {
  const rows: Value[][] = [["Code", "Indicator", "Polarity", "Target", "Q3 2021/22", "Q4 2021/22"]];
  for (let i = 0; i < 2_000; i++) rows.push([`R${i}`, `Falling indicator number ${i}`, "Maximise", 90, 80, 70]);
  const input = await buildPackage({ sheets: [{ name: "Indicators", rows }] });
  return { name: "2,000 'Red Red' indicators summarised --format-source", input, ...(await summarised(input, true)), cellsWritten: [] };
}

beforeAll(async () => {
  outputs.push(await prefixedSplice());
  outputs.push(await manyExceptions());
  outputs.push(...(await outputsOf("sample", new Uint8Array(readFileSync(SAMPLE)))));
  const shapes: [string, ExcelShape][] = [
    ["Excel-shaped", {}],
    ["Sheet1.xml with a chart", { capitalS: true, chart: true }],
    ["prefixed <x:worksheet>", { prefixed: true, chart: true }],
    ["Strict Open XML", { strict: true, chart: true }],
    ["openpyxl-style workbook.xml", { relsOnSheets: true }],
  ];
  for (const [label, shape] of shapes) {
    const input = await excelShapedWorkbook(shape);
    try {
      await XlsxWorkbook.open(input);
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      skipped.push(`${label}: ${e.message}`);
      continue;
    }
    outputs.push(...(await outputsOf(label, input)));
  }
  if (skipped.length) console.warn(`xlsx-lint: inputs the reader does not read in full yet, so not checked here: ${skipped.join("; ")}`);
}, 600_000);

describe("files the product writes", () => {
  it("are every kind, from the sample and from Excel-shaped inputs", () => {
    const kinds = ["summarised", "summarised --format-source", "second run on its own output", "template", "collect"];
    for (const label of ["sample", "Excel-shaped", "Strict Open XML"]) expect(outputs.map((o) => o.name)).toEqual(expect.arrayContaining(kinds.map((k) => `${label} ${k}`)));
    expect(outputs.some((o) => o.name.startsWith("Sheet1.xml with a chart"))).toBe(true);
    expect(outputs.some((o) => o.name.startsWith("prefixed"))).toBe(true);
  });

  (haveLint ? it : it.skip)("pass xlsx-lint, as do the Excel-shaped inputs themselves", async () => {
    const files: string[] = [];
    for (const [i, o] of outputs.entries()) {
      const path = join(dir, `${i}-${o.name.replace(/[^\w-]+/g, "_")}.xlsx`);
      writeFileSync(path, o.data);
      files.push(path);
      // The checker knows the Transitional schemas only: a Strict input is checked through its outputs.
      if (o.name.startsWith("Strict") && !o.name.includes("collect")) continue;
      const inPath = join(dir, `${i}-input.xlsx`);
      writeFileSync(inPath, o.input);
      files.push(inPath);
    }
    const r = spawnSync("/usr/bin/python3", [LINT, ...files], { cwd: ROOT, encoding: "utf8" });
    const violations = r.stdout.split("\n").filter((l) => l.startsWith("/") && !l.startsWith("note:"));
    expect(violations).toEqual([]);
    expect(r.stdout).toMatch(new RegExp(`^${files.length} passed, 0 failed$`, "m"));
    expect(r.status).toBe(0);
  }, 600_000);

  it("carry every input part the run had no reason to edit byte for byte", async () => {
    for (const o of outputs.filter((x) => !x.rewritten)) {
      const [before, after] = await Promise.all([JSZip.loadAsync(o.input), JSZip.loadAsync(o.data)]);
      const parts = await sheetParts(before);
      const own = new Set(o.own.map((n) => parts.get(n)).filter(Boolean));
      const written = new Set(o.cellsWritten.map((n) => parts.get(n)));
      const council = new Set([...parts.values()].filter((p) => !own.has(p)));
      for (const f of Object.values(before.files)) {
        if (f.dir || EDITED.test(f.name)) continue;
        const name = f.name.toLowerCase();
        const ownRels = [...own].some((p) => name === p!.replace(/([^/]+)$/, "_rels/$1.rels"));
        if (own.has(name) || ownRels) continue;
        const was = await f.async("string");
        const now = await after.file(f.name)?.async("string");
        if (/calcchain\.xml$/.test(name) && now === undefined) continue; // dropped so Excel rebuilds it
        const label = `${o.name}: ${f.name}`;
        if (council.has(name)) {
          // Only the product's own colour rules added, and, where returns were collected, cell values.
          const strip = (x: string) => (written.has(name) ? x.replace(/<(\w+:)?sheetData>[\s\S]*<\/(\w+:)?sheetData>/, "").replace(/<(\w+:)?dimension\b[^>]*\/>/, "") : x).replace(OWN_BLOCK, "");
          expect({ label, part: strip(now ?? "(missing)") }).toEqual({ label, part: strip(was) });
        } else {
          expect({ label, part: now ?? "(missing)" }).toEqual({ label, part: was });
        }
      }
    }
  });
});
