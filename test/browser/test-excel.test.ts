/**
 * npm run test:excel -- --fake: the harness that runs the adapter's checks
 * inside Excel, run in Chromium against the strict fake, so the harness
 * itself (page, checks, result file) is known to work.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

describe("npm run test:excel in CI", () => {
  it("runs every check on the self-test page in Chromium and writes a passing result file", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "test-excel.js"), "--fake"], { cwd: ROOT, encoding: "utf8" });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    const result = JSON.parse(readFileSync(join(ROOT, "test", "artefacts", "excel-selftest.json"), "utf8"));
    expect(result.passed).toBe(true);
    expect(result.text).toMatch(/14 of 14 checks passed/);
    expect(result.adapter.map((c: { name: string }) => c.name)).toContain("An output sheet redrawn in place keeps formulas pointing at it");
  }, 600_000);
});
