/**
 * A register's target score and the date to reach it, found however the
 * register heads them, and read with every unreadable cell reported; a
 * "Target date" on an action list stays its due date.
 */
import { detectSheet, buildReport, emptySettings, SheetGrid, CellValue, RisksReport, ActionsReport } from "../../src/core";

const grid = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });
const headerOf = (d: { columns: Record<string, number | undefined>; headers: string[]; left: number }, role: string) => {
  const col = d.columns[role];
  return col === undefined ? undefined : d.headers[col - d.left];
};

describe("target columns of a risk register", () => {
  it.each([
    ["Target Date for Risk"], ["Date to achieve target"], ["Target date"], ["Review by"], ["Target_Resolution"],
  ])("reads '%s' as the date to reach the target score", (header) => {
    const d = detectSheet(grid("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Target score", header],
      ["R1", "Cyber attack", 4, 4, 8, new Date(Date.UTC(2022, 2, 31))],
      ["R2", "Budget overspend", 3, 5, 10, new Date(Date.UTC(2021, 11, 31))],
    ])).datasets[0];
    expect(d.kind).toBe("risks");
    expect(headerOf(d, "targetDate")).toBe(header);
    expect(headerOf(d, "targetScore")).toBe("Target score");
    expect(d.columns.due).toBeUndefined();
  });

  it("reads target likelihood and impact, headed either way, beside the current pair", () => {
    const d = detectSheet(grid("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Target Likelihood (1-5)", "Target Impact (1-5)"],
      ["R1", "Cyber attack", 4, 4, 2, 4],
      ["R2", "Budget overspend", 3, 5, 2, 3],
    ])).datasets[0];
    expect([headerOf(d, "likelihood"), headerOf(d, "impact"), headerOf(d, "targetLikelihood"), headerOf(d, "targetImpact")])
      .toEqual(["Likelihood", "Impact", "Target Likelihood (1-5)", "Target Impact (1-5)"]);
    // Under a "Target" group row.
    const grouped = detectSheet({ name: "Risks", rows: [
      [null, null, "Current", null, "Target", null],
      ["Ref", "Risk", "Likelihood", "Impact", "Likelihood", "Impact"],
      ["R1", "Cyber attack", 4, 4, 2, 4],
      ["R2", "Budget overspend", 3, 5, 2, 3],
    ], merges: ["C1:D1", "E1:F1"] }).datasets[0];
    expect([grouped.columns.targetLikelihood, grouped.columns.targetImpact]).toEqual([4, 5]);
    expect([grouped.columns.likelihood, grouped.columns.impact]).toEqual([2, 3]);
  });

  it("keeps 'Target date' as the due date of an action list", () => {
    const d = detectSheet(grid("Actions", [
      ["Action", "RAG", "Target date"],
      ["Open the new library", "Green", new Date(Date.UTC(2021, 8, 30))],
      ["Adopt the local plan", "Amber", new Date(Date.UTC(2021, 11, 31))],
    ])).datasets[0];
    expect(d.kind).toBe("actions");
    expect(headerOf(d, "due")).toBe("Target date");
    expect(d.columns.targetDate).toBeUndefined();
  });
});

describe("target course in the report", () => {
  const rows: CellValue[][] = [
    ["Ref", "Risk", "Likelihood", "Impact", "Target L", "Target I", "Target date"],
    ["R1", "Cyber attack", 4, 4, 2, 4, new Date(Date.UTC(2022, 2, 31))],
    ["R2", "Budget overspend", 4, 5, 3, 4, "31/02/2022"],
    ["R3", "Flooding", 2, 2, 2, 3, new Date(Date.UTC(2021, 5, 30))],
    ["R4", "Recruitment", 3, 4, null, null, new Date(Date.UTC(2021, 5, 30))],
  ];
  const built = buildReport([grid("Risks", rows)], emptySettings(), { period: "Q1 2021/22" });
  const r = built.report.datasets[0] as RisksReport;
  const byRef = (ref: string) => r.risks.find((x) => x.item.code === ref)!;

  it("works the target score out from target likelihood × impact", () => {
    expect(r.risks.map((x) => [x.item.code, x.target?.score ?? null])).toEqual([["R2", 12], ["R1", 8], ["R4", null], ["R3", 6]]);
  });

  it("judges each risk against the end of the period", () => {
    expect(byRef("R1").course.phrase).toBe("On course");
    expect(byRef("R3").course.phrase).toBe("Target met");
    expect(byRef("R4").course.phrase).toBe("No target");
    expect(byRef("R2").course.phrase).toBe("No target date ('31/02/2022' is not a date, see Data issues): score 20, target 12");
  });

  it("reports the unreadable target date with its sheet and cell", () => {
    const found = built.report.issues.filter((i) => /Target date/.test(i.message));
    expect(found).toEqual([expect.objectContaining({ sheet: "Risks", cell: "G3" })]);
    expect(found[0].message).toBe("Target date '31/02/2022' in Risks!G3 is not a real date: expected dd/mm/yy or dd/mm/yyyy");
  });

  it("leaves an action list's target date as its due date for overdue checks", () => {
    const actions = buildReport([grid("Actions", [
      ["Action", "RAG", "Target date"],
      ["Open the new library", "Green", new Date(Date.UTC(2021, 4, 31))],
      ["Adopt the local plan", "Amber", new Date(Date.UTC(2021, 11, 31))],
    ])], emptySettings(), { period: "Q1 2021/22" }).report.datasets[0] as ActionsReport;
    expect(actions.items.filter((x) => x.overdue).map((x) => x.title)).toEqual(["Open the new library"]);
  });
});

describe("target dates as registers write them", () => {
  const report = (targets: CellValue[]) => {
    const rows: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact", "Target", "Target date"]];
    targets.forEach((t, i) => rows.push([`R${i + 1}`, `Risk ${i + 1}`, 4, 4, 8, t]));
    return buildReport([grid("Risks", rows)], emptySettings(), { period: "Q1 2021/22" });
  };

  it("takes a month, a quarter or a financial year as its last day, and a plain 'Target' column as the target score", () => {
    const { report: r } = report(["March 2022", "Q3 2021/22", "2021/22", "Jun-21"]);
    const risks = (r.datasets[0] as RisksReport).risks;
    expect(risks.map((x) => [x.target?.score, x.course.phrase])).toEqual([
      [8, "On course"], [8, "On course"], [8, "On course"], [8, "Target date passed (30/06/2021), score 16 still above target 8"],
    ]);
    expect(risks.map((x) => x.item.targetDate)).toEqual([
      { year: 2022, month: 3, day: 31 }, { year: 2021, month: 12, day: 31 }, { year: 2022, month: 3, day: 31 }, { year: 2021, month: 6, day: 30 },
    ]);
  });

  it("reports a year written as a bare number, and words, rather than guess a date", () => {
    const { report: r } = report([2022, "When funding allows"]);
    expect(r.issues.map((i) => [i.cell, i.message])).toEqual([
      ["F2", "Target date '2022' in Risks!F2 is a number, not a date: write the date as dd/mm/yyyy"],
      ["F3", "Target date 'When funding allows' in Risks!F3 is not a date: expected dd/mm/yy or dd/mm/yyyy"],
    ]);
    expect((r.datasets[0] as RisksReport).risks.map((x) => x.course.course)).toEqual(["No target date", "No target date"]);
  });
});

describe("a target given as a level", () => {
  it("judges the risk by the register's levels when the target is a word such as Medium", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Likelihood", "Impact", "Risk level", "Target risk level", "Target date"],
      ["R1", "Cyber attack", 4, 4, "High", "Medium", new Date(Date.UTC(2022, 2, 31))],
      ["R2", "Flooding", 2, 3, "Medium", "Medium", new Date(Date.UTC(2022, 2, 31))],
      ["R3", "Budget", 4, 5, "High", "Low", new Date(Date.UTC(2021, 5, 30))],
    ];
    const r = buildReport([grid("Risks", rows)], emptySettings(), { period: "Q1 2021/22" }).report.datasets[0] as RisksReport;
    expect(r.risks.map((x) => [x.item.code, x.target, x.course.phrase])).toEqual([
      ["R3", { score: null, band: "Low" }, "Target date passed (30/06/2021), High still above target Low"],
      ["R1", { score: null, band: "Medium" }, "On course"],
      ["R2", { score: null, band: "Medium" }, "Target met"],
    ]);
  });
});
