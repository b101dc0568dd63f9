import { SheetGrid } from "../grid";
import { CellValue, cellText, normaliseWord } from "../values";
import { profileColumn } from "./profile";
import { headerWords } from "./roles";

/**
 * A numeric column of a sheet laid out with periods as rows and measures as
 * columns (Month | Responses | Positive | Negative): one series per column,
 * titled by its header.
 */
export interface MeasureColumn {
  col: number;
  /** The header, as the sheet writes it: the series' title. */
  title: string;
  /** A column holding this measure's target ("Responses target"), where the sheet gives one. */
  target?: number;
}

/** Headers of columns that identify rows rather than measure anything (area codes, keys, reference numbers). */
const IDENTIFIER = /(^|\s)(code|codes|id|ids|ref|reference|key|urn|ukprn|uprn|identifier|no|number|postcode|lsoa|msoa)$/;
/** Words that make a column another measure's target ("Responses target", "Target for responses"). */
const TARGET = /\b(target|targets|goal|standard|plan|planned|trajectory)\b/;
/** More measure columns than this are not read one by one: a sheet that wide is not a table of measures. */
const MAX_MEASURES = 256;
/** A column is a measure when this share of its readable cells are numbers. */
const NUMERIC = 0.6;

/**
 * The measure columns of a table whose rows are periods: every column, not
 * already given another role, whose header is text and whose cells are
 * numbers (suppression symbols such as "x" or "[c]" aside). Identifier
 * columns (codes, keys, reference numbers) and columns of years are not
 * measures. A column headed as a measure's target is paired with that
 * measure instead of being a series of its own.
 */
export function measureColumns(
  grid: SheetGrid, headerRow: number, lastRow: number, left: number, right: number, taken: Set<number>,
): MeasureColumn[] {
  const header = grid.rows[headerRow] ?? [];
  const found: MeasureColumn[] = [];
  const targets: number[] = [];
  for (let c = left; c <= right && found.length < MAX_MEASURES; c++) {
    if (taken.has(c)) continue;
    const h = header[c];
    if (typeof h !== "string" || !h.trim()) continue;
    const words = headerWords(h).base;
    if (!words || IDENTIFIER.test(words)) continue;
    const values: CellValue[] = [];
    for (let r = headerRow + 1; r <= Math.min(lastRow, headerRow + 400); r++) values.push(grid.rows[r]?.[c] ?? null);
    const p = profileColumn(values);
    if (p.filled === 0 || p.numbers < NUMERIC || p.years > 0.7) continue;
    if (TARGET.test(words)) targets.push(c);
    else found.push({ col: c, title: cellText(h) });
  }
  // A target column names its measure ("Responses target" beside "Responses"); one that names none is a measure of its own.
  for (const t of targets) {
    const of = measureNamed(cellText(header[t]), found);
    if (of) of.target = t;
    else found.push({ col: t, title: cellText(header[t]) });
  }
  return found.sort((a, b) => a.col - b.col);
}

/** The measure (without a target yet) that a target's header names: "Responses target" or "Target for responses" → "Responses". */
export function measureNamed(targetHeader: string, measures: MeasureColumn[]): MeasureColumn | undefined {
  const rest = headerWords(targetHeader).base.replace(TARGET, " ").replace(/\b(for|of)\b/g, " ").replace(/\s+/g, " ").trim();
  return rest ? measures.find((m) => m.target === undefined && normaliseWord(headerWords(m.title).base) === rest) : undefined;
}
