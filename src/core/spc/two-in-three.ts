import { XmrLimits } from "./limits";
import { RuleFlags, Side } from "./side";

/**
 * Rule 4 — two of three consecutive points beyond the 2σ line on the same
 * side. A point beyond the process limit counts too. The points beyond 2σ in
 * such a window are flagged (the third, nearer point is not).
 */
export function twoInThreeBeyondTwoSigma(values: number[], limits: XmrLimits): RuleFlags {
  const near: (Side | null)[] = values.map((v) => (v > limits.upperTwoSigma ? "high" : v < limits.lowerTwoSigma ? "low" : null));
  const flags: RuleFlags = values.map(() => null);
  for (let i = 0; i + 2 < values.length; i++) {
    for (const side of ["high", "low"] as Side[]) {
      const hits = [i, i + 1, i + 2].filter((k) => near[k] === side);
      if (hits.length >= 2) for (const k of hits) flags[k] = side;
    }
  }
  return flags;
}
