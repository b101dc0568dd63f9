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
 * Phrases made of two words from short fixed lists (a status and a
 * variation): each made once, and found by the words themselves, so a row
 * asking for one makes neither a key nor a closure.
 */
export class PhraseTable<A extends string | number, B extends string | boolean> {
  private readonly made = new Map<A, Map<B, string>>();

  constructor(private readonly make: (a: A, b: B) => string) {}

  get(a: A, b: B): string {
    let byB = this.made.get(a);
    if (!byB) this.made.set(a, (byB = new Map()));
    let phrase = byB.get(b);
    if (phrase === undefined) byB.set(b, (phrase = this.make(a, b)));
    return phrase;
  }
}

const STATUS_AND_VARIATION = new PhraseTable<string, Variation>((status, variation) => `${status}, ${AFTER_STATUS[variation]}`);

/**
 * Status and variation together, the conversation the NHS "Making Data
 * Count" approach is for: "Red, and a significant deterioration" is not
 * "Red, within normal variation".
 */
export function statusAndVariation(status: string, variation: Variation): string {
  return STATUS_AND_VARIATION.get(status, variation);
}

/**
 * Run-chart phrases by their figures, packed into two small integers (see runChartWords): a map by the first,
 * then by the second. One number of all the figures (52 bits) was a heap number, allocated on every row.
 */
const RUN_CHART_PHRASES = new Map<number, Map<number, string>>();
let runChartPhrases = 0;

/** A run chart's signals in words, labelled as run-chart signals (Anhøj rules), never as SPC. */
export function runChartWords(r: RunChartResult, points: number): string {
  if (!tenBits(points) || !tenBits(r.longestRun) || !tenBits(r.longestRunLimit) || !tenBits(r.crossings) || !tenBits(r.crossingsLimit)) {
    return phraseOnce(`rc|${points}|${r.longestRun}|${r.longestRunLimit}|${r.crossings}|${r.crossingsLimit}|${r.shift}|${r.fewCrossings}`, () => runChartPhrase(r, points));
  }
  // Each count below 1,024 takes 10 bits: 22 bits in the first key, 30 in the second, both small integers (below 2^30).
  const first = ((points * 1024 + r.longestRun) * 2 + (r.shift ? 1 : 0)) * 2 + (r.fewCrossings ? 1 : 0);
  const second = (r.longestRunLimit * 1024 + r.crossings) * 1024 + r.crossingsLimit;
  let bySecond = RUN_CHART_PHRASES.get(first);
  let phrase = bySecond?.get(second);
  if (phrase === undefined) {
    phrase = runChartPhrase(r, points);
    if (runChartPhrases < MAX_PHRASES) {
      if (!bySecond) RUN_CHART_PHRASES.set(first, (bySecond = new Map()));
      bySecond.set(second, phrase);
      runChartPhrases++;
    }
  }
  return phrase;
}

function tenBits(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1024;
}

function runChartPhrase(r: RunChartResult, points: number): string {
  const found: string[] = [];
  if (r.shift) found.push(`a shift: a run of ${r.longestRun} on one side of the median (more than ${r.longestRunLimit} is unusual)`);
  if (r.fewCrossings) found.push(`too few crossings of the median: ${r.crossings} (fewer than ${r.crossingsLimit} is unusual)`);
  return found.length
    ? `Run chart (${points} points): ${found.join("; ")}`
    : `Run chart (${points} points): no signal (longest run ${r.longestRun}, limit ${r.longestRunLimit}; ${r.crossings} crossings, at least ${r.crossingsLimit} expected)`;
}
