/**
 * Conformance with the reference implementations. Every case below is taken
 * from the test suite or snapshots of
 *   NHSRplotthedots (github.com/nhs-r-community/NHSRplotthedots, commit 050b07d), and
 *   qicharts2 (github.com/anhoej/qicharts2, commit 1b9487e),
 * series in, limits / point types / variation / assurance / runs and crossings out.
 * Each case names the file it comes from; data values are theirs, the code is ours.
 */
import {
  analyseSpc, xmrLimits, movingRanges, XmrLimits, pointBeyondLimits, sevenPointsOneSideOfMean, sevenPointTrend,
  twoInThreeBeyondTwoSigma, typePoints, anhojRules, assuranceOf, SPC_CONVENTIONS, NHSR_PLOT_THE_DOTS, FlagsByRule,
} from "../../src/core";

const NHSR = "nhs-r-community/NHSRplotthedots";
const QIC = "anhoej/qicharts2";

/** A rule's flags as the 0/1 vectors NHSRplotthedots' tests write. */
const flagged = (flags: (string | null)[]) => flags.map((f) => (f ? 1 : 0));

/** R: set.seed(123); rnorm(20), the series NHSRplotthedots' ptd_spc and ptd_spc_standard tests use. */
const RNORM_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
  1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.7013559, -0.47279141,
];

describe(`${NHSR} tests/testthat/_snaps/ptd_spc_standard.md (limits, screened moving ranges)`, () => {
  it("r1: rnorm(20), screened: mean 0.1416238, lpl -3.01138, upl 3.294627, every point inside, sides as snapshotted", () => {
    const l = xmrLimits(RNORM_123)!;
    expect(l.mean).toBeCloseTo(0.1416238, 6);
    expect(l.lowerProcessLimit).toBeCloseTo(-3.01138, 5);
    expect(l.upperProcessLimit).toBeCloseTo(3.294627, 5);
    expect(flagged(pointBeyondLimits(RNORM_123, l))).toEqual(Array(20).fill(0));
    expect(RNORM_123.slice(0, 15).map((v) => Math.sign(v - l.mean))).toEqual([-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1]);
  });

  const withOutlier = RNORM_123.map((v, i) => (i === 14 ? 10 : v)); // data$y[15] <- 10
  it("r2: y[15] = 10, screened (the default): mean 0.6694159, lpl -2.383666, upl 3.722497", () => {
    const l = xmrLimits(withOutlier)!;
    expect(l.mean).toBeCloseTo(0.6694159, 6);
    expect(l.lowerProcessLimit).toBeCloseTo(-2.383666, 5);
    expect(l.upperProcessLimit).toBeCloseTo(3.722497, 5);
    expect(l.screenedOut).toBe(2);
    expect(withOutlier.slice(0, 14).map((v) => Math.sign(v - l.mean))).toEqual([-1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1]);
  });

  it("r3: y[15] = 10, screen_outliers = FALSE: lpl -4.596625, upl 5.935457 (wider than r2)", () => {
    const l = xmrLimits(withOutlier, { screenMovingRanges: false })!;
    expect(l.lowerProcessLimit).toBeCloseTo(-4.596625, 5);
    expect(l.upperProcessLimit).toBeCloseTo(5.935457, 5);
    expect(analyseSpc(withOutlier, { polarity: "Maximise" })!.limits.upperProcessLimit).toBeCloseTo(3.722497, 5);
  });
});

describe(`${NHSR} tests/testthat/_snaps/ptd_spc.md (summary)`, () => {
  it("rnorm(20), increase: mean 0.142, lpl -3.01, upl 3.29, n 20, common cause 20, improvement 0, concern 0", () => {
    const r = analyseSpc(RNORM_123, { polarity: "Maximise" })!;
    expect(r.limits.mean).toBeCloseTo(0.142, 3);
    expect(r.limits.lowerProcessLimit).toBeCloseTo(-3.01, 2);
    expect(r.limits.upperProcessLimit).toBeCloseTo(3.29, 2);
    expect(r.points.filter((p) => p.variation === "Common cause")).toHaveLength(20);
    expect(r.variation).toBe("Common cause");
  });

  it("facet 0 (first ten points): mean 0.0746, lpl -2.60, upl 2.75, all common cause", () => {
    const r = analyseSpc(RNORM_123.slice(0, 10), { polarity: "Maximise" })!;
    expect(r.limits.mean).toBeCloseTo(0.0746, 4);
    expect(r.limits.lowerProcessLimit).toBeCloseTo(-2.6, 2);
    expect(r.limits.upperProcessLimit).toBeCloseTo(2.75, 2);
    expect(r.points.every((p) => p.variation === "Common cause")).toBe(true);
  });

  it("facet 1 (last ten points): mean 0.209, lpl -3.28, upl 3.70, all common cause", () => {
    const r = analyseSpc(RNORM_123.slice(10), { polarity: "Maximise" })!;
    expect(r.limits.mean).toBeCloseTo(0.209, 3);
    expect(r.limits.lowerProcessLimit).toBeCloseTo(-3.28, 2);
    expect(r.limits.upperProcessLimit).toBeCloseTo(3.7, 2);
    expect(r.points.every((p) => p.variation === "Common cause")).toBe(true);
  });

  it("summary with a target of 0.5 (inside the limits): hit and miss, as R/ptd_calculate_assurance_type.R calls it 'inconsistent'", () => {
    expect(analyseSpc(RNORM_123, { polarity: "Maximise", target: 0.5 })!.assurance).toBe("Hit and miss");
  });
});

describe(`${NHSR} tests/testthat/test-ptd_spc_standard.R`, () => {
  it("only reports 2 of 3 close to the limits when they are on the same side of the mean", () => {
    const data: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    data[14] = 5.5;
    data[15] = -5.5;
    const r = analyseSpc(data, { polarity: "Maximise" })!;
    expect(r.points.slice(-2).map((p) => p.variation)).toEqual(["Common cause", "Common cause"]);
  });
});

describe(`${NHSR} tests/testthat/test-ptd_calculate_point_type.R: ptd_seven_point_one_side_mean (with ptd_part_of_seven_trend)`, () => {
  // Their input is relative_to_mean; their output marks the 7th point on, and part_of_seven_trend spreads it over the run.
  const cases: [number[], number[]][] = [
    [[], []],
    [[1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]],
    [[1, 1, 1, 1, 1, 1, -1], [0, 0, 0, 0, 0, 0, 0]],
    [[1, 1, 1, 1, 1, 1, 1, 1, -1], [1, 1, 1, 1, 1, 1, 1, 1, 0]],
    [[-1, -1, -1, -1, -1, -1, -1, -1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0]],
  ];
  it.each(cases)("relative to mean %j flags %j", (rtm, expected) => {
    expect(flagged(sevenPointsOneSideOfMean(rtm, 0))).toEqual(expected);
  });
});

describe(`${NHSR} tests/testthat/test-ptd_calculate_point_type.R: ptd_seven_point_trend (with ptd_part_of_seven_trend)`, () => {
  const seq = (a: number, b: number) => Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => (a < b ? a + i : a - i));
  const cases: [string, number[], (string | null)[]][] = [
    ["numeric()", [], []],
    ["1:6", seq(1, 6), Array(6).fill(null)],
    ["c(1:3, 3:6)", [...seq(1, 3), ...seq(3, 6)], Array(7).fill(null)],
    ["1:7", seq(1, 7), Array(7).fill("high")],
    ["c(2, 1:7, 3)", [2, ...seq(1, 7), 3], [null, ...Array(7).fill("high"), null]],
    ["7:1", seq(7, 1), Array(7).fill("low")],
    ["c(2, 7:1, 3)", [2, ...seq(7, 1), 3], [null, ...Array(7).fill("low"), null]],
  ];
  it.each(cases)("%s", (_name, y, expected) => {
    expect(sevenPointTrend(y)).toEqual(expected);
  });
});

/** Limits with mean 0, 2σ at ±2 and 3σ at ±3, and a series whose points are 2.5 × side where "close to limits" and 1 × side otherwise. */
const UNIT: XmrLimits = { mean: 0, meanMovingRange: 3 / 2.66, upperProcessLimit: 3, lowerProcessLimit: -3, upperTwoSigma: 2, lowerTwoSigma: -2, baselinePoints: 20, screenedOut: 0 };
const seriesOf = (close: number[], rtm: number[]) => close.map((c, i) => rtm[i] * (c ? 2.5 : 1));

describe(`${NHSR} tests/testthat/test-ptd_calculate_point_type.R: ptd_two_in_three and ptd_part_of_two_in_three`, () => {
  // [close_to_limits, relative_to_mean, points flagged]: the flagged points are the close ones in a qualifying window.
  const cases: [string, number[], number[], number[]][] = [
    ["d: same side", [1, 0, 1], [1, 1, 1], [1, 0, 1]],
    ["e: same side", [0, 1, 1], [1, 1, 1], [0, 1, 1]],
    ["f: same side", [1, 1, 0], [1, 1, 1], [1, 1, 0]],
    ["g: same side", [0, 0, 1, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 0, 1, 0, 0]],
    ["h: same side", [0, 0, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 0, 0, 0]],
    ["hv: three apart", [1, 0, 0, 1], [1, 1, 1, 1], [0, 0, 0, 0]],
    ["iv: one alone, two together", [1, 0, 0, 1, 1], [1, 1, 1, 1, 1], [0, 0, 0, 1, 1]],
    ["d: opposite sides", [1, 0, 1], [1, -1, 1], [0, 0, 0]],
    ["e: opposite sides", [0, 1, 1], [1, -1, 1], [0, 0, 0]],
    ["f: opposite sides", [1, 1, 0], [1, -1, 1], [0, 0, 0]],
    ["g: opposite sides", [0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1], [0, 0, 0, 0, 0, 0, 0]],
    ["h: opposite sides", [0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1], [0, 0, 0, 0, 0, 0, 0]],
  ];
  it.each(cases)("%s", (_name, close, rtm, expected) => {
    expect(flagged(twoInThreeBeyondTwoSigma(seriesOf(close, rtm), UNIT))).toEqual(expected);
  });

  it("points beyond the limits are not close to them (R/ptd_spc_standard.R: close_to_limits = !outside_limits & …)", () => {
    expect(flagged(twoInThreeBeyondTwoSigma([3.5, 2.5, 1], UNIT))).toEqual([0, 0, 0]);
    expect(flagged(twoInThreeBeyondTwoSigma([3.5, 2.5, 1], UNIT, SPC_CONVENTIONS["two-in-three counts points beyond limits"].twoInThreeCountsPointsBeyondLimits))).toEqual([1, 1, 0]);
  });
});

describe(`${NHSR} tests/testthat/test-ptd_calculate_point_type.R: ptd_special_cause_type (one type per point by precedence)`, () => {
  it("trend, then run of seven, then two in three, then beyond limits, in the test's own mix", () => {
    // The test's mocked inputs: y = 1:8 (rising), relative_to_mean c(1,1,1,1,-1,-1,-1,-1), outside_limits c(0,0,0,0,0,1,-1,0),
    // part of a seven point trend c(1,-1,0,…), part of seven one side c(0,0,1,-1,0,…), part of two in three at point 5.
    const byRule: FlagsByRule = {
      "Point beyond limits": [null, null, null, null, null, "low", "low", null],
      "Seven point trend": ["high", "high", null, null, null, null, null, null],
      "Two in three beyond 2 sigma": [null, null, null, null, "low", null, null, null],
      "Seven points one side of mean": [null, null, "high", "high", null, null, null, null],
    };
    const types = typePoints([1, 2, 3, 4, 5, 6, 7, 8], byRule, "Maximise").map((p) => (p.rule ? `${p.rule} ${p.side}` : "Common cause"));
    expect(types).toEqual([
      "Seven point trend high", "Seven point trend high", // 7 Point Trend (Increasing)
      "Seven points one side of mean high", "Seven points one side of mean high", // 7 Points Above CL
      "Two in three beyond 2 sigma low", // 2 in 3 Below CL
      "Point beyond limits low", "Point beyond limits low", // Below LCL
      "Common cause",
    ]);
  });

  it("a point flagged by several rules takes the first in precedence, never 'neither' (ptd_point_type)", () => {
    const byRule: FlagsByRule = {
      "Point beyond limits": ["high"],
      "Seven point trend": ["low"],
      "Two in three beyond 2 sigma": [null],
      "Seven points one side of mean": ["high"],
    };
    const [p] = typePoints([9], byRule, "Minimise");
    expect(p).toMatchObject({ rule: "Point beyond limits", side: "high", variation: "Special cause concern" });
    expect(p.rules).toEqual(["Point beyond limits", "Seven point trend", "Seven points one side of mean"]);
    expect(typePoints([9], byRule, null)[0].variation).toBe("Special cause neither"); // improvement_direction neutral
  });
});

describe(`${NHSR} tests/testthat/test-ptd_calculate_assurance_type.R`, () => {
  // Three facets: lpl 1, 5, 1; upl 3, 7, 5; target 4.
  const facets = [[1, 3], [5, 7], [1, 5]];
  it("increase: consistent fail, consistent pass, inconsistent", () => {
    expect(facets.map(([l, u]) => assuranceOf(4, u, l, "Maximise"))).toEqual(["Consistently failing", "Consistently passing", "Hit and miss"]);
  });
  it("decrease: consistent pass, consistent fail, inconsistent", () => {
    expect(facets.map(([l, u]) => assuranceOf(4, u, l, "Minimise"))).toEqual(["Consistently passing", "Consistently failing", "Hit and miss"]);
  });
  it("neutral: no assurance", () => {
    expect(facets.map(([l, u]) => assuranceOf(4, u, l, null))).toEqual(["No target", "No target", "No target"]);
  });
  it("no target: no assurance", () => {
    expect(assuranceOf(null, 3, 1, "Maximise")).toBe("No target");
  });
});

describe(`${NHSR} tests/testthat/test-ptd_add_short_group_warnings.R and R/ptd_add_short_group_warnings.R`, () => {
  const steady = (n: number) => Array.from({ length: n }, (_, i) => 50 + ((i * 7) % 5));
  const warned = (n: number, threshold?: number) =>
    analyseSpc(steady(n), { polarity: "Maximise", convention: threshold ? { ...NHSR_PLOT_THE_DOTS, shortSeriesBelow: threshold } : undefined })!
      .problems.some((p) => p.code === "spc.short-series");
  it("warns when a group is shorter than the threshold (11 points, threshold 12)", () => expect(warned(11, 12)).toBe(true));
  it("does not warn when a group equals the threshold (12 points, threshold 12)", () => expect(warned(12, 12)).toBe(false));
  it("does not warn for 20 points", () => expect(warned(20, 12)).toBe(false));
  it("warns for a short group of 5", () => expect(warned(5, 12)).toBe(true));
  it("by default (option ptd_spc.warning_threshold, 13) warns at 12 points and calls their limits trial limits", () => {
    expect(warned(12)).toBe(true);
    expect(analyseSpc(steady(12), { polarity: "Maximise" })!.trialLimits).toBe(true);
    expect(warned(13)).toBe(false);
  });
});

/** Montgomery table 6.7 (weekly cost), as qicharts2's tests chart it. */
const MONTGOMERY_6_7 = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
  305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328];

describe(`${QIC} tests/testthat/test_montgomery.R: I and MR charts (ex_6.5_3.rds, ex_6.5_4.rds)`, () => {
  const qic = SPC_CONVENTIONS["qicharts2 limits"];
  it("I chart frozen after 20 points: cl 300.5, lcl 279.7833, ucl 321.2167; points 39 and 40 beyond the limits", () => {
    const l = xmrLimits(MONTGOMERY_6_7, { baseline: 20, screenMovingRanges: qic.screenMovingRanges, limitFactor: qic.limitFactor })!;
    expect(l.mean).toBe(300.5);
    expect(l.lowerProcessLimit).toBeCloseTo(279.78331466965284, 9);
    expect(l.upperProcessLimit).toBeCloseTo(321.21668533034716, 9);
    const beyond = pointBeyondLimits(MONTGOMERY_6_7, l).map((f, i) => (f ? i + 1 : 0)).filter(Boolean);
    expect(beyond).toEqual([39, 40]);
  });

  it("the same chart through analyseSpc with the named qicharts2 convention", () => {
    const r = analyseSpc(MONTGOMERY_6_7, { polarity: "Minimise", baselinePoints: 20, convention: qic })!;
    expect(r.convention).toBe("qicharts2 limits");
    expect(r.limits.upperProcessLimit).toBeCloseTo(321.21668533034716, 9);
    expect(r.points[38]).toMatchObject({ rule: "Point beyond limits", side: "high", variation: "Special cause concern" });
  });

  it("MR chart: the moving ranges, their mean over the baseline 7.7895, and 3.267 × that (25.448) as the screening line", () => {
    const mr = movingRanges(MONTGOMERY_6_7);
    expect(mr.slice(0, 5)).toEqual([22, 9, 1, 9, 4]);
    const l = xmrLimits(MONTGOMERY_6_7, { baseline: 20, screenMovingRanges: false })!;
    expect(l.meanMovingRange).toBeCloseTo(7.7894736842105265, 12);
    expect(3.267 * l.meanMovingRange).toBeCloseTo(25.44821052631579, 9);
    // ex_6.5_4's sigma signal: the one moving range above that line, 28 (point 39).
    expect(mr.map((m, i) => (m > 3.267 * l.meanMovingRange ? i + 2 : 0)).filter(Boolean)).toEqual([39]);
  });
});

/** y and centre line of each qicharts2 reference chart (excluded points left out), with its runs analysis. */
const RUNS: { source: string; y: number[]; centre: number; expected: Record<string, number | boolean> }[] = [
  {
    source: "tests/testthat/ex_6.3_1.rds",
    y: [74.0102, 74.0006, 74.008, 74.003, 74.0034, 73.9956, 74, 73.9968, 74.0042, 73.998, 73.9942, 74.0014, 73.9984, 73.9902, 74.006, 73.9966, 74.0008, 74.0074, 73.9982, 74.0092, 73.9998, 74.0016, 74.0024, 74.0052, 73.9982],
    centre: 74.00117599999999,
    expected: { usefulPoints: 25, longestRun: 3, longestRunLimit: 8, crossings: 15, crossingsLimit: 8, signal: false },
  },
  {
    source: "tests/testthat/ex_6.3_2.rds",
    y: [0.014771594362153969, 0.00750333259291863, 0.014747881203753907, 0.009082951062295166, 0.012218837915282027, 0.00870631954387225, 0.005522680508591695, 0.012255610959883655, 0.005540758070875246, 0.0062849025449911436, 0.0028635642126590183, 0.004219004621949775, 0.0104546640309463, 0.015303594349042072, 0.007314369419162878, 0.0077974354758484085, 0.010568822072491246, 0.006985699678629898, 0.008467585252007444, 0.007981227975693348, 0.012153188881935914, 0.0074363969770342075, 0.011928956366757275, 0.008700574693664745, 0.016177144370995655],
    centre: 0.009399483885737435,
    expected: { usefulPoints: 25, longestRun: 4, longestRunLimit: 8, crossings: 16, crossingsLimit: 8, signal: false },
  },
  {
    source: "tests/testthat/ex_6.4_1.rds",
    y: [74.0102, 73.99600000000001, 74.008, 74.003, 74.0034, 73.99625, 73.99875, 73.9968, 74.00425, 73.998, 73.9942, 74.0014, 73.99433333333333, 73.9902, 74.008, 73.9966, 73.99925, 74.0074, 73.9982, 74.00766666666667, 73.9998, 74.0016, 74.0024, 74.0052, 73.9982],
    centre: 74.00075221238937,
    expected: { usefulPoints: 25, longestRun: 3, longestRunLimit: 8, crossings: 15, crossingsLimit: 8, signal: false },
  },
  {
    source: "tests/testthat/ex_6.4_2.rds",
    y: [0.014771594362153969, 0.004582575694956014, 0.014747881203753907, 0.009082951062295166, 0.012218837915282027, 0.00991211380079988, 0.0054999999999991315, 0.012255610959883655, 0.006396613687462012, 0.0062849025449911436, 0.0028635642126590183, 0.004219004621949775, 0.010016652800874567, 0.015303594349042072, 0.008717797887077331, 0.0077974354758484085, 0.011528949070345343, 0.006985699678629898, 0.008467585252007444, 0.0068068592855569715, 0.012153188881935914, 0.0074363969770342075, 0.011928956366757275, 0.008700574693664745, 0.016177144370995655],
    centre: 0.010291177451261065,
    expected: { usefulPoints: 25, longestRun: 5, longestRunLimit: 8, crossings: 16, crossingsLimit: 8, signal: false },
  },
  {
    source: "tests/testthat/ex_6.5_3.rds",
    y: [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304, 305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328],
    centre: 300.5,
    expected: { usefulPoints: 40, longestRun: 6, longestRunLimit: 8, crossings: 20, crossingsLimit: 14, signal: false },
  },
  {
    source: "tests/testthat/ex_6.5_4.rds",
    y: [NaN, 22, 9, 1, 9, 4, 9, 3, 11, 2, 12, 5, 2, 2, 15, 19, 2, 13, 5, 3, 1, 23, 23, 9, 18, 19, 8, 14, 3, 13, 1, 18, 13, 6, 5, 6, 6, 1, 28, 5],
    centre: 7.7894736842105265,
    expected: { usefulPoints: 39, longestRun: 7, longestRunLimit: 8, crossings: 21, crossingsLimit: 14, signal: false },
  },
  {
    source: "tests/testthat/ex_7.1_5.rds (part 1)",
    y: [0.24, 0.3, 0.16, 0.2, 0.08, 0.14, 0.32, 0.18, 0.28, 0.2, 0.1, 0.12, 0.34, 0.24, 0.16, 0.2, 0.1, 0.26, 0.22, 0.4, 0.36, 0.3, 0.18, 0.24, 0.14, 0.26, 0.18, 0.12],
    centre: 0.215,
    expected: { usefulPoints: 28, longestRun: 5, longestRunLimit: 8, crossings: 13, crossingsLimit: 9, signal: false },
  },
  {
    source: "tests/testthat/ex_7.1_5.rds (part 2)",
    y: [0.18, 0.12, 0.24, 0.1, 0.12, 0.08, 0.12, 0.06, 0.14, 0.12, 0.04, 0.08, 0.06, 0.12, 0.1, 0.08, 0.16, 0.1, 0.12, 0.14, 0.1, 0.12, 0.06, 0.1, 0.16, 0.14, 0.1, 0.12, 0.08, 0.1, 0.04, 0.06, 0.08, 0.14, 0.12, 0.1, 0.1, 0.06, 0.14, 0.18, 0.12, 0.2, 0.08, 0.06, 0.1, 0.16, 0.22, 0.18, 0.14, 0.06, 0.1, 0.04, 0.02, 0.08, 0.1, 0.06, 0.14, 0.12, 0.08, 0.08, 0.12, 0.16, 0.1, 0.12],
    centre: 0.1096875,
    expected: { usefulPoints: 64, longestRun: 7, longestRunLimit: 9, crossings: 30, crossingsLimit: 25, signal: false },
  },
  {
    source: "tests/testthat/ex_7.3_3.rds",
    y: [21, 24, 16, 12, 15, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 30, 24, 16, 19, 17, 15, 16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21],
    centre: 19.666666666666668,
    expected: { usefulPoints: 44, longestRun: 8, longestRunLimit: 8, crossings: 14, crossingsLimit: 16, signal: true },
  },
  {
    source: "tests/testthat/ex_7.4_1.rds",
    y: [0.04, 0.06, 0.16, 0.02, 0.02, 0.08, 0.02, 0.08, 0.1, 0.02, 0.16, 0.04, 0.08, 0.06, 0.08, 0.02, 0.16, 0.06, 0.14, 0.08],
    centre: 0.074,
    expected: { usefulPoints: 20, longestRun: 2, longestRunLimit: 7, crossings: 15, crossingsLimit: 6, signal: false },
  },
  {
    source: "tests/testthat/ex_7.5_1.rds",
    y: [1.4000000000000001, 1.5, 1.5384615384615385, 1.0999999999999999, 0.7368421052631579, 1, 1.7500000000000002, 1.5238095238095237, 1.5833333333333335, 1.8399999999999999],
    centre: 1.4232558139534883,
    expected: { usefulPoints: 10, longestRun: 4, longestRunLimit: 6, crossings: 3, crossingsLimit: 2, signal: false },
  },
  {
    source: "tests/testthat/ex_7.6_1.rds",
    y: [286.00000000000006, 948.0000000000006, 536.0000000000002, 124.00000000000006, 816.0000000000005, 729.0000000000005, 4, 143.00000000000006, 431.0000000000001, 7.999999999999999, 2837.0000000000023, 596.0000000000002, 81.00000000000004, 227.0000000000001, 603.0000000000003, 492.0000000000003, 1199.0000000000005, 1214.0000000000007, 2831.000000000001, 96.00000000000004],
    centre: 430.04095178975825,
    expected: { usefulPoints: 20, longestRun: 5, longestRunLimit: 7, crossings: 10, crossingsLimit: 6, signal: false },
  },
  {
    source: "tests/testthat/tbl_7.4_1.rds",
    y: [0.12, 0.1, 0.075, 0.09, 0.09090909090909091, 0.10909090909090909, 0.11, 0.16, 0.1111111111111111, 0.06666666666666667, 0.18181818181818182, 0.125, 0.075, 0.06666666666666667, 0.05454545454545454, 0.1, 0.125, 0.0875, 0.05555555555555555, 0.08, 0.05, 0.08, 0.1, 0.06666666666666667, 0.1],
    centre: 0.09551020408163265,
    expected: { usefulPoints: 25, longestRun: 5, longestRunLimit: 8, crossings: 10, crossingsLimit: 8, signal: false },
  },
  {
    source: "tests/testthat/NA_test.rds",
    y: [74.0102, 73.99600000000001, 74.008, 74.003, 74.014, 73.99625, 73.99875, 73.9968, 74.00425, 73.998, 73.99, 74.0014, 73.99433333333333, 73.9902, 74.008, NaN, 73.99925, 74.0074, 73.9982, 74.00766666666667, 73.9998, 74.0016, 74.0024, 74.0052, 73.9982],
    centre: 74.00117999999999,
    expected: { usefulPoints: 24, longestRun: 3, longestRunLimit: 8, crossings: 15, crossingsLimit: 8, signal: false },
  }];

describe(`${QIC} tests/testthat/test_montgomery.R reference data: runs analysis (Anhøj rules)`, () => {
  it.each(RUNS.map((r) => [r.source, r] as const))("%s", (_source, r) => {
    const got = anhojRules(r.y, r.centre)!;
    expect({
      usefulPoints: got.usefulPoints, longestRun: got.longestRun, longestRunLimit: got.longestRunLimit,
      crossings: got.crossings, crossingsLimit: got.crossingsLimit, signal: got.signal,
    }).toEqual(r.expected);
  });
});
