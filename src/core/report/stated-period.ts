import { SheetGrid, a1, filledColumns } from "../grid";
import { CellValue, cellText, isBlank } from "../values";
import { DetectedDataset } from "../detect/find-datasets";
import { CalendarDate, compareDates, monthFromName, parseUkDate, expandYear } from "../dates";
import { DatasetPeriods, defaultPeriod } from "./reporting-period";
import { Period, parsePeriod, periodOfDate, quarterOf, formatPeriod, periodEnd } from "../periods";

/** The reporting period a return states on its own pages, and where. */
export interface StatedPeriod {
  period: Period;
  sheet: string;
  /** A1 address of the value (or of the cell holding label and value together). */
  cell: string;
  /** The text as written, for the note. */
  text: string;
}

/** Rows and columns of each sheet searched for a stated period: forms put it near the top. */
const SCAN_ROWS = 60;
const SCAN_COLS = 16;

/** Labels a return puts before its period: "Reporting period:", "Quarter ending", "Period covered", "Select quarter". */
const LABEL = /^\s*(please\s+)?(select\s+(the\s+)?)?((reporting|return|report|current|selected|monitoring)\s+)?(period|quarter|month)(\s+(covered|ending|end|of (the )?(return|report)|being reported|reported))?(\s*\(.*\))?\s*[:\-–]?\s*$|^\s*(as at|period to|data as at|position as at)\s*[:\-–]?\s*$/i;
/** A financial year label, to pair with a quarter stated on its own ("Quarter: Q2" beside "Financial year: 2023/24"). */
const YEAR_LABEL = /^\s*((reporting|financial|current)\s+)?(financial\s+)?year\s*[:\-–]?\s*$/i;
/** Label and value in one cell: "Reporting period: 1 April – 30 September 2023". */
const INLINE = /^\s*((reporting|return|report|monitoring)\s+period|period covered|quarter ending|period ending|as at)\s*[:\-–]\s*(.+)$/i;

/**
 * A date range as returns write it: "1 April – 30 September 2023",
 * "01/04/2023 - 30/09/2023", "April to September 2023", "Apr–Sep 2023".
 * Gives its last day (the start, where only the end names the year, takes
 * the end's year).
 */
function rangeEnd(text: string): { start: CalendarDate | null; end: CalendarDate } | null {
  const parts = [/\s+(?:to|until)\s+/i, /\s*[–—]\s*/, /\s+-\s+/, /(?<=\d)-(?=\d{1,2}\/)/, /(?<=[a-z])-(?=[a-z])/i]
    .map((re) => text.split(re).map((s) => s.trim()).filter(Boolean))
    .find((p) => p.length === 2);
  if (!parts) return null;
  const end = looseDate(parts[1], null, true);
  if (!end) return null;
  const start = looseDate(parts[0], end.year, false);
  return { start, end };
}

/** "30 September 2023", "30/09/2023", "September 2023" (its last day when `last`), "1 April" with the year given. */
function looseDate(text: string, year: number | null, last: boolean): CalendarDate | null {
  const parsed = parseUkDate(text);
  if (parsed.ok && parsed.value) return parsed.value;
  const m = /^(\d{1,2})?(?:st|nd|rd|th)?\s*([A-Za-z]{3,9})\.?,?\s*(\d{2}|\d{4})?$/.exec(text.trim());
  if (!m) return null;
  const month = monthFromName(m[2]);
  const y = m[3] ? expandYear(Number(m[3])) : year;
  if (!month || !y) return null;
  const day = m[1] ? Number(m[1]) : last ? new Date(Date.UTC(y, month, 0)).getUTCDate() : 1;
  return { year: y, month, day };
}

/** The period a stated value names: a period label, a date (the quarter or month it ends), or a range (the quarter or month of its end). */
export function periodStated(v: CellValue): Period | null {
  if (isBlank(v)) return null;
  if (v instanceof Date || typeof v === "number") {
    const d = parseUkDate(v);
    return d.ok && d.value ? endingPeriod(d.value, null) : null;
  }
  const text = cellText(v);
  const p = parsePeriod(text);
  if (p.ok && p.value) return p.value;
  const range = rangeEnd(text);
  if (range) return endingPeriod(range.end, range.start);
  const d = parseUkDate(text);
  return d.ok && d.value ? endingPeriod(d.value, null) : null;
}

/**
 * A period ending on a date: the financial quarter where the date ends one
 * (and a range covers at least that quarter), else the month it falls in.
 */
function endingPeriod(end: CalendarDate, start: CalendarDate | null): Period {
  const quarter = quarterOf(end);
  const quarterEnd = periodEnd(quarter);
  const monthsCovered = start ? (end.year - start.year) * 12 + end.month - start.month + 1 : null;
  if (compareDates(quarterEnd, end) === 0 && (monthsCovered === null || monthsCovered >= 3)) return quarter;
  return periodOfDate(end, "month");
}

/** A quarter stated alone ("Q2", "Quarter 2", "Quarter Two"), to pair with a stated financial year. */
function bareQuarter(v: CellValue): 1 | 2 | 3 | 4 | null {
  const m = /^\s*(?:q|quarter\s*)([1-4]|one|two|three|four)\s*$/i.exec(cellText(v));
  if (!m) return null;
  const n = ["one", "two", "three", "four"].indexOf(m[1].toLowerCase());
  return (n >= 0 ? n + 1 : Number(m[1])) as 1 | 2 | 3 | 4;
}

/** The value beside or below a label: the next filled cell to its right (within a few), else the cell below. */
function valueBeside(g: SheetGrid, r: number, c: number): { row: number; col: number; value: CellValue } | null {
  const row = g.rows[r] ?? [];
  for (const col of filledColumns(row, c + 1, c + 4)) return { row: r, col, value: row[col] };
  const below = g.rows[r + 1]?.[c];
  return isBlank(below) ? null : { row: r + 1, col: c, value: below as CellValue };
}

function inside(datasets: DetectedDataset[], sheet: string, r: number, c: number): boolean {
  return datasets.some((d) => d.sheet === sheet && r >= d.headerRow && r <= d.lastRow && c >= d.left && c <= d.right);
}

/**
 * Reporting periods the workbook states outside its tables: a label and its
 * value ("Reporting period: | Q2 2023/24", a chosen quarter on a start
 * sheet, "Quarter: Q2" with "Financial year: 2023/24"), or both in one
 * cell. Cells inside a table are data, never a statement.
 */
export function statedPeriods(grids: SheetGrid[], datasets: DetectedDataset[]): StatedPeriod[] {
  const out: StatedPeriod[] = [];
  for (const g of grids) {
    if (g.visibility && g.visibility !== "visible") continue;
    let quarterOnly: { q: 1 | 2 | 3 | 4; cell: string; text: string } | null = null;
    let year: number | null = null;
    for (let r = 0; r < Math.min(g.rows.length, SCAN_ROWS); r++) {
      for (const c of filledColumns(g.rows[r], 0, SCAN_COLS - 1)) {
        const v = g.rows[r]?.[c];
        if (typeof v !== "string" || inside(datasets, g.name, r, c)) continue;
        const inline = INLINE.exec(v);
        if (inline) {
          const p = periodStated(inline[3]);
          if (p) out.push({ period: p, sheet: g.name, cell: a1(r, c), text: v.trim() });
          continue;
        }
        const isYear = YEAR_LABEL.test(v);
        if (!isYear && !LABEL.test(v)) continue;
        const found = valueBeside(g, r, c);
        if (!found || inside(datasets, g.name, found.row, found.col)) continue;
        const text = `${v.trim().replace(/[:\-–]\s*$/, "")}: ${cellText(found.value)}`;
        if (isYear) {
          const p = periodStated(found.value);
          if (p?.kind === "year") year = p.fy;
          continue;
        }
        const q = bareQuarter(found.value);
        if (q) {
          quarterOnly = { q, cell: a1(found.row, found.col), text };
          continue;
        }
        const p = periodStated(found.value);
        if (p) out.push({ period: p, sheet: g.name, cell: a1(found.row, found.col), text });
      }
    }
    if (quarterOnly && year !== null) out.push({ period: { kind: "quarter", fy: year, quarter: quarterOnly.q }, sheet: g.name, cell: quarterOnly.cell, text: quarterOnly.text });
  }
  return out;
}

/**
 * The one period a workbook states, with the note the run gives; null when
 * it states none. Statements that disagree are not used: the note names them
 * so the user can choose.
 */
export function statedReportingPeriod(grids: SheetGrid[], datasets: DetectedDataset[]): { period: Period | null; note: string | null } {
  const stated = statedPeriods(grids, datasets);
  if (!stated.length) return { period: null, note: null };
  const labels = [...new Set(stated.map((s) => formatPeriod(s.period)))];
  const where = (s: StatedPeriod) => `'${s.text}' ('${s.sheet}'!${s.cell})`;
  if (labels.length > 1) {
    return { period: null, note: `The workbook states more than one reporting period (${stated.slice(0, 4).map(where).join("; ")}), so none was assumed: choose the period to report.` };
  }
  return { period: stated[0].period, note: `The workbook states its reporting period, ${where(stated[0])}, so ${labels[0]} is reported.` };
}

/**
 * The reporting period a run takes when none is chosen: the one the
 * workbook states, else the latest the data supports (see defaultPeriod).
 */
export function defaultReportingPeriod(grids: SheetGrid[], datasets: DetectedDataset[], surveys: DatasetPeriods[]): { period: Period | null; note: string | null } {
  const stated = statedReportingPeriod(grids, datasets);
  if (stated.period) return stated;
  const fromData = defaultPeriod(surveys);
  return { period: fromData.period, note: [stated.note, fromData.note].filter(Boolean).join(" ") || null };
}
