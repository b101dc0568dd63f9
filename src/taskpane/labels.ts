import type { DatasetKind, Role } from "../core";

/** Plain names for what the pane shows. */
export const KIND_LABEL: Record<DatasetKind, string> = {
  indicators: "Indicators",
  outcomes: "Outcomes",
  priorities: "Priorities",
  actions: "Actions",
  risks: "Risk register",
};

export const ROLE_LABEL: Record<Role, string> = {
  code: "Code or reference",
  title: "Title",
  polarity: "Polarity (higher or lower is better)",
  unit: "Unit",
  value: "Value",
  target: "Target",
  redThreshold: "Red threshold",
  period: "Period",
  group: "Directorate or owner",
  owner: "Owner (a person or team)",
  due: "Due date",
  revisedDue: "Revised due date",
  status: "RAG status",
  commentary: "Commentary",
  likelihood: "Likelihood",
  impact: "Impact",
  level: "Risk level (as published)",
  trend: "Trend (as published)",
  score: "Score",
  previousScore: "Previous score",
  appetite: "Risk appetite",
  targetScore: "Target score",
  targetLikelihood: "Target likelihood",
  targetImpact: "Target impact",
  targetDate: "Date to reach the target score",
  residualLikelihood: "Residual likelihood (after mitigation)",
  residualImpact: "Residual impact (after mitigation)",
  residualScore: "Residual score",
  residualLevel: "Residual risk level",
  appetiteStatus: "Within or exceeds appetite (as published)",
  lifecycle: "Open or closed",
  itemType: "Type (Risk, Issue, Assumption, Dependency)",
  importance: "Priority (importance)",
  start: "Start or other date",
  area: "Area or organisation",
  areaCode: "Area code",
  ytd: "Year to date",
  numerator: "Numerator (n)",
  denominator: "Denominator (N)",
};

/** The columns worth mapping for each kind, most important first. */
export const ROLES_FOR: Record<DatasetKind, Role[]> = {
  indicators: ["code", "title", "polarity", "value", "target", "redThreshold", "period", "area", "unit", "status", "ytd", "numerator", "denominator"],
  outcomes: ["code", "title", "polarity", "value", "target", "redThreshold", "period", "area", "unit", "status", "ytd", "numerator", "denominator"],
  priorities: ["title", "group", "due", "status", "code", "commentary", "owner", "revisedDue"],
  actions: ["title", "group", "due", "status", "code", "commentary", "owner", "revisedDue"],
  risks: ["title", "likelihood", "impact", "level", "score", "residualLikelihood", "residualImpact", "residualScore", "residualLevel", "lifecycle", "itemType",
    "trend", "code", "previousScore", "appetite", "targetScore", "targetLikelihood", "targetImpact", "targetDate"],
};

/** The noun for a dataset's rows, as an officer counts them ("24 outcomes"). */
export const KIND_NOUN: Record<DatasetKind, [string, string]> = {
  indicators: ["indicator", "indicators"],
  outcomes: ["outcome", "outcomes"],
  priorities: ["priority", "priorities"],
  actions: ["action", "actions"],
  risks: ["risk", "risks"],
};

export function plural(n: number, [one, many]: [string, string]): string {
  // Thousands separated, so a large count reads at a glance ("25,487 indicators").
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** What each status means, said as a performance officer would after a count ("6 … have no target"). */
const STATUS_PHRASE: Record<string, [string, string]> = {
  Green: ["is on target (Green)", "are on target (Green)"],
  Amber: ["is just off target (Amber)", "are just off target (Amber)"],
  Red: ["is off target (Red)", "are off target (Red)"],
  Complete: ["is complete", "are complete"],
  "Data only": ["has no target (trend only)", "have no target (trend only)"],
  "No data": ["has no figure for the period", "have no figure for the period"],
  Check: ["needs checking (the value is not a number)", "need checking (the value is not a number)"],
};

/** "6 indicators have no target (trend only)"; an unrated word stays as written ("2 'Greenish'"). */
export function statusPhrase(kind: DatasetKind, status: string, n: number): string {
  const phrase = STATUS_PHRASE[status];
  const noun = plural(n, KIND_NOUN[kind]);
  return phrase ? `${noun} ${phrase[n === 1 ? 0 : 1]}` : `${noun} marked '${status}' (not a status the add-in knows)`;
}

/** The words the pane uses, explained once (shown in Help). */
export const GLOSSARY: { term: string; meaning: string }[] = [
  { term: "RAG", meaning: "Red, Amber or Green: how a result compares with its target. Green meets or beats it; Amber misses it by no more than the tolerance; Red misses it by more." },
  { term: "Amber tolerance", meaning: "How far a result may miss its target and still be Amber, as a percentage of the target (5% unless you change it). A threshold column in your sheet overrides it." },
  { term: "Trend only (no target)", meaning: "An indicator without a target gets no RAG; it is reported by its direction of travel." },
  { term: "No figure for the period", meaning: "The indicator has no value for the reporting quarter, so it cannot be rated." },
  { term: "Improving, Static, Worsening", meaning: "The direction of travel against the previous quarter (short trend) and the same quarter last year (long trend), allowing for whether higher or lower is better." },
  { term: "Red Red", meaning: "An item that is Red and worsening: the exceptions the report explains first." },
  { term: "Expected standard", meaning: "The share of items that should be on target, e.g. 75% of outcomes Green. 'Standard achieved' is Yes or No." },
  { term: "Overdue", meaning: "A priority or action whose due date had passed by the end of the quarter and which is not complete." },
  { term: "Unusual change", meaning: "A change bigger than the usual ups and downs of the series (statistical process control, as in the NHS 'Making Data Count' charts). Needs 12 or more periods." },
  { term: "Risk score and level", meaning: "Likelihood × impact. The level (High, Medium, Low) comes from the score bands in Settings, or from your register's own levels." },
  { term: "Heat map", meaning: "How many risks sit at each likelihood and impact; each square names its level by letter as well as colour." },
  { term: "Directorate return", meaning: "A sheet made for one directorate to update its priorities, actions and risks, then collected back into the corporate sheets." },
  { term: "Outstanding return", meaning: "A directorate return made for this period and not yet collected. Until it is, a headline gives the range it could still take (every item back on target, or none) and says whether the standard depends on the returns still out, naming the ones that decide it." },
  { term: "Commentary check", meaning: "Each item's commentary is read against its row: figures it quotes that are not the row's value, target, previous value or a percentage worked out from them (within rounding); a Red item whose commentary says nothing of a concern, shortfall or action; and commentary word for word the same as last period's. Findings are data issues with their cell; the commentary is never changed." },
  { term: "Restated", meaning: "A stored period whose results the workbook now gives otherwise (a corrected figure, a late return, a changed target or changed rules), or whose stored results were replaced. Each difference is listed as a data, target or rule change with the day each result was published; the published results are kept." },
];
