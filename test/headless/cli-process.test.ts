/**
 * The command line as another tool runs it: a separate process, exact stdout,
 * exit codes, progress on stderr. Uses the build that `npm test` makes first.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { tempDir, SAMPLE, runBuiltCliWithout } from "../helpers/workbooks";

const CLI = join(__dirname, "..", "..", "build", "src", "cli", "main.js");

describe("the built command line", () => {
  it("is built", () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it("prints exactly one JSON object on stdout and nothing on stderr", () => {
    const out = join(tempDir(), "out.xlsx");
    const r = spawnSync(process.execPath, [CLI, "summarise", SAMPLE, "--out", out, "--json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).period).toBe("Q1 2021/22");
    expect(r.stderr).toBe(""); // progress only on a terminal or with --progress (see cli-conventions)
    expect(existsSync(out)).toBe(true);
  });

  it("summarises, colours the source and saves without loading ExcelJS or JSZip (they are for a full re-save only)", () => {
    const out = join(tempDir(), "lean.xlsx");
    const r = runBuiltCliWithout(/^(exceljs|jszip)$/i, CLI, ["summarise", SAMPLE, "--out", out, "--format-source", "--json"]);
    expect(r.stderr).not.toMatch(/was loaded/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe("Q1 2021/22");
  });

  it("prints a readable summary with the issue count without --json", () => {
    const out = join(tempDir(), "out.xlsx");
    const r = spawnSync(process.execPath, [CLI, "summarise", SAMPLE, "--out", out], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Outcomes \(outcomes, 24 rows\): Green 15, Amber 3, Red 6; Green 15\/24 \(62.5%\) against 75%: not achieved/);
    expect(r.stdout).toMatch(/Data issues: 2 \(2 errors\)/);
  });

  it("exits 2 with usage for a bad command line", () => {
    const r = spawnSync(process.execPath, [CLI, "summarize"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'summarize'/);
  });
});
