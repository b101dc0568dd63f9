import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readIndicators, IndicatorItem } from "../datasets/indicators";
import { Period, formatPeriod, periodIndex } from "../periods";
import { assessIndicator, IndicatorAssessment } from "../indicator";
import { countStatuses } from "../standards/standard";
import { statusTrendBreakdown } from "../standards/breakdown";
import { STATUS_CODE } from "../status";
import { formatNumber } from "../numbers";
import { DatasetSettings, PeriodRecord } from "../settings";
import { summaryOf } from "./summary";
import { issue, Issue } from "../datasets/issues";
import { IndicatorsReport } from "./types";
import { DatasetRead } from "../datasets/read";

/** SPC is attempted only on series long enough for limits to mean something. */
export const SPC_MIN_POINTS = 12;

function assess(item: IndicatorItem, period: Period, settings: DatasetSettings): IndicatorAssessment {
  // A value given without a period is taken as the reporting period's.
  const points = item.points.map((p) => ({ period: p.period ?? period, value: p.value === "invalid" ? null : p.value }));
  const a = assessIndicator(
    { key: item.key, title: item.title, polarity: item.polarity, target: item.target, redThreshold: item.redThreshold, tolerance: settings.tolerance, points },
    period,
    { spc: settings.spc ?? true, spcMinimumPoints: SPC_MIN_POINTS, band: settings.staticBand, longMethod: settings.longTrend },
  );
  const current = item.points.find((p) => (p.period ?? period).kind === period.kind && periodIndex(p.period ?? period) === periodIndex(period));
  if (current?.value === "invalid") {
    return { ...a, status: "Check", statusCode: STATUS_CODE.Check, why: "Check: this period's value is not a number (see Data issues)" };
  }
  return a;
}

function latestValue(item: IndicatorItem, period: Period): { value: number; period: string } | null {
  let best: { value: number; index: number; period: Period } | null = null;
  for (const p of item.points) {
    const pp = p.period ?? period;
    if (typeof p.value !== "number" || pp.kind !== period.kind) continue;
    const i = periodIndex(pp);
    if (i <= periodIndex(period) && (!best || i > best.index)) best = { value: p.value, index: i, period: pp };
  }
  return best ? { value: best.value, period: formatPeriod(best.period) } : null;
}

export function reportIndicators(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, period: Period | null, previous: PeriodRecord | null,
  /** The dataset as already read (to choose the period), so it is read once. */
  read: DatasetRead<IndicatorItem> = readIndicators(grid, d),
): { report: IndicatorsReport; issues: Issue[]; read: DatasetRead<unknown> } {
  const issues = [...read.issues];
  const items = read.items.map((item) => {
    // Without a reporting period, each indicator is assessed at its own latest period.
    const own = period ?? latestPeriod(item);
    const assessment = own ? assess(item, own, settings) : null;
    if (assessment) {
      for (const p of assessment.problems.filter((x) => x.code.startsWith("rag."))) {
        const col = p.code === "rag.no-polarity" ? d.columns.polarity ?? d.columns.title ?? d.left : d.columns.target ?? d.left;
        issues.push(issue(d.sheet, item.row, col, p.severity, p.code, `'${item.code || item.title}': ${p.message}`));
      }
    }
    return {
      item,
      assessment: assessment ?? emptyAssessment(item),
      latest: own ? latestValue(item, own) : null,
    };
  });
  const counts = countStatuses(items.map((i) => i.assessment.status));
  const report: IndicatorsReport = {
    ...summaryOf(grid, d, id, settings, read, counts, previous),
    kind: d.kind as "indicators" | "outcomes",
    items,
    counts,
    breakdown: statusTrendBreakdown(items.map((i) => ({ status: i.assessment.status, trend: i.assessment.trends.short }))),
  };
  return { report, issues, read };
}

function latestPeriod(item: IndicatorItem): Period | null {
  let best: Period | null = null;
  for (const p of item.points) if (p.period && (!best || (p.period.kind === best.kind && periodIndex(p.period) > periodIndex(best)))) best = p.period;
  return best;
}

function emptyAssessment(item: IndicatorItem): IndicatorAssessment {
  return {
    status: "No data", why: "No data: no value for any period", key: item.key, title: item.title, period: "", value: null,
    statusCode: STATUS_CODE["No data"], trends: { short: "No trend data", long: "No trend data", previous: null, comparator: null },
    spc: null, problems: [],
  };
}

export function describeValue(v: number | null, percent: boolean): string {
  return v === null ? "" : `${formatNumber(v)}${percent ? "%" : ""}`;
}
