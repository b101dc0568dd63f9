import { columnLetter } from "../grid";
import { Role, HeaderWords, headerScores } from "./roles";
import { ColumnProfile } from "./profile";
import { Assignment, contentFit } from "./assign";
import { AxisColumn, ValueColumn, RiskPair, Stage, readPairs, stageOf, pairAxes } from "../risk/pairs";

/** A header cell with what it said and what lies under it. */
export interface HeaderColumn {
  col: number;
  header: HeaderWords;
  profile: ColumnProfile;
}

/** The pairs a register gives, and the stage it is scored on: said in the output. */
export interface RiskPairsFound {
  pairs: RiskPair[];
  scored: Stage;
}

const AXIS_ROLES = {
  likelihood: ["likelihood", "residualLikelihood", "targetLikelihood"],
  impact: ["impact", "residualImpact", "targetImpact"],
} as const satisfies Record<string, Role[]>;
const SCORE_ROLES: Role[] = ["score", "residualScore", "targetScore"];
const LEVEL_ROLES: Role[] = ["level", "residualLevel"];
/** Below this a header only mentions the word in passing ("Risk Description/ Impact"). */
const NAMES_IT = 0.6;
/** Last quarter's likelihood and impact are no stage of the risk now: not a pair to score or show as inherent. */
const EARLIER = /\b(previous|prior|former|last (quarter|month|period|year|time))\b/i;

function best(scores: Map<Role, number>, roles: readonly Role[]): number {
  return Math.max(0, ...roles.map((r) => scores.get(r) ?? 0));
}

/** Level words in a "Score" column: the register's level, not a number. */
export function holdsLevels(p: ColumnProfile): boolean {
  return p.scaleWords > 0.7 && p.numbers < 0.2;
}

/**
 * Where a register gives two or more likelihood × impact pairs, give each
 * its roles: the pair it is scored on (the current one) and the others
 * beside it. By the register's own convention the plain roles hold the
 * first pair: with an inherent pair beside it, the current pair takes the
 * residual roles; a target pair takes the target roles. Each pair's own
 * score and level column goes with it, so a "Residual score" never repeats
 * the inherent one. Returns null (and changes nothing) for a single pair.
 */
export function settleRiskPairs(
  columns: HeaderColumn[], assignment: Assignment, headers: string[], context: string[], left: number,
): (RiskPairsFound & { doubt: string | null }) | null {
  const axes: AxisColumn[] = [];
  const values: ValueColumn[] = [];
  const earlier: number[] = [];
  const text = (col: number) => `${headers[col - left] ?? ""}`;
  const label = (col: number) => context[col - left] ?? "";
  for (const c of columns) {
    const scores = headerScores(c.header);
    const stage = stageOf(text(c.col)) ?? stageOf(label(c.col));
    const literal = /\bcurrent\b/i.test(`${text(c.col)} ${label(c.col)}`);
    const l = best(scores, AXIS_ROLES.likelihood);
    const i = best(scores, AXIS_ROLES.impact);
    if (Math.max(l, i) >= NAMES_IT && l !== i && contentFit("likelihood", c.profile) >= 0.6) {
      if (EARLIER.test(`${text(c.col)} ${label(c.col)}`)) earlier.push(c.col);
      else axes.push({ col: c.col, axis: l > i ? "likelihood" : "impact", stage, literal });
      continue;
    }
    const score = best(scores, SCORE_ROLES);
    const level = best(scores, LEVEL_ROLES);
    if (Math.max(score, level) >= NAMES_IT) values.push({ col: c.col, kind: level >= score || holdsLevels(c.profile) ? "level" : "score", stage });
  }
  const cols = assignment.columns;
  const read = readPairs(axes, values, (col) => `'${text(col)}' ${columnLetter(col)}`);
  if (!read) {
    // One pair beside last quarter's: the pair now is the one scored, whichever the headers scored higher.
    const only = pairAxes(axes);
    if (earlier.length && only.length === 1 && [cols.likelihood, cols.impact].some((c) => c !== undefined && earlier.includes(c))) {
      cols.likelihood = only[0].likelihood.col;
      cols.impact = only[0].impact.col;
    }
    return null;
  }
  const byCol = new Map(columns.map((c) => [c.col, c]));
  const inPairs = new Set([...read.pairs, ...read.extra].flatMap((p) => [p.likelihood, p.impact, p.score, p.level]).filter((x): x is number => x !== undefined));
  for (const role of [...AXIS_ROLES.likelihood, ...AXIS_ROLES.impact, ...SCORE_ROLES, ...LEVEL_ROLES]) {
    if (cols[role] !== undefined && inPairs.has(cols[role] as number)) delete cols[role];
  }
  const set = (role: Role, col: number | undefined, fitRole: Role) => {
    if (col === undefined) return;
    for (const [other, at] of Object.entries(cols) as [Role, number][]) if (at === col && other !== role) delete cols[other];
    cols[role] = col;
    const c = byCol.get(col);
    if (!c) return;
    const h = Math.max(...[...headerScores(c.header).values()], 0);
    assignment.scores[role] = Math.round(h * (0.25 + 0.75 * contentFit(fitRole, c.profile)) * 100) / 100;
  };
  const current = read.current;
  const inherent = read.pairs.find((p) => p.stage === "inherent" && p !== current);
  const target = read.pairs.find((p) => p.stage === "target" && p !== current);
  const plain = inherent ?? current;
  set("likelihood", plain.likelihood, "likelihood");
  set("impact", plain.impact, "impact");
  set("score", plain.score, "score");
  set("level", plain.level, "level");
  if (inherent) {
    set("residualLikelihood", current.likelihood, "residualLikelihood");
    set("residualImpact", current.impact, "residualImpact");
    set("residualScore", current.score, "residualScore");
    set("residualLevel", current.level, "residualLevel");
  }
  if (target) {
    set("targetLikelihood", target.likelihood, "targetLikelihood");
    set("targetImpact", target.impact, "targetImpact");
    set("targetScore", target.score ?? target.level, "targetScore");
  }
  return { pairs: read.pairs, scored: current.stage, doubt: read.doubt };
}
