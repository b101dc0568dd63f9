/**
 * A register with target scores and dates, run for two quarters through the
 * command line, read back as a risk manager reads it: the Target, Target
 * date and "On course for target?" columns; the heat map's "Moved since"
 * table (and, on the first run, its plain "No previous quarter to compare
 * with"); and the commentary's counts checked against that table.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";
import { countWord } from "../../src/core";

const dir = tempDir();
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
type Risk = [string, string, number, number, number | null, Date | string | null];

async function register(path: string | null, risks: Risk[], name: string): Promise<string> {
  const wb = path ? await load(path) : new ExcelJS.Workbook();
  const old = wb.getWorksheet("Strategic risks");
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet("Strategic risks");
  ws.addRow(["Ref", "Risk", "Likelihood", "Impact", "Target score", "Target date"]);
  for (const r of risks) ws.addRow(r);
  ws.getColumn(6).numFmt = "dd/mm/yyyy";
  return saveWorkbook(wb, dir, name);
}

const printed: Record<string, string> = {};

async function run(input: string, period: string, name: string): Promise<string> {
  const out = join(dir, name);
  const r = await runCli(["summarise", input, "--out", out, "--period", period]);
  expect(r.code).toBe(0);
  printed[name] = r.stdout;
  return out;
}

const Q1: Risk[] = [
  ["SR01", "Cyber attack disrupts council services", 4, 4, 8, utc(2022, 3, 31)],
  ["SR02", "Adult social care budget overspend", 4, 5, 12, utc(2021, 5, 31)],
  ["SR03", "Town centre retail decline", 3, 3, 9, utc(2022, 3, 31)],
  ["SR04", "Failure to recruit social workers", 3, 4, 6, utc(2022, 3, 31)],
  ["SR05", "Flooding of low-lying housing", 2, 4, null, null],
  ["SR06", "Data protection breach", 3, 4, 4, "31/13/2021"],
  ["SR07", "Contract failure of waste provider", 3, 4, 6, utc(2021, 12, 31)],
];
// Next quarter: SR01 falls to 12, SR04 rises to 16, SR07 is unchanged with its date before the next report, SR05 is closed, SR08 is new.
const Q2: Risk[] = [
  ["SR01", "Cyber attack disrupts council services", 3, 4, 8, utc(2022, 3, 31)],
  ["SR02", "Adult social care budget overspend", 4, 5, 12, utc(2021, 5, 31)],
  ["SR03", "Town centre retail decline", 3, 3, 9, utc(2022, 3, 31)],
  ["SR04", "Failure to recruit social workers", 4, 4, 6, utc(2022, 3, 31)],
  ["SR06", "Data protection breach", 3, 4, 4, "31/13/2021"],
  ["SR07", "Contract failure of waste provider", 3, 4, 6, utc(2021, 12, 31)],
  ["SR08", "Procurement fraud", 2, 3, 4, utc(2022, 3, 31)],
];

/** The register table's rows by risk title, as {header: value}. */
async function registerRows(path: string): Promise<{ rows: Record<string, Record<string, unknown>>; ws: ExcelJS.Worksheet }> {
  const ws = (await load(path)).getWorksheet("Risk register")!;
  const values = sheetValues(ws);
  const h = values.findIndex((r) => r?.[0] === "Rank");
  const headers = values[h] as string[];
  const rows: Record<string, Record<string, unknown>> = {};
  for (const r of values.slice(h + 1).filter((x) => typeof x?.[0] === "number")) rows[r[1] as string] = Object.fromEntries(headers.map((k, i) => [k, r[i]]));
  return { rows, ws };
}

function sentences(ws: ExcelJS.Worksheet): string[] {
  return sheetValues(ws).map((r) => String(r?.[0] ?? "")).filter((s) => s.length > 0);
}

describe("a register with targets, first quarter (no history)", () => {
  let out: string;
  beforeAll(async () => {
    out = await run(await register(null, Q1, "q1-in.xlsx"), "Q1 2021/22", "q1-out.xlsx");
  });

  it("prints each risk's target, its date as a date, and whether it is on course", async () => {
    const { rows, ws } = await registerRows(out);
    const pick = (title: string) => [rows[title]["Target"], rows[title]["On course for target?"]];
    expect(pick("Cyber attack disrupts council services")).toEqual([8, "On course"]);
    expect(pick("Adult social care budget overspend")).toEqual([12, "Target date passed (31/05/2021), score 20 still above target 12"]);
    expect(pick("Town centre retail decline")).toEqual([9, "Target met"]);
    expect(pick("Flooding of low-lying housing")).toEqual([undefined, "No target"]); // an empty Target cell
    expect(pick("Data protection breach")).toEqual([4, "No target date ('31/13/2021' is not a date, see Data issues): score 12, target 4"]);
    // No history: nothing is known to have stood still, so a date a quarter away is still on course.
    expect(pick("Contract failure of waste provider")).toEqual([6, "On course"]);
    const dated = rows["Cyber attack disrupts council services"]["Target date"];
    expect(dated).toBe(utc(2022, 3, 31).toISOString());
    let format = "";
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value instanceof Date) format = cell.numFmt;
    }));
    expect(format).toBe("dd/mm/yyyy");
  });

  it("says in the terminal how many risks stand where against their targets", () => {
    expect(printed["q1-out.xlsx"]).toContain("    Against target: Target met 1, On course 3, Target date passed 1, No target date 1, No target 1\n");
  });

  it("lists the unreadable target date on Data issues with its sheet and cell", async () => {
    const issues = sheetValues((await load(out)).getWorksheet("Data issues")!);
    expect(issues).toContainEqual(["Error", "Strategic risks", "F7", "Target date '31/13/2021' in 'Strategic risks'!F7 is not a real date: expected dd/mm/yy or dd/mm/yyyy", "Go to cell"]);
  });

  it("says there is no previous quarter to compare with, and claims no movement", async () => {
    const heat = sentences((await load(out)).getWorksheet("Risk heat map")!);
    expect(heat).toContain("Moved since last quarter: No previous quarter to compare with.");
    expect(heat.some((s) => /^Moved since Q/.test(s) || /^(Risen|Fallen) in score$/.test(s))).toBe(false);
    for (const s of sentences((await load(out)).getWorksheet("Commentary")!)) expect(s).not.toMatch(/remained|\brose\b|\bfell\b|added|closed|increased|reduced/);
  });
});

describe("the same register next quarter (history exists)", () => {
  let out: string;
  let moved: Record<string, [number, string]>;
  beforeAll(async () => {
    const q1 = await run(await register(null, Q1, "a-q1-in.xlsx"), "Q1 2021/22", "a-q1-out.xlsx");
    out = await run(await register(q1, Q2, "a-q2-in.xlsx"), "Q2 2021/22", "a-q2-out.xlsx");
    const values = sheetValues((await load(out)).getWorksheet("Risk heat map")!);
    const h = values.findIndex((r) => r?.[0] === "Moved since Q1 2021/22");
    expect(h).toBeGreaterThan(0);
    expect(values[h]).toEqual(["Moved since Q1 2021/22", "Risks", "Which risks"]);
    moved = Object.fromEntries(values.slice(h + 1, h + 6).map((r) => [r[0], [r[1], r[2]]]));
  });

  it("counts the risks that moved since last quarter, with their references", () => {
    expect(moved).toEqual({
      "Risen in score": [1, "SR04"],
      "Fallen in score": [1, "SR01"],
      Unchanged: [4, "SR02, SR06, SR07, SR03"],
      New: [1, "SR08"],
      Closed: [1, "SR05"],
    });
  });

  it("judges the course with last quarter's score: a risen score, or a standing one with the date before next quarter's report, is not on course", async () => {
    const { rows } = await registerRows(out);
    const course = (title: string) => rows[title]["On course for target?"];
    expect(course("Failure to recruit social workers")).toBe("Not on course: score rose from 12 to 16, target 6 by 31/03/2022");
    expect(course("Contract failure of waste provider")).toBe("Not on course: score 12 unchanged since last quarter, target 6 by 31/12/2021");
    expect(course("Cyber attack disrupts council services")).toBe("On course");
    expect(course("Procurement fraud")).toBe("On course");
    expect(rows["Failure to recruit social workers"]["Previous score"]).toBe(12);
  });

  it("has a commentary whose movement counts are the heat map's", async () => {
    const text = sentences((await load(out)).getWorksheet("Commentary")!).find((s) => /register/.test(s))!;
    expect(text).toMatch(new RegExp(`${countWord(moved["Risen in score"][0])} risks? increased in severity`));
    expect(text).toMatch(new RegExp(`${countWord(moved["Fallen in score"][0])} risks? reduced in severity`));
    expect(text).toMatch(new RegExp(`with ${countWord(moved.New[0])} risks? added and ${countWord(moved.Closed[0])} closed during the quarter`));
    // The risks it names are the ones the table lists.
    expect(text).toContain("this being failure to recruit social workers");
    expect(text).toContain("this being cyber attack disrupts council services");
  });

  it("has a target sentence whose counts are the register's 'On course for target?' column", async () => {
    const { rows } = await registerRows(out);
    const phrases = Object.values(rows).map((r) => String(r["On course for target?"]));
    const count = (start: string) => phrases.filter((p) => p.startsWith(start)).length;
    const [met, on, passed, off, noDate] = ["Target met", "On course", "Target date passed", "Not on course", "No target date"].map(count);
    const risen = phrases.filter((p) => /^Not on course: score rose/.test(p)).length;
    expect(risen).toBe(1);
    expect([met, on, passed, off, noDate, count("No target") - noDate]).toEqual([1, 2, 1, 2, 1, 0]);
    const text = sentences((await load(out)).getWorksheet("Commentary")!);
    expect(text).toContain(`Of the ${countWord(met + on + passed + off + noDate)} risks with a target score, ${countWord(met)} has met it, `
      + `${countWord(on)} are on course to meet it by their target date and ${countWord(passed + off + noDate)} are not on course `
      + `(${countWord(passed)} past its target date, ${countWord(risen)} risen since last quarter, ${countWord(off - risen)} unchanged with its target date near `
      + `and ${countWord(noDate)} with no target date).`);
    // The Summary counts the same.
    const summary = sheetValues((await load(out)).getWorksheet("Summary")!);
    for (const [what, n] of [["Target met", met], ["On course", on], ["Not on course", off], ["Target date passed", passed], ["No target date", noDate]] as const) {
      expect(summary).toContainEqual([what, n]);
    }
  });

  it("passes the xlsx checker", () => {
    const lint = join(__dirname, "..", "..", "..", "shared", "tools", "xlsx-lint", "lint-xlsx.py");
    if (!existsSync(lint) || !existsSync("/usr/bin/python3")) return console.warn(`xlsx-lint not found at ${lint}: not checked`);
    const r = spawnSync("/usr/bin/python3", [lint, out], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^1 passed, 0 failed$/m);
    expect(r.status).toBe(0);
  });
});

describe("the --json contract for a register", () => {
  async function json(input: string, period: string, name: string) {
    const r = await runCli(["summarise", input, "--out", join(dir, name), "--period", period, "--json"]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout).datasets.find((d: { kind: string }) => d.kind === "risks").risks;
  }

  it("gives the counts against target, and no movement on a first run", async () => {
    const q1 = await json(await register(null, Q1, "json-q1-in.xlsx"), "Q1 2021/22", "json-q1-out.xlsx");
    expect(q1).toEqual({ againstTarget: { "Target met": 1, "On course": 3, "Target date passed": 1, "No target date": 1, "No target": 1 }, moved: null });
  });

  // In the register's order of severity, as on its sheet.
  it("gives the risks that moved since the stored quarter, by reference", async () => {
    const q2 = await json(await register(join(dir, "json-q1-out.xlsx"), Q2, "json-q2-in.xlsx"), "Q2 2021/22", "json-q2-out.xlsx");
    expect(q2.moved).toEqual({ since: "Q1 2021/22", risen: ["SR04"], fallen: ["SR01"], unchanged: ["SR02", "SR06", "SR07", "SR03"], added: ["SR08"], closed: ["SR05"] });
    expect(Object.values(q2.againstTarget as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(Q2.length);
  });
});
