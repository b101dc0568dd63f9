/**
 * The fake weighs a request as office.js serialises it. Here the same calls
 * go through Microsoft's own office.js (@microsoft/office-js, the Excel on
 * the web script) in Chromium, pointed at a local address whose requests are
 * captured and refused, and through the fake: the sizes must agree, so the
 * fake's 5 MB limit falls where Excel on the web's does.
 */
import { Browser } from "playwright-core";
import { join } from "path";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { REQUEST_SCENARIOS } from "../fakes/request-scenarios";
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeExcelRun } from "../fakes/excel-fake";

const OFFICE_JS = join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");

describe("request sizes: the fake against office.js", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const sent: Record<string, number> = {};

  beforeAll(async () => {
    server = await serveDist(OFFICE_JS);
    browser = await launchChromium();
    const page = await browser.newPage();
    let body = "";
    await page.route("**/ProcessQuery**", (route) => {
      body = route.request().postData() ?? "";
      return route.fulfill({ status: 500, body: "{}" });
    });
    await page.goto(`${server.url}/blank`);
    await page.addScriptTag({ url: `${server.url}/excel-web-16.00.js` });
    for (const [name, scenario] of Object.entries(REQUEST_SCENARIOS)) {
      body = "";
      await page.evaluate(async ([base, source]) => {
        const ctx = new Excel.RequestContext(`${base}/api`);
        // The scenario's own source, run as the page's script.
        (new Function(`return (${source})`)() as (c: Excel.RequestContext) => void)(ctx);
        await ctx.sync().catch(() => undefined);
      }, [server.url, scenario.toString()] as const);
      sent[name] = body.length;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.keys(REQUEST_SCENARIOS))("%s: within 10% of what office.js sends", async (name) => {
    const state = FakeWorkbookState.fromGrids([{ name: "Sheet1", rows: [["Period", "Value", "Target", "Mean"], ...Array.from({ length: 12 }, (_, i) => [`Q${(i % 4) + 1} ${2019 + Math.floor(i / 4)}/${20 + Math.floor(i / 4)}`, i, 5, 6])] }, { name: "Old", rows: [] }]);
    await fakeExcelRun(state)(async (ctx) => {
      REQUEST_SCENARIOS[name](ctx);
      await ctx.sync();
    });
    const fake = state.requests[0].bytes;
    console.log(`${name}: office.js ${sent[name]} characters, the fake ${fake}`);
    expect(sent[name]).toBeGreaterThan(0);
    expect(fake / sent[name]).toBeGreaterThan(0.9);
    expect(fake / sent[name]).toBeLessThan(1.1);
  });
});
