/**
 * The quarterly loop with directorate leads: make templates from the seed
 * data, fill them in (with mistakes), collect them, and check the collected
 * data, the change list and the issues. Templates keep their drop-downs and
 * protection when read back.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { SAMPLE, tempDir, runCli, load, saveWorkbook } from "../helpers/workbooks";
import { CollectJson } from "../../src/workbook/collect";

const dir = tempDir();
const templated = join(dir, "templated.xlsx");

type Validation = { type: string; formulae: unknown[]; showErrorMessage?: boolean; error?: string; prompt?: string };
const validation = (ws: ExcelJS.Worksheet, ref: string) => ws.getCell(ref).dataValidation as Validation | undefined;

beforeAll(async () => {
  const r = await runCli(["template", SAMPLE, "--out", templated]);
  expect(r.code).toBe(0);
});

describe("directorate templates", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => (wb = await load(templated)));

  it("makes a return sheet per directorate and one for the risk register", () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Finance Directorate priorities", "ECS Directorate priorities", "Strategic risks return"]));
  });

  it("pre-fills each directorate's own items with RAG drop-downs, date validation and an instructions block", () => {
    const ws = wb.getWorksheet("Finance Directorate priorities")!;
    expect(String(ws.getCell("B1").value)).toBe("Finance: Directorate priorities, return for Q1 2021/22");
    expect(String(ws.getCell("B2").value)).toBe("How to fill this in");
    expect(ws.getRow(7).values).toEqual([undefined, "Key", "Title", "Due date", "RAG", "Commentary", "Directorate", "Was"]);
    // What each row held when made, as fingerprints of RAG, due date and commentary, in a hidden column.
    expect(String(ws.getCell("G8").value)).toMatch(/^r=[0-9a-z]+;d=[0-9a-z]+;c=[0-9a-z]+$/);
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(String(ws.getCell("A5").value)).toBe("Q1 2021/22");
    expect(String(ws.getCell("A6").value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const keys: string[] = [];
    for (let r = 8; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value) keys.push(String(ws.getCell(r, 1).value));
    expect(keys).toHaveLength(24);
    expect(validation(ws, "D8")).toMatchObject({ type: "list", formulae: ['"Green,Amber,Red,Complete"'], showErrorMessage: true });
    expect(validation(ws, "C8")).toMatchObject({ type: "date", showErrorMessage: true, prompt: "Type the date as dd/mm/yyyy, e.g. 31/03/2022." });
    expect(validation(ws, "C8")?.error).toMatch(/not a date/);
  });

  it("locks everything but the input cells, and protects the sheet without a password", () => {
    const ws = wb.getWorksheet("Finance Directorate priorities")!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean; password?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: { password?: string } }).sheetProtection.password).toBeUndefined();
    expect(ws.getCell("D8").protection).toMatchObject({ locked: false });
    expect(ws.getCell("E8").protection).toMatchObject({ locked: false });
    expect(ws.getCell("B8").protection?.locked).not.toBe(false);
    expect(ws.getColumn(1).hidden).toBe(true);
  });

  it("gives the risk return likelihood and impact drop-downs and a score formula", () => {
    const ws = wb.getWorksheet("Strategic risks return")!;
    expect(validation(ws, "C8")).toMatchObject({ type: "list", formulae: ['"Rare,Unlikely,Possible,Likely,Almost Certain"'] });
    expect(validation(ws, "D8")).toMatchObject({ type: "list", formulae: ['"Insignificant,Minor,Moderate,Major,Extreme"'] });
    expect((ws.getCell("E8").value as { formula: string }).formula).toMatch(/^IFERROR\(MATCH\(C8,/);
  });

  it("can be made for one directorate only", async () => {
    const out = join(dir, "finance-only.xlsx");
    expect((await runCli(["template", SAMPLE, "--out", out, "--directorate", "finance"])).code).toBe(0);
    const names = (await load(out)).worksheets.map((w) => w.name).filter((n) => /Finance/.test(n));
    expect(names).toEqual(["Finance Directorate priorities", "Finance Workplan", "Finance Executive actions"]);
  });
});

describe("collecting returns", () => {
  let json: CollectJson;
  let collected: ExcelJS.Workbook;

  beforeAll(async () => {
    // Finance fills in its return (one file), with two mistakes and one new item.
    const finance = await load(templated);
    for (const ws of [...finance.worksheets]) if (ws.name !== "Finance Directorate priorities") finance.removeWorksheet(ws.id);
    const ws = finance.getWorksheet("Finance Directorate priorities")!;
    ws.getCell("D8").value = "Green"; // Set a balanced budget…: Amber → Green
    ws.getCell("E8").value = "Budget approved by Council in February.";
    ws.getCell("C9").value = new Date(Date.UTC(2022, 5, 30)); // due date moved to 30/06/2022
    ws.getCell("D10").value = "Greenish";
    ws.getCell("C11").value = "31/13/2022";
    ws.spliceRows(12, 1); // a row deleted by the directorate
    ws.getCell(`B${ws.rowCount - 2}`).value = "Procure a new payroll system";
    ws.getCell(`D${ws.rowCount - 2}`).value = "Amber";
    const financeFile = await saveWorkbook(finance, dir, "finance-return.xlsx");
    // Risks come back from a second file: one risk rescored, one unknown key.
    const risks = await load(templated);
    for (const w of [...risks.worksheets]) if (w.name !== "Strategic risks return") risks.removeWorksheet(w.id);
    const rw = risks.getWorksheet("Strategic risks return")!;
    rw.getCell("C9").value = "Possible"; // Retail market distress: Almost Certain → Possible
    rw.getCell("A10").value = "A risk that was never on the register";
    const risksFile = await saveWorkbook(risks, dir, "risk-return.xlsx");

    const out = join(dir, "collected.xlsx");
    const r = await runCli(["collect", templated, financeFile, risksFile, "--out", out, "--json"]);
    expect(r.stderr).not.toMatch(/^Error/m);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    collected = await load(out);
  });

  it("reads both returns", () => {
    expect(json.returns.map((r) => [r.file, r.sheet, r.accepted])).toEqual([
      ["finance-return.xlsx", "Finance Directorate priorities", true],
      ["risk-return.xlsx", "Strategic risks return", true],
    ]);
  });

  it("lists every change with its old and new value and writes it into the corporate sheet", () => {
    const changes = json.changes.map((c) => [c.sheet, c.cell, c.field, c.from, c.to]);
    expect(changes).toEqual(expect.arrayContaining([
      ["Directorate priorities", "D29", "RAG", "Amber", "Green"],
      ["Directorate priorities", "C30", "Due date", "31/03/2022", "30/06/2022"],
      ["Strategic risks", "C6", "Likelihood", "Almost Certain", "Possible"],
    ]));
    const pri = collected.getWorksheet("Directorate priorities")!;
    expect(pri.getCell("D29").value).toBe("Green");
    expect(pri.getCell("C30").value).toEqual(new Date(Date.UTC(2022, 5, 30)));
    expect(collected.getWorksheet("Strategic risks")!.getCell("C6").value).toBe("Possible");
  });

  it("reports the bad entries with file, sheet and cell, and leaves those values alone", () => {
    expect(json.issues.map((i) => [i.file, i.sheet, i.cell])).toEqual(expect.arrayContaining([
      ["finance-return.xlsx", "Finance Directorate priorities", "D10"],
      ["finance-return.xlsx", "Finance Directorate priorities", "C11"],
    ]));
    expect(json.issues.find((i) => i.cell === "D10")!.message).toMatch(/'Greenish' is not a status/);
    expect(json.issues.find((i) => i.cell === "C11")!.message).toMatch(/'31\/13\/2022' is not a real date/);
    expect(json.issues.some((i) => /no Commentary column/.test(i.message))).toBe(true);
  });

  it("reports the new, missing and unknown rows", () => {
    expect(json.added.map((a) => a.title)).toEqual(["Procure a new payroll system"]);
    // The deleted Finance row, and the risk whose key was overwritten with an unknown one.
    expect(json.missing.map((m) => [m.directorate, m.item.slice(0, 30)])).toEqual([["Finance", "Improved working and integrati"], ["", "Failure to achieve full reimbu"]]);
    expect(json.unknown.map((u) => u.key)).toEqual(["A risk that was never on the register"]);
  });

  it("writes the change list to a Collected returns sheet", () => {
    const rows: unknown[] = [];
    collected.getWorksheet("Collected returns")!.eachRow((r) => rows.push((r.values as unknown[])[1]));
    expect(rows).toContain("Directorate priorities!D29");
  });

  it("refuses a return from another template version with a reason", async () => {
    const old = await load(templated);
    for (const w of [...old.worksheets]) if (w.name !== "PH Directorate priorities") old.removeWorksheet(w.id);
    old.getWorksheet("PH Directorate priorities")!.getCell("A1").value = "CPE-TEMPLATE v0";
    const file = await saveWorkbook(old, dir, "old-return.xlsx");
    const r = await runCli(["collect", templated, file, "--out", join(dir, "old-collected.xlsx"), "--json"]);
    const j: CollectJson = JSON.parse(r.stdout);
    expect(j.returns).toEqual([expect.objectContaining({ accepted: false, reason: expect.stringMatching(/template version 0.*send the directorate a new template/) })]);
    expect(j.changes).toEqual([]);
  });
});
