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

export * from "./limits";
export * from "./side";
export * from "./variation";
export * from "./run-chart";
export { pointBeyondLimits, sevenPointsOneSideOfMean, sevenPointTrend, twoInThreeBeyondTwoSigma };

export type SpcRule = "Point beyond limits" | "Seven points one side of mean" | "Seven point trend" | "Two in three beyond 2 sigma";

export interface SpcPoint {
  value: number;
  /** The rules that flag this point, each with the side it flags. */
  rules: { rule: SpcRule; side: Side }[];
  variation: Variation;
}

export interface SpcOptions {
  polarity: Polarity | null;
  target?: number | null;
  /** Calculate the limits from the first n points only (fix the baseline). */
  baselinePoints?: number;
  screenMovingRanges?: boolean;
}

export interface SpcResult {
  limits: XmrLimits;
  points: SpcPoint[];
  /** The verdict for the latest point. */
  variation: Variation;
  assurance: Assurance;
  /** Limits from fewer than 12 points are trial limits. */
  trialLimits: boolean;
  runChart: RunChartResult | null;
  problems: Problem[];
}

export const MIN_POINTS_FOR_LIMITS = 12;
export const MIN_POINTS_RECOMMENDED = 15;

/**
 * An XmR analysis of a series in time order (gaps removed by the caller).
 * When two rules flag a point on opposite sides, improvement and concern
 * together, the point is "neither" (purple), as the NHS tools show it.
 */
export function analyseSpc(values: number[], options: SpcOptions): SpcResult | null {
  const clean = values.filter((v) => Number.isFinite(v));
  const limits = xmrLimits(clean, options.baselinePoints ?? clean.length, options.screenMovingRanges ?? false);
  if (!limits) return null;
  const byRule: [SpcRule, (Side | null)[]][] = [
    ["Point beyond limits", pointBeyondLimits(clean, limits)],
    ["Seven points one side of mean", sevenPointsOneSideOfMean(clean, limits.mean)],
    ["Seven point trend", sevenPointTrend(clean)],
    ["Two in three beyond 2 sigma", twoInThreeBeyondTwoSigma(clean, limits)],
  ];
  const points: SpcPoint[] = clean.map((value, i) => {
    const rules = byRule.filter(([, flags]) => flags[i] !== null).map(([rule, flags]) => ({ rule, side: flags[i] as Side }));
    const sides = new Set(rules.map((r) => r.side));
    const variation: Variation = sides.size === 0 ? "Common cause"
      : sides.size === 2 ? "Special cause neither"
      : variationOf([...sides][0], options.polarity);
    return { value, rules, variation };
  });
  const problems: Problem[] = [];
  const trialLimits = limits.baselinePoints < MIN_POINTS_FOR_LIMITS;
  if (clean.length < MIN_POINTS_RECOMMENDED) {
    problems.push({
      code: "spc.short-series",
      severity: "warning",
      message: `only ${clean.length} points: SPC needs at least ${MIN_POINTS_RECOMMENDED} to be reliable${trialLimits ? `, and limits from fewer than ${MIN_POINTS_FOR_LIMITS} are trial limits` : ""}`,
    });
  }
  return {
    limits,
    points,
    variation: points[points.length - 1].variation,
    assurance: assuranceOf(options.target ?? null, limits.upperProcessLimit, limits.lowerProcessLimit, options.polarity),
    trialLimits,
    runChart: anhojRules(clean),
    problems,
  };
}
