/**
 * Wide sparse sheets and whole-sheet rules through the command line, as a
 * council runs it: a list in A:D with a note in XFD on each of 8,000 rows is
 * summarised with every row counted and the note column named in a warning;
 * `collect` takes a corporate workbook and a return that both carry a
 * drop-down over A1:XFD1048576 and 16,384 column styles, through the
 * streaming reader and the splice (ExcelJS never loads them). Time and peak
 * memory are printed by the corpus benchmark, not asserted here.
 */
import { spawnSync } from "child_process";
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { tempDir, runCli, runBuiltCliWithout } from "../helpers/workbooks";
import { corpus } from "../helpers/corpus";
import { hostileCollectCase, HostileCollectCase } from "../helpers/hostile-returns";
import { SummaryJson } from "../../src/workbook/summarise";
import { CollectJson } from "../../src/workbook/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { collectReturns } from "../../src/workbook/collect";

const dir = tempDir();
const CLI = join(__dirname, "..", "..", "build", "src", "cli", "main.js");
const NAME = "a list in A:D with a note in XFD on each of 8,000 rows";

describe("a list in A:D with a note in XFD on each of 8,000 rows", () => {
  let input: string;
  beforeAll(async () => {
    input = join(dir, "noted.xlsx");
    writeFileSync(input, (await corpus()).find((f) => f.name === NAME)!.data);
  });

  it("is summarised with all 8,000 rows, and the note column named in a warning on the Data issues sheet and in --json", async () => {
    const out = join(dir, "noted-out.xlsx");
    const r = await runCli(["summarise", input, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SummaryJson;
    expect(json.datasets).toEqual([expect.objectContaining({ sheet: "Priorities", kind: "priorities", rows: 8_000 })]);
    expect(json.issues).toEqual([expect.objectContaining({ sheet: "Priorities", cell: "XFD2", severity: "warning" })]);
    expect(json.issues[0].message).toMatch(/^Column XFD \('Notes'\) holds 8,000 values \(XFD2 to XFD8001\) in the rows of the list on 'Priorities'.* not read as part of the list/);
    const issuesXml = await sheetXml(out, "Data issues");
    expect(issuesXml).toContain("XFD2");
  });

  it("runs in a process with a 500 MB heap", () => {
    if (!existsSync(CLI)) throw new Error(`build the command line first (npm run build:node): ${CLI} is missing`);
    const r = spawnSync(process.execPath, ["--max-old-space-size=500", CLI, "summarise", input, "--out", join(dir, "noted-heap.xlsx"), "--json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as SummaryJson).datasets[0].rows).toBe(8_000);
  }, 600_000);
});

describe("collect with a whole-sheet drop-down and 16,384 column styles in the corporate workbook and the return", () => {
  let c: HostileCollectCase;
  let corporate: string;
  let ret: string;
  beforeAll(async () => {
    c = await hostileCollectCase();
    corporate = join(dir, "corporate.xlsx");
    ret = join(dir, "return.xlsx");
    writeFileSync(corporate, c.corporate);
    writeFileSync(ret, c.ret);
  });

  it("reads the return, writes the change into the corporate sheet and keeps the council's rules and column styles", async () => {
    const out = join(dir, "collected.xlsx");
    const r = await runCli(["collect", corporate, ret, "--out", out, "--json"]);
    expect(r.stderr).not.toMatch(/^Error/m);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CollectJson;
    expect(json.returns).toEqual([expect.objectContaining({ file: "return.xlsx", sheet: c.returnSheet, accepted: true })]);
    expect(json.changes).toEqual([expect.objectContaining({ sheet: "Priorities", cell: "D2", item: c.item, from: c.oldRag, to: c.newRag })]);
    const xml = await sheetXml(out, "Priorities");
    expect(xml).toMatch(new RegExp(`<c r="D2"[^>]*>.*?${c.newRag}.*?</c>`));
    expect(xml).toContain('sqref="A1:XFD1048576"');
    expect(xml.match(/<col /g)).toHaveLength(16_384);
  });

  it("opens both with the streaming reader and saves by splicing, never by a whole re-save", async () => {
    const wb = await XlsxWorkbook.open(c.corporate);
    const json = await collectReturns(wb, [{ file: "return.xlsx", port: await XlsxWorkbook.open(c.ret) }], "corporate.xlsx");
    expect(json.changes).toHaveLength(1);
    expect((await wb.save()).method).toBe("spliced");
  });

  it("runs in a process with a 500 MB heap that never loads ExcelJS", () => {
    if (!existsSync(CLI)) throw new Error(`build the command line first (npm run build:node): ${CLI} is missing`);
    const r = runBuiltCliWithout(/exceljs/i, CLI, ["collect", corporate, ret, "--out", join(dir, "collected-heap.xlsx"), "--json"], ["--max-old-space-size=500"]);
    expect(r.stderr).not.toMatch(/was loaded|^Error/m);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as CollectJson).changes).toHaveLength(1);
  }, 600_000);
});

/** A sheet's XML from a saved workbook, found by its name. */
async function sheetXml(file: string, name: string): Promise<string> {
  const { readFileSync } = await import("fs");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return zip.file(`xl/${target!.replace(/^\/?xl\//, "")}`)!.async("string");
}
