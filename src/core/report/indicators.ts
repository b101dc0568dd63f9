import { a1 } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readIndicators, IndicatorItem, IndicatorPoint, PointList, PointValue } from "../datasets/indicators";
import { Period, formatPeriod, periodEnd, periodIndex, periodKey } from "../periods";
import { compareDates } from "../dates";
import { assessIndicator, IndicatorAssessment, IndicatorOptions, NO_PROBLEMS } from "../indicator";
import { countStatuses } from "../standards/standard";
import { statusTrendBreakdown } from "../standards/breakdown";
import { STATUS_CODE, Status, normaliseStatus } from "../status";
import { normaliseWord } from "../values";
import { formatNumber, formatShown, Shown } from "../numbers";
import { DatasetSettings } from "../settings";
import { DatasetContext } from "./context";
import { DEFAULT_LONG_TREND, Trend } from "../trend";
import { sheetTitle, planNameFrom } from "./sheet-title";
import { summaryOf } from "./summary";
import { issue, Issue } from "../datasets/issues";
import { IndicatorsReport, Comparators } from "./types";
import { DatasetRead } from "../datasets/read";

/** SPC is attempted only on series long enough for limits to mean something. */
export const SPC_MIN_POINTS = 12;

/**
 * The few ways values are shown (percent or not, with so many decimals), each made once and shared by every item
 * shown that way, not made per item (twice, for its values and its target). Nothing changes a Shown once made.
 */
const SHOWN = { percent: new Map<number | null, Shown>(), plain: new Map<number | null, Shown>() };

function sharedShown(percent: boolean, decimals: number | null): Shown {
  const byDecimals = percent ? SHOWN.percent : SHOWN.plain;
  let shown = byDecimals.get(decimals);
  if (!shown) byDecimals.set(decimals, (shown = { percent, decimals }));
  return shown;
}

/** How an item's values are shown on its sheet. */
function shownOf(item: IndicatorItem): Shown | null {
  return item.percent || item.decimals !== null ? sharedShown(item.percent, item.decimals) : null;
}

/** A value as the sheet shows it; a plain fraction with all its digits (up to 4), since its scale is the question. */
function showFull(v: number, item: IndicatorItem): string {
  const shown = shownOf(item);
  return shown ? formatShown(v, shown) : formatNumber(v, 4);
}

/** How its target is shown: on the values' scale, with the target's own decimals. */
function shownTargetOf(item: IndicatorItem): Shown | null {
  return item.percent || item.targetDecimals !== null ? sharedShown(item.percent, item.targetDecimals) : null;
}

/** How every item of a dataset is assessed (made once per dataset, not per item). */
function assessOptions(settings: DatasetSettings): IndicatorOptions {
  return { spc: settings.spc ?? true, spcMinimumPoints: SPC_MIN_POINTS, band: settings.staticBand, longMethod: settings.longTrend };
}

function assess(item: IndicatorItem, period: Period, settings: DatasetSettings, options: IndicatorOptions): IndicatorAssessment {
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
  const target = targetAt(item, period);
  const a = assessIndicator(
    { key: item.key, title: item.title, polarity: item.polarity, target, redThreshold: item.redThreshold, tolerance: settings.tolerance, points, shown: shownOf(item), shownTarget: shownTargetOf(item) },
    period,
    options,
  );
  if (current === "invalid") {
    // The sheet's own status stands where its figure is not a number ("8% variance" rated Green).
    const typed = item.typedStatus ? normaliseStatus(item.typedStatus) : null;
    if (typed?.ok && typed.value !== "No data") {
      return { ...a, status: typed.value, statusCode: STATUS_CODE[typed.value], why: `${typed.value}: as the sheet gives it ('${item.typedStatus}'); its value is not a number (see Data issues)` };
    }
    return { ...a, status: "Check", statusCode: STATUS_CODE.Check, why: "Check: this period's value is not a number (see Data issues)" };
  }
  return a;
}

/** A target given for this very period (a Goal column under it) wins over the indicator's single target. */
function targetAt(item: IndicatorItem, period: Period): number | null {
  return item.targets?.get(periodKey(period)) ?? item.target;
}

/**
 * A value and its target on scales that cannot both be right: a percentage
 * against a plain number of 1 or less (75.5% against 0.8), or plain
 * fractions against a percentage (0.755 against 80%). Either could be meant;
 * neither is guessed.
 */
function scaleClash(item: IndicatorItem, value: number | null, target: number | null): boolean {
  if (value === null || target === null || target === 0 || item.percentValues + item.plainValues === 0) return false;
  const valuesPercent = item.percentValues > 0 && item.plainValues === 0;
  if (valuesPercent && !item.targetPercent) return Math.abs(target) <= 1 && Math.abs(value) > 1;
  // The unit is read only for a target given as a percentage: every item's unit tested was garbage for nothing.
  if (!item.targetPercent) return false;
  const valuesPlain = item.plainValues > 0 && item.percentValues === 0 && !/%|percent/i.test(item.unit);
  return valuesPlain && Math.abs(target) > 1 && everyNumberAtMostOne(item.points);
}

/** Whether every number of a series is 1 or less in size (read in place: a copy of every point was made per item). */
function everyNumberAtMostOne(pts: PointList): boolean {
  for (let i = 0; i < pts.length; i++) {
    const v = pts.number(i);
    if (v !== null && !(Math.abs(v) <= 1)) return false;
  }
  return true;
}

/** The latest value up to a period, of the period's own kind, and the period it belongs to. */
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

/**
 * The period an item is reported at. Its values are of the reporting
 * period's kind: that period. Otherwise (an annual sheet in a monthly
 * workbook) the series keeps its own grain: its latest period that has
 * ended by the end of the reporting period, or null when none has.
 */
function periodFor(item: IndicatorItem, period: Period): Period | null {
  let own: Period | null = null;
  // Worked out only for a series of another grain: most settle on their first point.
  let end: ReturnType<typeof periodEnd> | null = null;
  const pts = item.points;
  for (let i = 0; i < pts.length; i++) {
    const p = pts.period(i);
    if (!p || p.kind === period.kind) return period;
    if (compareDates(periodEnd(p), (end ??= periodEnd(period))) > 0) continue;
    if (!own || compareDates(periodEnd(p), periodEnd(own)) > 0) own = p;
  }
  // (Every point here has a period: one without would have settled it above.)
  return own ?? (pts.length ? null : period);
}

const GRAIN_WORDS: Record<Period["kind"], string> = { quarter: "quarterly", month: "monthly", year: "financial-year", calendarYear: "calendar-year" };

export function reportIndicators(
  ctx: DatasetContext,
  /** The dataset as already read (to choose the period), so it is read once. */
  read: ReturnType<typeof readIndicators> = readIndicators(ctx.grid, ctx.detected, { today: ctx.today }),
): { report: IndicatorsReport; issues: Issue[]; notes: string[]; read: DatasetRead<unknown> } {
  const { grid, detected: d, settings, period, ownArea } = ctx;
  const issues = [...read.issues];
  const notes: string[] = [...read.notes];
  const noPolarity: IndicatorItem[] = [];
  const clashes: { item: IndicatorItem; value: number; target: number }[] = [];
  const notRatedWords: Record<string, number> = {};
  const ownGrain = new Map<string, { period: Period; series: number }>();
  let beforeAny = 0;
  const options = assessOptions(settings);
  // Long data over several areas: the council's own area is reported, the others are its comparators.
  const own = ownArea ? read.items.filter((i) => normaliseWord(i.area) === normaliseWord(ownArea)) : [];
  const reported = own.length ? own : read.items;
  if (read.areas.length > 1 && !own.length) {
    notes.push(`'${grid.name}' holds ${read.areas.length} areas (${read.areas.slice(0, 3).join(", ")}…), so each indicator is reported once per area. `
      + `${ownArea ? `No area is called '${ownArea}'. ` : ""}Name your own area (--area, or in Settings) to report on it with the others as comparators.`);
  }
  const items = reported.map((item) => {
    // Without a reporting period, each indicator is assessed at its own latest period; with one, at its own grain.
    const at = period ? periodFor(item, period) : latestPeriod(item) ?? (hasUndated(item) ? UNDATED : null);
    if (period && at && at.kind !== period.kind) {
      const key = periodKey(at);
      const seen = ownGrain.get(key);
      if (seen) seen.series++;
      else ownGrain.set(key, { period: at, series: 1 });
    } else if (period && !at) beforeAny++;
    // A series whose every row was set aside (forecasts, pooled years) has no value, and says why.
    let assessment = at && (item.points.length || !item.rowsSetAside) ? assess(item, at, settings, options) : null;
    if (assessment && at === UNDATED) assessment = { ...assessment, period: "" };
    const clash = !!assessment && !!at && scaleClash(item, assessment.value, targetAt(item, at));
    if (assessment && clash) {
      const target = targetAt(item, at) as number;
      clashes.push({ item, value: assessment.value as number, target });
      assessment = {
        ...assessment, status: "Check", statusCode: STATUS_CODE.Check, problems: assessment.problems.filter((p) => p.code !== "rag.no-polarity"),
        why: `Check: ${showFull(assessment.value as number, item)} against target ${formatNumber(target)}${item.targetPercent ? "%" : ""}: `
          + "the value and the target are on different scales (a percentage and a plain number of 1 or less)",
      };
    } else if (assessment?.problems.some((p) => p.code === "rag.no-polarity")) {
      // A target without a direction: the sheet's own status is used where it gives one, never a guess.
      noPolarity.push(item);
      assessment = { ...assessment, problems: assessment.problems.filter((p) => p.code !== "rag.no-polarity"), ...typedOrUnrated(item, "(no polarity)") };
    } else if (assessment && (assessment.status === "No data" || assessment.status === "Data only") && item.typedStatus && assessment.value !== null) {
      assessment = { ...assessment, ...typedOrUnrated(item, item.typedStatus) };
    }
    if (assessment) {
      if (assessment.status === "Not rated") notRatedWords[assessment.why.replace(/^Not rated: /, "")] = (notRatedWords[assessment.why.replace(/^Not rated: /, "")] ?? 0) + 1;
      for (const p of assessment.problems) {
        if (p.code.startsWith("rag.")) issues.push(issue(d.sheet, item.row, d.columns.target ?? d.left, p.severity, p.code, `'${item.code || item.title}': ${p.message}`));
      }
    }
    return {
      item,
      assessment: assessment ?? emptyAssessment(item, period),
      target: at ? targetAt(item, at) : item.target,
      latest: at ? undatedAware(latestValue(item, at), at) : null,
      ytd: at ? ytdAt(item, at) : null,
      comparators: own.length ? comparatorsOf(item, read.items, at) : null,
      targetPercent: item.targetPercent || (item.percent && !clash),
    };
  });
  if (noPolarity.length) {
    issues.push(issue(d.sheet, noPolarity[0].row, d.columns.polarity ?? d.columns.title ?? d.left, "warning", "rag.no-polarity",
      `${noPolarity.length} indicator${noPolarity.length === 1 ? " has" : "s have"} a target but nothing says whether higher or lower is better, so ${noPolarity.length === 1 ? "its" : "their"} RAG was not worked out`
      + `${noPolarity.some((i) => i.typedStatus) ? " (the sheet's own status was used where it gives one)" : ""}: add a Polarity column (Maximise / Minimise) or set it in Settings`));
  }
  const doubts: string[] = [];
  if (clashes.length) {
    doubts.push(`${clashes.length} indicator${clashes.length === 1 ? " has" : "s have"} a value and a target on different scales (a percentage against a plain number of 1 or less), so ${clashes.length === 1 ? "its" : "their"} RAG was not worked out`);
    for (const c of clashes) issues.push(clashIssue(d, c.item, c.value, c.target));
  }
  const mixed = read.items.filter((i) => i.percentValues > 0 && i.plainValues > 0 && i.points.toArray().some((p) => typeof p.value === "number" && Math.abs(p.value) <= 1 && p.value !== 0));
  if (mixed.length) {
    doubts.push(`${mixed.length} series mix values formatted as percentages with plain numbers of 1 or less (such as '${mixed[0].title || mixed[0].code}'), so their values may be on two scales`);
  }
  if (period && ownGrain.size) {
    const ends = [...ownGrain.values()].sort((a, b) => b.series - a.series);
    const grains = [...new Set(ends.map((e) => GRAIN_WORDS[e.period.kind]))];
    const count = ends.reduce((n, e) => n + e.series, 0);
    notes.push(`${count} series on '${d.sheet}' ${count === 1 ? "is" : "are"} ${grains.join(" or ")}, not ${GRAIN_WORDS[period.kind]} like the reporting period ${formatPeriod(period)}, `
      + `so each is reported at its own latest period to have ended by then (${ends.slice(0, 3).map((e) => `${formatPeriod(e.period)} for ${e.series}`).join(", ")}${ends.length > 3 ? ", …" : ""}).`);
  }
  if (period && beforeAny) {
    notes.push(`${beforeAny} series on '${d.sheet}' have values only for periods ending after ${formatPeriod(period)}, so they are reported as 'No data' for it.`);
  }
  const counts = countStatuses(items.map((i) => i.assessment.status));
  const report: IndicatorsReport = {
    ...summaryOf(ctx, { ...read, doubts: [...read.doubts, ...doubts] }, counts, notRatedWords),
    rowsSetAside: read.setAside.length,
    kind: d.kind as "indicators" | "outcomes",
    items,
    counts,
    breakdown: statusTrendBreakdown(items.map((i) => statusTrendPair(i.assessment.status, i.assessment.trends.short))),
    longTrend: settings.longTrend ?? DEFAULT_LONG_TREND,
    planName: d.kind === "outcomes" ? settings.planName ?? planNameFrom(sheetTitle(grid, d)) : null,
    series: read.items.length,
    areas: read.areas,
    ownArea: own.length ? own[0].area : null,
  };
  return { report, issues, notes, read };
}

/** Each status and short trend the breakdown counts, as one pair shared by every item that has them (not a pair per item). */
const STATUS_TREND = new Map<Status, Map<Trend, { status: Status; trend: Trend }>>();

function statusTrendPair(status: Status, trend: Trend): { status: Status; trend: Trend } {
  let byTrend = STATUS_TREND.get(status);
  if (!byTrend) STATUS_TREND.set(status, (byTrend = new Map()));
  let pair = byTrend.get(trend);
  if (!pair) byTrend.set(trend, (pair = Object.freeze({ status, trend })));
  return pair;
}

/** The issue for a value and target on scales that cannot both be right, naming both cells. */
function clashIssue(d: DetectedDataset, item: IndicatorItem, value: number, target: number): Issue {
  const point = item.points.toArray().reduce<IndicatorPoint | null>((b, p) => (typeof p.value === "number" && (!b || p.row > b.row || (p.row === b.row && p.col > b.col)) ? p : b), null);
  const valueCell = point ? a1(point.row, point.col) : a1(item.row, d.columns.value ?? d.left);
  const [targetRow, targetCol] = item.targetRow >= 0 ? [item.targetRow, item.targetCol] : [item.row, d.columns.target ?? d.left];
  const targetCell = a1(targetRow, targetCol);
  const shownValue = showFull(value, item);
  const shownTarget = `${formatNumber(target)}${item.targetPercent ? "%" : ""}`;
  const fix = item.targetPercent ? "give the values as percentages (format their cells as %)" : `write the target as a percentage (${formatNumber(target * 100)}%) or format its cell as %`;
  return issue(d.sheet, targetRow, targetCol, "warning", "indicator.scale-mismatch",
    `'${item.code || item.title}': the value ${shownValue} (${valueCell}) and the target ${shownTarget} (${targetCell}) are on different scales, so its RAG was not worked out: ${fix}`);
}

/** A stand-in period for values a sheet gives without one, when the workbook names no period at all. */
const UNDATED: Period = { kind: "year", fy: 9999 };

/** A latest value of the stand-in period belongs to no period the sheet names. */
function undatedAware(latest: { value: number; period: string } | null, at: Period): { value: number; period: string } | null {
  return latest && at === UNDATED ? { ...latest, period: "" } : latest;
}

function typedOrUnrated(item: IndicatorItem, word: string): Pick<IndicatorAssessment, "status" | "why" | "statusCode"> {
  const typed = item.typedStatus ? normaliseStatus(item.typedStatus) : null;
  if (typed?.ok && typed.value !== "No data") {
    return { status: typed.value, why: `${typed.value}: as the sheet gives it ('${item.typedStatus}')`, statusCode: STATUS_CODE[typed.value] };
  }
  return { status: "Not rated", why: `Not rated: ${item.typedStatus || word}`, statusCode: STATUS_CODE["Not rated"] };
}

/**
 * How the other areas stand on the same indicator and period: how many, their
 * median, the own area's rank from the highest value (ties share the better
 * rank) and its quartile among all the areas, own included: 1 at or above
 * the upper quartile, 4 below the lower one, the cut points as Excel's
 * QUARTILE.INC gives them, so a reader can check them in the sheet.
 */
export function comparatorsOf(item: IndicatorItem, all: IndicatorItem[], at: Period | null): Comparators {
  if (!at) return { areas: 0, median: null, rank: null, quartile: null };
  const name = item.code || item.title;
  // Authorities compare with authorities, not with the region or the country they sit in.
  const values = all
    .filter((i) => i !== item && (i.code || i.title) === name && i.breakdown === item.breakdown && i.areaColumn === item.areaColumn)
    .map((i) => latestValue(i, at)?.value)
    .filter((v): v is number => v !== undefined);
  const mine = latestValue(item, at)?.value ?? null;
  const sorted = values.slice().sort((a, b) => a - b);
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : null;
  // Ranked from the highest value (1 = highest) whatever the polarity, so the rank never hides a guess about which way is good.
  const rank = mine === null ? null : values.filter((v) => v > mine).length + 1;
  let quartile: number | null = null;
  if (mine !== null && values.length) {
    const every = [...sorted, mine].sort((a, b) => a - b);
    const cut = (q: number) => {
      const at = (every.length - 1) * q;
      const lo = Math.floor(at);
      return every[lo] + (every[Math.min(lo + 1, every.length - 1)] - every[lo]) * (at - lo);
    };
    quartile = mine >= cut(0.75) ? 1 : mine >= cut(0.5) ? 2 : mine >= cut(0.25) ? 3 : 4;
  }
  return { areas: values.length, median, rank, quartile };
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

function emptyAssessment(item: IndicatorItem, period: Period | null): IndicatorAssessment {
  const why = !item.points.length && item.rowsSetAside ? "No data: its rows are forecasts, periods still to come or several years together, none of them a current value (see notes)"
    : item.points.length && period ? `No data: no value for a period ending by ${formatPeriod(period)}` : "No data: no value for any period";
  return {
    status: "No data", why,
    key: item.key, title: item.title, period: "", value: null,
    statusCode: STATUS_CODE["No data"], trends: { short: "No trend data", long: "No trend data", previous: null, comparator: null },
    spc: null, problems: NO_PROBLEMS,
  };
}

export function describeValue(v: number | null, percent: boolean): string {
  return v === null ? "" : `${formatNumber(v)}${percent ? "%" : ""}`;
}
