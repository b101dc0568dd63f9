import { RuleFlags, Side } from "./side";

export const RUN_LENGTH = 7;

/**
 * Rule 2 — seven or more consecutive points on one side of the mean. A point
 * exactly on the mean belongs to neither side and breaks the run. Every
 * point of a qualifying run is flagged.
 */
export function sevenPointsOneSideOfMean(values: number[], mean: number, runLength = RUN_LENGTH): RuleFlags {
  const sides: (Side | null)[] = values.map((v) => (v > mean ? "high" : v < mean ? "low" : null));
  return flagRuns(sides, runLength);
}

/** Flag every element of each run of ≥ `min` equal non-null sides. */
export function flagRuns(sides: (Side | null)[], min: number): RuleFlags {
  const flags: RuleFlags = sides.map(() => null);
  let start = 0;
  for (let i = 1; i <= sides.length; i++) {
    if (i === sides.length || sides[i] !== sides[start]) {
      if (sides[start] !== null && i - start >= min) for (let k = start; k < i; k++) flags[k] = sides[start];
      start = i;
    }
  }
  return flags;
}
