import {
  analyseSpc, xmrLimits, XmrLimits, pointBeyondLimits, sevenPointsOneSideOfMean, sevenPointTrend,
  twoInThreeBeyondTwoSigma, anhojRules, binomialQuantile, VARIATION_COLOUR,
} from "../../src/core";

/** Limits around a chosen mean and mean moving range, so each rule is tested on its own. */
function limitsAround(mean: number, mrBar: number): XmrLimits {
  const s3 = 2.66 * mrBar;
  return { mean, meanMovingRange: mrBar, upperProcessLimit: mean + s3, lowerProcessLimit: mean - s3,
    upperTwoSigma: mean + (2 / 3) * s3, lowerTwoSigma: mean - (2 / 3) * s3, baselinePoints: 20, screenedOut: 0 };
}
const flagged = (flags: (string | null)[]) => flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);

describe("XmR limits", () => {
  it("are mean ± 2.66 × mean moving range", () => {
    const l = xmrLimits([10, 12, 11, 13, 10], { screenMovingRanges: false })!;
    expect(l.mean).toBeCloseTo(11.2);
    expect(l.meanMovingRange).toBeCloseTo((2 + 1 + 2 + 3) / 4);
    expect(l.upperProcessLimit).toBeCloseTo(11.2 + 2.66 * 2);
    expect(l.lowerTwoSigma).toBeCloseTo(11.2 - (2 / 3) * 2.66 * 2);
  });

  it("screen out moving ranges of 3.267 × the mean and more by default", () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 40, 10, 11];
    const plain = xmrLimits(values, { screenMovingRanges: false })!;
    const screened = xmrLimits(values)!;
    expect(screened.screenedOut).toBe(2);
    expect(screened.meanMovingRange).toBeCloseTo(1);
    expect(screened.upperProcessLimit).toBeLessThan(plain.upperProcessLimit);
  });

  it("can fix the baseline to the first n points", () => {
    expect(xmrLimits([1, 2, 1, 2, 50, 60], { baseline: 4 })!.mean).toBeCloseTo(1.5);
  });
});

describe("rule: point beyond limits", () => {
  const l = limitsAround(10, 1);
  it("fires above the upper and below the lower process limit", () => {
    expect(pointBeyondLimits([10, 13, 6, 10], l)).toEqual([null, "high", "low", null]);
  });
  it("does not fire inside the limits", () => {
    expect(flagged(pointBeyondLimits([10, 12.6, 7.4, 10], l))).toEqual([]);
  });
});

describe("rule: seven points one side of mean", () => {
  it("fires for seven consecutive points above the mean, flagging all seven", () => {
    expect(flagged(sevenPointsOneSideOfMean([9, 11, 11, 11, 11, 11, 11, 11, 9], 10))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it("fires below the mean too", () => {
    expect(sevenPointsOneSideOfMean([9, 9, 9, 9, 9, 9, 9], 10).every((f) => f === "low")).toBe(true);
  });
  it("does not fire for six", () => {
    expect(flagged(sevenPointsOneSideOfMean([11, 11, 11, 11, 11, 11, 9], 10))).toEqual([]);
  });
  it("is broken by a point exactly on the mean", () => {
    expect(flagged(sevenPointsOneSideOfMean([11, 11, 11, 10, 11, 11, 11, 11], 10))).toEqual([]);
  });
});

describe("rule: seven point trend", () => {
  it("fires for seven points each rising, flagging all seven as high", () => {
    expect(sevenPointTrend([1, 2, 3, 4, 5, 6, 7])).toEqual(Array(7).fill("high"));
  });
  it("fires for a falling trend as low", () => {
    expect(sevenPointTrend([9, 8, 7, 6, 5, 4, 3, 5])).toEqual([...Array(7).fill("low"), null]);
  });
  it("does not fire for six points", () => {
    expect(flagged(sevenPointTrend([1, 2, 3, 4, 5, 6, 1]))).toEqual([]);
  });
  it("is broken by a repeated value", () => {
    expect(flagged(sevenPointTrend([1, 2, 3, 4, 4, 5, 6, 7]))).toEqual([]);
  });
  it("is classed by its direction, not its side of the mean", () => {
    // A rising trend entirely below the mean is still a rise.
    const values = [30, 30, 30, 30, 30, 30, 1, 2, 3, 4, 5, 6, 7];
    expect(sevenPointTrend(values).slice(6)).toEqual(Array(7).fill("high"));
  });
});

describe("rule: two in three beyond 2 sigma", () => {
  const l = limitsAround(10, 1.5); // 2σ lines at 7.34 and 12.66, limits at 6.01 and 13.99
  it("fires for two of three points beyond 2σ with all three on the same side, flagging those two", () => {
    expect(twoInThreeBeyondTwoSigma([10, 13, 11, 13, 10], l)).toEqual([null, "high", null, "high", null]);
  });
  it("does not fire when the third point of the window is on the mean or the other side", () => {
    expect(flagged(twoInThreeBeyondTwoSigma([10, 13, 10, 13, 10], l))).toEqual([]);
    expect(flagged(twoInThreeBeyondTwoSigma([13, 9, 13], l))).toEqual([]);
  });
  it("does not fire when the two points are three apart", () => {
    expect(flagged(twoInThreeBeyondTwoSigma([10, 13, 10, 10, 13, 10], l))).toEqual([]);
  });
  it("does not fire for points on opposite sides", () => {
    expect(flagged(twoInThreeBeyondTwoSigma([10, 13, 7, 10], l))).toEqual([]);
  });
  it("does not count a point beyond the process limit, unless that convention is named", () => {
    expect(flagged(twoInThreeBeyondTwoSigma([11, 15, 13, 11], l))).toEqual([]);
    expect(twoInThreeBeyondTwoSigma([11, 15, 13, 11], l, true)).toEqual([null, "high", "high", null]);
  });
});

describe("variation and assurance", () => {
  const steady = [50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 51, 49, 50];

  it("calls a steady series common cause", () => {
    const r = analyseSpc(steady, { polarity: "Maximise" })!;
    expect(r.variation).toBe("Common cause");
    expect(r.problems).toEqual([]);
    expect(r.trialLimits).toBe(false);
  });

  it("reads a high special cause as improvement when higher is better, concern when lower is", () => {
    const jump = [...steady.slice(0, 14), 80];
    expect(analyseSpc(jump, { polarity: "Maximise" })!.variation).toBe("Special cause improvement");
    expect(analyseSpc(jump, { polarity: "Minimise" })!.variation).toBe("Special cause concern");
    expect(analyseSpc(jump, { polarity: null })!.variation).toBe("Special cause neither");
  });

  it("gives each variation the NHS icon colour", () => {
    expect(VARIATION_COLOUR["Common cause"]).toBe("#A6A6A6");
  });

  it("assures a target only when it lies outside the process limits", () => {
    expect(analyseSpc(steady, { polarity: "Maximise", target: 40 })!.assurance).toBe("Consistently passing");
    expect(analyseSpc(steady, { polarity: "Maximise", target: 60 })!.assurance).toBe("Consistently failing");
    expect(analyseSpc(steady, { polarity: "Maximise", target: 51 })!.assurance).toBe("Hit and miss");
    expect(analyseSpc(steady, { polarity: "Minimise", target: 40 })!.assurance).toBe("Consistently failing");
  });

  it("warns at 12 points or fewer and calls their limits trial limits", () => {
    const r = analyseSpc([30, 25, 39, 48, 69], { polarity: "Maximise" })!;
    expect(r.trialLimits).toBe(true);
    expect(r.problems[0]).toMatchObject({ code: "spc.short-series", severity: "warning" });
    expect(r.problems[0].message).toMatch(/trial limits/);
    expect(analyseSpc(steady.slice(0, 12), { polarity: "Maximise" })!.trialLimits).toBe(true);
    expect(analyseSpc(steady.slice(0, 13), { polarity: "Maximise" })!.trialLimits).toBe(false);
    expect(analyseSpc(steady.slice(0, 13), { polarity: "Maximise" })!.problems).toEqual([]);
  });

  it("has nothing to say about fewer than two points", () => {
    expect(analyseSpc([5], { polarity: "Maximise" })).toBeNull();
  });
});

describe("run-chart signals (Anhøj rules) for short series", () => {
  it("matches R's qbinom for the crossings limit", () => {
    expect(binomialQuantile(0.05, 9)).toBe(2);
    expect(binomialQuantile(0.05, 15)).toBe(4);
  });

  it("finds a shift and too few crossings in a series that steps up", () => {
    const r = anhojRules([3, 4, 3, 4, 3, 4, 3, 4, 8, 9, 8, 9, 8, 9, 8, 9])!;
    expect(r).toMatchObject({ longestRun: 8, longestRunLimit: 7, shift: true, crossings: 1, crossingsLimit: 4, fewCrossings: true });
  });

  it("finds nothing in a series that crosses its median often", () => {
    const r = anhojRules([1, 9, 2, 8, 3, 7, 4, 6, 2, 8])!;
    expect(r.shift).toBe(false);
    expect(r.fewCrossings).toBe(false);
  });

  it("leaves points on the median out of runs and crossings", () => {
    expect(anhojRules([1, 5, 9, 5, 1, 5, 9])!.usefulPoints).toBe(4);
  });
});
