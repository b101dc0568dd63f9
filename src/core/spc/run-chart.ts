/**
 * Run-chart signals by Anhøj's rules, for the short series councils often
 * have (8–12 quarters), where XmR limits are not yet trustworthy.
 */
export interface RunChartResult {
  median: number;
  /** Points not on the median: the n the rules use. */
  usefulPoints: number;
  longestRun: number;
  longestRunLimit: number;
  crossings: number;
  crossingsLimit: number;
  /** An unusually long run: a shift in the process. */
  shift: boolean;
  /** Too few crossings of the median: the series is not random around it. */
  fewCrossings: boolean;
  /** Either signal: non-random variation (qicharts2's runs.signal). */
  signal: boolean;
}

export function median(values: number[]): number {
  const s = values.slice();
  // Insertion sort for the usual few dozen points, where Array.prototype.sort's set-up costs more than the sort.
  if (s.length > 64) s.sort((a, b) => a - b);
  else for (let i = 1; i < s.length; i++) {
    const v = s[i];
    let j = i - 1;
    for (; j >= 0 && s[j] > v; j--) s[j + 1] = s[j];
    s[j + 1] = v;
  }
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Crossing limits by n, for the 5% the rules use: the same few n recur on every series of a workbook. */
const CROSSING_LIMITS: number[] = [];

/** Smallest k with P(X ≤ k) ≥ p for X ~ Binomial(n, 0.5): R's qbinom(p, n, 0.5). */
export function binomialQuantile(p: number, n: number): number {
  let prob = 0.5 ** n; // P(X = 0)
  let cumulative = prob;
  for (let k = 0; k < n; k++) {
    if (cumulative >= p) return k;
    prob = (prob * (n - k)) / (k + 1);
    cumulative += prob;
  }
  return n;
}

/**
 * Runs analysis as qicharts2 does it (runs.analysis): points on the centre
 * line are left out; longest run against round(log2 n) + 3 (Schilling);
 * crossings against the 5th percentile of Binomial(n − 1, ½) (Chen). The
 * centre is the median for a run chart; an I chart passes its mean.
 */
export function anhojRules(values: number[], centre?: number): RunChartResult | null {
  if (values.length < 2) return null;
  const m = centre ?? median(allFinite(values) ? values : values.filter((v) => Number.isFinite(v)));
  // Points off the centre line, walked once: which side each is on, the runs and the crossings.
  let n = 0;
  let longestRun = 0;
  let run = 0;
  let crossings = 0;
  let last = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v === m) continue;
    const above = v > m;
    if (n > 0 && above !== last) {
      crossings++;
      run = 0;
    }
    run++;
    longestRun = Math.max(longestRun, run);
    last = above;
    n++;
  }
  const longestRunLimit = Math.round(Math.log2(Math.max(n, 1)) + 3);
  const crossingsLimit = n > 1 ? (CROSSING_LIMITS[n] ??= binomialQuantile(0.05, n - 1)) : 0;
  return {
    median: m,
    usefulPoints: n,
    longestRun,
    longestRunLimit,
    crossings,
    crossingsLimit,
    shift: longestRun > longestRunLimit,
    fewCrossings: crossings < crossingsLimit,
    signal: longestRun > longestRunLimit || crossings < crossingsLimit,
  };
}

function allFinite(values: number[]): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
