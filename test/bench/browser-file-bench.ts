/**
 * The task pane's file mode in Chromium (not a test): the 50,000-row
 * indicator workbook opened, run and downloaded as a user would. Prints the
 * time to the dataset list, to the results and to the download, and the
 * page's peak JavaScript heap (sampled through the DevTools protocol).
 * Needs the offline build (`npm run build:test`) and Debian's Chromium.
 *   node build/test/bench/browser-file-bench.js [--json]
 */
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { serveDist } from "../browser/serve";
import { launchChromium } from "../browser/chromium";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

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

let profileStop: (() => Promise<void>) | undefined;
async function main(): Promise<void> {
  const dist = join(__dirname, "..", "..", "..", "dist");
  if (!existsSync(join(dist, "taskpane.html"))) {
    console.log(JSON.stringify({ skipped: "no offline build: run npm run build:test first" }));
    return;
  }
  const path = join(mkdtempSync(join(tmpdir(), "cpe-browser-bench-")), `indicators-${ROWS}.xlsx`);
  await workbook(path);
  const server = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    page.on("console", (m) => console.error(`[page] ${m.text()}`));
    page.on("worker", (w) => w.on("console", (m) => console.error(`[worker] ${m.text()}`)));
    if (process.argv.includes("--profile")) {
      const c = await page.context().newCDPSession(page);
      await c.send("Profiler.enable");
      await c.send("Profiler.setSamplingInterval", { interval: 1000 });
      await c.send("Profiler.start");
      profileStop = async () => writeFileSync("/tmp/pane-main.cpuprofile", JSON.stringify((await c.send("Profiler.stop")).profile));
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    let peak = 0;
    const sample = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      peak = Math.max(peak, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0);
    };
    const timer = setInterval(() => void sample().catch(() => undefined), 100);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook file" }).waitFor();
    const t0 = Date.now();
    await page.getByTestId("file-input").setInputFiles(path);
    await page.getByRole("heading", { name: /tables? to report on/ }).waitFor({ timeout: 600_000 });
    const opened = Date.now() - t0;
    await page.getByRole("tab", { name: "Run" }).click();
    const t1 = Date.now();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const downloadButton = page.getByRole("button", { name: "Download the summarised workbook" });
    await downloadButton.waitFor({ timeout: 600_000 });
    const ran = Date.now() - t1;
    const t2 = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 600_000 }), downloadButton.click()]);
    await download.path();
    const saved = Date.now() - t2;
    clearInterval(timer);
    await profileStop?.();
    await sample();
    const result = { rows: ROWS, openMs: opened, runMs: ran, downloadMs: saved, peakJsHeapMb: Math.round(peak / 1e6) };
    if (process.argv.includes("--json")) console.log(JSON.stringify(result));
    else console.log(`browser file mode, ${ROWS} rows: open to dataset list ${opened} ms, run ${ran} ms, download ${saved} ms; peak JS heap ${result.peakJsHeapMb} MB`);
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
