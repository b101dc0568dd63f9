import { XmrLimits } from "./limits";
import { RuleFlags, Side } from "./side";

/**
 * Rule 4 — two of three consecutive points beyond the 2σ line, with all
 * three on the same side of the mean. As NHSRplotthedots has it, a point
 * beyond the process limit does not count (it is already a special cause of
 * its own); `countBeyondLimits` is the other convention. The points beyond
 * 2σ in such a window are flagged, the third, nearer point is not.
 */
export function twoInThreeBeyondTwoSigma(values: number[], limits: XmrLimits, countBeyondLimits = false): RuleFlags {
  const side = (v: number): Side | null => (v > limits.mean ? "high" : v < limits.mean ? "low" : null);
  const outside = (v: number) => v > limits.upperProcessLimit || v < limits.lowerProcessLimit;
  const close = values.map((v) => (countBeyondLimits || !outside(v)) && (v > limits.upperTwoSigma || v < limits.lowerTwoSigma));
  const flags: RuleFlags = values.map(() => null);
  for (let i = 0; i + 2 < values.length; i++) {
    const s = side(values[i]);
    if (s === null || side(values[i + 1]) !== s || side(values[i + 2]) !== s) continue;
    const hits = [i, i + 1, i + 2].filter((k) => close[k]);
    if (hits.length >= 2) for (const k of hits) flags[k] = s;
  }
  return flags;
}
