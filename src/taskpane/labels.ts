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
};

/** The columns worth mapping for each kind, most important first. */
export const ROLES_FOR: Record<DatasetKind, Role[]> = {
  indicators: ["code", "title", "polarity", "value", "target", "redThreshold", "period", "unit"],
  outcomes: ["code", "title", "polarity", "value", "target", "redThreshold", "period", "unit"],
  priorities: ["title", "group", "due", "status", "code", "commentary"],
  actions: ["title", "group", "due", "status", "code", "commentary"],
  risks: ["title", "likelihood", "impact", "level", "trend", "code", "previousScore", "appetite", "targetScore"],
};
