/** What the task-pane tests look for on a page: accessibility, overflow, painted frames; and the pane opened to look at. */
import type { Browser, Page } from "playwright-core";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";

export interface OpenPane {
  browser: Browser;
  page: Page;
  server: Awaited<ReturnType<typeof serveDist>>;
  /** Page load to the first button, in milliseconds. */
  firstRenderMs: number;
  close(): Promise<void>;
}

/**
 * The built pane (dist/) served and opened in headless Chromium at `width`
 * pixels, in file mode (no Excel), at its first button. The page keeps its
 * Content-Security-Policy; axe-core arrives as an init script, which the
 * policy does not govern. `watch` sees the page before it loads.
 */
export async function openFilePane(width: number, options: { acceptDownloads?: boolean; watch?: (page: Page) => void } = {}): Promise<OpenPane> {
  const server = await serveDist();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  // Generous waits: on a machine whose cores are busy the page is slow, not wrong.
  context.setDefaultTimeout(90_000);
  await context.addInitScript({ path: require.resolve("axe-core/axe.min.js") });
  const page = await context.newPage();
  options.watch?.(page);
  const started = Date.now();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Open a workbook file" }).waitFor();
  return {
    browser, page, server, firstRenderMs: Date.now() - started,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Wait for finite transitions (a dialog or panel fading in, a button's hover colour) to end. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const settling = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(settling.map((a) => a.finished.catch(() => undefined)));
  });
}

/** axe-core's serious and critical findings (axe must be injected into the page), with colours checked at rest. */
export async function axeSerious(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    // Fluent's focus manager (tabster) adds invisible 1-px focus sentinels marked aria-hidden on purpose;
    // they are how focus trapping works, not content, so they are left out of the check.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.map((n) => { const x = n as { html: string; failureSummary?: string }; return `${x.html} ${x.failureSummary ?? ""}`; })).slice(0, 600)}`);
  });
}

/** Whatever makes the pane scroll sideways: the page's own overflow and every visible element past its right edge. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest("[data-tabster-dummy]")) continue;
      if (r.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}" ends at ${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
}

/** Start recording every painted frame (requestAnimationFrame) with the progress the page showed in it. */
export async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; progress: string | null }[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      const bar = document.querySelector("[role=progressbar]");
      w.__frames.push({ t, progress: bar ? `${bar.getAttribute("aria-label")}:${bar.getAttribute("aria-valuenow") ?? "indeterminate"}` : null });
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stop recording; the frames painted, the longest gap between two of them, and the progress states seen. */
export async function stopFrames(page: Page): Promise<{ frames: number; longestGapMs: number; progress: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; progress: string | null }[]; __recording: boolean };
    w.__recording = false;
    const f = w.__frames;
    let longest = 0;
    for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i].t - f[i - 1].t);
    const progress = [...new Set(f.map((x) => x.progress).filter((p): p is string => p !== null))];
    return { frames: f.length, longestGapMs: Math.round(longest), progress };
  });
}

/**
 * The whole pane in one picture, as a pane as tall as its content would show
 * it: the viewport is stretched to the page's height first, so a sticky bar
 * (Settings' Save) is drawn at the bottom rather than where the first screen
 * ended, as a full-page capture would.
 */
export async function screenshotWhole(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 350, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  await settle(page);
  await page.screenshot({ path });
  if (height > viewport.height) await page.setViewportSize(viewport);
}
