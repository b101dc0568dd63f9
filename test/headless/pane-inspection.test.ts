/**
 * What the pane's Workbook and Settings steps are told before any run: each
 * table's reading confidence by the run's own rule (so the step and the
 * results agree), each column with its letter and first values, a repeated
 * header as a column of its own, hidden sheets that can be brought in, the
 * period (required when none is found, suggested from the data), and the
 * matrix each register is scored on.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { inspectWorkbook } from "../../src/workbook/inspect";
import { withColumn } from "../../src/taskpane/mapping-choice";
import { summarise } from "../../src/workbook/summarise";
import { updateSettings } from "../../src/workbook/settings-store";
import { RisksReport } from "../../src/core";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";
import { SAMPLE } from "../helpers/workbooks";

const REAL = join(__dirname, "..", "..", "..", "shared", "real-workbooks");
const open = async (data: Uint8Array) => XlsxWorkbook.open(data);
const file = (path: string) => new Uint8Array(readFileSync(path));

/** A register that scores an initial and a reviewed pair under the same two headers, as security risk assessments do. */
async function twoPairRegister(): Promise<Uint8Array> {
  const rows: Value[][] = [
    ["Ref", "Risk", "Likelihood", "Impact", "Owner", "Likelihood", "Impact"],
    ["R1", "Data breach", 4, 5, "CIO", 2, 5],
    ["R2", "Flooding", 3, 4, "Estates", 3, 2],
    ["R3", "Fraud", 2, 3, "S151", 1, 3],
  ];
  return buildPackage({ sheets: [{ name: "Risks", rows }] });
}

describe("the inspection the pane starts from", () => {
  jest.setTimeout(120_000);

  it("judges each table's reading as the run does, so the Workbook step and the results agree", async () => {
    const files = [SAMPLE, ...["more/lgbf_Scottish_Averages.xlsx", "more/trafford_neet.xlsx", "more/pmtpl_Risk_Register.xlsx", "adele_Risk_Register.xlsx"].map((f) => join(REAL, f)).filter(existsSync)];
    let doubtful = 0;
    let empty = 0;
    for (const f of files) {
      const inspection = await inspectWorkbook(await open(file(f)));
      const run = await summarise(await open(file(f)));
      const fromRun = Object.fromEntries(run.report.datasets.map((d) => [d.id, d.reading]));
      expect({ f, readings: Object.fromEntries(inspection.datasets.map((d) => [d.id, d.reading])) }).toEqual({ f, readings: fromRun });
      doubtful += inspection.datasets.filter((d) => d.reading.confidence === "doubtful").length;
      empty += inspection.datasets.filter((d) => d.reading.confidence === "empty").length;
    }
    if (existsSync(REAL)) {
      expect(doubtful).toBeGreaterThan(0);
      expect(empty).toBeGreaterThan(0);
    }
  });

  it("gives every column its letter, group label and first values from the data rows", async () => {
    const inspection = await inspectWorkbook(await open(file(SAMPLE)));
    const outcomes = inspection.datasets.find((d) => d.sheet === "Outcomes")!;
    const target = outcomes.fields.find((f) => f.key === outcomes.columns.target)!;
    expect(target.letter).toMatch(/^[A-Z]+$/);
    expect(target.samples.length).toBeGreaterThan(0);
    // Values come from the rows under the header, never the header itself.
    for (const f of outcomes.fields) expect(f.samples).not.toContain(f.header);
  });

  it("tells a repeated header's columns apart, and a mapping to the second one is kept", async () => {
    const wb = await open(await twoPairRegister());
    const before = await inspectWorkbook(wb);
    const risks = before.datasets[0];
    expect(risks.fields.map((f) => `${f.letter} ${f.key}`)).toEqual(["A Ref", "B Risk", "C Likelihood", "D Impact", "E Owner", "F Likelihood#2", "G Impact#2"]);
    expect(risks.fields.find((f) => f.key === "Likelihood#2")!.samples).toEqual(["2", "3", "1"]);
    await updateSettings(wb, (s) => void (s.datasets[risks.id] = {
      mapping: { kind: "risks", headerRow: 1, headerText: risks.headers, columns: withColumn(withColumn(risks.columns, "likelihood", "Likelihood#2"), "impact", "Impact#2"), confirmed: true },
    }));
    const after = await inspectWorkbook(wb);
    expect(after.datasets[0].columns.likelihood).toBe("Likelihood#2");
    expect(after.datasets[0].columns.impact).toBe("Impact#2");
    const run = await summarise(wb);
    const register = run.report.datasets[0] as RisksReport;
    expect(register.risks.find((r) => r.item.code === "R1")!.score).toBe(10);
  });

  it("lists a hidden sheet as one that can be included, and reads it once a person confirms it", async () => {
    const rows: Value[][] = [["Indicator", "Polarity", "Target", "Q1 2021/22"], ["Recycling rate", "Maximise", 50, 48], ["Missed bins", "Minimise", 10, 12]];
    const wb = await open(await buildPackage({ sheets: [{ name: "Front", rows: [["Notes for the quarter"]] }, { name: "Back data", rows, state: "hidden" }] }));
    const before = await inspectWorkbook(wb);
    expect(before.datasets).toEqual([]);
    expect(before.skipped.find((s) => s.sheet === "Back data")).toEqual(expect.objectContaining({ hidden: true }));
    expect(before.skipped.find((s) => s.sheet === "Front")).toEqual(expect.objectContaining({ hidden: false }));
    await updateSettings(wb, (s) => void (s.datasets["Back data"] = { mapping: { confirmed: true } }));
    const after = await inspectWorkbook(wb);
    expect(after.datasets.map((d) => d.sheet)).toEqual(["Back data"]);
    expect(after.period).toBe("Q1 2021/22");
  });

  it("requires a period for a tracker that states none, and offers the quarters its due dates fall in", async () => {
    const due = (serial: number): Value => ({ style: 1, value: serial });
    const rows: Value[][] = [
      ["Milestone", "Owner", "Due date", "Status"],
      ["Survey", "Estates", due(45107), "On track"], // 30/06/2023
      ["Design", "Estates", due(45199), "Complete"], // 30/09/2023
      ["Contract", "Legal", due(45382), "Overdue"], // 31/03/2024
    ];
    const inspection = await inspectWorkbook(await open(await buildPackage({ sheets: [{ name: "Milestones", rows }], xfs: [14] })));
    expect(inspection.period).toBeNull();
    expect(inspection.periodRequired).toBe(true);
    expect(inspection.suggestedPeriods).toEqual(["Q4 2023/24", "Q2 2023/24", "Q1 2023/24"]);
  });

  it("does not require a period where series end apart on purpose, nor for a register with no dates", async () => {
    const rows: Value[][] = [["Measure", "Period", "Value"], ["A", "April 2024", 1], ["A", "May 2024", 2], ["B", "April 2024", 3], ["C", "March 2024", 4], ["D", "February 2024", 5]];
    const spread = await inspectWorkbook(await open(await buildPackage({ sheets: [{ name: "Extract", rows }] })));
    expect(spread.period).toBeNull();
    expect(spread.periodRequired).toBe(false);
    const register = await inspectWorkbook(await open(await twoPairRegister()));
    expect(register.periodRequired).toBe(false);
  });

  it("gives each register the matrix the run scores it on, where its levels came from, and the values it holds", async () => {
    const data = file(SAMPLE);
    const inspection = await inspectWorkbook(await open(data));
    const run = await summarise(await open(data));
    const reg = inspection.datasets.find((d) => d.kind === "risks")!;
    const report = run.report.datasets.find((d) => d.kind === "risks") as RisksReport;
    expect(reg.risk!.matrix).toEqual(report.matrix);
    expect(reg.risk!.levelsSource).toBe(report.levelsSource);
    expect(reg.risk!.own).toBeNull();
    expect(reg.risk!.values.likelihood.length).toBeGreaterThan(1);
  });

  (existsSync(REAL) ? it : it.skip)("reads a register of words on its own scales and levels, and keeps them beside a saved matrix", async () => {
    const wb = await open(file(join(REAL, "adele_Risk_Register.xlsx")));
    const inspection = await inspectWorkbook(wb);
    const r = inspection.datasets.find((d) => d.kind === "risks")!.risk!;
    expect(r.matrix.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    // "M to H" in an impact cell is placed at High, never a point of its own.
    expect(r.matrix.impactLabels).toEqual(["Low", "Medium", "High"]);
    expect(r.levelsSource).toBe("the register's own 'Reviewed Risk' column");
    await updateSettings(wb, (s) => void (s.riskMatrix = { ...r.matrix, bands: r.matrix.bands.map((b, i) => (i === 0 ? { ...b, minScore: b.minScore + 1 } : b)) }));
    const saved = (await inspectWorkbook(wb)).datasets.find((d) => d.kind === "risks")!.risk!;
    expect(saved.levelsSource).toBe("the risk matrix in Settings");
    expect(saved.own).toEqual({ matrix: r.matrix, levelsSource: r.levelsSource });
  });
});
