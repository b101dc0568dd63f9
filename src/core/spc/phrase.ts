import { Variation } from "./variation";
import { RunChartResult } from "./run-chart";

/** What a variation verdict says about the latest point, to follow a status word. */
const AFTER_STATUS: Record<Variation, string> = {
  "Common cause": "within normal variation",
  "Special cause improvement": "and a significant improvement",
  "Special cause concern": "and a significant deterioration",
  "Special cause neither": "and a significant change (neither direction is better)",
};

/**
 * Status and variation together, the conversation the NHS "Making Data
 * Count" approach is for: "Red, and a significant deterioration" is not
 * "Red, within normal variation".
 */
export function statusAndVariation(status: string, variation: Variation): string {
  return `${status}, ${AFTER_STATUS[variation]}`;
}

/** A run chart's signals in words, labelled as run-chart signals (Anhøj rules), never as SPC. */
export function runChartWords(r: RunChartResult, points: number): string {
  const found: string[] = [];
  if (r.shift) found.push(`a shift: a run of ${r.longestRun} on one side of the median (more than ${r.longestRunLimit} is unusual)`);
  if (r.fewCrossings) found.push(`too few crossings of the median: ${r.crossings} (fewer than ${r.crossingsLimit} is unusual)`);
  return found.length
    ? `Run chart (${points} points): ${found.join("; ")}`
    : `Run chart (${points} points): no signal (longest run ${r.longestRun}, limit ${r.longestRunLimit}; ${r.crossings} crossings, at least ${r.crossingsLimit} expected)`;
}
