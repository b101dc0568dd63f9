import { PlanValue } from "./types";
import { STATUS_CODE } from "../status";

/** Status codes that carry a RAG judgement, and so an icon; Data only, No data and Check carry none. */
export const RAG_CODES: ReadonlySet<number> = new Set([STATUS_CODE.Red, STATUS_CODE.Amber, STATUS_CODE.Green, STATUS_CODE.Complete]);

/**
 * Numbers go out as numbers, with a number format that shows them as the
 * council wrote them: as many decimals as the value has (up to four), and a
 * value given in percent as a true percentage (17.8 → 0.178 shown "17.8%"),
 * so Excel sorts, sums and charts it.
 */
export function decimalsOf(v: number, max = 4): number {
  const scaled = Math.round(v * 10 ** max);
  // Counted on the rounded integer: its trailing zeros are the decimals it does not need. (Past 15 digits,
  // where the integer may not print as the value does, the value's own text is read instead.)
  if (Math.abs(scaled) < 1e15) {
    if (scaled === 0) return 0;
    let decimals = max;
    for (let n = scaled; decimals > 0 && n % 10 === 0; n /= 10) decimals--;
    return decimals;
  }
  const text = String(scaled / 10 ** max);
  const dot = text.indexOf(".");
  return dot < 0 || /e/i.test(text) ? 0 : Math.min(max, text.length - dot - 1);
}

const FIXED = ["0", "0.0", "0.00", "0.000", "0.0000"];
/** The same with a % sign, made once rather than per cell. */
const FIXED_PERCENT = FIXED.map((f) => `${f}%`);

function fixed(decimals: number): string {
  return FIXED[decimals] ?? `0.${"0".repeat(decimals)}`;
}

/**
 * The format a measure is shown in: `0`, `0.0`, `0.00`…, or `0%`, `0.0%`…
 * for percentages; at least the decimals the council's own format fixed
 * (80 under 0.0% stays "80.0%").
 */
export function measureFormat(v: number | null | undefined, percent: boolean, decimals: number | null = null): string | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const d = Math.max(decimalsOf(v), Math.min(decimals ?? 0, 4));
  return percent ? FIXED_PERCENT[d] ?? `${fixed(d)}%` : fixed(d);
}

/** The cell a measure is written as: a number (a fraction when it is a percentage), or blank. */
export function measureCell(v: number | null | undefined, percent: boolean): PlanValue {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  // Divide after rounding away float noise so 17.8 becomes 0.178, not 0.17800000000000002.
  return percent ? Number((v / 100).toPrecision(12)) : v;
}

/**
 * A percentage (0–100) as the exact fraction, with the format that shows it
 * the way the report writes it (formatPercent's "report" style): whole
 * percentages, except an exact half kept (62.5 → "62.5%", 90.9 → "91%").
 */
export function percentCell(p: number | null | undefined): { value: PlanValue; format: string | null } {
  if (p === null || p === undefined || !Number.isFinite(p)) return { value: null, format: null };
  const oneDecimal = Math.round(p * 10) / 10;
  const half = Math.abs(oneDecimal * 10) % 10 === 5;
  return { value: p / 100, format: half ? "0.0%" : "0%" };
}
