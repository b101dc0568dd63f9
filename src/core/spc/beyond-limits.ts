import { XmrLimits } from "./limits";
import { RuleFlags } from "./side";

/** Rule 1 — a single point beyond a process limit (above the upper or below the lower). */
export function pointBeyondLimits(values: number[], limits: XmrLimits): RuleFlags {
  return values.map((v) => (v > limits.upperProcessLimit ? "high" : v < limits.lowerProcessLimit ? "low" : null));
}
