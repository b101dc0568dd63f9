import { SheetGrid, columnLetter } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readIndicators, IndicatorsRead } from "../datasets/indicators";
import { CalendarDate } from "../dates";
import { issue, Issue } from "../datasets/issues";
import { Period, QuarterPeriod, formatPeriod, periodIndex, periodKey, quarterMonths } from "../periods";

/** What one indicator or outcome dataset holds in time: the periods it has numbers for. */
export interface DatasetPeriods {
  dataset: DetectedDataset;
  /** The dataset as read, for the report to reuse rather than read again. */
  read: IndicatorsRead;
  /** Period key → the period and how many values it has. */
  valued: Map<string, { period: Period; values: number }>;
  /** Values given without a period: they are whatever period is reported. */
  unplaced: number;
  /** Period key → how many series (indicator, or indicator × area) have their latest value of that kind there. */
  ends: Map<string, { period: Period; series: number }>;
  /** Quarters it wrote with a single year ("Q1 2015"), read as calendar quarters. */
  calendarQuarters: QuarterPeriod[];
  /** A bare year it gave in a period or year column (2019), read as a calendar year; null when none. */
  calendarYear: Period | null;
}

/**
 * Which periods each indicator and outcome dataset has values for, read by
 * the same reader the report uses, so every layout it understands (wide,
 * long, dated rows) counts alike. A period column that is present but empty
 * has no values.
 */
export function surveyPeriods(grids: SheetGrid[], datasets: DetectedDataset[], today: CalendarDate | null = null): DatasetPeriods[] {
  const out: DatasetPeriods[] = [];
  for (const d of datasets) {
    if (d.kind !== "indicators" && d.kind !== "outcomes") continue;
    const grid = grids.find((g) => g.name === d.sheet);
    if (!grid) continue;
    const read = readIndicators(grid, d, { today });
    const survey: DatasetPeriods = { dataset: d, read, valued: new Map(), unplaced: 0, ends: new Map(), calendarQuarters: [], calendarYear: null };
    const calendar = new Map<string, QuarterPeriod>();
    // Each count found by its period object, its key made once per object: a dataset's points share a few period
    // objects, and a key made and looked up per point (400,000 of them) was most of this survey's time.
    const valuedOf = new Map<Period, { period: Period; values: number }>();
    const endsOf = new Map<Period, { period: Period; series: number }>();
    // An item's latest valued period of each kind, kinds in the order its values first give them (reused item to item).
    const kinds: Period["kind"][] = [];
    const latest: Period[] = [];
    for (const item of read.items) {
      kinds.length = 0;
      latest.length = 0;
      const pts = item.points;
      for (let i = 0; i < pts.length; i++) {
        const period = pts.period(i);
        if (period?.kind === "quarter" && period.calendar) calendar.set(periodKey(period), period);
        if (period?.kind === "calendarYear") survey.calendarYear ??= period;
        if (pts.number(i) === null) continue;
        if (!period) {
          survey.unplaced++;
          continue;
        }
        let seen = valuedOf.get(period);
        if (!seen) {
          const key = periodKey(period);
          seen = survey.valued.get(key);
          if (!seen) survey.valued.set(key, (seen = { period, values: 0 }));
          valuedOf.set(period, seen);
        }
        seen.values++;
        const k = kinds.indexOf(period.kind);
        if (k < 0) {
          kinds.push(period.kind);
          latest.push(period);
        } else if (periodIndex(period) > periodIndex(latest[k])) latest[k] = period;
      }
      for (let k = 0; k < latest.length; k++) {
        const end = latest[k];
        let seen = endsOf.get(end);
        if (!seen) {
          const key = periodKey(end);
          seen = survey.ends.get(key);
          if (!seen) survey.ends.set(key, (seen = { period: end, series: 0 }));
          endsOf.set(end, seen);
        }
        seen.series++;
      }
    }
    survey.calendarQuarters = [...calendar.values()];
    out.push(survey);
  }
  return out;
}

const PREFERENCE: Period["kind"][] = ["quarter", "month", "year", "calendarYear"];

/** Monthly and annual series must nearly all end in the latest period for it to be everyone's reporting period. */
const SHARED_END = 0.9;

function latestOfKind(surveys: DatasetPeriods[], kind: Period["kind"]): Period | null {
  let latest: Period | null = null;
  for (const s of surveys) {
    for (const { period } of s.valued.values()) {
      if (period.kind === kind && (!latest || periodIndex(period) > periodIndex(latest))) latest = period;
    }
  }
  return latest;
}

/**
 * The default reporting period, and what the run should say about it.
 *
 * Quarters (a council's own quarterly workbook): the latest quarter that has
 * a value in any indicator or outcome dataset; empty period columns (Q3 and
 * Q4 not yet filled in) never make a quarter the latest.
 * With no quarters, the latest month, then the latest financial year, when
 * nearly every series (90%) has reached it. Monthly and annual extracts
 * (NHS, Oflog, LG Inform) publish measures on different schedules: when
 * their series end in different periods there is no one reporting period,
 * and each series is reported at its own latest value, as the note says.
 */
export function defaultPeriod(surveys: DatasetPeriods[]): { period: Period | null; note: string | null } {
  for (const kind of PREFERENCE) {
    const latest = latestOfKind(surveys, kind);
    if (!latest) continue;
    if (kind === "quarter") return { period: latest, note: thinPeriodNote(surveys, latest) };
    const ends = sumAcross(surveys.map((s) => s.ends), kind, (into, e) => void (into.series += e.series));
    const total = [...ends.values()].reduce((n, e) => n + e.series, 0);
    const atLatest = ends.get(periodKey(latest))?.series ?? 0;
    if (atLatest >= SHARED_END * total) return { period: latest, note: null };
    const spread = [...ends.values()].sort((a, b) => b.series - a.series).slice(0, 3)
      .map((e) => `${formatPeriod(e.period)} for ${e.series}`).join(", ");
    return {
      period: null,
      note: `The series end in different periods (${spread}${ends.size > 3 ? ", …" : ""}), so each is reported at its own latest value; `
        + `choose a period (such as '${formatPeriod(latest)}') to report one period for all.`,
    };
  }
  return { period: null, note: null };
}

/** The default reporting period alone (see defaultPeriod). */
export function latestValuedPeriod(surveys: DatasetPeriods[]): Period | null {
  return defaultPeriod(surveys).period;
}

/** How many values each period of a kind has, across every dataset. */
function valueCounts(surveys: DatasetPeriods[], kind: Period["kind"]): Map<string, { period: Period; values: number }> {
  return sumAcross(surveys.map((s) => s.valued), kind, (into, v) => void (into.values += v.values));
}

/** One kind of period's entries from every dataset, by period key, those of the same period added together. */
function sumAcross<T extends { period: Period }>(maps: Map<string, T>[], kind: Period["kind"], add: (into: T, from: T) => void): Map<string, T> {
  const out = new Map<string, T>();
  for (const map of maps) {
    for (const [key, e] of map) {
      if (e.period.kind !== kind) continue;
      const seen = out.get(key);
      if (seen) add(seen, e);
      else out.set(key, { ...e });
    }
  }
  return out;
}

/**
 * A default period that few indicators have reached (one filled in early, or
 * a mistyped year) is still used, but the run says how thin it is and which
 * period most indicators have, so the choice is never silent.
 */
export function thinPeriodNote(surveys: DatasetPeriods[], period: Period): string | null {
  const counts = valueCounts(surveys, period.kind);
  const chosen = counts.get(periodKey(period))?.values ?? 0;
  let fullest: { period: Period; values: number } | null = null;
  for (const c of counts.values()) {
    // The latest of the fullest periods: the one the user most likely means.
    if (!fullest || c.values > fullest.values || (c.values === fullest.values && periodIndex(c.period) > periodIndex(fullest.period))) fullest = c;
  }
  if (!fullest || chosen * 2 >= fullest.values) return null;
  return `${formatPeriod(period)} is the latest period with values, so it is reported, but only ${chosen} value${chosen === 1 ? "" : "s"} `
    + `${chosen === 1 ? "is" : "are"} given for it (${formatPeriod(fullest.period)} has ${fullest.values}): choose another period if it is not the one to report.`;
}

function hasValuesFor(s: DatasetPeriods, period: Period): boolean {
  return s.unplaced > 0 || s.valued.has(periodKey(period));
}

/** The cell a missing period is reported against: its own column's header, else the period or value column's. */
function headerCellFor(d: DetectedDataset, period: Period): number {
  const own = d.periodColumns.find((pc) => periodKey(pc.period) === periodKey(period));
  return own?.col ?? d.columns.period ?? d.columns.value ?? d.left;
}

/**
 * Warnings about the reporting period: a period that no indicator or outcome
 * dataset has a value for (so every indicator would say "No data"), and the
 * calendar reading of quarters written with a single year. Each warning is a
 * note (for the command line and the top of the Data issues sheet) and, where
 * it belongs to a dataset, an issue on that dataset's header cell, so the
 * Data issues sheet and the pane never say "No data issues were found" while
 * it stands.
 */
export function periodWarnings(surveys: DatasetPeriods[], period: Period | null): { warnings: string[]; notes: string[]; issues: Issue[] } {
  const warnings: string[] = [];
  const notes: string[] = [];
  const issues: Issue[] = [];
  if (period && surveys.length > 0 && !surveys.some((s) => hasValuesFor(s, period))) {
    const label = formatPeriod(period);
    const latest = latestValuedPeriod(surveys);
    const instead = latest ? `the latest period with values is ${formatPeriod(latest)}` : "no indicator has a value for any period";
    warnings.push(`No indicator or outcome has a value for ${label}, so every one is reported as 'No data': ${instead}.`);
    for (const s of surveys) {
      const d = s.dataset;
      const col = headerCellFor(d, period);
      const own = d.periodColumns.some((pc) => periodKey(pc.period) === periodKey(period));
      const where = own ? `its column ${columnLetter(col)} is empty` : `it has no rows or column for ${label}`;
      issues.push(issue(d.sheet, d.headerRow, col, "warning", "period.no-values",
        `No indicator on '${d.sheet}' has a value for the reporting period ${label} (${where}); ${instead}.`));
    }
  }
  for (const s of surveys) {
    if (s.calendarYear) {
      const col = s.dataset.columns.period;
      const header = col === undefined ? "period" : s.dataset.headers[col - s.dataset.left];
      notes.push(`'${s.dataset.sheet}' gives bare years in its '${header}' column, so they are read as calendar years: `
        + `${formatPeriod(s.calendarYear)} is January to December ${formatPeriod(s.calendarYear)}, kept under the label the sheet uses. `
        + "Financial years are written with both years, as in '2019/20'.");
    }
    if (s.calendarQuarters.length === 0) continue;
    const example = s.calendarQuarters[0];
    notes.push(`'${s.dataset.sheet}' labels its quarters with a single year, so they are read as calendar quarters: `
      + `${formatPeriod(example)} is ${quarterMonths(example)}. `
      + "Financial quarters are written with both years, as in 'Q1 2021/22'.");
  }
  return { warnings, notes: [...warnings, ...notes], issues };
}
