/**
 * `npm run bench`: runs each benchmark in its own process (so one's memory
 * and JIT state do not colour another's) and prints the four figures of
 * docs/performance.md, one line each; with `--json`, one JSON object of the
 * same figures for tooling; with `--million`, the headless growth goes on to
 * a million rows of each layout (several minutes more).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { printHeadless } from "./headless-bench";

function runList(script: string): { file: string; ms: number; maxRssMb: number; outcome: string }[] {
  return run(script) as unknown as { file: string; ms: number; maxRssMb: number; outcome: string }[];
}

function run(script: string, args: string[] = []): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(__dirname, script), "--json", ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

const core = run("core-bench.js");
const office = run("office-syncs.js") as { small: { syncs: number }; large: { syncs: number; maxRequest: number; maxResponse: number }; ratio: number };
const headless = run("headless-bench.js", process.argv.includes("--million") ? ["--million"] : []) as Parameters<typeof printHeadless>[0];
// The task pane's figures need the built pane (npm run build:test).
const pane = existsSync(join(__dirname, "..", "..", "..", "dist", "taskpane.html"))
  ? (run("pane-bench.js") as {
    initialJsBytes: number; initialJsGzipBytes: number; firstRenderMs: number; firstRenderRuns: number[]; firstRenderMainThreadCpuMs: number; loadAverage: number[];
  })
  : null;
// The task pane's file mode in Chromium, where the offline build is there.
const browser = run("browser-file-bench.js") as {
  skipped?: string; rows: number; openMs: number; runMs: number; downloadMs: number; peakJsHeapMb: number; peakPageHeapMb: number; peakWorkerHeapMb: number;
  headlessMs: number; runOverHeadless: number; openRunDownloadOverHeadless: number; longestFrameGapMs?: number;
};
// The hostile corpus through the built command line: each file's time and peak memory (goal: 10 s and 500 MB).
const corpus = runList("corpus-bench.js");
const figures = {
  summariseCpuMs: headless.summariseCpuMs,
  summariseOverFloorCpu: headless.cpu.summariseOverFloor,
  summariseOverRead: headless.summariseOverRead,
  summariseOverFloor: headless.summariseOverFloor,
  coreOverIo: headless.coreOverIo,
  officeSyncRatio: office.ratio,
  peakMemoryMb: headless.peakMemoryMb,
  paneInitialJsGzipBytes: pane?.initialJsGzipBytes ?? null,
  paneFirstRenderMs: pane?.firstRenderMs ?? null,
  details: { core, office, headless, pane, browser, corpus },
};

if (process.argv.includes("--json")) console.log(JSON.stringify(figures));
else {
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(`core: ${JSON.stringify(core)}`);
  printHeadless(headless);
  if (browser.skipped) console.log(`(8) browser file mode: skipped (${browser.skipped})`);
  else {
    console.log(`(8) browser file mode (Chromium), ${browser.rows} rows: open to the dataset list ${browser.openMs} ms, run ${browser.runMs} ms, download ${browser.downloadMs} ms; peak JS heap ${browser.peakJsHeapMb} MB (page ${browser.peakPageHeapMb}, file worker ${browser.peakWorkerHeapMb})`);
    console.log(`(8b) the same file headless ${browser.headlessMs} ms: run in the browser ÷ headless ${browser.runOverHeadless}; open + run + download ÷ headless ${browser.openRunDownloadOverHeadless}`);
  }
  console.log(`(9) hostile corpus, each through the command line (goal ≤ 10 s and ≤ 500 MB): ${corpus.map((c) => `${c.file} ${(c.ms / 1000).toFixed(1)} s ${c.maxRssMb} MB`).join("; ")}`);
  console.log(`(3) Office syncs at 100,000 rows ÷ at 1,000 rows: ${office.ratio} (${office.large.syncs} ÷ ${office.small.syncs}; largest request ${mb(office.large.maxRequest)}, response ${mb(office.large.maxResponse)}; goal 1.00)`);
  if (!pane) console.log("(5)(6) task pane: skipped, dist/ is not built (npm run build:test)");
  else {
    console.log(`(5) task pane JavaScript before first render: ${Math.round(pane.initialJsGzipBytes / 1024)} KiB gzipped (${Math.round(pane.initialJsBytes / 1024)} KiB raw, office.js and its host table included)`);
    console.log(`(6) task pane first render, headless Chromium: ${pane.firstRenderMs} ms median (${pane.firstRenderRuns.join(", ")}; goal < 500 on a quiet machine); `
      + `the page's main thread spent ${pane.firstRenderMainThreadCpuMs} ms of CPU before it; load average ${pane.loadAverage.join(" → ")}`);
  }
}
