import { RiskMatrix, DEFAULT_MATRIX, bandOf } from "./matrix";

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  count: number;
  band: string;
  colour: string;
}

/**
 * Counts per likelihood × impact cell. Rows run from the highest likelihood
 * at the top (as the heat map is read) down to 1; columns impact 1 → n.
 */
export function heatMap(risks: { likelihood: number; impact: number }[], matrix: RiskMatrix = DEFAULT_MATRIX): HeatMapCell[][] {
  const nL = matrix.likelihoodLabels.length;
  const nI = matrix.impactLabels.length;
  const counts = Array.from({ length: nL }, () => new Array<number>(nI).fill(0));
  for (const r of risks) {
    if (r.likelihood >= 1 && r.likelihood <= nL && r.impact >= 1 && r.impact <= nI) counts[r.likelihood - 1][r.impact - 1]++;
  }
  const rows: HeatMapCell[][] = [];
  for (let l = nL; l >= 1; l--) {
    rows.push(
      Array.from({ length: nI }, (_, i) => {
        const band = bandOf(l, i + 1, matrix);
        return { likelihood: l, impact: i + 1, count: counts[l - 1][i], band: band.name, colour: band.colour };
      }),
    );
  }
  return rows;
}

/** The same map with impact down the side and likelihood across, for councils that draw it that way. */
export function transposeHeatMap(rows: HeatMapCell[][]): HeatMapCell[][] {
  if (rows.length === 0) return [];
  const nI = rows[0].length;
  const out: HeatMapCell[][] = [];
  for (let i = nI - 1; i >= 0; i--) out.push([...rows].reverse().map((row) => row[i]));
  return out;
}
