/**
 * The corpus of hostile workbooks (test/helpers/corpus.ts) through the built
 * command line, each in its own process: how long each took to be opened or
 * refused, and its peak memory (maximum resident set). The goal for each is
 * under 10 s and 500 MB. (Not a test: the corpus test asserts the outcomes.)
 *   node build/test/bench/corpus-bench.js [--json]
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { corpus } from "../helpers/corpus";

const CLI = join(__dirname, "..", "..", "src", "cli", "main.js");

/** Runs the command line in a child that reports its own time and peak memory. */
const WRAP = `const t=Date.now();process.on("exit",(code)=>{process.stderr.write("\\n@@"+JSON.stringify({ms:Date.now()-t,maxRssMb:Math.round(process.resourceUsage().maxRSS/1024),code})+"\\n")});require(process.argv[1]).main(process.argv.slice(2)).then((c)=>process.exitCode=c);`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cpe-corpus-bench-"));
  const results = [];
  for (const f of await corpus()) {
    const input = join(dir, `${f.name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, f.data);
    const r = spawnSync(process.execPath, ["-e", WRAP, "--", CLI, "summarise", input, "--out", `${input}-out.xlsx`, "--json"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const figures = JSON.parse(/@@(.*)/.exec(r.stderr)?.[1] ?? "{}") as { ms: number; maxRssMb: number; code: number };
    const error = r.stderr.split("\n").find((l) => l.startsWith("Error")) ?? null;
    results.push({ file: f.name, ...figures, outcome: figures.code === 0 ? "summarised" : error });
  }
  if (process.argv.includes("--json")) console.log(JSON.stringify(results));
  else for (const r of results) console.log(`${r.file}: ${r.ms} ms, ${r.maxRssMb} MB — ${r.outcome}`);
}

void main();
