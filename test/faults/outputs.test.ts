/**
 * Fault suite: where outputs go. A batch never writes over one of its own
 * inputs; a full or read-only disk, an over-long name or a wrong extension is
 * one plain line with nothing written; an output's extension and content
 * agree; every XML part written is well-formed whatever the text holds.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir, runCli, SAMPLE } from "../helpers/workbooks";
import { buildPackage, priorityRows } from "../helpers/xlsx-fixtures";

const dir = tempDir();
const sample = readFileSync(SAMPLE);

/** Temporary files the product's save leaves beside an output while it writes. */
const temps = (folder: string) => readdirSync(folder).filter((n) => /\.tmp$/.test(n));

describe("a batch (--out-dir)", () => {
  it("refuses, before writing anything, an output that is one of its inputs", async () => {
    const folder = join(dir, "batch-self");
    mkdirSync(folder);
    writeFileSync(join(folder, "perf.xlsx"), sample);
    writeFileSync(join(folder, "perf-summary.xlsx"), sample); // last quarter's edited output
    const before = readFileSync(join(folder, "perf-summary.xlsx"));
    const r = await runCli(["summarise", join(folder, "perf.xlsx"), join(folder, "perf-summary.xlsx"), "--out-dir", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*perf-summary\.xlsx is an input of this run.*nothing was written/);
    expect(readFileSync(join(folder, "perf-summary.xlsx")).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["perf-summary.xlsx", "perf.xlsx"]);
  });

  it("refuses two inputs that would be written to one file", async () => {
    const [a, b] = [join(dir, "a"), join(dir, "b")];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, "perf.xlsx"), sample);
    writeFileSync(join(b, "perf.xlsx"), sample);
    const out = join(dir, "twice-out");
    const r = await runCli(["summarise", join(a, "perf.xlsx"), join(b, "perf.xlsx"), "--out-dir", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would both be written to .*perf-summary\.xlsx/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("names and kinds of output", () => {
  it("refuses --out report.csv: it writes workbooks", async () => {
    const r = await runCli(["summarise", SAMPLE, "--out", join(dir, "report.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be named \.xlsx .*not \.csv files/);
    expect(existsSync(join(dir, "report.csv"))).toBe(false);
  });

  it("writes an output whose name is 240 characters, and says plainly when a name is too long for the disk", async () => {
    const long = join(dir, `${"q".repeat(235)}.xlsx`);
    expect((await runCli(["summarise", SAMPLE, "--out", long])).code).toBe(0);
    expect(existsSync(long)).toBe(true);
    const tooLong = join(dir, `${"q".repeat(300)}.xlsx`);
    const r = await runCli(["summarise", SAMPLE, "--out", tooLong]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: cannot write .*: its name is too long for the disk \(ENAMETOOLONG\); nothing was written$/m);
    expect(temps(dir)).toEqual([]);
  });

  const MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  const TEMPLATE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
  async function withMainType(type: string, name: string): Promise<string> {
    const zip = await JSZip.loadAsync(await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(12) }] }));
    const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(/(PartName="\/xl\/workbook\.xml" ContentType=")[^"]+/, `$1${type}`);
    expect(types).toContain(type);
    zip.file("[Content_Types].xml", types);
    const path = join(dir, name);
    writeFileSync(path, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    return path;
  }
  const mainType = async (path: string) => /PartName="\/xl\/workbook\.xml" ContentType="([^"]+)"/.exec(await (await JSZip.loadAsync(readFileSync(path))).file("[Content_Types].xml")!.async("string"))![1];

  it("keeps a workbook with macros an .xlsm, and refuses to write it as .xlsx", async () => {
    const input = await withMainType(MACRO, "macros.xlsm");
    const asXlsx = await runCli(["summarise", input, "--out", join(dir, "macros-out.xlsx")]);
    expect(asXlsx.code).toBe(1);
    expect(asXlsx.stderr).toMatch(/holds macros, which an \.xlsx file cannot keep: name the output \.xlsm/);
    expect(existsSync(join(dir, "macros-out.xlsx"))).toBe(false);
    expect((await runCli(["summarise", input, "--out", join(dir, "macros-out.xlsm")])).code).toBe(0);
    expect(await mainType(join(dir, "macros-out.xlsm"))).toBe(MACRO);
    const folder = join(dir, "macros-dir");
    expect((await runCli(["summarise", input, "--out-dir", folder])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(["macros-summary.xlsm"]);
  });

  it("writes a template (.xltx) summarised as .xlsx as a workbook, not a template", async () => {
    const input = await withMainType(TEMPLATE, "council.xltx");
    expect((await runCli(["summarise", input, "--out", join(dir, "from-template.xlsx")])).code).toBe(0);
    expect(await mainType(join(dir, "from-template.xlsx"))).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
  });

  it("writes a vertical tab (a line break pasted from Word) in a charted title as _x000B_, every part well-formed", async () => {
    const zip = await JSZip.loadAsync(sample);
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("Crime and anti-social behaviour");
    zip.file("xl/sharedStrings.xml", strings.replace("Crime and anti-social behaviour", "Crime and_x000B_anti-social behaviour"));
    const input = join(dir, "vertical-tab.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const out = join(dir, "vertical-tab-out.xlsx");
    expect((await runCli(["summarise", input, "--out", out])).code).toBe(0);
    const written = await JSZip.loadAsync(readFileSync(out));
    const xml = Object.keys(written.files).filter((n) => /\.(xml|rels)$/.test(n));
    let charted = 0;
    for (const name of xml) {
      const text = await written.file(name)!.async("string");
      const parser = new SaxesParser();
      expect(() => parser.write(text).close()).not.toThrow();
      if (/^xl\/charts\//.test(name) && text.includes("Crime and_x000B_anti-social behaviour")) charted++;
    }
    expect(charted).toBeGreaterThan(0);
  });
});

/** A tmpfs mounted for one test (the suite runs as root here); null where mounting is not allowed. */
function mount(path: string, options: string): string | null {
  mkdirSync(path, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path], { stdio: "pipe" });
    return path;
  } catch {
    return null;
  }
}
const unmount = (path: string | null) => path && execFileSync("umount", [path], { stdio: "pipe" });

describe("full and read-only disks", () => {
  const full = mount(join(dir, "full"), "size=64k");
  const readOnly = mount(join(dir, "read-only"), "ro,size=64k");
  afterAll(() => {
    unmount(full);
    unmount(readOnly);
  });
  const disks = full && readOnly ? it : it.skip;
  if (!full || !readOnly) console.log("Full and read-only disks were not simulated: this machine does not allow mounting a tmpfs.");

  disks("a full disk: one plain line, no temporary file left, an earlier output of that name unchanged", async () => {
    writeFileSync(join(full!, "out.xlsx"), "last quarter");
    const r = await runCli(["summarise", SAMPLE, "--out", join(full!, "out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: cannot write .*out\.xlsx: the disk is full \(ENOSPC\); nothing was written$/m);
    expect(readFileSync(join(full!, "out.xlsx"), "utf8")).toBe("last quarter");
    expect(temps(full!)).toEqual([]);
  });

  disks("a read-only disk, and a missing folder on one: one plain line each", async () => {
    const r = await runCli(["summarise", SAMPLE, "--out", join(readOnly!, "out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: cannot write .*: the disk is read-only \(EROFS\); nothing was written$/m);
    const missing = await runCli(["summarise", SAMPLE, "--out", join(readOnly!, "new folder", "out.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Error: cannot write .*: (the disk is read-only|its folder .* cannot be made) \((EROFS|ENOENT)\); nothing was written$/m);
    expect(missing.stderr).not.toMatch(/mkdir/);
  });
});
