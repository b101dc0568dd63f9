/**
 * npm run test:excel — the adapter's checks inside Excel, against the real API.
 *
 *   npm run test:excel            sideload a self-test add-in into desktop Excel (Windows or Mac) on a
 *                                 scratch workbook; its page runs the checks and posts the results back
 *   npm run test:excel -- --fake  the same page in Chromium against the strict fake (CI): proves the harness
 *
 * Either way the results go to test/artefacts/excel-selftest.json and the exit code says whether all passed.
 */
const { spawn, spawnSync } = require("child_process");
const { createServer } = require("http");
const { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } = require("fs");
const { join, extname, normalize } = require("path");
const { tmpdir } = require("os");
const { setTimeout } = require("timers");

const ROOT = join(__dirname, "..");
const RESULTS = join(ROOT, "test", "artefacts", "excel-selftest.json");
const DIST = join(ROOT, "dist");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

function finish(result) {
  mkdirSync(join(ROOT, "test", "artefacts"), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2));
  console.log(result.text);
  console.log(`\n${result.passed ? "All checks passed" : "Some checks FAILED"}; results in ${RESULTS}`);
  process.exit(result.passed ? 0 : 1);
}

/** CI: the test build's self-test page, served with its results endpoint, in headless Chromium against the fake. */
async function runFake() {
  if (!existsSync(join(DIST, "selftest.html")) || !readFileSync(join(DIST, "taskpane.html"), "utf8").includes("office/office.js")) {
    const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--env", "offline"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) process.exit(1);
  }
  let resolveResult;
  const posted = new Promise((resolve) => (resolveResult = resolve));
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    if (req.method === "POST" && path === "/selftest-results") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.end("ok");
        resolveResult(JSON.parse(body));
      });
      return;
    }
    try {
      const body = readFileSync(join(DIST, path));
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/selftest.html?fake=1&report=1`);
    const result = await Promise.race([posted, new Promise((_, reject) => setTimeout(() => reject(new Error("no result within 60 s")), 60_000))]);
    finish(result);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Desktop Excel: sideload a copy of the manifest whose pane is the self-test page, and wait for its results. */
async function runExcel() {
  let debugging;
  try {
    debugging = require.resolve("office-addin-debugging/cli.js");
  } catch {
    console.error("npm run test:excel needs desktop Excel and office-addin-debugging (installed on Windows and macOS). On this machine, run npm run test:excel -- --fake, or open the pane's Diagnostics in Excel.");
    process.exit(1);
  }
  const dir = join(tmpdir(), `cpe-selftest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, "manifest.xml");
  writeFileSync(manifest, readFileSync(join(ROOT, "manifest.xml"), "utf8")
    .replace(/<Id>[^<]+<\/Id>/, "<Id>5d1c2b7e-0c57-4f0e-9a3e-3f1e0d7c5a11</Id>")
    .split("https://localhost:3000/taskpane.html").join("https://localhost:3000/selftest.html?report=1"));
  rmSync(RESULTS, { force: true });
  const env = { ...process.env, SELFTEST_RESULTS: RESULTS };
  const child = spawn(process.execPath, [debugging, "start", manifest, "desktop", "--app", "excel", "--dev-server", "npm run dev-server"], { cwd: ROOT, stdio: "inherit", env });
  console.log("Excel opens with the self-test add-in. If its pane does not open by itself, choose Home > Performance report.");
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(RESULTS) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2_000));
  spawnSync(process.execPath, [debugging, "stop", manifest], { cwd: ROOT, stdio: "inherit" });
  child.kill();
  if (!existsSync(RESULTS)) {
    console.error("No results from Excel within 10 minutes.");
    process.exit(1);
  }
  finish(JSON.parse(readFileSync(RESULTS, "utf8")));
}

(process.argv.includes("--fake") ? runFake() : runExcel()).catch((e) => {
  console.error(e.message);
  process.exit(1);
});
