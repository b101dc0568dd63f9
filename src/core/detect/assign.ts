import { ColumnProfile } from "./profile";
import { Role, HeaderWords, headerScores } from "./roles";

/**
 * How well a column's contents suit a role, 0–1. Headers say what a column
 * is meant to be; contents say what it can be: a "Priority" column of
 * High/Low is an importance, not a title, and a "Status" column of
 * Open/Closed is a lifecycle, not a RAG.
 */
export function contentFit(role: Role, p: ColumnProfile): number {
  // An empty column (a template not yet filled in) is no evidence either way: the header decides.
  if (p.filled === 0) return 0.6;
  const numeric = p.numbers;
  const textual = p.text;
  const shortLowCard = textual > 0.6 && p.meanLength < 25 && p.distinct < 0.5 ? 1 : textual > 0.6 && p.meanLength < 40 ? 0.6 : 0.2;
  switch (role) {
    case "code": return p.distinct > 0.8 && (numeric > 0.5 || p.meanLength <= 16) ? 1 : p.distinct > 0.3 ? 0.5 : 0.2;
    case "title": return textual > 0.6 && p.scaleWords < 0.5 && p.statusWords < 0.5 ? (p.meanLength >= 6 ? 1 : 0.6) : textual > 0.3 ? 0.3 : 0.05;
    case "likelihood": case "impact": case "residualLikelihood": case "residualImpact": case "targetLikelihood": case "targetImpact":
      return p.smallInts > 0.7 || p.scaleWords > 0.7 ? 1 : p.smallInts + p.scaleWords > 0.5 ? 0.6 : 0.1;
    case "score": case "residualScore": case "previousScore": case "targetScore":
      return numeric > 0.7 ? 1 : p.scaleWords > 0.7 ? 0.5 : 0.1;
    case "level": case "residualLevel":
      return p.scaleWords > 0.7 ? 1 : numeric > 0.7 ? 0.35 : textual > 0.6 && p.meanLength < 20 ? 0.4 : 0.1;
    case "appetite": return numeric > 0.7 || p.scaleWords > 0.7 ? 1 : 0.3;
    case "appetiteStatus": return textual > 0.6 && p.distinct < 0.5 ? 1 : 0.2;
    case "status": return p.statusWords > 0.5 ? 1 : p.lifecycleWords > 0.7 ? 0.35 : shortLowCard * 0.8;
    case "lifecycle": return p.lifecycleWords > 0.7 ? 1 : 0.15;
    case "itemType": return p.raidWords > 0.7 ? 1 : 0.1;
    case "importance": return p.scaleWords > 0.7 ? 1 : 0.15;
    // A revised date is blank for most items (only those off target have one), and "N/A" for some: the header decides.
    case "revisedDue": return p.dates > 0.3 ? 1 : 0.6;
    case "due": case "start": return p.dates > 0.6 ? 1 : p.dates > 0.2 ? 0.5 : 0.15;
    // A risk's target date is often a month or quarter ("March 2022", "Q4 2021/22").
    case "targetDate": return Math.max(p.dates, p.periods) > 0.6 ? 1 : Math.max(p.dates, p.periods) > 0.2 ? 0.5 : 0.15;
    // A column of bare years (2019, 2020) is some evidence of a period: its header decides (see periodOptionsFor).
    case "period": return p.periods > 0.7 ? 1 : p.periods + p.years > 0.7 ? 0.75 : p.periods > 0.3 ? 0.5 : 0.1;
    case "value": case "target": case "redThreshold": case "ytd": case "numerator": case "denominator":
      return numeric > 0.6 ? 1 : numeric > 0.2 ? 0.6 : p.dates > 0.5 ? 0 : 0.1;
    case "polarity": return p.polarityWords > 0.6 ? 1 : shortLowCard * 0.4;
    case "group": case "owner": case "area": case "areaCode": return textual + numeric > 0.6 && p.distinct < 0.9 ? 1 : 0.5;
    case "commentary": return textual > 0.5 && p.meanLength > 20 ? 1 : 0.5;
    case "unit": case "trend": return textual > 0.5 ? 0.9 : 0.3;
  }
}

/** Below this a header–contents pair is no evidence at all. */
const MIN_SCORE = 0.35;

export interface Assignment {
  columns: Partial<Record<Role, number>>;
  /** Confidence per assigned role, 0–1. */
  scores: Partial<Record<Role, number>>;
  /** The next best column for each assigned role, for the mapping drop-down. */
  runnerUp: Partial<Record<Role, { col: number; score: number }>>;
  total: number;
  recognised: number;
}

/**
 * Give each role at most one column and each column at most one role, the
 * strongest pairs first (header evidence × content evidence), so the best
 * overall reading wins rather than the first header that matches.
 */
export function assignRoles(cols: { col: number; header: HeaderWords; profile: ColumnProfile }[]): Assignment {
  const pairs: { col: number; role: Role; score: number }[] = [];
  for (const c of cols) {
    for (const [role, h] of headerScores(c.header)) {
      const score = h * (0.25 + 0.75 * contentFit(role, c.profile));
      if (score >= MIN_SCORE) pairs.push({ col: c.col, role, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const out: Assignment = { columns: {}, scores: {}, runnerUp: {}, total: 0, recognised: 0 };
  const used = new Set<number>();
  for (const p of pairs) {
    if (out.columns[p.role] !== undefined) {
      if (!out.runnerUp[p.role] && p.col !== out.columns[p.role]) out.runnerUp[p.role] = { col: p.col, score: round(p.score) };
      continue;
    }
    if (used.has(p.col)) continue;
    out.columns[p.role] = p.col;
    out.scores[p.role] = round(p.score);
    used.add(p.col);
    out.total += p.score;
    out.recognised++;
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
