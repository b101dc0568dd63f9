import { Parsed, ok, fail } from "./problems";
import { CellValue, isBlank, isCellError, cellText } from "./values";

/** A measured value, remembering whether it was written as a percentage. */
export interface Measure {
  value: number;
  percent: boolean;
}

/** Text that means "no value this period" rather than a bad value. */
const NO_VALUE = new Set(["-", "--", "n/a", "na", "tbc", "no data", "not available", "nd"]);

/**
 * Read a number from a cell: real numbers, "1,234", "69%", "£12.5k" is not
 * guessed at. Blank (or "n/a", "-") is `null`: no data. Anything else is a
 * problem, never a silent zero.
 */
export function parseMeasure(v: CellValue | undefined): Parsed<Measure | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v === "number") {
    return Number.isFinite(v) ? ok({ value: v, percent: false }) : fail("number.invalid", `'${v}' is not a number`);
  }
  if (isCellError(v)) return fail("number.error", `the cell shows the error ${v.error}, not a number`);
  if (typeof v !== "string") return fail("number.invalid", `'${cellText(v)}' is not a number`);
  const text = v.trim();
  if (NO_VALUE.has(text.toLowerCase())) return ok(null);
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%?)$/.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    return fail("number.invalid", `'${truncate(text)}' is not a number`);
  }
  const value = Number(`${m[1]}${(m[2] ?? "0").replace(/,/g, "")}${m[3] ?? ""}`);
  return ok({ value, percent: m[4] === "%" });
}

/** Shorten long cell text for messages. */
export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Numbers as a report prints them: up to 2 decimals, no trailing zeros. */
export function formatNumber(n: number, decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}
