import { Polarity } from "./polarity";
import { Period, periodIndex, formatPeriod } from "./periods";
import { RagResult, ragOf, Tolerance, STATUS_CODE } from "./status";
import { TrendPair, trendsAt, SortedSeries, TrendOptions } from "./trend";
import { analyseSpc, SpcResult, anhojRules, RunChartResult } from "./spc";
import { Problem } from "./problems";
import { Shown } from "./numbers";
import { sortInPlace } from "./sorting";
import { PointList } from "./datasets/series-points";

/** One indicator's series as the core sees it: numbers already parsed. */
export interface IndicatorSeries {
  key: string;
  title: string;
  polarity: Polarity | null;
  /** Every point has a period and a number or none (callers put the reporting period and null in place of what a sheet lacks). */
  points: { period: Period; value: number | null }[] | PointList;
  target: number | null;
  redThreshold?: number | null;
  tolerance?: Tolerance;
  /** How the sheet shows the numbers (a percentage, its decimals), for the reason's wording. */
  shown?: Shown | null;
  /** How it shows the target, where that differs. */
  shownTarget?: Shown | null;
}

export interface IndicatorOptions extends TrendOptions {
  spc?: boolean;
  /** Below this many points no SPC is attempted (a warning says so). */
  spcMinimumPoints?: number;
}

export interface IndicatorAssessment {
  status: RagResult["status"];
  why: string;
  key: string;
  title: string;
  period: string;
  value: number | null;
  statusCode: number;
  trends: TrendPair;
  spc: SpcResult | null;
  /** Run-chart signals for a series too short for SPC but long enough for the Anhøj rules. */
  runChart?: RunChartResult | null;
  /** How many values the series has up to the period. */
  points?: number;
  problems: Problem[];
}

/**
 * The problems of an assessment that has none, as nearly every one has: one array shared by them all (frozen, so
 * nothing can add to it), not an empty array per indicator. Readers only read an assessment's problems.
 */
export const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/** Below this many points the Anhøj rules can hardly signal at all: runs around the median stay too short and the crossing limit is 0 or 1. */
export const RUN_CHART_MIN_POINTS = 8;

/**
 * Status, both trends and (optionally) SPC for one indicator at one period.
 * Only points up to and including the period count: a later value never
 * colours an earlier report.
 */
export function assessIndicator(ind: IndicatorSeries, period: Period, options: IndicatorOptions = {}): IndicatorAssessment {
  const upTo = periodIndex(period);
  // The series' periods of the report's kind up to the period, in time order. Built by loops, not map/filter chains:
  // this runs once per indicator, 50,000 times in a large workbook, and its points are nearly always in order already.
  const list = ind.points instanceof PointList ? ind.points : null;
  const given = list ? null : (ind.points as { period: Period; value: number | null }[]);
  const n = list ? list.length : given!.length;
  const indexes: number[] = [];
  const kept: (number | null)[] = [];
  let ordered = true;
  let gaps = false;
  for (let i = 0; i < n; i++) {
    const p = list ? (list.period(i) as Period) : given![i].period;
    if (p.kind !== period.kind) continue;
    const index = periodIndex(p);
    if (index > upTo) continue;
    if (indexes.length && index < indexes[indexes.length - 1]) ordered = false;
    indexes.push(index);
    const v = list ? list.number(i) : given![i].value;
    if (v === null) gaps = true;
    kept.push(v);
  }
  let order: number[] | null = null;
  if (!ordered) {
    order = indexes.map((_, k) => k);
    sortInPlace(order, (a, b) => indexes[a] - indexes[b]);
  }
  // In time order: the arrays as they are where the points were in order already.
  const times = order ? order.map((at) => indexes[at]) : indexes;
  const timed = order ? order.map((at) => kept[at]) : kept;
  const series = new SortedSeries(times, timed);
  // The values alone: the same array where none is missing (the usual case), not a copy of it.
  const values = gaps ? (timed.filter((v) => v !== null) as number[]) : (timed as number[]);
  const value = series.get(upTo) ?? null;
  const rag = ragOf(value, ind.target, ind.polarity, ind.tolerance, ind.redThreshold, ind.shown, ind.shownTarget);
  const trends = trendsAt(series, period, ind.polarity, {
    band: options.band,
    longMethod: options.longMethod,
    target: options.target ?? ind.target,
  });
  let spc: SpcResult | null = null;
  let runChart: RunChartResult | null = null;
  if (options.spc) {
    if (values.length >= (options.spcMinimumPoints ?? 2)) spc = analyseSpc(values, { polarity: ind.polarity, target: ind.target });
    else if (values.length >= RUN_CHART_MIN_POINTS) runChart = anhojRules(values);
  }
  const spcProblems = spc ? spc.problems : NO_PROBLEMS;
  const problems = rag.problem ? [rag.problem, ...spcProblems] : spcProblems.length ? [...spcProblems] : NO_PROBLEMS;
  // Built field by field: spreading `rag` here made this function several times slower in V8.
  return {
    status: rag.status,
    why: rag.why,
    key: ind.key,
    title: ind.title,
    period: formatPeriod(period),
    value,
    statusCode: STATUS_CODE[rag.status],
    trends,
    spc,
    runChart,
    points: values.length,
    problems,
  };
}
