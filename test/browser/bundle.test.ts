/**
 * What the pane ships: JavaScript the admitted hosts can parse, no eval-like
 * code (the CSP forbids it anyway), a Content-Security-Policy that allows
 * only its own origin and office.js, and initial JavaScript under 400 KB
 * gzipped (ExcelJS loads only in file mode).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { parse } from "acorn";

const DIST = join(__dirname, "..", "..", "dist");
const html = () => readFileSync(join(DIST, "taskpane.html"), "utf8");

describe("the built task pane", () => {
  it("parses at the ECMAScript level of the hosts the manifest admits, every script the build emits", async () => {
    const level = (await import(join(__dirname, "..", "..", "webpack.config.js"))).ES_LEVEL as string;
    const ecmaVersion = Number(level.replace(/^es/, "")) as 2022;
    const scripts = readdirSync(DIST).filter((x) => x.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(5);
    for (const f of scripts) {
      let error: string | null = null;
      try {
        parse(readFileSync(join(DIST, f), "utf8"), { ecmaVersion, sourceType: "script" });
      } catch (e) {
        error = (e as Error).message;
      }
      expect({ f, level, error }).toEqual({ f, level, error: null });
    }
  });

  it("contains no eval or new Function", () => {
    for (const f of readdirSync(DIST).filter((x) => x.endsWith(".js"))) {
      const js = readFileSync(join(DIST, f), "utf8");
      expect({ f, evals: js.match(/new Function\(|[^\w.$]eval\(/g) ?? [] }).toEqual({ f, evals: [] });
    }
  });

  it("declares a Content-Security-Policy limited to its own origin and office.js", () => {
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html())?.[1] ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;| https:\/\/appsforoffice\.microsoft\.com;)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-src 'self'(;|$)/);
  });

  it("loads under 400 KB of JavaScript, gzipped, before a file is opened", () => {
    const scripts = [...html().matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith("http"));
    const initial = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(DIST, s))).length, 0);
    console.log(`initial JS ${Math.round(initial / 1024)} KB gzipped (${scripts.join(", ")})`);
    expect(initial).toBeLessThan(400 * 1024);
  });
});
