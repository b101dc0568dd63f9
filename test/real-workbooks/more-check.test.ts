/**
 * The machine-checked expectations for the 13 further public workbooks in
 * ../shared/real-workbooks/more (what a careful performance officer expects
 * of each, written by someone else), run by their own checker against the
 * built command line, as a user would run it. Skipped, with a printed note,
 * where the folder is not beside the project.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { spawnSync } from "child_process";

const ROOT = join(__dirname, "..", "..");
const DIR = join(ROOT, "..", "shared", "real-workbooks", "more");
const present = existsSync(join(DIR, "check.js"));
if (!present) console.warn(`The more/ real-workbook checks were skipped: ${DIR} is not there (it sits beside the project in CI).`);
const maybe = present ? describe : describe.skip;
// Thirteen runs of the command line, each in its own process: generous for a busy machine.
jest.setTimeout(600_000);

/** Each file's verdict and the lines of its failing checks, from the checker's own report. */
function verdicts(output: string): Map<string, { pass: boolean; failures: string[] }> {
  const out = new Map<string, { pass: boolean; failures: string[] }>();
  let current: { pass: boolean; failures: string[] } | null = null;
  for (const line of output.split("\n")) {
    const file = /^=== (\S+\.xlsx)/.exec(line);
    if (file) out.set(file[1], (current = { pass: false, failures: [] }));
    else if (current && /^\s+FAIL /.test(line)) current.failures.push(line.trim());
    else if (current && /^\s+seen: /.test(line) && current.failures.length) current.failures[current.failures.length - 1] += ` — ${line.trim()}`;
    const verdict = /^\s+verdict: (PASS|FAIL) (\S+)/.exec(line);
    if (verdict) out.set(verdict[2], { ...(out.get(verdict[2]) ?? { failures: [] }), pass: verdict[1] === "PASS" });
  }
  return out;
}

maybe("the more/ real workbooks, by their own checker", () => {
  const files: string[] = present ? JSON.parse(readFileSync(join(DIR, "expectations.json"), "utf8")).files.map((f: { file: string }) => f.file) : [];
  let results = new Map<string, { pass: boolean; failures: string[] }>();

  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(DIR, "check.js"), ROOT, DIR], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 540_000 });
    results = verdicts(r.stdout ?? "");
  });

  it.each(files)("%s meets every expectation", (file) => {
    const got = results.get(file);
    expect({ file, failures: got?.failures ?? ["no verdict from the checker"] }).toEqual({ file, failures: [] });
    expect(got?.pass).toBe(true);
  });
});
