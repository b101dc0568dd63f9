/**
 * Which of a register's likelihood × impact pairs is inherent, current and
 * target, and when the choice is in doubt (src/core/risk/pairs.ts).
 */
import { stageOf, pairAxes, readPairs, AxisColumn, ValueColumn, STAGES } from "../../../src/core/risk/pairs";

const L = (col: number, stage: AxisColumn["stage"] = null, literal = false): AxisColumn => ({ col, axis: "likelihood", stage, literal });
const I = (col: number, stage: AxisColumn["stage"] = null, literal = false): AxisColumn => ({ col, axis: "impact", stage, literal });
const name = (col: number) => `'Likelihood' ${String.fromCharCode(65 + col)}`;

describe("stageOf", () => {
  it("reads the words registers put on each pair", () => {
    expect(["Inherent risk", "Pre-mitigation", "Initial Risk", "Gross", "Before controls", "Unmitigated score"].map(stageOf)).toEqual(Array(6).fill("inherent"));
    expect(["Current risk", "Post-mitigation", "Residual", "Net", "Revised", "Step 4: Reviewed Level of Risk"].map(stageOf)).toEqual(Array(6).fill("current"));
    expect(["Target risk", "Target Likelihood (1-5)", "Desired"].map(stageOf)).toEqual(Array(3).fill("target"));
    expect(["Likelihood", "Qualitative (Phase 1)", ""].map(stageOf)).toEqual([null, null, null]);
  });

  it("lists the stages in the order a register runs them", () => {
    expect(STAGES).toEqual(["inherent", "current", "target"]);
  });
});

describe("pairAxes", () => {
  it("pairs columns that name the same stage, wherever they are", () => {
    const got = pairAxes([L(2, "inherent"), L(3, "current"), I(4, "inherent"), I(5, "current")]);
    expect(got.map((p) => [p.stage, p.likelihood.col, p.impact.col])).toEqual([["inherent", 2, 4], ["current", 3, 5]]);
  });

  it("pairs the rest side by side, either way round, and leaves a column with no partner out", () => {
    const got = pairAxes([L(2), I(3), I(5), L(6), L(9)]);
    expect(got.map((p) => [p.likelihood.col, p.impact.col])).toEqual([[2, 3], [6, 5]]);
  });
});

describe("readPairs", () => {
  it("gives nothing to choose for a single pair", () => {
    expect(readPairs([L(2), I(3)], [], name)).toBeNull();
  });

  it("scores on the pair named current, with its own score column, and is sure", () => {
    const values: ValueColumn[] = [{ col: 4, kind: "score", stage: null }, { col: 7, kind: "score", stage: null }];
    const got = readPairs([L(2, "inherent"), I(3, "inherent"), L(5, "current"), I(6, "current")], values, name)!;
    expect(got.current).toMatchObject({ stage: "current", likelihood: 5, impact: 6, score: 7, by: "words" });
    expect(got.pairs[0]).toMatchObject({ stage: "inherent", score: 4 });
    expect(got.doubt).toBeNull();
  });

  it("takes a pair's stage from its own level column ('Initial Risk' after an unnamed pair)", () => {
    const got = readPairs([L(2), I(3), L(5, "current"), I(6, "current")], [{ col: 4, kind: "level", stage: "inherent" }], name)!;
    expect(got.pairs.map((p) => [p.stage, p.by, p.level])).toEqual([["inherent", "words", 4], ["current", "words", undefined]]);
    expect(got.doubt).toBeNull();
  });

  it("takes an unnamed pair as the current one when the others are named, without doubt", () => {
    const got = readPairs([L(2), I(3), L(4, "target"), I(5, "target")], [], name)!;
    expect(got.current).toMatchObject({ stage: "current", likelihood: 2, by: "position" });
    expect(got.doubt).toBeNull();
  });

  it("reads unnamed pairs by their place (inherent, current, target) and says the choice is in doubt", () => {
    const two = readPairs([L(3), I(4), L(7), I(8)], [], name)!;
    expect(two.pairs.map((p) => p.stage)).toEqual(["inherent", "current"]);
    expect(two.doubt).toBe("two likelihood × impact pairs ('Likelihood' D and 'Likelihood' H) and no word says which is current: scored on 'Likelihood' H, the later one");
    const three = readPairs([L(2), I(3), L(5), I(6), L(8), I(9)], [], name)!;
    expect(three.pairs.map((p) => p.stage)).toEqual(["inherent", "current", "target"]);
    expect(three.current.likelihood).toBe(5);
    expect(three.doubt).toMatch(/^three likelihood × impact pairs .* no word says which is current: scored on 'Likelihood' F, read by position as inherent/);
  });

  it("doubts a register whose pairs are inherent and target, with no current one, and scores on the inherent", () => {
    const got = readPairs([L(2, "inherent"), I(3, "inherent"), L(4, "target"), I(5, "target")], [], name)!;
    expect(got.current.stage).toBe("inherent");
    expect(got.doubt).toMatch(/none is the current one: scored on 'Likelihood' C, the inherent pair/);
  });

  it("prefers the pair that says 'current' outright when two claim to be current, and names both in the doubt", () => {
    const got = readPairs([L(2, "current", true), I(3, "current", true), L(4, "current"), I(5, "current")], [], name)!;
    expect(got.current.likelihood).toBe(2);
    expect(got.extra.map((p) => p.likelihood)).toEqual([4]);
    expect(got.doubt).toMatch(/more than one says it is the current pair: scored on 'Likelihood' C/);
  });
});
