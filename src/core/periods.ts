import { Parsed, ok, fail } from "./problems";
import { CalendarDate, daysInMonth, monthFromName, expandYear, parseUkDate } from "./dates";
import { CellValue, isBlank, cellText } from "./values";
import { truncate } from "./numbers";

/**
 * Reporting periods on the UK financial year (April–March). `fy` is the year
 * the financial year starts in: 2021 means 2021/22. A quarter is always held
 * as its financial quarter, so it compares, orders and steps with every other
 * quarter; `calendar` only says it was written as a calendar quarter
 * ("Q1 2015" = January–March 2015 = Q4 2014/15) and is labelled so.
 */
export type Period =
  | { kind: "quarter"; fy: number; quarter: 1 | 2 | 3 | 4; calendar?: true }
  | { kind: "month"; year: number; month: number }
  | { kind: "year"; fy: number }
  /** January to December: a bare year in a column headed period or year ("2019"), labelled as written. */
  | { kind: "calendarYear"; year: number };

const QUARTER_WORDS = ["One", "Two", "Three", "Four"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function fyLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`;
}

/** A calendar-labelled quarter as its calendar year and quarter: Q4 2014/15 → 2015, 1. */
function asCalendar(p: { fy: number; quarter: 1 | 2 | 3 | 4 }): { year: number; quarter: number } {
  return p.quarter === 4 ? { year: p.fy + 1, quarter: 1 } : { year: p.fy, quarter: p.quarter + 1 };
}

const KIND_CODE: Record<Period["kind"], number> = { quarter: 0, month: 1, year: 2, calendarYear: 3 };
/** Labels made so far, by period (a few dozen in any workbook). */
const LABELS = new Map<number, string>();

/** The label, as the data wrote it: "Q1 2021/22", "Q1 2015" (calendar), "Jun 2021", "2021/22". */
export function formatPeriod(p: Period): string {
  // Labels are asked for per value (400,000 times for 50,000 indicators × 8 quarters): each is made once and shared.
  const key = periodIndex(p) * 8 + KIND_CODE[p.kind] * 2 + (p.kind === "quarter" && p.calendar ? 1 : 0);
  if (!Number.isSafeInteger(key)) return periodLabel(p);
  let label = LABELS.get(key);
  if (label === undefined) LABELS.set(key, (label = periodLabel(p)));
  return label;
}

function periodLabel(p: Period): string {
  switch (p.kind) {
    case "quarter": {
      if (!p.calendar) return `Q${p.quarter} ${fyLabel(p.fy)}`;
      const c = asCalendar(p);
      return `Q${c.quarter} ${c.year}`;
    }
    case "month": return `${MONTH_NAMES[p.month - 1].slice(0, 3)} ${p.year}`;
    case "year": return fyLabel(p.fy);
    case "calendarYear": return String(p.year);
  }
}

/** As the report words it: "Quarter One 2021/22". */
export function longPeriodName(p: Period): string {
  switch (p.kind) {
    case "quarter": {
      if (!p.calendar) return `Quarter ${QUARTER_WORDS[p.quarter - 1]} ${fyLabel(p.fy)}`;
      const c = asCalendar(p);
      return `Quarter ${QUARTER_WORDS[c.quarter - 1]} ${c.year}`;
    }
    case "month": return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    case "year": return `the financial year ${fyLabel(p.fy)}`;
    case "calendarYear": return `the calendar year ${p.year}`;
  }
}

export type QuarterPeriod = Extract<Period, { kind: "quarter" }>;

/** The months a quarter covers, in words: "January to March 2015" (a quarter never spans two calendar years). */
export function quarterMonths(p: QuarterPeriod): string {
  const end = periodEnd(p);
  return `${MONTH_NAMES[end.month - 3]} to ${MONTH_NAMES[end.month - 1]} ${end.year}`;
}

/** A stable key for maps and history: equal periods give equal keys (Q1 2015 and Q4 2014/15 are one key). */
export function periodKey(p: Period): string {
  return p.kind === "quarter" && p.calendar ? formatPeriod({ kind: "quarter", fy: p.fy, quarter: p.quarter }) : formatPeriod(p);
}

/** A number that orders periods of the same kind; consecutive periods differ by 1. */
export function periodIndex(p: Period): number {
  switch (p.kind) {
    case "quarter": return p.fy * 4 + (p.quarter - 1);
    case "month": return p.year * 12 + (p.month - 1);
    case "year": return p.fy;
    case "calendarYear": return p.year;
  }
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && periodIndex(a) === periodIndex(b);
}

export function shiftPeriod(p: Period, steps: number): Period {
  switch (p.kind) {
    case "quarter": {
      const i = periodIndex(p) + steps;
      const q: Period = { kind: "quarter", fy: Math.floor(i / 4), quarter: ((((i % 4) + 4) % 4) + 1) as 1 | 2 | 3 | 4 };
      return p.calendar ? { ...q, calendar: true } : q;
    }
    case "month": {
      const i = periodIndex(p) + steps;
      return { kind: "month", year: Math.floor(i / 12), month: (((i % 12) + 12) % 12) + 1 };
    }
    case "year": return { kind: "year", fy: p.fy + steps };
    case "calendarYear": return { kind: "calendarYear", year: p.year + steps };
  }
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

export function periodsPerYear(p: Period): number {
  return p.kind === "quarter" ? 4 : p.kind === "month" ? 12 : 1;
}

export function samePeriodLastYear(p: Period): Period {
  return shiftPeriod(p, -periodsPerYear(p));
}

/** The last day of the period: the "as at" date for overdue checks. */
export function periodEnd(p: Period): CalendarDate {
  switch (p.kind) {
    case "quarter": {
      const month = ((p.quarter * 3 + 2) % 12) + 1; // Q1→6, Q2→9, Q3→12, Q4→3
      const year = p.quarter === 4 ? p.fy + 1 : p.fy;
      return { year, month, day: daysInMonth(year, month) };
    }
    case "month": return { year: p.year, month: p.month, day: daysInMonth(p.year, p.month) };
    case "year": return { year: p.fy + 1, month: 3, day: 31 };
    case "calendarYear": return { year: p.year, month: 12, day: 31 };
  }
}

/** The first day of the period: a period that begins after the day of the run has not happened yet. */
export function periodStart(p: Period): CalendarDate {
  switch (p.kind) {
    case "quarter": {
      const end = periodEnd(p);
      return { year: end.year, month: end.month - 2, day: 1 };
    }
    case "month": return { year: p.year, month: p.month, day: 1 };
    case "year": return { year: p.fy, month: 4, day: 1 };
    case "calendarYear": return { year: p.year, month: 1, day: 1 };
  }
}

/** The quarter of the financial year a calendar date falls in. */
export function quarterOf(d: CalendarDate): Period {
  const fy = d.month >= 4 ? d.year : d.year - 1;
  const quarter = (Math.floor(((d.month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: "quarter", fy, quarter };
}

/**
 * "2021/22", "2021-22", "21/22", "2021/2022" → 2021; halves that do not
 * follow → "mismatch", unless the second is later by a few years ("2010-14",
 * "2017 - 19": several years pooled, as statistical releases give rolling
 * averages) → "span"; anything else → null.
 */
function parseFy(text: string): number | null | "mismatch" | { from: number; to: number } {
  const m = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const start = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const end = Number(m[2]);
  const expectedEnd = m[2].length === 2 ? (start + 1) % 100 : start + 1;
  if (end === expectedEnd) return start;
  const to = m[2].length === 2 ? start - (start % 100) + end : end;
  return to > start + 1 && to <= start + 10 ? { from: start, to } : "mismatch";
}

/** "2015", "'15", "’15" → 2015: the single calendar year of a quarter label; anything else → null. */
function parseCalendarYear(text: string): number | null {
  const m = /^(?:(\d{4})|'(\d{2}))$/.exec(text);
  if (!m) return null;
  return m[1] ? Number(m[1]) : expandYear(Number(m[2]));
}

/** The calendar quarter `q` of `year` as a period: the same three months, labelled as written. */
export function calendarQuarter(year: number, q: 1 | 2 | 3 | 4): Period {
  return q === 1 ? { kind: "quarter", fy: year - 1, quarter: 4, calendar: true } : { kind: "quarter", fy: year, quarter: (q - 1) as 1 | 2 | 3, calendar: true };
}

/**
 * What a period is made of, for reading dates: a calendar month, the
 * financial quarter or year (April–March) it falls in, or the calendar quarter.
 */
export type PeriodGrain = "month" | "quarter" | "calendar-quarter" | "year";

/** The period of a given grain that a calendar day falls in. */
export function periodOfDate(d: CalendarDate, grain: PeriodGrain = "month"): Period {
  switch (grain) {
    case "month": return { kind: "month", year: d.year, month: d.month };
    case "quarter": return quarterOf(d);
    case "calendar-quarter": return calendarQuarter(d.year, (Math.floor((d.month - 1) / 3) + 1) as 1 | 2 | 3 | 4);
    case "year": return { kind: "year", fy: d.month >= 4 ? d.year : d.year - 1 };
  }
}

/**
 * The period a date cell belongs to: for long data with a date column (NHS
 * "Making Data Count" keeps one row per month, dated at its start or end).
 * Accepts real dates, Excel serials and dates written as text (dd/mm/yyyy,
 * yyyy-mm-dd, "30 Apr 2021"). A whole number that reads as a year (2015) is
 * refused, not taken as the serial of a day in 1905.
 */
export function periodFromDate(v: CellValue | undefined, grain: PeriodGrain = "month"): Parsed<Period | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100) {
    return fail("period.year-number", `'${v}' is a year, not a date or a period: write a financial year as '${fyLabel(v)}' or a quarter as 'Q1 ${fyLabel(v)}'`);
  }
  const d = parseUkDate(v);
  if (!d.ok) return fail("period.invalid", `'${truncate(cellText(v))}' is not a date: ${EXPECTED}`);
  return ok(d.value && periodOfDate(d.value, grain));
}

const QUARTER = String.raw`(?:q|qtr|quarter)\s*([1-4]|one|two|three|four)`;
const QUARTER_FIRST = new RegExp(String.raw`^${QUARTER}(?:\s*[-,;]\s*|\s*of\s+|\s*)(.+)$`, "i");
const QUARTER_LAST = new RegExp(String.raw`^(.+?)(?:\s*[-,;]\s*|\s*)${QUARTER}$`, "i");
const MONTH = /^([A-Za-z]+\.?)\s*-?\s*'?(\d{2}|\d{4})$/;
/** The year first: "2010;April", "2010 April" (LGBF and other statistical extracts). */
const YEAR_MONTH = /^(\d{4})\s*[;,]?\s*([A-Za-z]+\.?)$/;
const MONTH_RANGE = /^([A-Za-z]+\.?)\s*(?:-|to)\s*([A-Za-z]+\.?)\s*'?(\d{2}|\d{4})$/i;

const EXPECTED = "expected a period such as 'Q1 2021/22', '2021/22 Q1', 'Q1 2015' (a calendar quarter), 'Jun 2021', '2021/22' or a date";

/** How a bare year is read: ambiguous (the default), or a calendar year where a column headed period or year holds it. */
export interface PeriodOptions {
  bareYear?: "ambiguous" | "calendar";
}

/**
 * Read a period label (or a date cell, as its month).
 *
 * Financial (April–March) quarters and years: "Q1 2021/22", "Q1 21/22",
 * "2021/22 Q1", "2018-19;Q1", "Quarter One 2021-22", "Q1 FY2024/25",
 * "2020/21", "FY2023/24", "FY 2023-24", "2016-17".
 * Calendar quarters — a quarter with a single year: "Q1 2015", "Q1'15",
 * "2024 Q1", "2024-Q1" mean January–March of that year (ONS and most
 * statistical releases write quarters so); kept as the same three months,
 * labelled as written. Quarters named by their months: "Apr-Jun 2021".
 * Months: "Jun 2021", "June 2021", "Jun-21", "Apr '21", "2010;April", or a date.
 * Calendar years: "CY2023", "Calendar year 2023", and, with
 * `bareYear: "calendar"`, a bare 2019 (a number or text).
 * Ambiguous labels ("FY15", "Q1 FY15", a bare "2021" elsewhere) are refused
 * with the forms to use, never guessed; several years pooled ("2010-14")
 * are refused as a span ("period.span"), not one period.
 */
export function parsePeriod(v: CellValue | undefined, options: PeriodOptions = {}): Parsed<Period | null> {
  if (typeof v !== "string") return parseLabel(v, options);
  // A long extract gives the same few labels on a million rows: each is read once. (Results are never changed by
  // their users, so one object serves every row; the cache is emptied when full, so odd files cannot grow it.)
  const cache = options.bareYear === "calendar" ? PARSED_CALENDAR : options.bareYear === "ambiguous" ? PARSED_AMBIGUOUS : PARSED;
  let parsed = cache.get(v);
  if (!parsed) {
    if (cache.size >= PARSED_MAX) cache.clear();
    cache.set(v, (parsed = parseLabel(v, options)));
  }
  return parsed;
}

/** Labels read, one cache for each way of reading a bare year. */
const PARSED = new Map<string, Parsed<Period | null>>();
const PARSED_CALENDAR = new Map<string, Parsed<Period | null>>();
const PARSED_AMBIGUOUS = new Map<string, Parsed<Period | null>>();
const PARSED_MAX = 4096;

function parseLabel(v: CellValue | undefined, options: PeriodOptions): Parsed<Period | null> {
  if (isBlank(v)) return ok(null);
  const calendarYears = options.bareYear === "calendar";
  if (calendarYears && (typeof v === "number" || (typeof v === "string" && /^\s*\d{4}(\d{2})?\s*$/.test(v)))) {
    const year = bareYear(Number(v));
    if (year) return ok(year);
  }
  if (v instanceof Date || typeof v === "number") return periodFromDate(v, "month");
  const text = cellText(v).replace(/[\u2018\u2019\u2032`]/g, "'").replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, " ").trim();
  const shown = truncate(text);
  const bad = fail<Period | null>("period.invalid", `'${shown}' is not a period: ${EXPECTED}`);
  const mismatch = fail<Period | null>("period.invalid", `'${shown}' is not a financial year: the second year must follow the first`);
  const span = (s: { from: number; to: number }) => fail<Period | null>("period.span",
    `'${shown}' covers several years (${s.from} to ${s.to}), not one period`);
  const ambiguous = fail<Period | null>("period.ambiguous",
    `'${shown}' is ambiguous: write a financial year in full, e.g. '2014/15' or 'Q1 2014/15', or a calendar quarter as 'Q1 2015'`);

  const q = QUARTER_FIRST.exec(text) ?? QUARTER_LAST.exec(text);
  if (q) {
    const [qText, rest] = QUARTER_FIRST.test(text) ? [q[1], q[2]] : [q[2], q[1]];
    const quarter = (/^\d$/.test(qText) ? Number(qText) : QUARTER_WORDS.map((w) => w.toLowerCase()).indexOf(qText.toLowerCase()) + 1) as 1 | 2 | 3 | 4;
    const yearText = rest.trim().replace(/^fy\s*/i, "");
    const fy = parseFy(yearText);
    if (fy === "mismatch" || (typeof fy === "object" && fy)) return mismatch;
    if (fy !== null) return ok({ kind: "quarter", fy, quarter });
    if (/^fy/i.test(rest.trim())) return ambiguous;
    const year = parseCalendarYear(yearText);
    if (year !== null) return ok(calendarQuarter(year, quarter));
    return bad;
  }
  const y = /^(?:fy|financial year)?\s*(.+)$/i.exec(text);
  if (y) {
    const fy = parseFy(y[1].trim());
    if (fy === "mismatch") return mismatch;
    // "2010-14" alone is several years pooled; "FY2023/25" says it is one financial year, so its halves must follow.
    if (typeof fy === "object" && fy) return y[1].trim() === text ? span(fy) : mismatch;
    if (fy !== null) return ok({ kind: "year", fy });
    if (/^fy\s*'?\d{2,4}$/i.test(text)) return ambiguous;
  }
  const cy = /^(?:cy|calendar year)\s*(\d{4})$/i.exec(text);
  if (cy) return ok({ kind: "calendarYear", year: Number(cy[1]) });
  const range = MONTH_RANGE.exec(text);
  if (range) {
    const [from, to] = [monthFromName(range[1]), monthFromName(range[2])];
    const year = range[3].length === 2 ? expandYear(Number(range[3])) : Number(range[3]);
    // Only a calendar quarter's three months (Jan–Mar, Apr–Jun, …) make a quarter.
    if (from !== null && to === from + 2 && from % 3 === 1) return ok(quarterOf({ year, month: from, day: 1 }));
  }
  const m = MONTH.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    if (month !== null) return ok({ kind: "month", year: m[2].length === 2 ? expandYear(Number(m[2])) : Number(m[2]), month });
  }
  const ym = YEAR_MONTH.exec(text);
  if (ym) {
    const month = monthFromName(ym[2]);
    if (month !== null) return ok({ kind: "month", year: Number(ym[1]), month });
  }
  if (/^\d{4}$/.test(text)) {
    return fail("period.invalid", `'${shown}' is a single year: write a financial year as '${fyLabel(Number(text))}' or a quarter as 'Q1 ${fyLabel(Number(text))}'`);
  }
  // A date written as text ("30/04/2021", "2021-04-30") is its month, as a date cell is.
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$|^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?\s+\d{2,4}$/.test(text)) {
    const d = parseUkDate(text);
    if (d.ok && d.value) return ok(periodOfDate(d.value, "month"));
    return fail("period.invalid", `'${shown}' is not a real date, so not a period: ${EXPECTED}`);
  }
  return bad;
}

/** What a period is called in a sentence or heading: "quarter", "month", "year" ("period" when there is none). */
export function periodNoun(kind: Period["kind"] | null | undefined): string {
  return kind === "calendarYear" ? "year" : kind ?? "period";
}

/**
 * A bare year in a column headed period or year: 2019 is the calendar year;
 * 202223 (a year and the next, as DfE and other releases key their rows) is
 * the year 2022/23.
 */
function bareYear(n: number): Period | null {
  if (!Number.isInteger(n)) return null;
  if (n >= 1900 && n <= 2100) return { kind: "calendarYear", year: n };
  const first = Math.floor(n / 100);
  return first >= 1900 && first <= 2100 && n % 100 === (first + 1) % 100 ? { kind: "year", fy: first } : null;
}

/** A period label the product itself wrote (a calendar year is written as its bare year). */
export function parsePeriodLabel(label: string): Period | null {
  const p = parsePeriod(label, { bareYear: "calendar" });
  return p.ok ? p.value : null;
}

/** As the report's column headers write it: "Q1 21/22". */
export function shortPeriodLabel(label: string): string {
  return label.replace(/^Q([1-4]) (\d{2})(\d{2})\/(\d{2})$/, "Q$1 $3/$4");
}
