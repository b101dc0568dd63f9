import { Parsed, ok, fail } from "../problems";
import { CellValue, isBlank, cellText, normaliseWord } from "../values";
import { truncate } from "../numbers";

/**
 * A risk matrix as configuration. Levels are 1-based: labels[0] is level 1.
 * Bands come from score thresholds, or from a per-cell table for matrices
 * whose bands are not a function of the score.
 */
export interface RiskBand {
  name: string;
  /** Lowest score in the band (ignored where `cellBands` is given). */
  minScore: number;
  /** Fill for the heat map and conditional formats (colour-blind-safe). */
  colour: string;
}

export interface RiskMatrix {
  likelihoodLabels: string[];
  impactLabels: string[];
  /** Highest band first. */
  bands: RiskBand[];
  /** Optional per-cell band names: cellBands[likelihood - 1][impact - 1]. */
  cellBands?: string[][];
}

/** Okabe–Ito-derived fills, chosen to stay apart for the common colour-vision deficiencies. */
export const BAND_COLOURS = { high: "#D55E00", medium: "#E69F00", low: "#56B4E9" };

export const DEFAULT_MATRIX: RiskMatrix = {
  likelihoodLabels: ["Rare", "Unlikely", "Possible", "Likely", "Almost Certain"],
  impactLabels: ["Insignificant", "Minor", "Moderate", "Major", "Extreme"],
  bands: [
    { name: "High", minScore: 10, colour: BAND_COLOURS.high },
    { name: "Medium", minScore: 5, colour: BAND_COLOURS.medium },
    { name: "Low", minScore: 1, colour: BAND_COLOURS.low },
  ],
};

export type Axis = "likelihood" | "impact";

/** Read a likelihood or impact: its number, its label (any case), or a letter label. */
export function parseLevel(v: CellValue | undefined, matrix: RiskMatrix, axis: Axis): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  const labels = axis === "likelihood" ? matrix.likelihoodLabels : matrix.impactLabels;
  const size = labels.length;
  const text = cellText(v);
  const byLabel = labels.findIndex((l) => normaliseWord(l) === normaliseWord(text));
  if (byLabel >= 0) return ok(byLabel + 1);
  // "4", 4, "4 - Likely", "Likely (4)"
  const n = typeof v === "number" ? v : Number((/^\s*(\d+)\b/.exec(text) ?? /\((\d+)\)\s*$/.exec(text) ?? [])[1] ?? NaN);
  if (Number.isInteger(n) && n >= 1 && n <= size) return ok(n);
  const word = /^\s*\d+\s*[-–:.]?\s*(.+)$/.exec(text)?.[1];
  if (word) {
    const i = labels.findIndex((l) => normaliseWord(l) === normaliseWord(word));
    if (i >= 0) return ok(i + 1);
  }
  return fail(`risk.${axis}.unknown`, `'${truncate(text)}' is not a ${axis}: expected 1–${size} or one of ${labels.join(", ")}`);
}

export function bandOf(likelihood: number, impact: number, matrix: RiskMatrix = DEFAULT_MATRIX): RiskBand {
  const named = matrix.cellBands?.[likelihood - 1]?.[impact - 1];
  if (named !== undefined) {
    const band = matrix.bands.find((b) => b.name === named);
    if (band) return band;
  }
  const score = likelihood * impact;
  return matrix.bands.find((b) => score >= b.minScore) ?? matrix.bands[matrix.bands.length - 1];
}

/** Band by score alone, for registers that publish only a score. */
export function bandOfScore(score: number, matrix: RiskMatrix = DEFAULT_MATRIX): RiskBand {
  return matrix.bands.find((b) => score >= b.minScore) ?? matrix.bands[matrix.bands.length - 1];
}

/** Problems with a matrix a user configured, so a bad one is refused with a reason. */
export function checkMatrix(m: RiskMatrix): string[] {
  const out: string[] = [];
  if (m.likelihoodLabels.length < 2 || m.impactLabels.length < 2) out.push("a matrix needs at least two levels on each axis");
  if (m.bands.length === 0) out.push("a matrix needs at least one band");
  for (let i = 1; i < m.bands.length; i++) {
    if (m.bands[i].minScore >= m.bands[i - 1].minScore) out.push(`band ${m.bands[i].name} must start below band ${m.bands[i - 1].name}`);
  }
  if (m.cellBands) {
    if (m.cellBands.length !== m.likelihoodLabels.length || m.cellBands.some((row) => row.length !== m.impactLabels.length)) {
      out.push(`the cell bands must be ${m.likelihoodLabels.length} rows of ${m.impactLabels.length}`);
    }
    const names = new Set(m.bands.map((b) => b.name));
    for (const row of m.cellBands) for (const n of row) if (!names.has(n)) out.push(`cell band '${n}' is not one of the bands`);
  }
  return [...new Set(out)];
}
