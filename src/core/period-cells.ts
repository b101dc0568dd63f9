/**
 * Period cells as a column's header lets them be read, and the words that
 * mark a figure as a forecast or plan rather than what happened.
 */
import { CellValue, normaliseWord } from "./values";
import { Parsed, ok } from "./problems";
import { Period, PeriodOptions, parsePeriod } from "./periods";

/**
 * Words that mark a figure as a forecast, projection, plan or budget rather
 * than what happened. (Not "estimated": statistical releases mark estimated
 * actuals so.)
 */
const FORECAST = /^(forecasts?|fcst|fcast|projected|projections?|plan|planned|budget|budgeted|trajectory)$/;
const FORECAST_IN = /\b(forecasts?|fcst|fcast|projected|projections?|plan|planned|budget|budgeted)\b/i;

/** Whether a cell's whole text is a forecast word ("Forecast", "Projected", "Budget"). */
export function isForecastWord(v: CellValue | undefined): boolean {
  return typeof v === "string" && FORECAST.test(normaliseWord(v));
}

/**
 * How a column's header lets its bare years be read: a column headed period
 * or year ("Year", "Period", "time_period") holds calendar years; one headed
 * as a financial year, or anything else, leaves a bare year ambiguous.
 */
export function periodOptionsFor(header: string): PeriodOptions {
  // Asked on every row of a long extract, of the same header: worked out once per header.
  let options = OPTIONS.get(header);
  if (!options) {
    const h = normaliseWord(header.replace(/_/g, " "));
    options = /\b(period|periods|year|years|yr)\b/.test(h) && !/\b(financial|fiscal|fy)\b/.test(h) ? CALENDAR_YEARS : AS_WRITTEN;
    if (OPTIONS.size >= 1024) OPTIONS.clear();
    OPTIONS.set(header, options);
  }
  return options;
}

const CALENDAR_YEARS: PeriodOptions = { bareYear: "calendar" };
const AS_WRITTEN: PeriodOptions = {};
const OPTIONS = new Map<string, PeriodOptions>();

/**
 * A period cell, read with what its column's header allows, and whether it
 * marks itself as a forecast ("2025/26 (forecast)", "Projected 2026/27").
 */
export function readPeriodCell(cell: CellValue | undefined, header: string): Parsed<{ period: Period | null; forecast: boolean }> {
  const options = periodOptionsFor(header);
  const p = parsePeriod(cell, options);
  if (p.ok) return ok({ period: p.value, forecast: false });
  if (typeof cell === "string" && FORECAST_IN.test(cell)) {
    const bare = parsePeriod(cell.replace(FORECAST_IN, " ").replace(/[()[\]]/g, " ").replace(/\s+/g, " ").trim(), options);
    if (bare.ok && bare.value) return ok({ period: bare.value, forecast: true });
  }
  return p;
}
