import type { DatasetKind, Role } from "../core";

/** Plain names for what the pane shows. */
export const KIND_LABEL: Record<DatasetKind, string> = {
  indicators: "Indicators",
  outcomes: "Strategic Plan outcomes",
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
  due: "Due date",
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
  priorities: ["title", "group", "due", "status", "code", "commentary"],
  actions: ["title", "group", "due", "status", "code", "commentary"],
  risks: ["title", "likelihood", "impact", "level", "score", "residualLikelihood", "residualImpact", "residualScore", "residualLevel", "lifecycle", "itemType",
    "trend", "code", "previousScore", "appetite", "targetScore"],
};
