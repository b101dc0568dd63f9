import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { DEFAULT_MATRIX } from "./matrix";

/** A likelihood or impact scale as a register uses it: its size and its level names, lowest first. */
export interface Scale {
  size: number;
  labels: string[];
  /** How the scale was found, for the output's note. */
  source: string;
}

/** Word scales registers use, lowest first. Each word may also be written as its initials. */
const WORD_SCALES: string[][] = [
  ["Low", "Medium", "High"],
  ["Very low", "Low", "Medium", "High", "Very high"],
  ["Low", "Medium", "High", "Very high"],
  ["Low", "Medium", "High", "Critical"],
  ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
  ["Insignificant", "Minor", "Moderate", "Major", "Extreme"],
  ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"],
  ["Negligible", "Minor", "Moderate", "Significant", "Severe"],
  ["Remote", "Unlikely", "Possible", "Probable", "Highly probable"],
  ["Very unlikely", "Unlikely", "Possible", "Likely", "Very likely"],
  ["Rare", "Unlikely", "Moderate", "Likely", "Almost certain"],
  ["Negligible", "Low", "Medium", "High", "Very high"],
  ["Insignificant", "Minor", "Significant", "Major", "Critical"],
  ["Minimal", "Minor", "Moderate", "Major", "Severe"],
  ["Low", "Moderate", "High", "Very high"],
  ["Unlikely", "Possible", "Likely", "Almost certain"],
  ["Minor", "Moderate", "Major", "Critical"],
];

const ALIASES: Record<string, string> = { med: "medium", vh: "very high", vl: "very low", h: "high", m: "medium", l: "low" };

function canon(v: string): string {
  const w = normaliseWord(v);
  return ALIASES[w] ?? w;
}

/** A level as written: "3 - High" has both a number and a word, "High" or 3 one of them. */
interface Written {
  n: number | null;
  word: string;
}

const NUMBER_RANGE = /^\s*(\d+)\s*(?:-|–|—|to)\s*(\d+)\s*$/i;

function written(v: CellValue): Written {
  if (typeof v === "number") return { n: Number.isInteger(v) ? v : null, word: "" };
  const text = cellText(v).trim();
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return { n: Number.isInteger(Number(text)) ? Number(text) : null, word: "" };
  let m = /^(\d+)\s*[-–—:.)]?\s*(.*)$/.exec(text);
  if (m && !NUMBER_RANGE.test(text)) return { n: Number(m[1]), word: m[2].trim() };
  m = /^(.*?)\s*\(\s*(\d+)\s*\)$/.exec(text);
  if (m) return { n: Number(m[2]), word: m[1].trim() };
  return { n: null, word: text };
}

/** The two levels an in-between word names ("M to H", "Medium-High", "L/M"), 1-based, lowest first; or null. */
function betweenOn(word: string, labels: string[]): [number, number] | null {
  const parts = word.trim().split(/\s+to\s+|\s*[-–—/]\s*/i).filter(Boolean);
  const two = parts.length === 2 ? parts : word.trim().split(/\s+/).length === 2 ? word.trim().split(/\s+/) : null;
  if (!two) return null;
  const at = two.map((p) => labels.findIndex((l) => canon(l) === canon(p)) + 1);
  if (at.some((i) => i === 0) || at[0] === at[1]) return null;
  return [Math.min(at[0], at[1]), Math.max(at[0], at[1])];
}

/** A level read from a cell: where it lies between two levels, `between` names them and `level` is the higher. */
export interface LevelRead {
  level: number;
  between?: [number, number];
}

/**
 * The level a cell gives on a scale (1-based), or null. "3 - Likely",
 * "Likely (3)", 3 and "H" all read. A level written between two others
 * ("M to H", "Medium-High", "3-4") never adds a step to the scale: it is
 * placed at the higher of the two, so that no risk is understated, and
 * `between` says so for a warning.
 */
export function readLevel(v: CellValue | undefined, scale: Scale): LevelRead | null {
  if (v === undefined || isBlank(v)) return null;
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= scale.size;
  const text = cellText(v).trim();
  const range = typeof v === "string" ? NUMBER_RANGE.exec(text) : null;
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])].sort((x, y) => x - y);
    return inRange(a) && inRange(b) && a !== b ? { level: b, between: [a, b] } : null;
  }
  const w = written(v);
  if (w.n !== null) return inRange(w.n) ? { level: w.n } : null;
  const i = scale.labels.findIndex((l) => canon(l) === canon(w.word));
  if (i >= 0) return { level: i + 1 };
  const between = betweenOn(w.word, scale.labels);
  return between ? { level: between[1], between } : null;
}

/** The level a cell gives on a scale (1-based), or null; see readLevel. */
export function levelOnScale(v: CellValue | undefined, scale: Scale): number | null {
  return readLevel(v, scale)?.level ?? null;
}

/** Every word is a level of the scale, or lies between two of its levels. */
function covers(scale: string[], words: string[]): boolean {
  return words.every((w) => scale.some((l) => canon(l) === canon(w)) || betweenOn(w, scale) !== null);
}

/**
 * Numbered levels as the register writes them ("1 - Low" … "4 - Almost
 * Certain"): its own points and its own words. Numbers it does not use
 * take the words of a usual scale that agrees with every word it does
 * use, else the number itself.
 */
function numberedScale(seen: Written[], size: number): string[] {
  const words = new Map<number, Map<string, number>>();
  for (const w of seen) {
    if (w.n === null || !w.word || w.n > size) continue;
    const counts = words.get(w.n) ?? new Map<string, number>();
    counts.set(w.word, (counts.get(w.word) ?? 0) + 1);
    words.set(w.n, counts);
  }
  const own = Array.from({ length: size }, (_, i) => {
    const counts = words.get(i + 1);
    return counts ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : null;
  });
  const usual = [DEFAULT_MATRIX.likelihoodLabels, DEFAULT_MATRIX.impactLabels, ...WORD_SCALES]
    .find((s) => s.length === size && own.every((w, i) => w === null || canon(w) === canon(s[i])));
  return own.map((w, i) => w ?? usual?.[i] ?? String(i + 1));
}

/**
 * The scale a likelihood or impact column uses, on the register's own
 * terms: from its header hint ("_1_5", "(1-3)"), its numbered levels
 * ("1 - Low" … "4 - Almost Certain": four points, those words), its words
 * (the scale that covers them all; in-between words such as "M to H" add no
 * point), or its whole numbers (up to the largest seen, and 1–5 when
 * nothing says otherwise).
 */
export function inferScale(header: string, values: CellValue[], axis: "likelihood" | "impact"): Scale {
  const defaults = axis === "likelihood" ? DEFAULT_MATRIX.likelihoodLabels : DEFAULT_MATRIX.impactLabels;
  const hint = /(\d+)\s*(?:[-–]|to|\s)\s*(\d+)\s*\)?\s*$/.exec(header.replace(/_/g, " "));
  const hinted = hint && Number(hint[1]) === 1 && Number(hint[2]) >= 2 && Number(hint[2]) <= 10 ? Number(hint[2]) : null;
  const seen = values.filter((v) => !isBlank(v)).map(written);
  const numbered = seen.filter((w) => w.n !== null && w.n >= 1 && w.n <= 10 && w.word);
  if (numbered.length && numbered.length * 2 >= seen.length) {
    const size = Math.max(hinted ?? 0, ...numbered.map((w) => w.n as number));
    const labels = numberedScale(numbered, size);
    return { size, labels, source: `its numbered levels (1 - ${labels[0]} … ${size} - ${labels[size - 1]})` };
  }
  if (hinted) return { size: hinted, labels: hinted === defaults.length ? defaults : numbered1(hinted), source: `the header '${header}'` };
  const wordCells = seen.filter((w) => w.n === null && w.word && !NUMBER_RANGE.test(w.word));
  const words = [...new Set(wordCells.map((w) => w.word))];
  const numbers = seen.filter((w) => w.n !== null || NUMBER_RANGE.test(w.word));
  if (words.length && numbers.length < wordCells.length) {
    // The configured scale first when it covers the column; otherwise the shortest that does.
    const fits = [defaults, ...WORD_SCALES].filter((s) => covers(s, words));
    if (fits.length) {
      const fit = fits[0] === defaults ? defaults : fits.sort((a, b) => a.length - b.length)[0];
      // The configured default's own spelling, where it is the same scale.
      const scale = fit.length === defaults.length && fit.every((l, i) => canon(l) === canon(defaults[i])) ? defaults : fit;
      const plain = [...new Set(words.filter((w) => scale.some((l) => canon(l) === canon(w))).map(canon))];
      return { size: scale.length, labels: scale, source: `its words (${plain.slice(0, 5).join(", ")})` };
    }
  }
  const max = numbers.reduce((m, w) => Math.max(m, w.n ?? 0), 0);
  const size = max > 5 ? Math.min(10, max) : 5;
  return { size, labels: size === defaults.length ? defaults : numbered1(size), source: max > 5 ? `its largest value, ${max}` : "the default 1–5 scale" };
}

function numbered1(size: number): string[] {
  return Array.from({ length: size }, (_, i) => String(i + 1));
}

/**
 * A level written back into a register as the register writes its levels:
 * a number where the cell held a number, "4 - Likely" where it held "3 -
 * Possible", "Likely (4)" where it held "Possible (3)", else the level's word.
 */
export function writtenLike(existing: CellValue | undefined, level: number, labels: string[]): string | number {
  const label = labels[level - 1] ?? String(level);
  if (typeof existing === "number") return level;
  const text = existing === undefined ? "" : cellText(existing).trim();
  if (/^\d+$/.test(text)) return String(level);
  let m = /^\d+(\s*[-–—:.)]?\s*)\S/.exec(text);
  if (m) return `${level}${m[1]}${label}`;
  m = /^.*?(\s*\(\s*)\d+(\s*\))$/.exec(text);
  if (m) return `${label}${m[1]}${level}${m[2]}`;
  return label;
}
