/**
 * `npm run bench`: runs each benchmark in its own process (so one's memory
 * and JIT state do not colour another's) and prints the four figures of
 * docs/performance.md, one line each; with `--json`, one JSON object of the
 * same figures for tooling.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

function run(script: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(__dirname, script), "--json"], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

const core = run("core-bench.js");
const office = run("office-syncs.js") as { small: { syncs: number }; large: { syncs: number; maxRequest: number; maxResponse: number }; ratio: number };
const headless = run("headless-bench.js") as { rows: number; quarters: number; ioMs: number; summariseMs: number; coreMs: number; summariseOverIo: number; coreOverIo: number; peakMemoryMb: number; method: string };
// The task pane's figures need the built pane (npm run build:test).
const pane = existsSync(join(__dirname, "..", "..", "..", "dist", "taskpane.html"))
  ? (run("pane-bench.js") as { initialJsBytes: number; initialJsGzipBytes: number; firstRenderMs: number; firstRenderRuns: number[] })
  : null;
const figures = {
  summariseOverIo: headless.summariseOverIo,
  coreOverIo: headless.coreOverIo,
  officeSyncRatio: office.ratio,
  peakMemoryMb: headless.peakMemoryMb,
  paneInitialJsGzipBytes: pane?.initialJsGzipBytes ?? null,
  paneFirstRenderMs: pane?.firstRenderMs ?? null,
  details: { core, office, headless, pane },
};

if (process.argv.includes("--json")) console.log(JSON.stringify(figures));
else {
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(`core: ${JSON.stringify(core)}`);
  console.log(`(1) headless summarise ÷ bare ExcelJS read+write, ${headless.rows} rows × ${headless.quarters} quarters: ${headless.summariseOverIo} (${headless.summariseMs} ms ÷ ${headless.ioMs} ms, saved by ${headless.method}; goal ≤ 1.3)`);
  console.log(`(2) core calculation ÷ that I/O: ${headless.coreOverIo} (${headless.coreMs} ms; goal ≤ 0.10)`);
  console.log(`(3) Office syncs at 100,000 rows ÷ at 1,000 rows: ${office.ratio} (${office.large.syncs} ÷ ${office.small.syncs}; largest request ${mb(office.large.maxRequest)}, response ${mb(office.large.maxResponse)}; goal 1.00)`);
  console.log(`(4) peak memory of the headless run at ${headless.rows} rows: ${headless.peakMemoryMb} MB`);
  if (!pane) console.log("(5)(6) task pane: skipped, dist/ is not built (npm run build:test)");
  else {
    console.log(`(5) task pane JavaScript before first render: ${Math.round(pane.initialJsGzipBytes / 1024)} KiB gzipped (${Math.round(pane.initialJsBytes / 1024)} KiB raw, office.js and its host table included)`);
    console.log(`(6) task pane first render, headless Chromium: ${pane.firstRenderMs} ms median (${pane.firstRenderRuns.join(", ")}; goal < 500)`);
  }
}
