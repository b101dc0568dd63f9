import { RuleFlags, Side } from "./side";
import { RUN_LENGTH } from "./seven-one-side";

/**
 * Rule 3 — seven consecutive points each higher (or each lower) than the one
 * before. A repeated value breaks the trend. The trend is classed by its
 * direction (rising = "high"), not by which side of the mean it lies.
 */
export function sevenPointTrend(values: number[], points = RUN_LENGTH): RuleFlags {
  const flags: RuleFlags = values.map(() => null);
  // steps[i] is the direction from point i-1 to point i.
  const steps: (Side | null)[] = values.map((v, i) => (i === 0 ? null : v > values[i - 1] ? "high" : v < values[i - 1] ? "low" : null));
  let start = 1;
  for (let i = 2; i <= values.length; i++) {
    if (i === values.length || steps[i] !== steps[start]) {
      // Steps start..i-1 share a direction: they join points start-1..i-1.
      if (steps[start] !== null && i - start >= points - 1) for (let k = start - 1; k < i; k++) flags[k] = steps[start];
      start = i;
    }
  }
  return flags;
}
