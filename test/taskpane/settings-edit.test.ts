/**
 * The Settings step's single draft: what one Save writes, and when the pane
 * must warn that edits would be lost.
 */
import { draftFrom, isDirty, changesToSave, matrixProblem, applySettings, withOwnLevels, describeLevels } from "../../src/taskpane/settings-edit";
import { emptySettings, DEFAULT_MATRIX, RiskMatrix, BAND_COLOURS } from "../../src/core";
import type { Inspection, DatasetInfo, RiskReading } from "../../src/workbook/inspect";

const dataset = (id: string, kind: DatasetInfo["kind"], sheet: string, risk?: RiskReading): DatasetInfo => ({
  id, sheet, label: sheet, kind, rows: 10, confidence: 1, reading: { confidence: "sure", reasons: [] }, headerRow: 1, headers: [], fields: [], columns: {},
  confidenceByRole: {}, runnerUp: {}, groups: [], planName: kind === "outcomes" ? "Strategic Plan 2021-24 outcome measures" : null, ...(risk ? { risk } : {}),
});

/** A register on a 3 × 5 scale of words, levelled by its own column: what a run reads from such a sheet. */
const OWN: RiskMatrix = {
  likelihoodLabels: ["Low", "Medium", "High"],
  impactLabels: ["Low", "Low to medium", "Medium", "Medium to high", "High"],
  bands: [{ name: "H", minScore: 11, colour: BAND_COLOURS.high }, { name: "M - H", minScore: 9, colour: BAND_COLOURS.medium }, { name: "M", minScore: 1, colour: BAND_COLOURS.low }],
};

function inspection(saved: RiskMatrix | null = { ...DEFAULT_MATRIX, cellBands: DEFAULT_MATRIX.likelihoodLabels.map(() => DEFAULT_MATRIX.impactLabels.map(() => "Low")) }): Inspection {
  const settings = emptySettings();
  settings.riskMatrix = saved;
  const used = saved ?? OWN;
  const risk: RiskReading = {
    matrix: used,
    levelsSource: saved ? "the risk matrix in Settings" : "the register's own 'Initial Risk' column",
    scaleSource: { likelihood: "its values", impact: "its values" },
    own: saved ? { matrix: OWN, levelsSource: "the register's own 'Initial Risk' column" } : null,
    values: { likelihood: ["H", "M", "L"], impact: ["H", "M to H", "M", "L", "L to M"] },
  };
  return {
    datasets: [dataset("outcomes", "outcomes", "Outcomes"), dataset("workplan", "actions", "Workplan"), dataset("risks", "risks", "Risks", risk)],
    period: "Q1 2021/22",
    periodRequired: false,
    suggestedPeriods: [],
    valuedPeriods: { keys: [], unplaced: false, latest: null },
    settings,
    notes: [],
    skipped: [],
    areas: [],
  };
}

describe("settings draft", () => {
  it("starts from the design's defaults and is not dirty until something changes", () => {
    const i = inspection();
    const d = draftFrom(i);
    expect(d.datasets.outcomes).toEqual({ hasStandard: true, expected: 75, counts: ["Green"], tolerance: 5, band: 0, spc: true, longTrend: "same-period-last-year", planName: "" });
    expect(d.datasets.workplan.counts).toEqual(["Green", "Complete"]);
    expect(isDirty(i, null)).toBe(false);
    expect(isDirty(i, d)).toBe(false);
    expect(isDirty(i, { ...d, datasets: { ...d.datasets, outcomes: { ...d.datasets.outcomes, expected: 80 } } })).toBe(true);
  });

  it("saves only what changed, and the measured settings only for indicators and outcomes", () => {
    const i = inspection();
    const d = draftFrom(i);
    d.datasets.outcomes = { ...d.datasets.outcomes, expected: 80 };
    d.datasets.workplan = { ...d.datasets.workplan, hasStandard: false };
    const out = changesToSave(i, d);
    expect(out).toEqual({
      datasets: {
        outcomes: { standard: { expected: 80, counts: ["Green"] }, tolerance: { kind: "percent", value: 5 }, staticBand: { kind: "absolute", value: 0 }, spc: true, longTrend: "same-period-last-year", planName: undefined },
        workplan: { standard: null },
      },
    });
    const s = emptySettings();
    applySettings(s, out.datasets, out.matrix);
    expect(s.datasets.outcomes.standard).toEqual({ expected: 80, counts: ["Green"] });
    expect(s.riskMatrix).toBeNull();
  });

  it("saves the long trend's method and the plan's name, and a cleared name goes back to the sheet's own title", () => {
    const i = inspection();
    const d = draftFrom(i);
    d.datasets.outcomes = { ...d.datasets.outcomes, longTrend: "mean-of-previous-4", planName: " Strategic Plan " };
    const out = changesToSave(i, d);
    expect(out.datasets.outcomes).toMatchObject({ longTrend: "mean-of-previous-4", planName: "Strategic Plan" });
    const s = emptySettings();
    applySettings(s, out.datasets);
    expect(s.datasets.outcomes).toMatchObject({ longTrend: "mean-of-previous-4", planName: "Strategic Plan" });
    const cleared = changesToSave({ ...i, settings: s }, { ...draftFrom({ ...i, settings: s }), datasets: { ...d.datasets, outcomes: { ...d.datasets.outcomes, planName: "" } } });
    applySettings(s, cleared.datasets);
    expect(s.datasets.outcomes.planName).toBeUndefined();
    expect(s.datasets.outcomes.longTrend).toBe("mean-of-previous-4");
  });

  it("saves the council's own area, and clears it when set back to none", () => {
    const s = emptySettings();
    applySettings(s, {}, undefined, "Trafford");
    expect(s.ownArea).toBe("Trafford");
    applySettings(s, {}, undefined, "");
    expect(s.ownArea).toBeUndefined();
  });

  it("saves a changed risk matrix, dropping per-cell levels when its size changes, and refuses one that cannot work", () => {
    const i = inspection();
    const d = draftFrom(i);
    d.matrix = { ...d.matrix, likelihood: ["Low", "Medium", "High", " "] };
    // These labels read the register's H / M / L likelihoods; its impacts are checked against the impact labels.
    i.datasets[2].risk!.values.impact = [1, 2, 5];
    expect(matrixProblem(i, d.matrix)).toBeNull();
    const { matrix } = changesToSave(i, d);
    expect(matrix?.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(matrix?.cellBands).toBeUndefined();
    expect(matrixProblem(i, { ...d.matrix, likelihood: ["Only one"] })).toMatch(/at least two levels/);
  });

  it("starts from the scales and levels the run read from the register, not a default 5 × 5", () => {
    const i = inspection(null);
    const d = draftFrom(i);
    expect(d.matrix.likelihood).toEqual(["Low", "Medium", "High"]);
    expect(d.matrix.impact).toEqual(OWN.impactLabels);
    expect(d.matrix.bands.map((b) => [b.name, b.minScore])).toEqual([["H", 11], ["M - H", 9], ["M", 1]]);
    expect(describeLevels(d.matrix.bands)).toBe("H 11 and above, M - H 9–10, M 8 and below");
    expect(isDirty(i, d)).toBe(false);
    // An edit to one level saves the register's own scales with it, so every risk still reads.
    d.matrix.bands[0] = { ...d.matrix.bands[0], minScore: 12 };
    expect(matrixProblem(i, d.matrix)).toBeNull();
    const { matrix } = changesToSave(i, d);
    expect(matrix?.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(matrix?.bands[0].minScore).toBe(12);
  });

  it("refuses labels the register's values would not read, naming them, before anything is saved", () => {
    const i = inspection(null);
    const d = draftFrom(i);
    const problem = matrixProblem(i, { ...d.matrix, likelihood: [...DEFAULT_MATRIX.likelihoodLabels] });
    expect(problem).toContain("'Risks' has likelihood values these likelihood levels would not read: 'H', 'M', 'L'");
    expect(problem).not.toContain("impact values");
  });

  it("goes back to the register's own levels: Save clears the saved matrix", () => {
    const i = inspection();
    const d = draftFrom(i);
    expect(d.matrix.likelihood).toEqual(DEFAULT_MATRIX.likelihoodLabels);
    const back = withOwnLevels(i, d);
    expect(back.matrix.likelihood).toEqual(["Low", "Medium", "High"]);
    expect(isDirty(i, back)).toBe(true);
    expect(changesToSave(i, back).matrix).toBeNull();
    const s = emptySettings();
    s.riskMatrix = DEFAULT_MATRIX;
    applySettings(s, {}, null);
    expect(s.riskMatrix).toBeNull();
    // With nothing saved, the same button only undoes edits.
    const own = inspection(null);
    const edited = draftFrom(own);
    edited.matrix.bands[0].minScore = 14;
    expect(isDirty(own, withOwnLevels(own, edited))).toBe(false);
  });
});
