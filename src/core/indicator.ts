import { Polarity } from "./polarity";
import { Period, periodKey, periodIndex, formatPeriod } from "./periods";
import { RagResult, ragStatus, Tolerance, STATUS_CODE } from "./status";
import { TrendPair, trendsAt, Series, TrendOptions } from "./trend";
import { analyseSpc, SpcResult } from "./spc";
import { Problem } from "./problems";

/** One indicator's series as the core sees it: numbers already parsed. */
export interface IndicatorSeries {
  key: string;
  title: string;
  polarity: Polarity | null;
  points: { period: Period; value: number | null }[];
  target: number | null;
  redThreshold?: number | null;
  tolerance?: Tolerance;
}

export interface IndicatorOptions extends TrendOptions {
  spc?: boolean;
  /** Below this many points no SPC is attempted (a warning says so). */
  spcMinimumPoints?: number;
}

export interface IndicatorAssessment extends RagResult {
  key: string;
  title: string;
  period: string;
  value: number | null;
  statusCode: number;
  trends: TrendPair;
  spc: SpcResult | null;
  problems: Problem[];
}

/**
 * Status, both trends and (optionally) SPC for one indicator at one period.
 * Only points up to and including the period count: a later value never
 * colours an earlier report.
 */
export function assessIndicator(ind: IndicatorSeries, period: Period, options: IndicatorOptions = {}): IndicatorAssessment {
  const upTo = periodIndex(period);
  const sameKind = ind.points.filter((p) => p.period.kind === period.kind && periodIndex(p.period) <= upTo);
  sameKind.sort((a, b) => periodIndex(a.period) - periodIndex(b.period));
  const series: Series = new Map(sameKind.map((p) => [periodKey(p.period), p.value]));
  const value = series.get(periodKey(period)) ?? null;
  const rag = ragStatus({ value, target: ind.target, polarity: ind.polarity, tolerance: ind.tolerance, redThreshold: ind.redThreshold });
  const trends = trendsAt(series, period, ind.polarity, { ...options, target: options.target ?? ind.target });
  const problems: Problem[] = rag.problem ? [rag.problem] : [];
  let spc: SpcResult | null = null;
  if (options.spc) {
    const values = sameKind.map((p) => p.value).filter((v): v is number => v !== null);
    if (values.length >= (options.spcMinimumPoints ?? 2)) {
      spc = analyseSpc(values, { polarity: ind.polarity, target: ind.target });
      if (spc) problems.push(...spc.problems);
    }
  }
  return {
    ...rag,
    key: ind.key,
    title: ind.title,
    period: formatPeriod(period),
    value,
    statusCode: STATUS_CODE[rag.status],
    trends,
    spc,
    problems,
  };
}
