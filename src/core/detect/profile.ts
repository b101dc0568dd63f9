import { CellValue, cellText, isBlank, isCellError, normaliseWord } from "../values";
import { parsePeriod } from "../periods";
import { parseUkDate } from "../dates";
import { parseMeasure, suppressionSymbol } from "../numbers";
import { isKnownStatusWord } from "../status";
import { memoByText } from "../datasets/text-memo";

/** What a column's cells look like, as shares of its non-blank cells (0–1). */
export interface ColumnProfile {
  filled: number;
  numbers: number;
  /** Whole numbers 1–10: a likelihood or impact scale. */
  smallInts: number;
  /** Real dates, date serials in a date-formatted column, or date text. */
  dates: number;
  /** Text that reads as a period ("Q1 2021/22", "2016-17", "April 2021"). */
  periods: number;
  /** Bare years (2019, as a number or text) and six-digit years (202223): periods where a header says period or year. */
  years: number;
  /** Words of a rating scale: High/Medium/Low, H/M/L, Rare…Almost certain, Red/Amber/Green. */
  scaleWords: number;
  /** Words of the status vocabulary (On track, Complete, Overdue…). */
  statusWords: number;
  /** Words a lifecycle column holds: Open, Closed. */
  lifecycleWords: number;
  /** RAID types: Risk, Issue, Assumption, Dependency. */
  raidWords: number;
  /** Higher/lower/increase/decrease/maximise… */
  polarityWords: number;
  text: number;
  /** Mean length of the text cells. */
  meanLength: number;
  /** Distinct values ÷ filled cells. */
  distinct: number;
}

/** Words of rating scales, by themselves or with their number ("3 - Likely", "Low (2)"). */
const SCALE_WORDS = "very high|very low|high|medium|med|low|h|m|l|vh|vl|extreme|critical|severe|significant|moderate|minor|major|negligible|insignificant|"
  + "catastrophic|rare|unlikely|possible|likely|almost certain|certain|remote|probable|improbable|red|amber|green|r|a|g|"
  // In-between levels: "M - H", "Medium-High", "L to M" (normalised, the dash is a space).
  + "(?:low|medium|med|high|l|m|h) (?:to )?(?:low|medium|med|high|l|m|h)";
const SCALE = new RegExp(`^(${SCALE_WORDS}|\\d+ ?[-–:.]? ?[a-z ]+|[a-z ]+ ?\\(\\d+\\)|(?:${SCALE_WORDS}) \\d+)$`);
const SCALE_SHORT = new RegExp(`^(${SCALE_WORDS})$`);
const LIFECYCLE = /^(open|closed|live|active|archived|retired|inactive|resolved|current|new|escalated|withdrawn|accepted|transferred|terminated|treated|tolerated)$/;
const RAID = /^(risk|risks|issue|issues|assumption|assumptions|dependency|dependencies|decision|decisions|action|actions|opportunity)$/;
const POLARITY = /^(increase|decrease|increasing|decreasing|higher|lower|higher is better|lower is better|maximise|minimise|maximize|minimize|max|min|up|down|over|under|above|below|asc|desc|neutral|neither|\u2191|\u2193)$/;

/** Profile up to `sample` filled cells of a column (an even spread over the rows). */
export function profileColumn(values: CellValue[], sample = 300): ColumnProfile {
  const filledCells = values.filter((v) => !isBlank(v));
  // A suppression symbol ("x", "[c]", "..") stands for a missing figure: it says nothing of what the column holds.
  const readable = filledCells.filter((v) => suppressionSymbol(v) === null);
  const step = Math.max(1, Math.floor(readable.length / sample));
  const cells = readable.filter((_, i) => i % step === 0);
  const p: ColumnProfile = { filled: values.length ? filledCells.length / values.length : 0, numbers: 0, smallInts: 0, dates: 0, periods: 0, years: 0, scaleWords: 0, statusWords: 0,
    lifecycleWords: 0, raidWords: 0, polarityWords: 0, text: 0, meanLength: 0, distinct: 0 };
  if (!cells.length) return p;
  const seen = new Set<string>();
  let length = 0;
  for (const v of cells) {
    seen.add(cellText(v).toLowerCase());
    if (isCellError(v)) continue;
    if (v instanceof Date) {
      p.dates++;
      p.periods++;
      continue;
    }
    if (typeof v === "number") {
      p.numbers++;
      if (Number.isInteger(v) && v >= 1 && v <= 10) p.smallInts++;
      if (isYearNumber(v)) p.years++;
      continue;
    }
    const text = cellText(v);
    const f = typeof v === "string" ? textFlags(v) : readFlags(v);
    if (f & NUMBER) {
      p.numbers++;
      if (f & YEAR) p.years++;
      if (f & SMALL_INT) p.smallInts++;
      continue;
    }
    p.text++;
    length += text.length;
    if (f & SCALE_WORD) p.scaleWords++;
    if (f & STATUS_WORD) p.statusWords++;
    if (f & LIFECYCLE_WORD) p.lifecycleWords++;
    if (f & RAID_WORD) p.raidWords++;
    if (f & POLARITY_WORD) p.polarityWords++;
    if (f & PERIOD) p.periods++;
    if (f & DATE) p.dates++;
  }
  const n = cells.length;
  for (const k of ["numbers", "smallInts", "dates", "periods", "years", "scaleWords", "statusWords", "lifecycleWords", "raidWords", "polarityWords", "text"] as const) p[k] /= n;
  p.meanLength = p.text ? length / (p.text * n) : 0;
  p.distinct = seen.size / n;
  return p;
}

/** What a text (or true/false) cell reads as, in flags: a number (a year, a small whole number), or words of a kind. */
const NUMBER = 1;
const YEAR = 2;
const SMALL_INT = 4;
const SCALE_WORD = 8;
const STATUS_WORD = 16;
const LIFECYCLE_WORD = 32;
const RAID_WORD = 64;
const POLARITY_WORD = 128;
const PERIOD = 256;
const DATE = 512;

/** A text's flags, worked out once per distinct text: columns repeat a few texts down their rows. */
const textFlags = memoByText(readFlags);

function readFlags(v: CellValue): number {
  const text = cellText(v);
  const word = normaliseWord(text);
  const m = parseMeasure(v);
  if (m.ok && m.value && /^[\s£$€+-]*[\d.,]+\s*%?\s*$/.test(text)) {
    let f = NUMBER;
    if (/^\d{4}(\d{2})?$/.test(text) && isYearNumber(Number(text))) f |= YEAR;
    if (Number.isInteger(m.value.value) && m.value.value >= 1 && m.value.value <= 10 && !m.value.percent) f |= SMALL_INT;
    return f;
  }
  let f = 0;
  if (text.length <= 30 && SCALE.test(word)) f |= SCALE_WORD;
  if (isKnownStatusWord(text)) f |= STATUS_WORD;
  if (LIFECYCLE.test(word)) f |= LIFECYCLE_WORD;
  if (RAID.test(word)) f |= RAID_WORD;
  if (POLARITY.test(word)) f |= POLARITY_WORD;
  if (/\d/.test(text) && text.length <= 20) {
    const per = parsePeriod(text);
    if (per.ok && per.value) f |= PERIOD;
    const d = parseUkDate(text);
    if (d.ok && d.value) f |= DATE;
  }
  return f;
}

/** A year as a number (2019), or a year and the next written together (202223), as statistical releases key their rows. */
export function isYearNumber(n: number): boolean {
  if (!Number.isInteger(n)) return false;
  if (n >= 1900 && n <= 2100) return true;
  const first = Math.floor(n / 100);
  return first >= 1900 && first <= 2100 && n % 100 === (first + 1) % 100;
}

/** Short words of a rating scale only (not "3 - Likely" forms): a level or importance column. */
export function isScaleWord(text: string): boolean {
  return SCALE_SHORT.test(normaliseWord(text));
}
