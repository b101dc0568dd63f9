/**
 * Task pane benchmark (not a test), on the built pane in dist/ (`npm run build:test`):
 *   (5) JavaScript loaded before the first render, raw and gzipped: the page's
 *       own scripts plus office.js and the host table office.js loads itself;
 *   (6) time to first render in headless Chromium: navigation start to the
 *       first screen's button in the DOM, median of several loads (goal < 0.5 s
 *       on a quiet machine), with the CPU time the page's main thread spent up
 *       to then: on a busy machine the wall-clock figure is mostly waiting for a
 *       core, and the CPU time is what a quiet machine would have to spend.
 *       The load average before and after is printed beside them.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { cpus, loadavg } from "os";
import { launchChromium } from "../browser/chromium";
import { serveDist } from "../browser/serve";

const DIST = join(__dirname, "..", "..", "..", "dist");
const LOADS = 7;

function initialScripts(): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const own = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith("http"));
  // office.js fetches its host mapping table before Office.onReady resolves, so it counts too.
  const files = [...own, ...(own.some((s) => s.endsWith("office.js")) ? ["office/o15apptofilemappingtable.js"] : [])];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(DIST, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

async function firstRenderMs(): Promise<{ times: number[]; cpu: number[] }> {
  const server = await serveDist(DIST);
  const browser = await launchChromium();
  const times: number[] = [];
  const cpu: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
      // Noted the moment the first screen's button enters the DOM, measured from navigation start.
      await context.addInitScript(() => {
        const seen = () => Array.from(document.querySelectorAll("button")).some((b) => b.textContent === "Open a workbook file");
        new MutationObserver((_, obs) => {
          if (seen()) {
            (window as unknown as { __firstRender: number }).__firstRender = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // ThreadTime: CPU time of the page's main thread (Chrome DevTools Protocol, Performance.getMetrics).
      await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 30_000 });
      const { metrics } = await cdp.send("Performance.getMetrics");
      cpu.push(Math.round((metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN) * 1000));
      times.push(await page.evaluate(() => Math.round((window as unknown as { __firstRender: number }).__firstRender)));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { times, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build:test` first");
  const size = initialScripts();
  const loadBefore = loadavg()[0];
  const { times, cpu } = await firstRenderMs();
  const load = [loadBefore, loadavg()[0]].map((l) => Math.round(l * 10) / 10);
  const result = {
    initialJsBytes: size.raw, initialJsGzipBytes: size.gzip, files: size.files, firstRenderMs: median(times), firstRenderRuns: times,
    firstRenderMainThreadCpuMs: median(cpu), firstRenderCpuRuns: cpu, loadAverage: load,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else {
    console.log(`initial JS ${Math.round(size.raw / 1024)} KiB (${Math.round(size.gzip / 1024)} KiB gzipped); first render ${median(times)} ms (median of ${LOADS}: ${times.join(", ")}); `
      + `main-thread CPU before it ${median(cpu)} ms (${cpu.join(", ")}); load average ${load.join(" → ")} on ${cpus().length} cores`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
