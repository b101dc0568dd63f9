/**
 * XmR chart limits as NHS "Making Data Count" and NHSRplotthedots compute
 * them: mean ± 2.66 × mean moving range (3σ, σ = mean moving range / 1.128).
 */
export interface XmrLimits {
  mean: number;
  meanMovingRange: number;
  upperProcessLimit: number;
  lowerProcessLimit: number;
  /** The 2σ lines used by the two-in-three rule. */
  upperTwoSigma: number;
  lowerTwoSigma: number;
  /** How many points the limits were calculated from. */
  baselinePoints: number;
  /** Moving ranges left out of the mean moving range by screening. */
  screenedOut: number;
}

export const LIMIT_FACTOR = 2.66;
/** Moving ranges at or above 3.267 × the mean moving range are screened out. */
export const MR_SCREEN_FACTOR = 3.267;

export function movingRanges(values: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push(Math.abs(values[i] - values[i - 1]));
  return out;
}

function average(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

export interface LimitOptions {
  /** Calculate the limits from the first n points only (fix the baseline). All points by default. */
  baseline?: number;
  /** Screen moving ranges ≥ 3.267 × their mean out, once, so one wild jump does not widen the limits. Default true. */
  screenMovingRanges?: boolean;
  limitFactor?: number;
}

/** Limits from the first `baseline` points; null for fewer than two points. */
export function xmrLimits(values: number[], options: LimitOptions = {}): XmrLimits | null {
  const base = values.slice(0, Math.max(2, Math.min(options.baseline ?? values.length, values.length)));
  if (base.length < 2) return null;
  const mean = average(base);
  const all = movingRanges(base);
  let mrBar = average(all);
  let screenedOut = 0;
  if (options.screenMovingRanges ?? true) {
    const kept = all.filter((mr) => mr < MR_SCREEN_FACTOR * mrBar);
    screenedOut = all.length - kept.length;
    // All equal to zero keeps nothing (0 < 0 fails): the limits then sit on the mean.
    mrBar = kept.length ? average(kept) : mrBar;
  }
  const threeSigma = (options.limitFactor ?? LIMIT_FACTOR) * mrBar;
  const twoSigma = (2 / 3) * threeSigma;
  return {
    mean,
    meanMovingRange: mrBar,
    upperProcessLimit: mean + threeSigma,
    lowerProcessLimit: mean - threeSigma,
    upperTwoSigma: mean + twoSigma,
    lowerTwoSigma: mean - twoSigma,
    baselinePoints: base.length,
    screenedOut,
  };
}
