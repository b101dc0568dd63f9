/**
 * `npm run bench`: runs each benchmark in its own process (so one's memory
 * and JIT state do not colour another's) and prints the four figures of
 * docs/performance.md, one line each; with `--json`, one JSON object of the
 * same figures for tooling.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { printHeadless } from "./headless-bench";

function run(script: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(__dirname, script), "--json"], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

const core = run("core-bench.js");
const office = run("office-syncs.js") as { small: { syncs: number }; large: { syncs: number; maxRequest: number; maxResponse: number }; ratio: number };
const headless = run("headless-bench.js") as Parameters<typeof printHeadless>[0];
const figures = {
  summariseOverRead: headless.summariseOverRead,
  summariseOverFloor: headless.summariseOverFloor,
  coreOverIo: headless.coreOverIo,
  officeSyncRatio: office.ratio,
  peakMemoryMb: headless.peakMemoryMb,
  details: { core, office, headless },
};

if (process.argv.includes("--json")) console.log(JSON.stringify(figures));
else {
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(`core: ${JSON.stringify(core)}`);
  printHeadless(headless);
  console.log(`(3) Office syncs at 100,000 rows ÷ at 1,000 rows: ${office.ratio} (${office.large.syncs} ÷ ${office.small.syncs}; largest request ${mb(office.large.maxRequest)}, response ${mb(office.large.maxResponse)}; goal 1.00)`);
}
