import { Polarity } from "./polarity";
import { Period, periodIndex, periodsPerYear } from "./periods";

/** Direction of travel in the report's words; without a polarity, plain direction. */
export type Trend = "Improving" | "Static" | "Worsening" | "No trend data" | "Increasing" | "Decreasing" | "No change";

export const TREND_WORDS: Trend[] = ["Improving", "Static", "Worsening", "No trend data"];

/** Changes within this band count as Static. Default: only an exactly equal value. */
export type StaticBand = { kind: "absolute"; value: number } | { kind: "percent"; value: number };

export const EXACTLY_EQUAL: StaticBand = { kind: "absolute", value: 0 };

/**
 * Compare this period's value with an earlier one. Goldilocks needs the
 * target: moving closer to it is Improving.
 */
export function trendBetween(
  current: number | null,
  earlier: number | null,
  polarity: Polarity | null,
  band: StaticBand = EXACTLY_EQUAL,
  target: number | null = null,
): Trend {
  if (current === null || earlier === null || !Number.isFinite(current) || !Number.isFinite(earlier)) return "No trend data";
  const change = current - earlier;
  const limit = band.kind === "absolute" ? Math.abs(band.value) : (Math.abs(earlier) * Math.abs(band.value)) / 100;
  // Compare with a hair of slack so 0.1 + 0.2 vs 0.3 counts as equal.
  const unchanged = Math.abs(change) <= limit + 1e-9 * Math.max(1, Math.abs(earlier));
  if (polarity === null || (polarity === "Goldilocks" && target === null)) {
    return unchanged ? "No change" : change > 0 ? "Increasing" : "Decreasing";
  }
  if (unchanged) return "Static";
  let better: boolean;
  if (polarity === "Maximise") better = change > 0;
  else if (polarity === "Minimise") better = change < 0;
  else {
    const before = Math.abs(earlier - (target as number));
    const after = Math.abs(current - (target as number));
    if (before === after) return "Static";
    better = after < before;
  }
  return better ? "Improving" : "Worsening";
}

/**
 * A value per period, keyed by `periodIndex`: one kind of period per series
 * (quarters, or months, or years). Missing periods are absent or null.
 */
export type Series = Map<number, number | null>;

/** What the trends read of a series: a value by period index (a Series, or anything that looks one up as a Map would). */
export interface SeriesLookup {
  get(index: number): number | null | undefined;
  keys(): Iterable<number>;
}

/**
 * A series as its period indexes in ascending order and their values: what a
 * Series holds, without a hash table per indicator (50,000 of them in a large
 * workbook). Where an index repeats, its last value stands, as a Map's would.
 */
export class SortedSeries implements SeriesLookup {
  constructor(private readonly indexes: number[], private readonly values: (number | null)[]) {}

  get(index: number): number | null | undefined {
    // The first position past `index`, by halving; the one before it holds the index's last value, if any.
    let lo = 0;
    let hi = this.indexes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.indexes[mid] <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.indexes[lo - 1] === index ? this.values[lo - 1] : undefined;
  }

  keys(): Iterable<number> {
    return this.indexes;
  }
}

export function seriesFrom(points: { period: Period; value: number | null }[]): Series {
  return new Map(points.map((p) => [periodIndex(p.period), p.value]));
}

function valueAt(series: SeriesLookup, index: number): number | null {
  return series.get(index) ?? null;
}

/** Long trend: the council's convention compares with the same period a year earlier. */
export type LongTrendMethod = "same-period-last-year" | "mean-of-previous-4" | "same-period-mean";

export const LONG_TREND_METHODS: LongTrendMethod[] = ["same-period-last-year", "mean-of-previous-4", "same-period-mean"];

export const DEFAULT_LONG_TREND: LongTrendMethod = "same-period-last-year";

/** What the long trend compares with, as a column heading says it: "Against the same quarter last year". */
export function longTrendLabel(method: LongTrendMethod, noun = "period"): string {
  switch (method) {
    case "same-period-last-year": return `Against the same ${noun} last year`;
    case "mean-of-previous-4": return `Against the mean of the previous 4 ${noun}s`;
    case "same-period-mean": return `Against the same ${noun}'s mean in earlier years`;
  }
}

export interface TrendOptions {
  band?: StaticBand;
  longMethod?: LongTrendMethod;
  target?: number | null;
}

export interface TrendPair {
  short: Trend;
  long: Trend;
  /** The values compared, for the "why" text and the report. */
  previous: number | null;
  comparator: number | null;
}

/** Short trend (against the previous period) and long trend (by the chosen method). */
export function trendsAt(series: SeriesLookup, period: Period, polarity: Polarity | null, options: TrendOptions = {}): TrendPair {
  const band = options.band ?? EXACTLY_EQUAL;
  const at = periodIndex(period);
  const current = valueAt(series, at);
  const previous = valueAt(series, at - 1);
  const comparator = longComparator(series, period, options.longMethod ?? DEFAULT_LONG_TREND);
  return {
    short: trendBetween(current, previous, polarity, band, options.target ?? null),
    long: trendBetween(current, comparator, polarity, band, options.target ?? null),
    previous,
    comparator,
  };
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  // A mean over a partial window would compare unlike with like: no trend instead.
  if (present.length !== values.length || present.length === 0) return null;
  return present.reduce((a, b) => a + b, 0) / present.length;
}

function longComparator(series: SeriesLookup, period: Period, method: LongTrendMethod): number | null {
  const at = periodIndex(period);
  const year = periodsPerYear(period);
  if (method === "same-period-last-year") return valueAt(series, at - year);
  if (method === "mean-of-previous-4") return mean([1, 2, 3, 4].map((k) => valueAt(series, at - k)));
  // Same period's mean over every earlier year the series holds.
  const first = Math.min(...series.keys());
  const earlier: number[] = [];
  for (let i = at - year; i >= first; i -= year) {
    const v = valueAt(series, i);
    if (v !== null) earlier.push(v);
  }
  return earlier.length ? earlier.reduce((a, b) => a + b, 0) / earlier.length : null;
}
