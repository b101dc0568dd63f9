import { Parsed, ok, fail } from "./problems";
import { CellValue, isBlank, isCellError, cellText } from "./values";
import { truncate } from "./numbers";

/** A calendar day with no time zone: what a due date means to a council. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function monthFromName(name: string): number | null {
  const i = MONTHS.indexOf(name.trim().toLowerCase().slice(0, 3));
  if (i < 0) return null;
  // Accept "Sep", "Sept", "September" but not "Septembre" or "Marc".
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
  const n = name.trim().toLowerCase().replace(/\.$/, "");
  return full.startsWith(n) || n === "sept" ? i + 1 : null;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day) &&
    d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
    d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

/** Two-digit years: 00–49 are 2000s, 50–99 are 1900s (Windows' default window). */
export function expandYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

// Excel's 1900 date system: serial 1 = 1900-01-01, and the phantom 29 Feb 1900 is serial 60.
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function fromSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  const d = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function toSerial(d: CalendarDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - EPOCH_MS) / DAY_MS);
}

export function toIso(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** dd/mm/yyyy, as UK readers expect. */
export function formatUkDate(d: CalendarDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toSerial(a) - toSerial(b);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

const EXPECTED = "expected dd/mm/yy or dd/mm/yyyy";

/**
 * Read a UK date from a cell: real dates, Excel serials, dd/mm/yy, dd/mm/yyyy
 * (with /, - or .), ISO yyyy-mm-dd and "1 Oct 2021". An impossible or
 * malformed date is a problem — never silently another date.
 */
export function parseUkDate(v: CellValue | undefined): Parsed<CalendarDate | null> {
  if (isBlank(v)) return ok(null);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail("date.invalid", "the cell holds an invalid date");
    // Hosts give dates as UTC midnight; round to the nearest day to absorb time-of-day noise.
    const r = new Date(Math.round(v.getTime() / DAY_MS) * DAY_MS);
    return ok({ year: r.getUTCFullYear(), month: r.getUTCMonth() + 1, day: r.getUTCDate() });
  }
  if (typeof v === "number") {
    const d = fromSerial(v);
    return d ? ok(d) : fail("date.invalid", `'${v}' is not a date: ${EXPECTED}`);
  }
  if (isCellError(v)) return fail("date.error", `the cell shows the error ${v.error}, not a date`);
  const text = cellText(v);
  const parsed = parseDateText(text);
  if (parsed === "impossible") return fail("date.impossible", `'${truncate(text)}' is not a real date: ${EXPECTED}`);
  if (!parsed) return fail("date.invalid", `'${truncate(text)}' is not a date: ${EXPECTED}`);
  return ok(parsed);
}

function parseDateText(text: string): CalendarDate | "impossible" | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  let d: CalendarDate | null = null;
  if (m) {
    const y = Number(m[3]);
    d = { day: Number(m[1]), month: Number(m[2]), year: m[3].length === 2 ? expandYear(y) : y };
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text))) {
    d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?)[\s-]+(\d{2}|\d{4})$/.exec(text))) {
    const month = monthFromName(m[2]);
    if (month === null) return null;
    const y = Number(m[3]);
    d = { day: Number(m[1]), month, year: m[3].length === 2 ? expandYear(y) : y };
  }
  if (!d) return null;
  return isValidDate(d) ? d : "impossible";
}
