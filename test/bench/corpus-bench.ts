/**
 * The corpus of hostile workbooks (test/helpers/corpus.ts) through the built
 * command line, each in its own process: how long each took to be opened or
 * refused, and its peak memory (maximum resident set). Then `collect` with a
 * corporate workbook and a return that both carry a whole-sheet drop-down
 * and 16,384 column styles (test/helpers/hostile-returns.ts). The goal for
 * each is under 10 s and 500 MB. (Not a test: the corpus tests assert the
 * outcomes.)
 *   node build/test/bench/corpus-bench.js [--json]
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { corpus } from "../helpers/corpus";
import { hostileCollectCase } from "../helpers/hostile-returns";

const CLI = join(__dirname, "..", "..", "src", "cli", "main.js");

/** Runs the command line in a child that reports its own time and peak memory. */
const WRAP = `const t=Date.now();process.on("exit",(code)=>{process.stderr.write("\\n@@"+JSON.stringify({ms:Date.now()-t,maxRssMb:Math.round(process.resourceUsage().maxRSS/1024),code})+"\\n")});require(process.argv[1]).main(process.argv.slice(2)).then((c)=>process.exitCode=c);`;

interface Figures {
  ms: number;
  maxRssMb: number;
  code: number;
}

/** One command line run in a child process: its figures, and its error line if it failed. */
function run(args: string[]): Figures & { error: string | null } {
  const r = spawnSync(process.execPath, ["-e", WRAP, "--", CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const figures = JSON.parse(/@@(.*)/.exec(r.stderr)?.[1] ?? "{}") as Figures;
  return { ...figures, error: r.stderr.split("\n").find((l) => l.startsWith("Error")) ?? null };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cpe-corpus-bench-"));
  const results = [];
  for (const f of await corpus()) {
    const input = join(dir, `${f.name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, f.data);
    const { error, ...figures } = run(["summarise", input, "--out", `${input}-out.xlsx`, "--json"]);
    results.push({ file: f.name, ...figures, outcome: figures.code === 0 ? "summarised" : error });
  }
  const c = await hostileCollectCase();
  const corporate = join(dir, "corporate.xlsx");
  const ret = join(dir, "return.xlsx");
  writeFileSync(corporate, c.corporate);
  writeFileSync(ret, c.ret);
  const { error, ...figures } = run(["collect", corporate, ret, "--out", join(dir, "collected.xlsx"), "--json"]);
  results.push({ file: "collect, whole-sheet drop-down and 16,384 column styles in corporate workbook and return", ...figures, outcome: figures.code === 0 ? "collected" : error });
  if (process.argv.includes("--json")) console.log(JSON.stringify(results));
  else for (const r of results) console.log(`${r.file}: ${r.ms} ms, ${r.maxRssMb} MB — ${r.outcome}`);
}

void main();
