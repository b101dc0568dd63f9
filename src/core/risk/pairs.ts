import { normaliseWord } from "../values";

/**
 * Registers often score a risk more than once: before mitigation
 * (inherent), as it stands now (current or residual), and where the owner
 * means to bring it (target). Each is a likelihood × impact pair; the
 * register is scored and banded on the current one.
 */
export type Stage = "inherent" | "current" | "target";

export const STAGES: Stage[] = ["inherent", "current", "target"];

/** Words that place a pair; the literal "current" is the strongest claim to be the current pair. */
const STAGE_WORDS: [Stage, RegExp][] = [
  ["target", /\b(target|desired|tolerable|future|planned)\b/],
  ["inherent", /\b(inherent|initial|gross|raw|pre mitigation|premitigation|before mitigation|before controls|original|untreated|unmitigated|uncontrolled|pre control|pre controls)\b/],
  ["current", /\b(current|residual|reviewed|revised|post mitigation|postmitigation|after mitigation|after controls|mitigated|net|treated|controlled|post control|post controls|now)\b/],
];

/** The stage a header or group label names, or null when it names none. */
export function stageOf(text: string): Stage | null {
  const w = normaliseWord(text);
  if (!w) return null;
  for (const [stage, re] of STAGE_WORDS) if (re.test(w)) return stage;
  return null;
}

/** A likelihood or impact column as the header row gives it. */
export interface AxisColumn {
  col: number;
  axis: "likelihood" | "impact";
  /** The stage its own header names, else its group label above. */
  stage: Stage | null;
  /** Its header or label says "current" in so many words: the strongest claim to be the current pair. */
  literal?: boolean;
}

/** A score or level column that may belong to a pair ("Score" after "Likelihood | Impact"). */
export interface ValueColumn {
  col: number;
  kind: "score" | "level";
  stage: Stage | null;
}

export interface RiskPair {
  likelihood: number;
  impact: number;
  score?: number;
  level?: number;
  stage: Stage;
  /** How the stage was known: a word in a header or label, or the pair's place among the others. */
  by: "words" | "position";
}

/** How far after a pair its own score or level column may sit (Likelihood | Impact | Score | Level). */
const VALUE_REACH = 3;

/**
 * Pair likelihood and impact columns: those that name the same stage first,
 * then the rest by adjacency (each likelihood with the impact beside it,
 * either way round). A column with no partner is left out.
 */
export function pairAxes(axes: AxisColumn[]): { likelihood: AxisColumn; impact: AxisColumn; stage: Stage | null }[] {
  const sorted = axes.slice().sort((a, b) => a.col - b.col);
  const used = new Set<number>();
  const out: { likelihood: AxisColumn; impact: AxisColumn; stage: Stage | null }[] = [];
  for (const stage of STAGES) {
    const l = sorted.filter((a) => a.axis === "likelihood" && a.stage === stage);
    const i = sorted.filter((a) => a.axis === "impact" && a.stage === stage);
    if (l.length !== 1 || i.length !== 1) continue;
    out.push({ likelihood: l[0], impact: i[0], stage });
    used.add(l[0].col).add(i[0].col);
  }
  const rest = sorted.filter((a) => !used.has(a.col));
  for (let k = 0; k + 1 < rest.length; k++) {
    const [a, b] = [rest[k], rest[k + 1]];
    if (a.axis === b.axis || (a.stage && b.stage && a.stage !== b.stage)) continue;
    out.push(a.axis === "likelihood" ? { likelihood: a, impact: b, stage: a.stage ?? b.stage } : { likelihood: b, impact: a, stage: a.stage ?? b.stage });
    k++;
  }
  return out.sort((x, y) => Math.min(x.likelihood.col, x.impact.col) - Math.min(y.likelihood.col, y.impact.col));
}

export interface PairsRead {
  pairs: RiskPair[];
  /** The pair the register is scored on. */
  current: RiskPair;
  /** Pairs found but not placed (more than one claiming a stage), named in the doubt. */
  extra: RiskPair[];
  /** Why the choice of the current pair is uncertain, in words a user can act on; null when the words settle it. */
  doubt: string | null;
}

/**
 * Which pair is which. Words decide where they are given (in a header, in
 * a group label above, or in the pair's own score or level column, such as
 * "Initial Risk"); pairs no word places take the stages left over in the
 * usual order (inherent, then current, then target), keeping their order
 * across the sheet. The register is scored on the current pair; where only
 * position says which that is, or no pair is current, the choice is a
 * doubt that names the pairs. Returns null for fewer than two pairs.
 */
export function readPairs(axes: AxisColumn[], values: ValueColumn[], columnName: (col: number) => string): PairsRead | null {
  const found = pairAxes(axes);
  if (found.length < 2) return null;
  const starts = found.map((p) => Math.min(p.likelihood.col, p.impact.col));
  const pairs = found.map((p, k) => {
    const end = Math.max(p.likelihood.col, p.impact.col);
    const limit = Math.min(k + 1 < starts.length ? starts[k + 1] : Infinity, end + VALUE_REACH + 1);
    const own = values.filter((v) => v.col > end && v.col < limit && (!v.stage || !p.stage || v.stage === p.stage));
    const stage = p.stage ?? own.find((v) => v.stage)?.stage ?? null;
    return {
      likelihood: p.likelihood.col, impact: p.impact.col, stage, literal: !!(p.likelihood.literal || p.impact.literal),
      score: own.find((v) => v.kind === "score")?.col, level: own.find((v) => v.kind === "level")?.col,
    };
  });
  // Two pairs naming one stage: one that says "current" outright keeps it, else the later (a register reviews
  // forward); the other is named in a doubt.
  const placed: (RiskPair | null)[] = pairs.map(({ literal: _, ...p }) => (p.stage ? { ...p, stage: p.stage, by: "words" as const } : null));
  const extra: RiskPair[] = [];
  for (const stage of STAGES) {
    const claims = placed.flatMap((p, k) => (p?.stage === stage ? [k] : []));
    const keep = claims.find((k) => pairs[k].literal) ?? claims[claims.length - 1];
    for (const k of claims.filter((x) => x !== keep)) {
      extra.push(placed[k] as RiskPair);
      placed[k] = null;
    }
  }
  const unplaced = pairs.flatMap((p, k) => (p.stage ? [] : [k]));
  const free = STAGES.filter((s) => !placed.some((p) => p?.stage === s));
  const given = placeByPosition(placed.map((p) => p?.stage ?? null), unplaced, free);
  unplaced.forEach((k, i) => {
    const { literal: _, ...pair } = pairs[k];
    const stage = given[i];
    if (stage) placed[k] = { ...pair, stage, by: "position" };
    else extra.push({ ...pair, stage: "current", by: "position" });
  });
  const read = placed.filter((p): p is RiskPair => p !== null);
  const current = read.find((p) => p.stage === "current") ?? read.find((p) => p.stage === "inherent") ?? read[0];
  return { pairs: read, current, extra, doubt: doubtOf(read, current, extra, columnName) };
}

/**
 * Stages for the pairs no word places (by index, in sheet order), from the
 * free ones: a register with unnamed pairs has a current one, so "current"
 * is always given out while free; then inherent before target; and, read
 * across the sheet, stages do not run backwards (inherent, current, target)
 * where that can be avoided. Null where there are more pairs than stages.
 */
function placeByPosition(known: (Stage | null)[], unplaced: number[], free: Stage[]): (Stage | null)[] {
  const rank = (s: Stage) => STAGES.indexOf(s);
  let best: (Stage | null)[] = unplaced.map(() => null);
  let bestCost = Infinity;
  const visit = (i: number, left: Stage[], chosen: (Stage | null)[]) => {
    if (i === unplaced.length || !left.length) {
      const full = [...chosen, ...unplaced.slice(chosen.length).map(() => null)];
      const stages = known.slice();
      full.forEach((s, j) => (stages[unplaced[j]] = s));
      const inOrder = stages.filter((s): s is Stage => s !== null).every((s, j, all) => j === 0 || rank(all[j - 1]) < rank(s));
      const cost = (free.includes("current") && !full.includes("current") ? 100 : 0) + (inOrder ? 0 : 10) + (full.includes("target") ? 1 : 0) + full.filter((s) => s === null).length * 1000;
      if (cost < bestCost) [best, bestCost] = [full, cost];
      return;
    }
    for (const s of left) visit(i + 1, left.filter((x) => x !== s), [...chosen, s]);
  };
  visit(0, free, []);
  return best;
}

const COUNT = ["", "one", "two", "three", "four", "five", "six"];

function doubtOf(read: RiskPair[], current: RiskPair, extra: RiskPair[], name: (col: number) => string): string | null {
  const all = [...read, ...extra].sort((a, b) => a.likelihood - b.likelihood);
  const n = COUNT[all.length] ?? String(all.length);
  const names = all.map((p) => name(p.likelihood));
  const list = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  const scored = name(current.likelihood);
  const claimed = extra.find((e) => e.by === "words");
  if (claimed) {
    return `${n} likelihood × impact pairs (${list}) and more than one says it is the ${claimed.stage} pair: scored on ${scored}, the ${current.stage} pair; check the mapping`;
  }
  if (extra.length) {
    return `${n} likelihood × impact pairs (${list}), more than inherent, current and target: scored on ${scored}, the ${current.stage} pair by its place; check the mapping`;
  }
  if (current.stage !== "current") {
    return `${n} likelihood × impact pairs (${list}) and none is the current one: scored on ${scored}, the ${current.stage} pair; check the mapping`;
  }
  if (current.by === "words") return null;
  // The current pair is the only one left once the others are named: the words settle it.
  if (read.filter((p) => p.by === "position").length === 1 && read.some((p) => p.by === "words")) return null;
  const which = all.length === 2 ? (current === all[1] ? "the later one" : "the earlier one") : `read by position as ${read.map((p) => `${p.stage} (${name(p.likelihood)})`).join(", ")}`;
  return `${n} likelihood × impact pairs (${list}) and no word says which is current: scored on ${scored}, ${which}`;
}
