/**
 * The production task pane where office.js cannot be fetched from
 * Microsoft's CDN (blocked network, proxy, offline): it must not be a blank
 * page. It says why, and offers file mode, within 3 seconds.
 */
import { Browser } from "playwright-core";
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";
import { tempDir } from "../helpers/workbooks";

const ROOT = join(__dirname, "..", "..");
const SHOTS = join(__dirname, "..", "artefacts", "pane");

describe("the production pane when office.js is unreachable", () => {
  let out: string;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    out = join(tempDir(), "dist");
    const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, ADDIN_PUBLIC_URL: "https://addins.example.test/performance/" },
    });
    if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveDist(out);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 1_200_000); // a full production build: minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads office.js from Microsoft's CDN in the head, as deployed add-ins must", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<head>[\s\S]*<script defer(?:="?defer"?)? src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>[\s\S]*<\/head>/);
    // Before the pane's own scripts, which are deferred too, so office.js runs first.
    const head = /<head>([\s\S]*)<\/head>/.exec(html)![1];
    expect(head.indexOf("appsforoffice")).toBeLessThan(head.search(/<script[^>]*src="?taskpane\./));
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toContain("https://addins.example.test/performance/help.html");
    // The strict fake goes only into the test build's self-test page.
    for (const f of readdirSync(out).filter((x) => x.endsWith(".js"))) expect({ f, fake: readFileSync(join(out, f), "utf8").includes("strict fake") }).toEqual({ f, fake: false });
  });

  it("says why and offers file mode (the time it took is printed: a figure of the machine's load, not a test)", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("connectionrefused"));
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook file" }).waitFor({ timeout: 60_000 });
    await page.getByText("Microsoft's Office library (office.js) could not be loaded").waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    console.log(`office.js unreachable: message and file mode after ${ms} ms`);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "office-unreachable.png"), fullPage: true });
    await page.close();
  }, 600_000);

  it("shows words, not a white pane, while office.js hangs (a network that holds it back)", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 500 } });
    await page.route("https://appsforoffice.microsoft.com/**", () => undefined); // never answered
    const started = Date.now();
    void page.goto(`${server.url}/taskpane.html`).catch(() => undefined);
    await page.getByText("If this stays, this copy of Excel cannot run the add-in").waitFor({ timeout: 3_000 });
    console.log(`office.js hanging: the starting words after ${Date.now() - started} ms`);
    await page.screenshot({ path: join(SHOTS, "office-hanging.png") });
    await page.close();
  }, 30_000);

  it("shows the same words where the pane's script cannot run (an old webview)", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 500 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("connectionrefused"));
    // As in a webview that cannot parse the bundle: the pane's scripts never run.
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: "text/javascript", body: "class { static { } }" }));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("It needs Microsoft 365, Office 2021 or later").waitFor({ timeout: 3_000 });
    await page.close();
  }, 30_000);

  // Chromium's script switch does not make its parser show <noscript>, so this reads the page as served.
  it("carries a plain message for browsers without JavaScript", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(/<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1]).toMatch(/This pane needs JavaScript[\s\S]*help\.html/);
  });
});

describe("a production build", () => {
  it("refuses to build without the address it will be served from", async () => {
    const config = (await import(join(ROOT, "webpack.config.js"))).default as (env: object, argv: object) => Promise<unknown>;
    const saved = process.env.ADDIN_PUBLIC_URL;
    delete process.env.ADDIN_PUBLIC_URL;
    try {
      await expect(config({}, { mode: "production" })).rejects.toThrow(/Set ADDIN_PUBLIC_URL/);
      await expect(config({ offline: true }, { mode: "production" })).resolves.toBeDefined();
    } finally {
      if (saved !== undefined) process.env.ADDIN_PUBLIC_URL = saved;
    }
  });
});
