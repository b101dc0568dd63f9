import { normaliseWord } from "../values";

/** What a column holds, whatever the council calls it. */
export type Role =
  | "code" | "title" | "polarity" | "unit" | "value" | "target" | "redThreshold" | "period"
  | "group" | "due" | "status" | "commentary"
  | "likelihood" | "impact" | "level" | "trend" | "score" | "previousScore" | "appetite" | "targetScore";

export type DatasetKind = "indicators" | "outcomes" | "priorities" | "actions" | "risks";

export const KINDS: DatasetKind[] = ["indicators", "outcomes", "priorities", "actions", "risks"];

/**
 * Header spellings per role, compared after normalising case, spacing and
 * punctuation. Patterns cover the families ("RAG at Q1", "Q1 RAG", "Target 2024").
 */
const SYNONYMS: Record<Role, (string | RegExp)[]> = {
  code: ["code", "ref", "reference", "id", "pi code", "kpi code", "indicator code", "risk ref", "risk reference", "risk id", "action ref", "no", "number"],
  title: [
    "title", "name", "description", "risk", "risk description", "risk title", "priority", "priorities", "directorate priority",
    "action", "actions", "activity", "milestone", "task", "outcome", "outcomes", "outcome measure", "indicator", "measure",
    "performance indicator", "pi", "kpi", "programme", "project", "programme or project", "initiative", "objective",
  ],
  polarity: ["aim", "polarity", "good is", "direction", "direction of good", "better is", "higher or lower is better", "good performance is"],
  unit: ["unit", "units", "measure type", "unit of measure", "format"],
  value: ["value", "actual", "result", "current value", "outturn", "performance", "latest value", "data", "figure"],
  target: [/^target( (19|20)\d\d(\/\d\d)?| value| 20\d\d \d\d)?$/, "goal", "target for period"],
  redThreshold: ["red threshold", "amber threshold", "intervention", "intervention level", "alert threshold", "threshold", "amber red threshold"],
  period: ["period", "quarter", "last update", "reporting period", "as at", "period covered", "time period"],
  group: ["directorate", "service", "department", "service area", "owner", "lead directorate", "portfolio", "theme", "priority area", "section"],
  due: ["due date", "deadline", "due", "target date", "agreed due date", "completion date", "date due", "due by", "end date", "target completion date"],
  status: [
    "rag", "status", "rag status", "rag rating", "overall rag", "current rag", "current status", "progress", "progress status",
    /^(q[1-4] )?rag( (at|for|in) (q[1-4]|quarter [1-4]|quarter (one|two|three|four)))?( status| rating)?$/,
    /^(q[1-4] )?status( (at|for|in) q[1-4])?$/,
  ],
  commentary: ["commentary", "comments", "comment", "update", "progress update", "notes", "note", "narrative", "progress commentary", "latest update"],
  likelihood: ["likelihood", "l", "probability", "current likelihood", "likelihood score"],
  impact: ["impact", "i", "severity", "consequence", "current impact", "impact score"],
  level: ["risk level", "level", "risk rating", "rating", "band", "risk band", "current risk level", "overall risk"],
  trend: ["trend", "direction of travel", "movement", "dot", "change", "risk trend"],
  score: ["score", "risk score", "current score", "current risk score"],
  previousScore: ["previous score", "last score", "previous risk score", "last quarter score", "previous rating"],
  appetite: ["appetite", "risk appetite", "appetite score", "tolerance level"],
  targetScore: ["target score", "target risk score", "target risk"],
};

const exact = new Map<string, Role>();
const patterns: [RegExp, Role][] = [];
for (const [role, list] of Object.entries(SYNONYMS) as [Role, (string | RegExp)[]][]) {
  for (const s of list) {
    if (typeof s === "string") {
      if (!exact.has(normaliseWord(s))) exact.set(normaliseWord(s), role);
    } else patterns.push([s, role]);
  }
}

/** The role a header names, or null. */
export function roleOfHeader(header: string): Role | null {
  const h = normaliseWord(header);
  if (!h) return null;
  const found = exact.get(h);
  if (found) return found;
  for (const [re, role] of patterns) if (re.test(h)) return role;
  return null;
}

/** Title headers that say which kind of list this is. */
export function kindHint(header: string): DatasetKind | null {
  const h = normaliseWord(header);
  if (/\boutcomes?\b/.test(h)) return "outcomes";
  if (/\b(priority|priorities|programme|project)\b/.test(h)) return "priorities";
  if (/\b(action|actions|activity|milestone|task|initiative)\b/.test(h)) return "actions";
  if (/\brisk\b/.test(h)) return "risks";
  if (/\b(indicator|measure|pi|kpi)\b/.test(h)) return "indicators";
  return null;
}
