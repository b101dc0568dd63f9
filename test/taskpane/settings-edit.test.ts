/**
 * The Settings step's single draft: what one Save writes, and when the pane
 * must warn that edits would be lost.
 */
import { draftFrom, isDirty, changesToSave, matrixProblem, applySettings } from "../../src/taskpane/settings-edit";
import { emptySettings, DEFAULT_MATRIX } from "../../src/core";
import type { Inspection, DatasetInfo } from "../../src/workbook/inspect";

const dataset = (id: string, kind: DatasetInfo["kind"], sheet: string): DatasetInfo => ({
  id, sheet, kind, rows: 10, confidence: 1, headerRow: 1, headers: [], columns: {}, confidenceByRole: {}, runnerUp: {}, groups: [], planName: kind === "outcomes" ? "Strategic Plan 2021-24 outcome measures" : null,
});

function inspection(): Inspection {
  const settings = emptySettings();
  settings.riskMatrix = { ...DEFAULT_MATRIX, cellBands: DEFAULT_MATRIX.likelihoodLabels.map(() => DEFAULT_MATRIX.impactLabels.map(() => "Low")) };
  return {
    datasets: [dataset("outcomes", "outcomes", "Outcomes"), dataset("workplan", "actions", "Workplan"), dataset("risks", "risks", "Risks")],
    period: "Q1 2021/22",
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

  it("saves the council's own area when it is chosen, and clears it when set back to every area", () => {
    const i = inspection();
    const d = draftFrom(i);
    expect(d.ownArea).toBe("");
    const chosen = changesToSave(i, { ...d, ownArea: "Trafford" });
    expect(chosen.ownArea).toBe("Trafford");
    const s = emptySettings();
    applySettings(s, chosen.datasets, chosen.matrix, chosen.ownArea);
    expect(s.ownArea).toBe("Trafford");
    applySettings(s, {}, undefined, "");
    expect(s.ownArea).toBeUndefined();
    expect(changesToSave(i, d).ownArea).toBeUndefined();
  });

  it("saves a changed risk matrix, dropping per-cell levels when its size changes, and refuses one that cannot work", () => {
    const i = inspection();
    const d = draftFrom(i);
    d.matrix = { ...d.matrix, likelihood: ["Low", "Medium", "High", " "] };
    expect(matrixProblem(i, d.matrix)).toBeNull();
    const { matrix } = changesToSave(i, d);
    expect(matrix?.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(matrix?.cellBands).toBeUndefined();
    expect(matrixProblem(i, { ...d.matrix, likelihood: ["Only one"] })).toMatch(/at least two levels/);
  });
});
