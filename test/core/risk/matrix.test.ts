/** A risk matrix as configuration: reading levels, banding, checking a matrix a user set (src/core/risk/matrix.ts). */
import { parseLevel, bandOf, bandOfScore, checkMatrix, DEFAULT_MATRIX, RiskMatrix } from "../../../src/core/risk/matrix";
import { ok } from "../../../src/core/problems";

describe("parseLevel", () => {
  it("reads a number, a label in any case, '4 - Likely' and 'Likely (4)'", () => {
    expect(parseLevel(4, DEFAULT_MATRIX, "likelihood")).toEqual(ok(4));
    expect(parseLevel("almost certain", DEFAULT_MATRIX, "likelihood")).toEqual(ok(5));
    expect(parseLevel("4 - Likely", DEFAULT_MATRIX, "likelihood")).toEqual(ok(4));
    expect(parseLevel("Major (4)", DEFAULT_MATRIX, "impact")).toEqual(ok(4));
    expect(parseLevel(null, DEFAULT_MATRIX, "impact")).toEqual(ok(null));
  });

  it("refuses a level off the scale, saying what it expected", () => {
    const got = parseLevel("Sometimes", DEFAULT_MATRIX, "likelihood");
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.problem.message).toBe("'Sometimes' is not a likelihood: expected 1–5 or one of Rare, Unlikely, Possible, Likely, Almost Certain");
    expect(parseLevel(6, DEFAULT_MATRIX, "impact").ok).toBe(false);
  });
});

describe("bandOf and bandOfScore", () => {
  it("band by score on the default 5 × 5: High 10+, Medium 5–9, Low 4 and below", () => {
    expect([bandOf(5, 5), bandOf(2, 5), bandOf(2, 2)].map((b) => b.name)).toEqual(["High", "High", "Low"]);
    expect([bandOfScore(9), bandOfScore(5), bandOfScore(1)].map((b) => b.name)).toEqual(["Medium", "Medium", "Low"]);
  });

  it("follows a per-cell table where the matrix gives one", () => {
    const m: RiskMatrix = { ...DEFAULT_MATRIX, cellBands: DEFAULT_MATRIX.likelihoodLabels.map((_, l) => DEFAULT_MATRIX.impactLabels.map((__, i) => (i === 4 ? "High" : l === 0 ? "Low" : "Medium"))) };
    expect(bandOf(1, 5, m).name).toBe("High");
    expect(bandOf(1, 1, m).name).toBe("Low");
    expect(bandOf(5, 4, m).name).toBe("Medium");
  });
});

describe("checkMatrix", () => {
  it("accepts the default matrix", () => {
    expect(checkMatrix(DEFAULT_MATRIX)).toEqual([]);
  });

  it("says what is wrong with a matrix a user set", () => {
    const bad: RiskMatrix = { likelihoodLabels: ["Only"], impactLabels: ["A", "B"], bands: [{ name: "Low", minScore: 1, colour: "#000" }, { name: "High", minScore: 9, colour: "#111" }], cellBands: [["Low", "Severe"]] };
    expect(checkMatrix(bad)).toEqual([
      "a matrix needs at least two levels on each axis",
      "band High must start below band Low",
      "cell band 'Severe' is not one of the bands",
    ]);
  });
});
