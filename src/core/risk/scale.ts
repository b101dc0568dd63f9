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

function word(v: string): string {
  const w = normaliseWord(v);
  // "M to H", "M - H": a level between two others.
  const between = /^([a-z]+(?: [a-z]+)?) (?:to|-|–) ([a-z]+(?: [a-z]+)?)$/.exec(w.replace(/\s*[-–]\s*/, " - "));
  if (between && (ALIASES[between[1]] ?? between[1]) !== (ALIASES[between[2]] ?? between[2])) {
    return `${ALIASES[between[1]] ?? between[1]} to ${ALIASES[between[2]] ?? between[2]}`;
  }
  return ALIASES[w] ?? w;
}

/** A scale with the in-between levels a register uses ("Medium to High") set between its own. */
function withBetween(scale: string[]): string[] {
  const out: string[] = [];
  scale.forEach((l, i) => {
    if (i > 0) out.push(`${scale[i - 1]} to ${l.toLowerCase()}`);
    out.push(l);
  });
  return out;
}

/** The level a word names on a scale (1-based), or null. "3 - Likely", "Likely (3)", "H" all read. */
export function levelOnScale(v: CellValue | undefined, scale: Scale): number | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v <= scale.size ? v : null;
  const text = cellText(v);
  const n = Number((/^\s*(\d+)\b/.exec(text) ?? /\((\d+)\)\s*$/.exec(text) ?? [])[1] ?? NaN);
  if (Number.isInteger(n) && n >= 1 && n <= scale.size) return n;
  const w = word(text.replace(/^\s*\d+\s*[-–:.]?\s*/, "").replace(/\s*\(\d+\)\s*$/, ""));
  const i = scale.labels.findIndex((l) => word(l) === w);
  return i >= 0 ? i + 1 : null;
}

/**
 * The scale a likelihood or impact column uses, from its header hint
 * ("_1_5", "(1-3)", "(H/M/L)") and its contents: whole numbers up to the
 * largest seen (at least 3, and 5 when nothing says otherwise), or the word
 * scale that covers every word in the column.
 */
export function inferScale(header: string, values: CellValue[], axis: "likelihood" | "impact"): Scale {
  const defaults = axis === "likelihood" ? DEFAULT_MATRIX.likelihoodLabels : DEFAULT_MATRIX.impactLabels;
  const hint = /(\d+)\s*(?:[-–]|to|\s)\s*(\d+)\s*\)?\s*$/.exec(header.replace(/_/g, " "));
  const words = values.filter((v) => !isBlank(v) && typeof v === "string" && !/^\s*\d+\s*$/.test(v as string)).map((v) => word(cellText(v).replace(/^\s*\d+\s*[-–:.]?\s*/, "").replace(/\s*\(\d+\)\s*$/, "")));
  const numbers = values.map((v) => (typeof v === "number" ? v : /^\s*(\d+)\b/.test(cellText(v)) ? Number(/^\s*(\d+)/.exec(cellText(v))![1]) : NaN)).filter((n) => Number.isInteger(n) && n >= 1);
  if (hint && Number(hint[1]) === 1 && Number(hint[2]) >= 2 && Number(hint[2]) <= 10) {
    const size = Number(hint[2]);
    return { size, labels: size === defaults.length ? defaults : numbered(size), source: `the header '${header}'` };
  }
  const distinctWords = [...new Set(words.filter(Boolean))];
  if (distinctWords.length && numbers.length < words.length) {
    // The configured scale first when its words cover the column; otherwise the shortest scale that does.
    const fits = [defaults, ...WORD_SCALES].filter((s) => distinctWords.every((w) => s.some((l) => word(l) === w)));
    const between = WORD_SCALES.map(withBetween).filter((s) => distinctWords.every((w) => s.some((l) => word(l) === w)));
    if (!fits.length && between.length) {
      const scale = between.sort((a, b) => a.length - b.length)[0];
      return { size: scale.length, labels: scale, source: `its words (${distinctWords.slice(0, 6).join(", ")}), with in-between levels as steps of their own` };
    }
    if (fits.length) {
      const fit = fits[0] === defaults ? defaults : fits.sort((a, b) => a.length - b.length)[0];
      // The configured default's own spelling, where it is the same scale.
      const scale = fit.length === defaults.length && fit.every((l, i) => word(l) === word(defaults[i])) ? defaults : fit;
      return { size: scale.length, labels: scale, source: `its words (${distinctWords.slice(0, 5).join(", ")})` };
    }
  }
  const max = numbers.reduce((m, n) => Math.max(m, n), 0);
  const size = max > 5 ? Math.min(10, max) : 5;
  return { size, labels: size === defaults.length ? defaults : numbered(size), source: max > 5 ? `its largest value, ${max}` : "the default 1–5 scale" };
}

function numbered(size: number): string[] {
  return Array.from({ length: size }, (_, i) => String(i + 1));
}
