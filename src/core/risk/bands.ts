import { SheetGrid } from "../grid";
import { cellText, normaliseWord } from "../values";
import { RiskBand, BAND_COLOURS } from "./matrix";

/** Where a register's levels came from, said in the output. */
export interface BandsFound {
  bands: RiskBand[];
  source: string;
  /** The legend or key sheet the levels were read from, where they came from one. */
  sheet?: string;
}

/** Level words by severity rank (higher is more severe), so bands can be ordered and coloured. */
const RANK: [RegExp, number][] = [
  [/^(critical|extreme|very high|severe|catastrophic|black|vh)$/, 5],
  [/^(high|red|h|r|significant|major|m ?- ?h|medium ?- ?high|medium high)$/, 4],
  [/^(medium|amber|moderate|m|a|med|tolerable|amber ?- ?red|l ?- ?m|low ?- ?medium)$/, 3],
  [/^(low|green|minor|l|g|acceptable)$/, 2],
  [/^(very low|negligible|insignificant|vl|blue)$/, 1],
];

export function levelRank(name: string): number | null {
  const w = normaliseWord(name);
  for (const [re, rank] of RANK) if (re.test(w)) return rank;
  return null;
}

/** Colours by position from the top: the most severe band vermillion, then orange, then blue. */
export function colourBands(bands: { name: string; minScore: number }[]): RiskBand[] {
  const palette = [BAND_COLOURS.high, BAND_COLOURS.medium, BAND_COLOURS.low, "#009E73", "#999999"];
  const top = bands.length > 3 ? ["#882255", ...palette] : palette;
  return bands.map((b, i) => ({ ...b, colour: top[Math.min(i, top.length - 1)] }));
}

/**
 * Bands from a register's own (score, level) pairs: levels ordered by their
 * scores, each band starting at the lowest score that carries its level,
 * with the boundary chosen to disagree with the fewest rows. Rows that still
 * disagree are returned for one warning.
 */
export function inferBands(pairs: { score: number; level: string; row: number }[]): { bands: RiskBand[]; disagree: number[] } | null {
  const byLevel = new Map<string, { name: string; scores: number[] }>();
  for (const p of pairs) {
    const key = normaliseWord(p.level);
    if (!key) continue;
    const entry = byLevel.get(key) ?? { name: p.level.trim(), scores: [] };
    entry.scores.push(p.score);
    byLevel.set(key, entry);
  }
  if (byLevel.size < 2) return null;
  const levels = [...byLevel.values()].sort((a, b) => {
    const ra = levelRank(a.name), rb = levelRank(b.name);
    if (ra !== null && rb !== null && ra !== rb) return rb - ra;
    return median(b.scores) - median(a.scores);
  });
  // Boundary between each level and the one below: the score that misclassifies fewest of the pair.
  const mins: number[] = [];
  for (let i = 0; i < levels.length - 1; i++) {
    const upper = levels[i].scores, lower = levels[i + 1].scores;
    const candidates = [...new Set([...upper, ...lower.map((s) => s + 1)])].sort((a, b) => a - b);
    let best = candidates[0], bestWrong = Infinity;
    for (const t of candidates) {
      const wrong = upper.filter((s) => s < t).length + lower.filter((s) => s >= t).length;
      if (wrong < bestWrong) [best, bestWrong] = [t, wrong];
    }
    mins.push(best);
  }
  for (let i = mins.length - 2; i >= 0; i--) if (mins[i] <= mins[i + 1]) mins[i] = mins[i + 1] + 1;
  const bands = colourBands(levels.map((l, i) => ({ name: l.name, minScore: i < mins.length ? mins[i] : 1 })));
  const bandFor = (score: number) => bands.find((b) => score >= b.minScore) ?? bands[bands.length - 1];
  const disagree = pairs.filter((p) => normaliseWord(bandFor(p.score).name) !== normaliseWord(p.level)).map((p) => p.row);
  return { bands, disagree };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** "16–25", "16-25", "> 15", ">=16", "< 8", "1 to 8", "15+", "20 and above": the lowest score of a band. */
export function rangeMin(text: string): number | null {
  const t = text.replace(/\s+/g, " ").trim();
  let m = /^(\d+(?:\.\d+)?) ?(?:-|–|—|to) ?(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Math.min(Number(m[1]), Number(m[2]));
  if ((m = /^(?:>=|≥|at least) ?(\d+(?:\.\d+)?)$/.exec(t)) || (m = /^(\d+(?:\.\d+)?) ?(?:\+|and above|or more|and over)$/.exec(t))) return Number(m[1]);
  if ((m = /^(?:>|over|above|more than) ?(\d+)$/.exec(t))) return Number(m[1]) + 1;
  if (/^(?:<|≤|<=|below|under|less than|up to)/.test(t)) return 1;
  return null;
}

/**
 * A legend or key sheet that states the levels: rows where one cell names a
 * level and a cell beside it gives its score range ("High | 16–25"). Needs
 * at least two levels and ranges that order like the levels.
 */
export function bandsFromLegend(grids: SheetGrid[]): BandsFound | null {
  for (const g of grids) {
    const found: { name: string; minScore: number }[] = [];
    for (let r = 0; r < Math.min(g.rows.length, 200); r++) {
      const row = g.rows[r] ?? [];
      for (let c = 0; c + 1 < row.length; c++) {
        const name = cellText(row[c]);
        if (!name || levelRank(name) === null) continue;
        for (let k = c + 1; k <= Math.min(c + 3, row.length - 1); k++) {
          const min = rangeMin(cellText(row[k]));
          if (min !== null && !found.some((f) => normaliseWord(f.name) === normaliseWord(name))) {
            found.push({ name, minScore: min });
            break;
          }
        }
      }
    }
    if (found.length < 2) continue;
    found.sort((a, b) => b.minScore - a.minScore);
    const ranks = found.map((f) => levelRank(f.name) ?? 0);
    if (ranks.some((r, i) => i > 0 && r > ranks[i - 1])) continue;
    found[found.length - 1].minScore = Math.min(1, found[found.length - 1].minScore);
    return { bands: colourBands(found), source: `the '${g.name}' sheet`, sheet: g.name };
  }
  return null;
}

/** A level pair from a register: a risk's score and the level it states. */
export interface StatedLevel {
  score: number;
  level: string;
  row: number;
}

/**
 * A register's own level column written between two of its levels ("M - H"
 * where it also uses M and H) adds no band of its own: as on the likelihood
 * and impact scales, it is placed at the higher level. Returns the pairs so
 * placed and which rows changed, for one warning.
 */
export function settleBetweenLevels(pairs: StatedLevel[]): { pairs: StatedLevel[]; moved: { row: number; from: string; to: string }[] } {
  const spelling = new Map<string, string>();
  for (const p of pairs) if (!spelling.has(normaliseWord(p.level))) spelling.set(normaliseWord(p.level), p.level.trim());
  const moved: { row: number; from: string; to: string }[] = [];
  const out = pairs.map((p) => {
    const parts = p.level.trim().split(/\s+to\s+|\s*[-–—/]\s*/i).map(normaliseWord).filter(Boolean);
    if (parts.length !== 2 || parts[0] === parts[1] || !parts.every((x) => spelling.has(x))) return p;
    const ranks = parts.map(levelRank);
    if (ranks[0] === null || ranks[1] === null || ranks[0] === ranks[1]) return p;
    const to = spelling.get((ranks[0] as number) > (ranks[1] as number) ? parts[0] : parts[1]) as string;
    moved.push({ row: p.row, from: p.level.trim(), to });
    return { ...p, level: to };
  });
  return { pairs: out, moved };
}
