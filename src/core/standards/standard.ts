import { Status, STATUSES } from "../status";
import { Trend } from "../trend";
import { PercentStyle, formatPercent, percentOf } from "./fraction";

/**
 * A dataset's expected standard: e.g. outcomes 75% Green; workplan 90%
 * Green or Complete; directorate priorities 90% Green, Amber or Complete.
 */
export interface StandardConfig {
  /** Expected percentage, e.g. 75. */
  expected: number;
  /** Statuses that count towards it. */
  counts: Status[];
  /** Statuses left out of the base N (an indicator with no target cannot miss it). */
  excludeFromBase?: Status[];
}

export const DEFAULT_EXCLUDED: Status[] = ["Data only"];

export interface StandardResult {
  counted: number;
  base: number;
  percent: number;
  expected: number;
  achieved: boolean;
  /** Rows in the base that carry no rating the product could read: while any remain, no standard is achieved. */
  notRated: number;
  /** "91% / 4.5%": the share of each counted status in turn, as the workplan table shows it. */
  shares: string;
}

export type StatusCounts = Record<Status, number>;

export function countStatuses(statuses: Status[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s]++;
  return counts;
}

export function baseOf(counts: StatusCounts, config: StandardConfig): number {
  const excluded = new Set(config.excludeFromBase ?? DEFAULT_EXCLUDED);
  return STATUSES.filter((s) => !excluded.has(s)).reduce((sum, s) => sum + counts[s], 0);
}

export function assessStandard(counts: StatusCounts, config: StandardConfig, style: PercentStyle = "report"): StandardResult {
  const base = baseOf(counts, config);
  const counted = config.counts.reduce((sum, s) => sum + counts[s], 0);
  const percent = percentOf(counted, base);
  const notRated = counts["Not rated"] ?? 0;
  return {
    counted,
    base,
    percent,
    expected: config.expected,
    // Compare the unrounded share: 89.96% has not met a 90% standard.
    achieved: base > 0 && notRated === 0 && percent >= config.expected,
    notRated,
    shares: config.counts.map((s) => formatPercent(percentOf(counts[s], base), style)).join(" / "),
  };
}

/** Headline trend against last period's percentage: higher share of good statuses is Improving. */
export function headlineTrend(percent: number, previousPercent: number | null | undefined): Trend | "N/A" {
  if (previousPercent === null || previousPercent === undefined || !Number.isFinite(previousPercent)) return "N/A";
  // Compare at the precision the report prints, so "62.5%" against "62.5%" is Static.
  const now = Math.round(percent * 10);
  const before = Math.round(previousPercent * 10);
  return now > before ? "Improving" : now < before ? "Worsening" : "Static";
}
