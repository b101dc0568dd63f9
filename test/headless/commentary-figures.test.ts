/**
 * Every sentence of the draft commentary, checked against the figures it
 * quotes (EXPECTED.md for the sample), on a first run with no history, on
 * the next quarter's run, when history exists, and on a reprint of the stored
 * quarter after the sheet has changed.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { SAMPLE, tempDir, runCli, load, saveWorkbook, sheetValues, SIXTEEN_QUARTERS } from "../helpers/workbooks";

async function commentary(path: string): Promise<Record<string, string[]>> {
  const ws = (await load(path)).getWorksheet("Commentary")!;
  const out: Record<string, string[]> = {};
  let heading = "";
  ws.eachRow((row, n) => {
    if (n <= 2) return; // title and note
    const text = String(row.getCell(1).value ?? "");
    if (row.getCell(1).font?.italic) return; // a note above the paragraphs (a reprint says so there)
    if (row.getCell(1).font?.bold) out[(heading = text)] = [];
    else if (text) out[heading].push(text);
  });
  return out;
}

describe("commentary on a first run (no history)", () => {
  let text: Record<string, string[]>;
  beforeAll(async () => {
    const out = join(tempDir(), "first.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out])).code).toBe(0);
    text = await commentary(out);
  });

  it("has a paragraph for each dataset and nothing else", () => {
    expect(Object.keys(text)).toEqual(["Strategic risks", "Directorate priorities", "Outcomes", "Workplan", "Executive actions", "Programmes", "Locality indicators"]);
  });

  it("claims no movement it has no history for", () => {
    for (const s of Object.values(text).flat()) expect(s).not.toMatch(/remained|\brose\b|\bfell\b|added|closed|up from|down from/);
  });

  it("risks: 35 risks, 20 high, 14 medium, 1 low; the register's own trend column gives one increase and one decrease", () => {
    expect(text["Strategic risks"]).toEqual([
      "There are 35 risks on the register, comprising 20 high risks, 14 medium and one low risk; according to the register's own trend column, " +
      "one risk increased in severity, this being retail market distress impacting Middlesbrough town centre; " +
      "one risk reduced in severity, this being UK / EU Trade and Security Deal adversely affecting Council operations.",
    ]);
  });

  it("priorities: 108 of 108 Green, Amber or Complete against 90%; 67 Green, 40 Amber, 1 Complete", () => {
    expect(text["Directorate priorities"]).toEqual([
      "At the end of Quarter One, 108 of 108 (100%) directorate priorities were rated Green, Amber or Complete, meeting the corporate standard of 90%.",
      "Of the 108 directorate priorities, 67 were Green, 40 Amber and one complete.",
    ]);
  });

  it("outcomes: 15 of 24 (62.5%) Green against 75%; the three Red Red outcomes with value, previous value and target", () => {
    expect(text.Outcomes).toEqual([
      "At the end of Quarter One, 15 of 24 (62.5%) Strategic Plan 2021-24 outcome measures were on target, against the corporate standard of 75%.",
      "There were three 'Red Red' outcomes, i.e. those not currently projected to meet target and with performance worsening: " +
      "crime and anti-social behaviour rate per 1000 people (55.07, from 44.1, against a target of 43.6), " +
      "town centre vacancy rate (17.8%, from 16.4%, against a target of 13.25%) and household waste recycled (28.6%, from 33.1%, against a target of 35%).",
    ]);
  });

  it("workplan: 21 of 22 (95.5%) Green or Complete; 20 Green, 1 Red, 1 Complete", () => {
    expect(text.Workplan).toEqual([
      "At the end of Quarter One, 21 of 22 (95.5%) workplan actions were rated Green or Complete, meeting the corporate standard of 90%.",
      "Of the 22 workplan actions, 20 were Green, one Red and one complete.",
    ]);
  });

  it("executive actions: 58 of 59 (98%)", () => {
    expect(text["Executive actions"]).toEqual([
      "At the end of Quarter One, 58 of 59 (98%) executive actions were rated Green or Complete, meeting the corporate standard of 90%.",
      "Of the 59 executive actions, 58 were Green and one Red.",
    ]);
  });

  it("programmes: 27 of 27, 20 Green and 7 Amber", () => {
    expect(text.Programmes).toEqual([
      "At the end of Quarter One, 27 of 27 (100%) programmes were rated Green, Amber or Complete, meeting the corporate standard of 90%.",
      "Of the 27 programmes, 20 were Green and seven Amber.",
    ]);
  });

  it("locality indicators: no target, so trend only; the short trends of the six series", () => {
    // EXPECTED.md: NP-CF-017 Improving (48 → 69), NP-CF-024 Improving (75 → 58); the Indicator results sheet lists all six.
    expect(text["Locality indicators"]).toEqual([
      "The six indicators in Locality indicators have no target, so they are reported by trend only: against the previous quarter, three improving, one static and two worsening.",
    ]);
  });
});

describe("commentary on the next quarter's run (history exists)", () => {
  let text: Record<string, string[]>;
  beforeAll(async () => {
    const dir = tempDir();
    const first = join(dir, "q1.xlsx");
    const second = join(dir, "q2.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", first])).code).toBe(0);
    expect((await runCli(["summarise", first, "--out", second, "--period", "Q2 2021/22"])).code).toBe(0);
    text = await commentary(second);
  });

  it("says the register's total remained at 35, with none added or closed, as last quarter's record shows", () => {
    expect(text["Strategic risks"]).toEqual([
      "The total number of risks on the register remained at 35, comprising 20 high risks, 14 medium and one low risk, with no risks added or closed during the quarter.",
    ]);
  });

  it("states the standards as at the new quarter", () => {
    expect(text["Directorate priorities"][0]).toBe(
      "At the end of Quarter Two, 108 of 108 (100%) directorate priorities were rated Green, Amber or Complete, meeting the corporate standard of 90%.");
  });
});

describe("commentary on a reprint of the stored quarter", () => {
  let first: Record<string, string[]>;
  let reprint: Record<string, string[]>;
  let summary: unknown[][];
  beforeAll(async () => {
    const dir = tempDir();
    const q1 = join(dir, "q1.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", q1])).code).toBe(0);
    first = await commentary(q1);
    // After the report went out: the crime rate is revised below target, and a priority's RAG moves on.
    const wb = await load(q1);
    const outcomes = wb.getWorksheet("Outcomes")!;
    outcomes.eachRow((row) => void (row.getCell(1).value === "SP-20" && (row.getCell(5).value = 40)));
    wb.getWorksheet("Directorate priorities")!.getCell("D5").value = "Red";
    const edited = await saveWorkbook(wb, dir, "edited.xlsx");
    const again = join(dir, "q1-again.xlsx");
    expect((await runCli(["summarise", edited, "--out", again, "--period", "Q1 2021/22"])).code).toBe(0);
    reprint = await commentary(again);
    summary = sheetValues((await load(again)).getWorksheet("Summary")!);
  });

  it("quotes the stored figures, sentence for sentence as first published", () => {
    expect(reprint).toEqual(first);
    expect(reprint.Outcomes[0]).toBe("At the end of Quarter One, 15 of 24 (62.5%) Strategic Plan 2021-24 outcome measures were on target, against the corporate standard of 75%.");
    expect(reprint["Directorate priorities"][1]).toBe("Of the 108 directorate priorities, 67 were Green, 40 Amber and one complete.");
  });

  it("says on the Summary that it is a reprint, and why today's results differ", () => {
    expect(String(summary[2][0])).toMatch(/^Q1 2021\/22: reprinted as stored on \d\d\/\d\d\/\d{4}, with the rules stored then;/);
    const statement = summary.slice(2, 6).map((r) => String(r[0] ?? "")).join(" ");
    expect(statement).toContain("for 'Directorate priorities': 1 item's result");
    expect(statement).toContain("for 'Outcomes': 1 item's result ('Crime and anti-social behaviour rate per 1000 people')");
  });
});

describe("commentary on series long enough for SPC", () => {
  it("names the special causes and counts the rest as normal variation", async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Long series");
    const quarters = SIXTEEN_QUARTERS;
    ws.addRow(["Code", "Indicator", "Polarity", ...quarters, "Target"]);
    // A: steady, then a point far above the upper limit (higher is better): improvement.
    ws.addRow(["A", "Steady then jumps", "Maximise", 50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 51, 49, 50, 80, 45]);
    // B: rising every quarter where lower is better: a seven point trend, concern.
    ws.addRow(["B", "Waiting days", "Minimise", 40, 41, 39, 42, 40, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 45]);
    // C: steady throughout: common cause.
    ws.addRow(["C", "Satisfaction", "Maximise", 70, 72, 69, 71, 70, 73, 68, 70, 71, 69, 72, 70, 71, 69, 70, 71, 60]);
    const input = await saveWorkbook(wb, dir, "long.xlsx");
    const out = join(dir, "long-out.xlsx");
    expect((await runCli(["summarise", input, "--out", out])).code).toBe(0);
    const text = await commentary(out);
    expect(text["Long series"]).toContain(
      "Statistical process control covers all three indicators: one shows a significant deterioration (waiting days), " +
      "one shows a significant improvement (steady then jumps) and one is within normal variation.");
    // The same verdicts, row by row, on the Indicator results sheet.
    const rows: unknown[][] = [];
    (await load(out)).getWorksheet("Indicator results")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const verdict = (code: string) => rows.find((r) => r[1] === code)![13];
    expect([verdict("A"), verdict("B"), verdict("C")]).toEqual(["Special cause improvement", "Special cause concern", "Common cause"]);
  });
});
