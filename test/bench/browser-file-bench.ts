/**
 * The task pane's file mode in Chromium (not a test): the 50,000-row
 * indicator workbook opened, run and downloaded as a user would, and the same
 * file summarised by the built command line for comparison. Prints the time
 * to the dataset list, to the results and to the download; the peak
 * JavaScript heap of the page and of the file worker (sampled through the
 * DevTools protocol); the longest gap between painted frames during the run;
 * the size of the results' DOM; whether the pane's counts are the command
 * line's; and the ratios to the headless run. Saves a screenshot of the
 * results (test/artefacts/pane/bench-<rows>-results.png, and -list-end.png).
 * Needs the offline build (`npm run build:test`), the command line
 * (`npm run build:node`) and Debian's Chromium.
 *   node build/test/bench/browser-file-bench.js [--json]     (BENCH_ROWS=10000 for another size)
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CDPSession } from "playwright-core";
import { serveDist } from "../browser/serve";
import { launchChromium } from "../browser/chromium";
import { recordFrames, stopFrames } from "../browser/pane";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];
const ROOT = join(__dirname, "..", "..", "..");
const WAIT = { timeout: 300_000 };

async function workbook(path: string): Promise<void> {
  const grid: Value[][] = [["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < ROWS; i++) {
    const base = 20 + rand() * 80;
    grid.push([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  writeFileSync(path, await buildPackage({ sheets: [{ name: "Indicators", rows: grid }] }));
}

/** The same file through the built command line: wall time (process start to exit) and its --json. */
function headless(path: string): { ms: number; json: { datasets: { statusCounts: Record<string, number> }[]; issues: unknown[] } } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, "build", "src", "cli", "main.js"), "summarise", path, "--out", `${path}.cli.xlsx`, "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Date.now() - t;
  if (r.status !== 0) throw new Error(`the command line failed: ${r.stderr}`);
  return { ms, json: JSON.parse(r.stdout) };
}

/**
 * Heap samples of the page and of every worker it starts. Workers are reached
 * through the page's DevTools session (auto-attach, unflattened, so messages
 * to a worker go by Target.sendMessageToTarget).
 */
async function heapSampler(cdp: CDPSession): Promise<{ sample: () => Promise<void>; peaks: () => { page: number; worker: number; together: number } }> {
  const workers = new Set<string>();
  const waiting = new Map<number, (usedSize: number) => void>();
  let next = 1;
  const peak = { page: 0, worker: 0, together: 0 };
  cdp.on("Target.attachedToTarget", (e) => void (e.targetInfo.type === "worker" && workers.add(e.sessionId)));
  cdp.on("Target.detachedFromTarget", (e) => void workers.delete(e.sessionId ?? ""));
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result?.usedSize ?? 0);
    if (m.id !== undefined) waiting.delete(m.id);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await cdp.send("Performance.enable");
  const workerHeap = (sessionId: string) => new Promise<number>((resolve) => {
    const id = next++;
    waiting.set(id, resolve);
    void cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }) }).catch(() => resolve(0));
  });
  return {
    sample: async () => {
      const [{ metrics }, ...inWorkers] = await Promise.all([cdp.send("Performance.getMetrics"), ...[...workers].map(workerHeap)]);
      const page = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
      const worker = inWorkers.reduce((a, b) => a + b, 0);
      peak.page = Math.max(peak.page, page);
      peak.worker = Math.max(peak.worker, worker);
      peak.together = Math.max(peak.together, page + worker);
    },
    peaks: () => peak,
  };
}

async function main(): Promise<void> {
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "taskpane.html"))) {
    console.log(JSON.stringify({ skipped: "no offline build: run npm run build:test first" }));
    return;
  }
  const path = join(mkdtempSync(join(tmpdir(), "cpe-browser-bench-")), `indicators-${ROWS}.xlsx`);
  await workbook(path);
  const cli = headless(path);
  const server = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 350, height: 900 } });
    const page = await context.newPage();
    const heaps = await heapSampler(await context.newCDPSession(page));
    let sampling = Promise.resolve();
    const timer = setInterval(() => void (sampling = sampling.then(heaps.sample).catch(() => undefined)), 100);

    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook file" }).waitFor();
    const t0 = Date.now();
    await page.getByTestId("file-input").setInputFiles(path);
    await page.getByRole("heading", { name: /tables? to report on/ }).waitFor(WAIT);
    const opened = Date.now() - t0;

    await page.getByRole("tab", { name: "Run" }).click();
    await recordFrames(page);
    const t1 = Date.now();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: /^Results/ }).waitFor(WAIT);
    await page.getByText(/^'Red Red': off target and worsening/).waitFor(WAIT);
    const ran = Date.now() - t1;
    const frames = await stopFrames(page);

    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    const headline = (await page.getByText(/^Indicators: /).first().textContent()) ?? "";
    const counts = cli.json.datasets[0].statusCounts;
    const sameCounts = Object.values(counts).every((n) => headline.includes(n.toLocaleString("en-GB")) || headline.includes(String(n)));
    const shots = join(ROOT, "test", "artefacts", "pane");
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, `bench-${ROWS}-results.png`);
    await page.screenshot({ path: shot, fullPage: true });
    // And the end of the 'Red Red' list as the pane shows it, where it says how many more there are.
    await page.getByText(/^and [\d,]+ more/).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot.replace(/\.png$/, "-list-end.png") });

    const t2 = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download", WAIT), page.getByRole("button", { name: "Download the summarised workbook" }).click()]);
    await download.path();
    const saved = Date.now() - t2;
    clearInterval(timer);
    await sampling;
    await heaps.sample();
    const mb = (n: number) => Math.round(n / 1e6);
    const peak = heaps.peaks();
    const result = {
      rows: ROWS, openMs: opened, runMs: ran, downloadMs: saved,
      peakJsHeapMb: mb(peak.together), peakPageHeapMb: mb(peak.page), peakWorkerHeapMb: mb(peak.worker),
      headlessMs: cli.ms,
      runOverHeadless: Math.round((ran / cli.ms) * 100) / 100,
      openRunDownloadOverHeadless: Math.round(((opened + ran + saved) / cli.ms) * 100) / 100,
      longestFrameGapMs: frames.longestGapMs, resultsDomNodes: domNodes, sameCountsAsCli: sameCounts, screenshot: shot,
    };
    if (process.argv.includes("--json")) console.log(JSON.stringify(result));
    else {
      console.log(`browser file mode, ${ROWS} rows: open to the dataset list ${opened} ms, run ${ran} ms, download ${saved} ms`);
      console.log(`  peak JS heap ${result.peakJsHeapMb} MB (page ${result.peakPageHeapMb} MB, file worker ${result.peakWorkerHeapMb} MB, sampled every 100 ms)`);
      console.log(`  headless command line on the same file ${cli.ms} ms: run in the browser ÷ headless ${result.runOverHeadless}; open + run + download ÷ headless ${result.openRunDownloadOverHeadless}`);
      console.log(`  during the run: ${frames.frames} frames painted, longest gap ${frames.longestGapMs} ms; results on screen: ${domNodes} DOM elements; pane's counts are the command line's: ${sameCounts ? "yes" : "NO"} (${headline})`);
      console.log(`  screenshot: ${shot}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
