/**
 * Fault suite: the command line killed outright (kill -9) at points spread
 * over a whole run, and interrupted (SIGTERM, Ctrl+C). Whenever it dies, the
 * input is unchanged and the output is either absent, as it was before, or
 * complete; a temporary file left by a kill is removed by the next save into
 * that folder, and an interrupted run removes its own at once.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from "fs";
import { join } from "path";
import { tempDir } from "../helpers/workbooks";
import { buildPackage, priorityRows } from "../helpers/xlsx-fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";

const CLI = join(__dirname, "..", "..", "build", "src", "cli", "main.js");
const dir = tempDir();
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const temps = (folder: string) => readdirSync(folder).filter((n) => /\.tmp$/.test(n));

/** Run the built command line; `killAfter` ms later send `signal`. Resolves with how it ended. */
function run(args: string[], killAfter?: number, signal: NodeJS.Signals = "SIGKILL"): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: "ignore" });
    const timer = killAfter === undefined ? null : setTimeout(() => child.kill(signal), killAfter);
    child.on("error", reject);
    child.on("exit", (code, sig) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal: sig, ms: Date.now() - started });
    });
  });
}

/** Kill points spread evenly over a run and just past its end, each jittered by a fixed sequence: the same every time. */
function points(n: number): number[] {
  let x = 0.37;
  return Array.from({ length: n }, (_, i) => ((i + (x = (x * 9301 + 0.49297) % 1)) / n) * 1.1);
}

describe("killed and interrupted runs", () => {
  let input: string;
  let sheets: string[];
  let fullRun: number;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`build the command line first (npm run build:node): ${CLI} is missing`);
    input = join(dir, "council.xlsx");
    writeFileSync(input, await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(40_000) }] }));
    const out = join(dir, "reference.xlsx");
    const r = await run(["summarise", input, "--out", out, "--period", "Q1 2021/22"]);
    expect(r.code).toBe(0);
    fullRun = r.ms;
    sheets = (await (await XlsxWorkbook.open(new Uint8Array(readFileSync(out)))).listSheets()).map((s) => s.name);
  }, 600_000);

  it("kill -9 at 12 points over the run: input unchanged, an earlier output kept or a complete new one, leftovers removed by the next save", async () => {
    const before = hash(input);
    const folder = join(dir, "killed");
    mkdirSync(folder);
    const out = join(folder, "summary.xlsx");
    const earlier = join(dir, "earlier.xlsx");
    writeFileSync(earlier, "last quarter's summary");
    const seen = { absent: 0, kept: 0, complete: 0 };
    for (const [i, f] of points(12).entries()) {
      // Half the runs write where no file is, half over an earlier output.
      if (i % 2) writeFileSync(out, readFileSync(earlier));
      else if (existsSync(out)) rmSync(out);
      await run(["summarise", input, "--out", out, "--period", "Q1 2021/22"], Math.round(f * fullRun));
      expect(hash(input)).toBe(before);
      if (!existsSync(out)) {
        expect(i % 2).toBe(0);
        seen.absent++;
      } else if (i % 2 && hash(out) === hash(earlier)) {
        seen.kept++;
      } else {
        // Whatever the moment, a new file under the output's name is a whole workbook with every sheet.
        const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(out)));
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(sheets);
        seen.complete++;
      }
    }
    // The next run into the folder removes what killed runs left.
    const left = temps(folder).length;
    expect((await run(["summarise", input, "--out", out, "--period", "Q1 2021/22"])).code).toBe(0);
    expect(temps(folder)).toEqual([]);
    console.log(`kill -9 at 12 points of a ${fullRun} ms run: no output ${seen.absent}, earlier output kept ${seen.kept}, complete new output ${seen.complete}; never a partial file; ${left} temporary file(s) left by kills, removed by the next run`);
  }, 600_000);

  it.each(["SIGTERM", "SIGINT"] as const)("%s: the run stops and leaves no temporary file of its own", async (signal) => {
    const folder = join(dir, signal);
    mkdirSync(folder);
    for (const f of [0.5, 0.8, 0.95]) {
      await run(["summarise", input, "--out", join(folder, "summary.xlsx"), "--period", "Q1 2021/22"], Math.round(f * fullRun), signal);
      expect(temps(folder)).toEqual([]);
    }
  }, 600_000);
});
