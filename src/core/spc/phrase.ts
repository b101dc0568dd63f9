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
 * The same few phrases recur on thousands of rows (a run chart's verdict, a
 * status with its variation): each is made once and shared. 50,000
 * indicators held 50,000 copies of each, about 25 MB that lived until the
 * save. At most a few thousand are kept; past that, phrases are just made.
 */
const made = new Map<string, string>();
const MAX_PHRASES = 4096;

export function phraseOnce(key: string, make: () => string): string {
  let phrase = made.get(key);
  if (phrase === undefined) {
    phrase = make();
    if (made.size < MAX_PHRASES) made.set(key, phrase);
  }
  return phrase;
}

/**
 * Status and variation together, the conversation the NHS "Making Data
 * Count" approach is for: "Red, and a significant deterioration" is not
 * "Red, within normal variation".
 */
export function statusAndVariation(status: string, variation: Variation): string {
  return phraseOnce(`sv|${status}|${variation}`, () => `${status}, ${AFTER_STATUS[variation]}`);
}

/** A run chart's signals in words, labelled as run-chart signals (Anhøj rules), never as SPC. */
export function runChartWords(r: RunChartResult, points: number): string {
  return phraseOnce(`rc|${points}|${r.longestRun}|${r.longestRunLimit}|${r.crossings}|${r.crossingsLimit}|${r.shift}|${r.fewCrossings}`, () => runChartPhrase(r, points));
}

function runChartPhrase(r: RunChartResult, points: number): string {
  const found: string[] = [];
  if (r.shift) found.push(`a shift: a run of ${r.longestRun} on one side of the median (more than ${r.longestRunLimit} is unusual)`);
  if (r.fewCrossings) found.push(`too few crossings of the median: ${r.crossings} (fewer than ${r.crossingsLimit} is unusual)`);
  return found.length
    ? `Run chart (${points} points): ${found.join("; ")}`
    : `Run chart (${points} points): no signal (longest run ${r.longestRun}, limit ${r.longestRunLimit}; ${r.crossings} crossings, at least ${r.crossingsLimit} expected)`;
}
