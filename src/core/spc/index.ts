import { Polarity } from "../polarity";
import { Problem } from "../problems";
import { XmrLimits, xmrLimits } from "./limits";
import { pointBeyondLimits } from "./beyond-limits";
import { sevenPointsOneSideOfMean } from "./seven-one-side";
import { sevenPointTrend } from "./seven-point-trend";
import { twoInThreeBeyondTwoSigma } from "./two-in-three";
import { Side } from "./side";
import { Variation, variationOf, Assurance, assuranceOf } from "./variation";
import { anhojRules, RunChartResult } from "./run-chart";
import { SpcConvention, NHSR_PLOT_THE_DOTS } from "./conventions";

export * from "./limits";
export * from "./side";
export * from "./variation";
export * from "./run-chart";
export * from "./conventions";
export * from "./phrase";
export { pointBeyondLimits, sevenPointsOneSideOfMean, sevenPointTrend, twoInThreeBeyondTwoSigma };

export type SpcRule = "Point beyond limits" | "Seven point trend" | "Two in three beyond 2 sigma" | "Seven points one side of mean";

/** The order in which a point flagged by several rules takes its type (NHSRplotthedots' ptd_special_cause_type). */
export const RULE_PRECEDENCE: SpcRule[] = ["Point beyond limits", "Seven point trend", "Two in three beyond 2 sigma", "Seven points one side of mean"];

export interface SpcPoint {
  value: number;
  /** Every rule that flags this point, in order of precedence. */
  rules: SpcRule[];
  /** The rule that gives the point its type, the first in precedence; null for common cause. */
  rule: SpcRule | null;
  /** The side of that rule: above or below the mean, or the direction of a trend. */
  side: Side | null;
  variation: Variation;
}

export interface SpcOptions {
  polarity: Polarity | null;
  target?: number | null;
  /** Calculate the limits from the first n points only (fix the baseline). */
  baselinePoints?: number;
  /** NHSRplotthedots unless another convention is named. */
  convention?: SpcConvention;
}

export interface SpcResult {
  limits: XmrLimits;
  points: SpcPoint[];
  /** The verdict for the latest point. */
  variation: Variation;
  assurance: Assurance;
  /** Limits from a short series are trial limits, revised with each new point. */
  trialLimits: boolean;
  convention: SpcConvention["name"];
  runChart: RunChartResult | null;
  problems: Problem[];
}

export type FlagsByRule = Record<SpcRule, (Side | null)[]>;

/** Each point's type: the first rule in precedence that flags it gives its rule and side. */
export function typePoints(values: number[], byRule: FlagsByRule, polarity: Polarity | null): SpcPoint[] {
  return values.map((value, i) => {
    const rules = RULE_PRECEDENCE.filter((r) => byRule[r][i] !== null);
    const rule = rules[0] ?? null;
    const side = rule ? byRule[rule][i] : null;
    return { value, rules, rule, side, variation: variationOf(side, polarity) };
  });
}

/**
 * An XmR analysis of a series in time order (gaps removed by the caller).
 * Each point gets one type: the first rule that flags it in the order
 * beyond limits, trend, two in three, run of seven; its side and the
 * polarity make it improvement or concern (neither, purple, without a
 * polarity).
 */
export function analyseSpc(values: number[], options: SpcOptions): SpcResult | null {
  const c = options.convention ?? NHSR_PLOT_THE_DOTS;
  const clean = values.filter((v) => Number.isFinite(v));
  const limits = xmrLimits(clean, { baseline: options.baselinePoints, screenMovingRanges: c.screenMovingRanges, limitFactor: c.limitFactor });
  if (!limits) return null;
  const byRule: FlagsByRule = {
    "Point beyond limits": pointBeyondLimits(clean, limits),
    "Seven point trend": sevenPointTrend(clean),
    "Two in three beyond 2 sigma": twoInThreeBeyondTwoSigma(clean, limits, c.twoInThreeCountsPointsBeyondLimits),
    "Seven points one side of mean": sevenPointsOneSideOfMean(clean, limits.mean),
  };
  const points = typePoints(clean, byRule, options.polarity);
  const problems: Problem[] = [];
  const trialLimits = limits.baselinePoints < c.shortSeriesBelow;
  if (clean.length < c.shortSeriesBelow) {
    problems.push({
      code: "spc.short-series",
      severity: "warning",
      message: `only ${clean.length} points: SPC limits from ${c.shortSeriesBelow - 1} points or fewer are trial limits, revised with each new point`,
    });
  }
  return {
    limits,
    points,
    variation: points[points.length - 1].variation,
    assurance: assuranceOf(options.target ?? null, limits.upperProcessLimit, limits.lowerProcessLimit, options.polarity),
    trialLimits,
    convention: c.name,
    runChart: anhojRules(clean),
    problems,
  };
}
