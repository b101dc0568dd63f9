/**
 * Registers on their own terms through the command line, on .xlsx files
 * built here: a pre/post-mitigation register under a merged group row, and
 * one whose three pairs only their place tells apart. What a risk manager
 * reads: --json's counts, notes and reading confidence, and the Risk
 * register sheet with the other pairs beside the one scored.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load } from "../helpers/workbooks";

const dir = tempDir();

async function summarise(name: string, fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Strategic risks"));
  const input = await saveWorkbook(wb, dir, `${name}.xlsx`);
  const out = join(dir, `${name}-out.xlsx`);
  const r = await runCli(["summarise", input, "--out", out, "--json"]);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout), out: await load(out) };
}

/** The Risk register sheet's table as {header: value} rows. */
function registerRows(wb: ExcelJS.Workbook): Record<string, unknown>[] {
  const ws = wb.getWorksheet("Risk register")!;
  let header: string[] | null = null;
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1);
    if (cells[0] === "Rank") header = cells as string[];
    else if (header && typeof cells[0] === "number") rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? null])));
  });
  return rows;
}

function sheetText(wb: ExcelJS.Workbook, name: string): string {
  const parts: string[] = [];
  wb.getWorksheet(name)!.eachRow((row) => parts.push((row.values as unknown[]).slice(1).filter((v) => v !== null && v !== undefined).join(" | ")));
  return parts.join("\n");
}

describe("a pre/post-mitigation register under a merged group row", () => {
  let run: Awaited<ReturnType<typeof summarise>>;
  beforeAll(async () => {
    run = await summarise("pre-post", (ws) => {
      ws.addRow(["", "", "Pre-mitigation", "", "", "Post-mitigation", "", ""]);
      ws.mergeCells("C1:E1");
      ws.mergeCells("F1:H1");
      ws.addRow(["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Residual score"]);
      const data: [string, string, number, number, number, number][] = [
        ["SR1", "Funding gap", 5, 5, 2, 2], ["SR2", "Cyber attack", 4, 5, 2, 3], ["SR3", "Supplier collapse", 3, 3, 5, 5], ["SR4", "Staff turnover", 3, 4, 2, 2],
      ];
      for (const [ref, risk, l, i, cl, ci] of data) ws.addRow([ref, risk, l, i, l * i, cl, ci, cl * ci]);
    });
  });

  it("bands on the post-mitigation pair: the one risk at 25 after mitigation is the only High", () => {
    const d = run.json.datasets.find((x: { kind: string }) => x.kind === "risks");
    expect(d.statusCounts).toEqual({ High: 1, Medium: 1, Low: 2 });
    expect(d.reading).toEqual({ confidence: "sure", reasons: [] });
  });

  it("says which pair was scored in the --json notes", () => {
    expect(run.json.notes.find((n: string) => /^Risk register/.test(n))).toMatch(/scored on the current pair \('Likelihood' F × 'Impact' G\), with the inherent pair \('Likelihood' C × 'Impact' D\) beside it/);
  });

  it("lists the register on the current scores with the inherent score beside, never repeated as a residual score", () => {
    const rows = registerRows(run.out);
    expect(rows.map((r) => [r.Risk, r.Score, r.Level, r["Inherent score"]])).toEqual([
      ["Supplier collapse", 25, "High", 9], ["Cyber attack", 6, "Medium", 20], ["Funding gap", 4, "Low", 25], ["Staff turnover", 4, "Low", 12],
    ]);
    expect(Object.keys(rows[0])).not.toContain("Residual score");
    expect(sheetText(run.out, "Risk register")).toMatch(/Scored on the current pair/);
  });

  it("reads its output the same way on the next run: the remembered mapping names each repeated header by its place", async () => {
    const again = join(dir, "pre-post-again.xlsx");
    const r = await runCli(["summarise", join(dir, "pre-post-out.xlsx"), "--out", again, "--json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout).datasets.find((x: { kind: string }) => x.kind === "risks");
    expect(d.statusCounts).toEqual({ High: 1, Medium: 1, Low: 2 });
    expect(d.reading).toEqual({ confidence: "sure", reasons: [] });
    expect(registerRows(await load(again)).map((r) => [r.Risk, r.Score, r["Inherent score"]])).toEqual([
      ["Supplier collapse", 25, 9], ["Cyber attack", 6, 20], ["Funding gap", 4, 25], ["Staff turnover", 4, 12],
    ]);
  });
});

describe("a register whose three pairs only their place tells apart", () => {
  let run: Awaited<ReturnType<typeof summarise>>;
  beforeAll(async () => {
    run = await summarise("three-pairs", (ws) => {
      ws.addRow(["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score"]);
      ws.addRow(["T1", "Budget gap", 5, 5, 25, 4, 4, 16, 2, 2, 4]);
      ws.addRow(["T2", "Legal challenge", 4, 3, 12, 3, 2, 6, 1, 2, 2]);
    });
  });

  it("scores on the middle pair and carries the doubt, naming the pairs, into --json", () => {
    const d = run.json.datasets.find((x: { kind: string }) => x.kind === "risks");
    expect(d.reading.confidence).toBe("doubtful");
    expect(d.reading.reasons.join(" ")).toMatch(/three likelihood × impact pairs \('Likelihood' C, 'Likelihood' F and 'Likelihood' I\) and no word says which is current: scored on 'Likelihood' F/);
    expect(registerRows(run.out).map((r) => [r.Risk, r.Score, r["Inherent score"], r.Target])).toEqual([["Budget gap", 16, 25, 4], ["Legal challenge", 6, 12, 2]]);
  });
});

describe("a return collected into a register with numbered levels and an inherent pair", () => {
  it("writes the new current likelihood into the current column, as the register writes it, and leaves the inherent alone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Strategic risks");
    ws.addRow(["Ref", "Risk", "Inherent likelihood", "Inherent impact", "Current likelihood", "Current impact"]);
    ws.addRow(["SR1", "Funding gap", "4 - Almost Certain", "4 - Severe", "3 - High", "3 - Serious"]);
    ws.addRow(["SR2", "Cyber attack", "3 - High", "4 - Severe", "2 - Medium", "2 - Moderate"]);
    ws.addRow(["SR3", "Flooding", "2 - Medium", "3 - Serious", "1 - Low", "1 - Minor"]);
    const input = await saveWorkbook(wb, dir, "numbered.xlsx");
    const templated = join(dir, "numbered-templated.xlsx");
    expect((await runCli(["template", input, "--out", templated])).code).toBe(0);
    const back = await load(templated);
    const ret = back.getWorksheet("Strategic risks return")!;
    let row = 0;
    ret.eachRow((r, n) => (r.getCell(2).value === "Cyber attack" ? (row = n) : undefined));
    // The return offers the register's own words, and SR2's current likelihood is raised from Medium to Almost Certain.
    expect(ret.getCell(row, 3).value).toBe("Medium");
    ret.getCell(row, 3).value = "Almost Certain";
    const filled = await saveWorkbook(back, dir, "numbered-filled.xlsx");
    const out = join(dir, "numbered-collected.xlsx");
    const r = await runCli(["collect", filled, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes.map((c: { cell: string; field: string; from: string; to: string }) => [c.cell, c.field, c.from, c.to]))
      .toEqual([["E3", "Likelihood", "2 - Medium", "4 - Almost Certain"]]);
    const sheet = (await load(out)).getWorksheet("Strategic risks")!;
    expect(sheet.getCell("E3").value).toBe("4 - Almost Certain");
    expect(sheet.getCell("C3").value).toBe("3 - High");
  });
});
