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

/**
 * Symbols statistical releases write where a figure is suppressed, not
 * applicable or not available (ONS, DfE and NHS conventions): "x", "z",
 * "u", "c", "low", "*", "-", "..", ":", "n/a", and the bracketed "[c]",
 * "[x]", "[z]". Each means "no value", never a bad one.
 */
const SUPPRESSION = /^(\[?[xzuc]\]?|\[?low\]?|\*+|-+|\.\.|:|\[?n\/?a\]?)$/i;

/** The suppression or missing-value symbol a cell holds ("x", "[c]", ".."), or null. */
export function suppressionSymbol(v: CellValue | undefined): string | null {
  if (typeof v !== "string") return null;
  const text = v.trim();
  return text.length <= 5 && SUPPRESSION.test(text) ? text : null;
}

/** Shorten long cell text for messages. */
export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** How a series' numbers are shown on its sheet: as percentages or not, and the decimals its format fixes. */
export interface Shown {
  percent: boolean;
  decimals: number | null;
}

/**
 * A number as the sheet shows it, for sentences: "75.5%" for a percentage
 * (held per cent), the decimals the council's format fixes ("80.0%" under
 * 0.0%), and never fewer than the value needs (up to 2), so 75.5 under a
 * 0% format is still 75.5%.
 */
export function formatShown(n: number, shown: Shown | null | undefined): string {
  if (!shown) return formatNumber(n);
  let text = formatNumber(n);
  const want = shown.decimals ?? 0;
  const dot = text.indexOf(".");
  const have = dot < 0 ? 0 : text.length - dot - 1;
  if (Number.isFinite(n) && want > have) text = n.toFixed(Math.min(want, 10));
  return shown.percent ? `${text}%` : text;
}

/** Numbers as a report prints them: up to 2 decimals, no trailing zeros. */
export function formatNumber(n: number, decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}
