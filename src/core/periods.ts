import { Parsed, ok, fail } from "./problems";
import { CalendarDate, daysInMonth, monthFromName, fromSerial } from "./dates";
import { CellValue, isBlank, cellText } from "./values";
import { truncate } from "./numbers";

/**
 * Reporting periods on the UK financial year (April–March). `fy` is the year
 * the financial year starts in: 2021 means 2021/22.
 */
export type Period =
  | { kind: "quarter"; fy: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "month"; year: number; month: number }
  | { kind: "year"; fy: number };

const QUARTER_WORDS = ["One", "Two", "Three", "Four"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function fyLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`;
}

/** The canonical label: "Q1 2021/22", "Jun 2021", "2021/22". */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "quarter": return `Q${p.quarter} ${fyLabel(p.fy)}`;
    case "month": return `${MONTH_NAMES[p.month - 1].slice(0, 3)} ${p.year}`;
    case "year": return fyLabel(p.fy);
  }
}

/** As the report words it: "Quarter One 2021/22". */
export function longPeriodName(p: Period): string {
  switch (p.kind) {
    case "quarter": return `Quarter ${QUARTER_WORDS[p.quarter - 1]} ${fyLabel(p.fy)}`;
    case "month": return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    case "year": return `the financial year ${fyLabel(p.fy)}`;
  }
}

/** A stable key for maps and history: equal periods give equal keys. */
export function periodKey(p: Period): string {
  return formatPeriod(p);
}

/** A number that orders periods of the same kind; consecutive periods differ by 1. */
export function periodIndex(p: Period): number {
  switch (p.kind) {
    case "quarter": return p.fy * 4 + (p.quarter - 1);
    case "month": return p.year * 12 + (p.month - 1);
    case "year": return p.fy;
  }
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && periodIndex(a) === periodIndex(b);
}

export function shiftPeriod(p: Period, steps: number): Period {
  switch (p.kind) {
    case "quarter": {
      const i = periodIndex(p) + steps;
      return { kind: "quarter", fy: Math.floor(i / 4), quarter: ((((i % 4) + 4) % 4) + 1) as 1 | 2 | 3 | 4 };
    }
    case "month": {
      const i = periodIndex(p) + steps;
      return { kind: "month", year: Math.floor(i / 12), month: (((i % 12) + 12) % 12) + 1 };
    }
    case "year": return { kind: "year", fy: p.fy + steps };
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
  }
}

/** The quarter of the financial year a calendar date falls in. */
export function quarterOf(d: CalendarDate): Period {
  const fy = d.month >= 4 ? d.year : d.year - 1;
  const quarter = (Math.floor(((d.month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: "quarter", fy, quarter };
}

/** "2021/22", "2021-22", "21/22", "2021/2022" → 2021; mismatched halves → null. */
function parseFy(text: string): number | null | "mismatch" {
  const m = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const start = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const end = Number(m[2]);
  const expectedEnd = m[2].length === 2 ? (start + 1) % 100 : start + 1;
  return end === expectedEnd ? start : "mismatch";
}

const EXPECTED = "expected a period such as 'Q1 2021/22', '2021/22 Q1', 'Jun 2021' or '2021/22'";

/**
 * Read a period label. Quarters: "Q1 2021/22", "Q1 21/22", "2021/22 Q1",
 * "Quarter 1 2021/22", "Quarter One 2021-22". Financial years: "2020/21",
 * "FY 2020/21". Months: "Jun 2021", "June 2021", "Jun-21", or a date cell.
 */
export function parsePeriod(v: CellValue | undefined): Parsed<Period | null> {
  if (isBlank(v)) return ok(null);
  if (v instanceof Date || typeof v === "number") {
    const d = v instanceof Date ? { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: 1 } : fromSerial(v);
    if (!d) return fail("period.invalid", `'${cellText(v)}' is not a period: ${EXPECTED}`);
    return ok({ kind: "month", year: d.year, month: d.month });
  }
  const text = cellText(v).replace(/\s+/g, " ").trim();
  const bad = fail<Period | null>("period.invalid", `'${truncate(text)}' is not a period: ${EXPECTED}`);
  const mismatch = fail<Period | null>("period.invalid", `'${truncate(text)}' is not a financial year: the second year must follow the first`);

  const q = /^(?:q|qtr|quarter)\s*([1-4]|one|two|three|four)\s*(?:of\s*)?(?:fy\s*)?(.+)$/i.exec(text) ??
    /^(?:fy\s*)?(.+?)\s*(?:q|qtr|quarter)\s*([1-4]|one|two|three|four)$/i.exec(text);
  if (q) {
    const [qText, fyText] = /^(?:q|qtr|quarter)/i.test(text) ? [q[1], q[2]] : [q[2], q[1]];
    const quarter = /^\d$/.test(qText) ? Number(qText) : ["one", "two", "three", "four"].indexOf(qText.toLowerCase()) + 1;
    const fy = parseFy(fyText.trim());
    if (fy === "mismatch") return mismatch;
    if (fy === null) return bad;
    return ok({ kind: "quarter", fy, quarter: quarter as 1 | 2 | 3 | 4 });
  }
  const y = /^(?:fy|financial year)?\s*(.+)$/i.exec(text);
  if (y) {
    const fy = parseFy(y[1].trim());
    if (fy === "mismatch") return mismatch;
    if (fy !== null) return ok({ kind: "year", fy });
  }
  const m = /^([A-Za-z]+\.?)[\s-]+(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    if (month !== null) return ok({ kind: "month", year: m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]), month });
  }
  return bad;
}

/** As the report's column headers write it: "Q1 21/22". */
export function shortPeriodLabel(label: string): string {
  return label.replace(/^Q([1-4]) (\d{2})(\d{2})\/(\d{2})$/, "Q$1 $3/$4");
}
