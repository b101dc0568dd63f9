import { RiskMatrix, DEFAULT_MATRIX, bandOf } from "./matrix";

export interface Risk {
  /** Stable key: a risk reference, or the risk's text. */
  key: string;
  title: string;
  likelihood: number;
  impact: number;
  previousScore?: number | null;
  /** Risk appetite as a score; above it the risk "exceeds appetite". */
  appetite?: number | null;
  targetScore?: number | null;
  /** The level the register itself gives the risk, where that is to stand rather than the score's band (one of the matrix's bands). */
  statedBand?: string | null;
}

export type Movement = "Increased" | "Decreased" | "Unchanged" | "New";

export interface ScoredRisk extends Risk {
  score: number;
  band: string;
  movement: Movement;
  exceedsAppetite: boolean | null;
  /** Position in the input, kept so ties stay in input order. */
  inputIndex: number;
}

export function movementOf(score: number, previous: number | null | undefined): Movement {
  if (previous === null || previous === undefined) return "New";
  return score > previous ? "Increased" : score < previous ? "Decreased" : "Unchanged";
}

export function scoreRisk(r: Risk, inputIndex: number, matrix: RiskMatrix = DEFAULT_MATRIX): ScoredRisk {
  const score = r.likelihood * r.impact;
  return {
    ...r,
    score,
    band: r.statedBand && matrix.bands.some((b) => b.name === r.statedBand) ? r.statedBand : bandOf(r.likelihood, r.impact, matrix).name,
    movement: movementOf(score, r.previousScore),
    exceedsAppetite: r.appetite === null || r.appetite === undefined ? null : score > r.appetite,
    inputIndex,
  };
}

/** Order of severity: score, then impact, then likelihood, all descending; ties keep input order. */
export function bySeverity(a: ScoredRisk, b: ScoredRisk): number {
  return b.score - a.score || b.impact - a.impact || b.likelihood - a.likelihood || a.inputIndex - b.inputIndex;
}

export function scoreRegister(risks: Risk[], matrix: RiskMatrix = DEFAULT_MATRIX): ScoredRisk[] {
  return risks.map((r, i) => scoreRisk(r, i, matrix)).sort(bySeverity);
}

/** Counts per band, in the matrix's band order (highest first). */
export function bandCounts(risks: ScoredRisk[], matrix: RiskMatrix = DEFAULT_MATRIX): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of matrix.bands) counts[b.name] = 0;
  for (const r of risks) counts[r.band] = (counts[r.band] ?? 0) + 1;
  return counts;
}

export function movementCounts(risks: ScoredRisk[]): Record<Movement, number> {
  const counts: Record<Movement, number> = { Increased: 0, Decreased: 0, Unchanged: 0, New: 0 };
  for (const r of risks) counts[r.movement]++;
  return counts;
}

/** Keys in last period's register that are gone now. */
export function closedRisks(previousKeys: string[], current: Risk[]): string[] {
  const now = new Set(current.map((r) => r.key));
  return previousKeys.filter((k) => !now.has(k));
}
