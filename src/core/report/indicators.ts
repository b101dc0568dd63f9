import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readIndicators, IndicatorItem, PointList, PointValue } from "../datasets/indicators";
import { Period, formatPeriod, periodIndex, periodKey } from "../periods";
import { assessIndicator, IndicatorAssessment } from "../indicator";
import { countStatuses } from "../standards/standard";
import { statusTrendBreakdown } from "../standards/breakdown";
import { STATUS_CODE, normaliseStatus } from "../status";
import { normaliseWord } from "../values";
import { formatNumber } from "../numbers";
import { DatasetSettings, PeriodRecord } from "../settings";
import { summaryOf } from "./summary";
import { issue, Issue } from "../datasets/issues";
import { IndicatorsReport } from "./types";
import { DatasetRead } from "../datasets/read";

/** SPC is attempted only on series long enough for limits to mean something. */
export const SPC_MIN_POINTS = 12;

function assess(item: IndicatorItem, period: Period, settings: DatasetSettings): IndicatorAssessment {
  // A value given without a period is taken as the reporting period's; an unreadable one is no value. (Points
  // already in that form are passed as they are: a copy of every point of every indicator was most of a run's garbage.)
  const pts = item.points;
  let plain = true;
  let current: PointValue | undefined;
  for (let i = 0; i < pts.length; i++) {
    const p = pts.period(i);
    const v = pts.value(i);
    if (p === null || v === "invalid") plain = false;
    const pp = p ?? period;
    if (current === undefined && pp.kind === period.kind && periodIndex(pp) === periodIndex(period)) current = v;
  }
  const points = plain ? pts : PointList.of(pts.toArray().map((p) => ({ period: p.period ?? period, value: p.value === "invalid" ? null : p.value })));
  // A target given for this very period (a Goal column under it) wins over the indicator's single target.
  const target = item.targets?.get(periodKey(period)) ?? item.target;
  const a = assessIndicator(
    { key: item.key, title: item.title, polarity: item.polarity, target, redThreshold: item.redThreshold, tolerance: settings.tolerance, points },
    period,
    { spc: settings.spc ?? true, spcMinimumPoints: SPC_MIN_POINTS, band: settings.staticBand, longMethod: settings.longTrend },
  );
  if (current === "invalid") {
    return { ...a, status: "Check", statusCode: STATUS_CODE.Check, why: "Check: this period's value is not a number (see Data issues)" };
  }
  return a;
}

function latestValue(item: IndicatorItem, period: Period): { value: number; period: string } | null {
  const upTo = periodIndex(period);
  const pts = item.points;
  let best = -1;
  let bestIndex = -Infinity;
  for (let i = 0; i < pts.length; i++) {
    const pp = pts.period(i) ?? period;
    if (pts.number(i) === null || pp.kind !== period.kind) continue;
    const at = periodIndex(pp);
    if (at <= upTo && at > bestIndex) {
      best = i;
      bestIndex = at;
    }
  }
  return best >= 0 ? { value: pts.number(best) as number, period: formatPeriod(pts.period(best) ?? period) } : null;
}

export function reportIndicators(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, period: Period | null, previous: PeriodRecord | null, ownArea?: string | null,
  /** The dataset as already read (to choose the period), so it is read once. */
  read: ReturnType<typeof readIndicators> = readIndicators(grid, d),
): { report: IndicatorsReport; issues: Issue[]; notes: string[]; read: DatasetRead<unknown> } {
  const issues = [...read.issues];
  const notes: string[] = [];
  const noPolarity: IndicatorItem[] = [];
  const notRatedWords: Record<string, number> = {};
  // Long data over several areas: the council's own area is reported, the others are its comparators.
  const own = ownArea ? read.items.filter((i) => normaliseWord(i.area) === normaliseWord(ownArea)) : [];
  const reported = own.length ? own : read.items;
  if (read.areas.length > 1 && !own.length) {
    notes.push(`'${grid.name}' holds ${read.areas.length} areas (${read.areas.slice(0, 3).join(", ")}…), so each indicator is reported once per area. `
      + `${ownArea ? `No area is called '${ownArea}'. ` : ""}Name your own area (--area, or in Settings) to report on it with the others as comparators.`);
  }
  const items = reported.map((item) => {
    // Without a reporting period, each indicator is assessed at its own latest period.
    const at = period ?? latestPeriod(item) ?? (hasUndated(item) ? UNDATED : null);
    let assessment = at ? assess(item, at, settings) : null;
    if (assessment && at === UNDATED) assessment = { ...assessment, period: "" };
    if (assessment?.problems.some((p) => p.code === "rag.no-polarity")) {
      // A target without a direction: the sheet's own status is used where it gives one, never a guess.
      noPolarity.push(item);
      assessment = { ...assessment, problems: assessment.problems.filter((p) => p.code !== "rag.no-polarity"), ...typedOrUnrated(item, "(no polarity)") };
    } else if (assessment && (assessment.status === "No data" || assessment.status === "Data only") && item.typedStatus && assessment.value !== null) {
      assessment = { ...assessment, ...typedOrUnrated(item, item.typedStatus) };
    }
    if (assessment) {
      if (assessment.status === "Not rated") notRatedWords[assessment.why.replace(/^Not rated: /, "")] = (notRatedWords[assessment.why.replace(/^Not rated: /, "")] ?? 0) + 1;
      for (const p of assessment.problems.filter((x) => x.code.startsWith("rag."))) {
        issues.push(issue(d.sheet, item.row, d.columns.target ?? d.left, p.severity, p.code, `'${item.code || item.title}': ${p.message}`));
      }
    }
    return {
      item,
      assessment: assessment ?? emptyAssessment(item),
      latest: at ? latestValue(item, at) : null,
      ytd: at ? ytdAt(item, at) : null,
      comparators: own.length ? comparatorsOf(item, read.items, at) : null,
    };
  });
  if (noPolarity.length) {
    issues.push(issue(d.sheet, noPolarity[0].row, d.columns.polarity ?? d.columns.title ?? d.left, "warning", "rag.no-polarity",
      `${noPolarity.length} indicator${noPolarity.length === 1 ? " has" : "s have"} a target but nothing says whether higher or lower is better, so ${noPolarity.length === 1 ? "its" : "their"} RAG was not worked out`
      + `${noPolarity.some((i) => i.typedStatus) ? " (the sheet's own status was used where it gives one)" : ""}: add a Polarity column (Maximise / Minimise) or set it in Settings`));
  }
  const counts = countStatuses(items.map((i) => i.assessment.status));
  const report: IndicatorsReport = {
    ...summaryOf(grid, d, id, settings, read, counts, previous, notRatedWords),
    kind: d.kind as "indicators" | "outcomes",
    items,
    counts,
    breakdown: statusTrendBreakdown(items.map((i) => ({ status: i.assessment.status, trend: i.assessment.trends.short }))),
    areas: read.areas,
    ownArea: own.length ? own[0].area : null,
  };
  return { report, issues, notes, read };
}

/** A stand-in period for values a sheet gives without one, when the workbook names no period at all. */
const UNDATED: Period = { kind: "year", fy: 9999 };

function typedOrUnrated(item: IndicatorItem, word: string): Pick<IndicatorAssessment, "status" | "why" | "statusCode"> {
  const typed = item.typedStatus ? normaliseStatus(item.typedStatus) : null;
  if (typed?.ok && typed.value !== "No data") {
    return { status: typed.value, why: `${typed.value}: as the sheet gives it ('${item.typedStatus}')`, statusCode: STATUS_CODE[typed.value] };
  }
  return { status: "Not rated", why: `Not rated: ${item.typedStatus || word}`, statusCode: STATUS_CODE["Not rated"] };
}

/** How the other areas stand on the same indicator and period: how many, their median, and the own area's rank from the highest value. */
function comparatorsOf(item: IndicatorItem, all: IndicatorItem[], at: Period | null): { areas: number; median: number | null; rank: number | null } {
  if (!at) return { areas: 0, median: null, rank: null };
  const name = item.code || item.title;
  const values = all.filter((i) => i !== item && (i.code || i.title) === name && i.breakdown === item.breakdown).map((i) => latestValue(i, at)).filter((v): v is { value: number; period: string } => v !== null).map((v) => v.value);
  const mine = latestValue(item, at)?.value ?? null;
  const sorted = values.slice().sort((a, b) => a - b);
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : null;
  // Ranked from the highest value (1 = highest) whatever the polarity, so the rank never hides a guess about which way is good.
  return { areas: values.length, median, rank: mine === null ? null : values.filter((v) => v > mine).length + 1 };
}

/**
 * The year to date beside the period value: from that period's own row in
 * long data; where one row gives a whole series (a YTD column beside period
 * columns), only when the period reported is the series' latest with a value.
 */
function ytdAt(item: IndicatorItem, at: Period): number | null {
  const pts = item.points;
  const same = (p: Period | null) => {
    const pp = p ?? at;
    return pp.kind === at.kind && periodIndex(pp) === periodIndex(at);
  };
  let own = false;
  for (let i = 0; i < pts.length && !own; i++) own = pts.ytd(i) !== undefined;
  if (own) {
    for (let i = 0; i < pts.length; i++) if (pts.ytd(i) !== undefined && same(pts.period(i))) return pts.ytd(i) ?? null;
    return null;
  }
  if (item.ytd === null) return null;
  // The series' latest valued point of this kind (the first of equals).
  let last = -1;
  for (let i = 0; i < pts.length; i++) {
    const p = pts.period(i) ?? at;
    if (pts.number(i) === null || p.kind !== at.kind) continue;
    if (last < 0 || periodIndex(p) > periodIndex(pts.period(last) ?? at)) last = i;
  }
  return last >= 0 && same(pts.period(last)) ? item.ytd : null;
}

function latestPeriod(item: IndicatorItem): Period | null {
  let best: Period | null = null;
  const pts = item.points;
  for (let i = 0; i < pts.length; i++) {
    const p = pts.period(i);
    if (p && (!best || (p.kind === best.kind && periodIndex(p) > periodIndex(best)))) best = p;
  }
  return best;
}

function hasUndated(item: IndicatorItem): boolean {
  for (let i = 0; i < item.points.length; i++) if (item.points.period(i) === null) return true;
  return false;
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
