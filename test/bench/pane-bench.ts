/**
 * Task pane benchmark (not a test), on the built pane in dist/ (`npm run build:test`):
 *   (5) JavaScript loaded before the first render, raw and gzipped: the page's
 *       own scripts plus office.js and the host table office.js loads itself;
 *   (6) time to first render in headless Chromium: navigation start to the
 *       first screen's button in the DOM, median of several loads (goal < 0.5 s).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
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

async function firstRenderMs(): Promise<number[]> {
  const server = await serveDist(DIST);
  const browser = await launchChromium();
  const times: number[] = [];
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
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => Math.round((window as unknown as { __firstRender: number }).__firstRender)));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build:test` first");
  const size = initialScripts();
  const times = await firstRenderMs();
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const result = { initialJsBytes: size.raw, initialJsGzipBytes: size.gzip, files: size.files, firstRenderMs: median, firstRenderRuns: times };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else console.log(`initial JS ${Math.round(size.raw / 1024)} KiB (${Math.round(size.gzip / 1024)} KiB gzipped); first render ${median} ms (median of ${LOADS}: ${times.join(", ")})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
