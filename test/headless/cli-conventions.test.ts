/**
 * The command line's conventions, run as a separate process on the build
 * `npm test` makes first: a refusal is one line on stderr; progress only on
 * a terminal or with --progress; what a re-saved output lacks is on stderr
 * and in --json; an --out that is the input under another name is refused;
 * the output appears whole or not at all; several inputs go one by one.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, copyFileSync } from "fs";
import { join } from "path";
import { tempDir, saveWorkbook, SAMPLE } from "../helpers/workbooks";
import { excelShapedWorkbook } from "../helpers/excel-shaped";

const CLI = join(__dirname, "..", "..", "build", "src", "cli", "main.js");
const ROOT = join(__dirname, "..", "..");

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split("\n").filter(Boolean) };
}

const dir = tempDir();
let empty: string;
let strict: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRow(["Nothing to report"]);
  empty = await saveWorkbook(wb, dir, "no-dataset.xlsx");
  strict = join(dir, "strict-with-chart.xlsx");
  writeFileSync(strict, await excelShapedWorkbook({ strict: true, chart: true }));
});

describe("stderr", () => {
  it("holds exactly one line for a refusal, and stdout nothing", () => {
    const r = cli(["summarise", empty, "--out", join(dir, "refused.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.lines).toEqual([expect.stringMatching(/^Error: cannot use .*no-dataset\.xlsx: no sheet holds a dataset/)]);
    expect(existsSync(join(dir, "refused.xlsx"))).toBe(false);
  });

  it("holds no progress when it is not a terminal, unless --progress asks", () => {
    const quiet = cli(["summarise", SAMPLE, "--out", join(dir, "quiet.xlsx"), "--json"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(JSON.parse(quiet.stdout).period).toBe("Q1 2021/22");
    const loud = cli(["summarise", SAMPLE, "--out", join(dir, "loud.xlsx"), "--json", "--progress"]);
    expect(loud.code).toBe(0);
    expect(loud.lines[loud.lines.length - 1]).toBe("[100%] Done");
    expect(loud.stdout.trim().split("\n")).toHaveLength(1);
  });

  const hasScript = existsSync("/usr/bin/script");
  (hasScript ? it : it.skip)("shows progress on a terminal as one line, erased before the refusal", () => {
    // `script` gives the command a terminal; stdout goes to a file, so the terminal shows stderr only.
    const outFile = join(dir, "tty-stdout.txt");
    const cmd = `${process.execPath} ${CLI} summarise ${SAMPLE} --out ${join(dir, "tty.xlsx")} > ${outFile}; ${process.execPath} ${CLI} summarise ${empty} --out ${join(dir, "tty-refused.xlsx")} >> ${outFile}`;
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8" });
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is checked
    expect(r.stdout).toMatch(/\r\x1b\[2K\[100%\] Done/);
    // What the terminal finally shows: each \r + erase wipes the line it is on.
    const shown = r.stdout.split(/\r?\n/).map((line) => line.split("\r\x1b[2K").pop()!.replace(/\r/g, "")).filter(Boolean);
    expect(shown).toEqual([expect.stringMatching(/^Error: cannot use .*no-dataset\.xlsx: no sheet holds a dataset/)]);
    expect(readFileSync(outFile, "utf8")).toMatch(/^Period: Quarter One 2021\/22/);
  });
  if (!hasScript) console.warn("cli-conventions: /usr/bin/script is absent, so the terminal progress test was skipped");
});

describe("what a re-saved output lacks", () => {
  it("is on stderr and in --json, by sheet (a Strict Open XML file re-saved whole loses its chart)", () => {
    const r = cli(["summarise", strict, "--out", join(dir, "strict-out.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/^Warning: .*strict-out\.xlsx lacks some parts of the input, which is unchanged: Sheet 'Priorities': 1 of 1 charts$/)]);
    expect(JSON.parse(r.stdout).lost).toEqual([{ sheet: "Priorities", kind: "charts", missing: 1, of: 1 }]);
  });

  it("is in collect's --json too, empty when the values were written in place", () => {
    const templated = join(dir, "templated.xlsx");
    expect(cli(["template", SAMPLE, "--out", templated]).code).toBe(0);
    const r = cli(["collect", templated, "--out", join(dir, "collected.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).lost).toEqual([]);
  });

  it("is an empty list when nothing is lost", () => {
    const r = cli(["summarise", SAMPLE, "--out", join(dir, "nothing-lost.xlsx"), "--json"]);
    expect(JSON.parse(r.stdout).lost).toEqual([]);
  });
});

describe("--out", () => {
  const input = join(dir, "input.xlsx");
  beforeAll(() => copyFileSync(SAMPLE, input));

  it.each([
    ["a symbolic link to the input", (p: string) => symlinkSync(input, p)],
    ["a hard link to the input", (p: string) => linkSync(input, p)],
  ])("is refused when it is %s, and the input is untouched", (_, make) => {
    const out = join(dir, `link-${Math.random().toString(36).slice(2)}.xlsx`);
    make(out);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const r = cli(["summarise", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^Error: --out must be a different file: .* is .*input\.xlsx under another name/)]);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });

  it("is refused when it names the input by another path", () => {
    const r = cli(["summarise", input, "--out", join(dir, ".", "..", dir.split("/").pop()!, "input.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/--out must be a different file/)]);
  });

  it("is written whole under a temporary name and renamed into place: a link to another file is replaced, not written through", () => {
    const other = join(dir, "other.xlsx");
    copyFileSync(SAMPLE, other);
    const out = join(dir, "linked-out.xlsx");
    linkSync(other, out);
    expect(cli(["summarise", input, "--out", out]).code).toBe(0);
    expect(readFileSync(other).equals(readFileSync(SAMPLE))).toBe(true);
    expect(statSync(out).ino).not.toBe(statSync(other).ino);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves nothing behind when it cannot be written, and a failed run leaves an earlier output as it was", () => {
    const folder = join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    const r = cli(["summarise", input, "--out", folder]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^Error: cannot write .*a-folder\.xlsx: it is a folder \(EISDIR\); nothing was written$/)]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const earlier = join(dir, "earlier.xlsx");
    writeFileSync(earlier, "last quarter's output");
    expect(cli(["summarise", empty, "--out", earlier]).code).toBe(1);
    expect(readFileSync(earlier, "utf8")).toBe("last quarter's output");
  });
});

describe("several inputs", () => {
  it("are summarised one by one into --out-dir, a line each, exit 1 when any failed", () => {
    const outDir = join(dir, "many");
    const r = cli(["summarise", SAMPLE, empty, strict, "--out-dir", outDir]);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split("\n");
    expect(out).toEqual([
      expect.stringMatching(/council-performance-q1-2021-22\.xlsx: wrote .*council-performance-q1-2021-22-summary\.xlsx \(7 datasets, 2 data issues\)$/),
      expect.stringMatching(/strict-with-chart\.xlsx: wrote .*strict-with-chart-summary\.xlsx \(2 datasets, \d+ data issues?; some parts lost, see above\)$/),
      "2 of 3 workbooks summarised; 1 could not be used (see above)",
    ]);
    expect(r.lines.filter((l) => l.startsWith("Error"))).toEqual([expect.stringMatching(/no-dataset\.xlsx: no sheet holds a dataset/)]);
    expect(readdirSync(outDir).sort()).toEqual(["council-performance-q1-2021-22-summary.xlsx", "strict-with-chart-summary.xlsx"]);
  });

  it("exit 0 when every file ran, and --json prints one object with a result per file", () => {
    const r = cli(["summarise", SAMPLE, strict, "--out-dir", join(dir, "many-json"), "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.failed).toBe(0);
    expect(json.files.map((f: { ok: boolean; period: string | null }) => [f.ok, f.period])).toEqual([[true, "Q1 2021/22"], [true, null]]);
  });

  it("are refused with a single --out, saying to use --out-dir, and nothing is written", () => {
    const out = join(dir, "one-out.xlsx");
    const r = cli(["summarise", SAMPLE, strict, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(["Error: summarise was given 2 input workbooks but one --out file: use --out-dir <folder> to write a summary of each"]);
    expect(existsSync(out)).toBe(false);
  });
});

describe("running it as a user would", () => {
  it("works as `npx council-performance` through the package's bin, with clean JSON on stdout", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(existsSync(join(ROOT, pkg.bin["council-performance"]))).toBe(true);
    const r = spawnSync("npx", ["--no-install", "council-performance", "summarise", SAMPLE, "--out", join(dir, "npx.xlsx"), "--json"], { encoding: "utf8", cwd: ROOT });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe("Q1 2021/22");
  });
});
