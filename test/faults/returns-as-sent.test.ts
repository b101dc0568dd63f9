/**
 * Fault suite: directorate returns as leads really send them back. Each
 * template row records what it held when made; collect applies only what
 * the lead changed, and says so whenever it does not.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, runCli, load, saveWorkbook } from "../helpers/workbooks";
import { CollectJson, collectReturns } from "../../src/workbook/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { makeTemplates } from "../../src/workbook/templates";
import { buildPackage, priorityRows } from "../helpers/xlsx-fixtures";

const dir = tempDir();
const PERIOD = "Q1 2021/22";
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The corporate workbook: priorities with two namesakes, a bad date, an unknown word and a RAG kept as a formula; risks with commentary. */
async function corporate(name: string, change?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("Priorities");
  p.addRow(["Directorate", "Priority", "Due Date", "RAG", "Commentary"]);
  p.addRow(["Finance", "Set the budget", day(2022, 3, 31), "Amber", "On track for February"]);
  p.addRow(["Finance", "Review the plan", day(2022, 6, 30), "Green", "First review"]);
  p.addRow(["Finance", "Review the plan", day(2022, 9, 30), "Amber", "Second review"]);
  p.addRow(["Finance", "Close the accounts", "31/10021", "Paused", ""]);
  p.addRow(["ECS", "Open the library", day(2021, 12, 31), "Green", ""]);
  p.addRow(["ECS", "Fix the roads", day(2022, 3, 31), { formula: 'IF(TRUE,"Red","")', result: "Red" }, ""]);
  const r = wb.addWorksheet("Risks");
  r.addRow(["Ref", "Risk", "Likelihood", "Impact", "Commentary"]);
  r.addRow(["R1", "Flooding of the town centre", 3, 4, "Defences checked in May"]);
  r.addRow(["R2", "Cyber attack", 4, 5, "Backups tested"]);
  change?.(wb);
  return saveWorkbook(wb, dir, name);
}

async function templated(source: string, name: string, period = PERIOD): Promise<string> {
  const out = join(dir, name);
  const r = await runCli(["template", source, "--out", out, "--period", period]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return out;
}

/** A lead's return: one sheet of the templated workbook, as Excel saves it, after `fill`. */
async function returned(from: string, sheet: string, name: string, fill: (ws: ExcelJS.Worksheet, row: (title: string, nth?: number) => number) => void): Promise<string> {
  const wb = await load(from);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet(sheet)!;
  const row = (title: string, nth = 1) => {
    let seen = 0;
    for (let r = 8; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === title && ++seen === nth) return r;
    throw new Error(`no row '${title}'`);
  };
  fill(ws, row);
  return saveWorkbook(wb, dir, name);
}

async function collect(corp: string, returns: string[], out: string, period = PERIOD) {
  const r = await runCli(["collect", corp, ...returns, "--out", join(dir, out), "--period", period, "--json"]);
  expect(r.stderr).not.toMatch(/^Error/m);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout) as CollectJson, wb: await load(join(dir, out)), path: join(dir, out) };
}

const cell = (wb: ExcelJS.Workbook, sheet: string, ref: string) => wb.getWorksheet(sheet)!.getCell(ref).value;

describe("returns as leads send them", () => {
  let base: string;
  let made: string;
  beforeAll(async () => {
    base = await corporate("council.xlsx");
    made = await templated(base, "templated.xlsx");
  }, 600_000);

  it("applies only what the lead changed: an officer's correction made after the templates went out stands", async () => {
    // The officer corrects 'Set the budget' to Red in the corporate sheet after sending the templates.
    const corrected = await corporate("corrected.xlsx", (wb) => void (wb.getWorksheet("Priorities")!.getCell("D2").value = "Red"));
    const ret = await returned(made, "Finance Priorities", "finance-due.xlsx", (ws, row) => {
      ws.getCell(`C${row("Set the budget")}`).value = day(2022, 4, 30); // only the due date
    });
    const { json, wb } = await collect(corrected, [ret], "corrected-collected.xlsx");
    expect(cell(wb, "Priorities", "D2")).toBe("Red");
    expect(json.changes.map((c) => [c.cell, c.field, c.from, c.to])).toEqual([["C2", "Due date", "31/03/2022", "30/04/2022"]]);
    expect(json.conflicts).toEqual([]);
  });

  it("lists a field both the corporate sheet and the lead changed as a conflict, and overwrites neither", async () => {
    const corrected = await corporate("corrected-2.xlsx", (wb) => void (wb.getWorksheet("Priorities")!.getCell("D2").value = "Red"));
    const ret = await returned(made, "Finance Priorities", "finance-green.xlsx", (ws, row) => void (ws.getCell(`D${row("Set the budget")}`).value = "Green"));
    const { json, wb } = await collect(corrected, [ret], "conflict-collected.xlsx");
    expect(cell(wb, "Priorities", "D2")).toBe("Red");
    expect(json.changes).toEqual([]);
    expect(json.conflicts).toEqual([expect.objectContaining({ cell: "D2", field: "RAG", now: "Red", returned: [expect.objectContaining({ value: "Green" })] })]);
    const listed: unknown[] = [];
    wb.getWorksheet("Collected returns")!.eachRow((r) => listed.push((r.values as unknown[])[1]));
    expect(listed).toContain("Priorities!D2");
  });

  it("refuses a return made from last quarter's template, saying which period it is for", async () => {
    const ret = await returned(made, "Finance Priorities", "finance-q1.xlsx", (ws, row) => void (ws.getCell(`D${row("Set the budget")}`).value = "Green"));
    const { json, wb } = await collect(base, [ret], "next-quarter.xlsx", "Q2 2021/22");
    expect(json.returns).toEqual([expect.objectContaining({ accepted: false, period: PERIOD, reason: expect.stringMatching(/made for Q1 2021\/22.*collected for Q2 2021\/22/) })]);
    expect(json.changes).toEqual([]);
    expect(cell(wb, "Priorities", "D2")).toBe("Amber");
  });

  it("two versions of one return that disagree change nothing and are listed; two that agree change it once", async () => {
    const green = await returned(made, "Finance Priorities", "v1.xlsx", (ws, row) => void (ws.getCell(`D${row("Set the budget")}`).value = "Green"));
    const red = await returned(made, "Finance Priorities", "v2.xlsx", (ws, row) => void (ws.getCell(`D${row("Set the budget")}`).value = "Red"));
    const disagree = await collect(base, [green, red], "disagree.xlsx");
    expect(cell(disagree.wb, "Priorities", "D2")).toBe("Amber");
    expect(disagree.json.conflicts).toEqual([expect.objectContaining({ cell: "D2", returned: [expect.objectContaining({ file: "v1.xlsx", value: "Green" }), expect.objectContaining({ file: "v2.xlsx", value: "Red" })] })]);
    const agree = await collect(base, [green, green], "agree.xlsx");
    expect(agree.json.changes).toHaveLength(1);
    expect(cell(agree.wb, "Priorities", "D2")).toBe("Green");
  });

  it("is idempotent: collecting the same return twice changes nothing the second time", async () => {
    const ret = await returned(made, "Finance Priorities", "finance-three.xlsx", (ws, row) => {
      ws.getCell(`D${row("Set the budget")}`).value = "Green";
      ws.getCell(`E${row("Set the budget")}`).value = "Approved in February";
      ws.getCell(`C${row("Review the plan")}`).value = day(2022, 7, 31);
    });
    const first = await collect(base, [ret], "once.xlsx");
    expect(first.json.changes).toHaveLength(3);
    const second = await collect(first.path, [ret], "twice.xlsx");
    expect(second.json.changes).toEqual([]);
    expect(second.json.conflicts).toEqual([]);
    expect(second.json.alreadyIn).toBe(3);
  });

  it("never applies another directorate's row pasted into a return", async () => {
    const ecs = await load(made);
    const ecsSheet = ecs.getWorksheet("ECS Priorities")!;
    const library = [8, 9, 10].find((r) => ecsSheet.getCell(r, 2).value === "Open the library")!;
    const [key, was] = [ecsSheet.getCell(library, 1).value, ecsSheet.getCell(library, 7).value];
    const ret = await returned(made, "Finance Priorities", "pasted.xlsx", (ws, row) => {
      const r = row("Close the accounts");
      ws.getCell(`A${r}`).value = key;
      ws.getCell(`B${r}`).value = "Open the library";
      ws.getCell(`G${r}`).value = was;
      ws.getCell(`D${r}`).value = "Red";
    });
    const { json, wb } = await collect(base, [ret], "pasted-collected.xlsx");
    expect(cell(wb, "Priorities", "D6")).toBe("Green");
    expect(json.changes).toEqual([]);
    expect(json.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/'Open the library' belongs to ECS, not Finance/) })]);
  });

  it("finds each of two items with the same title and no code by what it held, after the corporate sheet was sorted", async () => {
    // The officer sorts the corporate sheet by due date, latest first: the two 'Review the plan' rows swap.
    const sorted = await corporate("sorted.xlsx", (wb) => {
      const p = wb.getWorksheet("Priorities")!;
      const [a, b] = [p.getRow(3).values as ExcelJS.CellValue[], p.getRow(4).values as ExcelJS.CellValue[]];
      p.getRow(3).values = b;
      p.getRow(4).values = a;
    });
    const ret = await returned(made, "Finance Priorities", "namesakes.xlsx", (ws, row) => {
      ws.getCell(`C${row("Review the plan", 1)}`).value = day(2022, 7, 31); // the first review (due 30/06/2022) moves a month
    });
    const { json, wb } = await collect(sorted, [ret], "sorted-collected.xlsx");
    expect(json.changes.map((c) => [c.cell, c.from, c.to])).toEqual([["C4", "30/06/2022", "31/07/2022"]]);
    expect(cell(wb, "Priorities", "C3")).toEqual(day(2022, 9, 30));
    expect(cell(wb, "Priorities", "C4")).toEqual(day(2022, 7, 31));
  });

  it("never replaces a RAG kept as a formula, and says so", async () => {
    const ret = await returned(made, "ECS Priorities", "ecs.xlsx", (ws, row) => void (ws.getCell(`D${row("Fix the roads")}`).value = "Green"));
    const { json, wb } = await collect(base, [ret], "formula-collected.xlsx");
    expect(cell(wb, "Priorities", "D7")).toEqual(expect.objectContaining({ formula: 'IF(TRUE,"Red","")' }));
    expect(json.changes).toEqual([]);
    expect(json.conflicts).toEqual([expect.objectContaining({ cell: "D7", reason: expect.stringMatching(/holds a formula/) })]);
  });

  it("collects risk commentary with the scores", async () => {
    const ret = await returned(made, "Risks return", "risks.xlsx", (ws, row) => {
      ws.getCell(`F${row("Flooding of the town centre")}`).value = "New barrier built in June";
      ws.getCell(`C${row("Cyber attack")}`).value = "Possible";
    });
    const { json, wb } = await collect(base, [ret], "risks-collected.xlsx");
    expect(json.changes.map((c) => [c.cell, c.field, c.to])).toEqual(expect.arrayContaining([["E2", "Commentary", "New barrier built in June"], ["C3", "Likelihood", "3"]]));
    expect(cell(wb, "Risks", "E2")).toBe("New barrier built in June");
    // The register scores likelihood as numbers, so the lead's word is written on its scale.
    expect(cell(wb, "Risks", "C3")).toBe(3);
  });

  it("does not report the template's own pre-filled unknown word or carried-over bad date as the lead's errors", async () => {
    const ret = await returned(made, "Finance Priorities", "untouched.xlsx", (ws, row) => void (ws.getCell(`D${row("Set the budget")}`).value = "Green"));
    const { json } = await collect(base, [ret], "untouched-collected.xlsx");
    expect(json.issues).toEqual([]);
    expect(json.changes).toHaveLength(1);
  });

  it("reports a bad entry the lead typed, with its file, sheet and cell", async () => {
    const ret = await returned(made, "Finance Priorities", "typos.xlsx", (ws, row) => {
      ws.getCell(`D${row("Set the budget")}`).value = "Greenish";
      ws.getCell(`C${row("Close the accounts")}`).value = "31/13/2022";
    });
    const { json } = await collect(base, [ret], "typos-collected.xlsx");
    expect(json.issues.map((i) => [i.file, i.sheet])).toEqual([["typos.xlsx", "Finance Priorities"], ["typos.xlsx", "Finance Priorities"]]);
    expect(json.changes).toEqual([]);
  });

  it("collects into a corporate sheet whose rows and cells have no references, in place, every other cell as it was", async () => {
    const data = await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(20), refs: false }] });
    const t = await XlsxWorkbook.open(data);
    const made = await makeTemplates(t, { period: PERIOD });
    const ret = await XlsxWorkbook.open((await t.save()).data);
    const g = (await ret.readSheets([made.sheets[0].name]))[0];
    const first = g.rows.findIndex((x) => x?.[0] === "Key") + 1;
    await ret.updateCells(made.sheets[0].name, [{ row: first, col: 3, value: "Red" }]);
    const corp = await XlsxWorkbook.open(data);
    const json = await collectReturns(corp, [{ file: "r.xlsx", port: ret }], "c.xlsx", { period: PERIOD });
    expect(json.changes.map((c) => [c.cell, c.from, c.to])).toEqual([["D2", "Green", "Red"]]);
    const saved = await corp.save();
    expect(saved.method).toBe("spliced");
    const before = (await (await XlsxWorkbook.open(data)).readSheets(["Priorities"]))[0].rows;
    const after = (await (await XlsxWorkbook.open(saved.data)).readSheets(["Priorities"]))[0].rows;
    before[1][3] = "Red";
    expect(after).toEqual(before);
  });
});
