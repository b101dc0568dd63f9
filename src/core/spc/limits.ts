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
}

export const LIMIT_FACTOR = 2.66;
/** Moving ranges at or above 3.267 × the mean moving range may be screened out. */
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

/**
 * Limits from the first `baseline` points (all by default). With
 * `screenMovingRanges`, moving ranges ≥ 3.267 × their mean are left out of
 * the mean moving range once, so one wild jump does not widen the limits.
 */
export function xmrLimits(values: number[], baseline = values.length, screenMovingRanges = false): XmrLimits | null {
  const base = values.slice(0, Math.max(2, Math.min(baseline, values.length)));
  if (base.length < 2) return null;
  const mean = average(base);
  let mrs = movingRanges(base);
  let mrBar = average(mrs);
  if (screenMovingRanges) {
    const kept = mrs.filter((mr) => mr < MR_SCREEN_FACTOR * mrBar);
    if (kept.length) {
      mrs = kept;
      mrBar = average(mrs);
    }
  }
  const threeSigma = LIMIT_FACTOR * mrBar;
  const twoSigma = (2 / 3) * threeSigma;
  return {
    mean,
    meanMovingRange: mrBar,
    upperProcessLimit: mean + threeSigma,
    lowerProcessLimit: mean - threeSigma,
    upperTwoSigma: mean + twoSigma,
    lowerTwoSigma: mean - twoSigma,
    baselinePoints: base.length,
  };
}
