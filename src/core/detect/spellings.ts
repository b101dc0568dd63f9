/**
 * Header spellings per column role, as councils, programme offices and
 * national data sets write them. Compared after `headerWords` has normalised
 * case, underscores, brackets and scale suffixes ("Likelihood_1_5",
 * "Impact (H/M/L)" → "likelihood", "impact"). Extend a list here to teach
 * the reader a new spelling; nothing else needs to change.
 */
export const SPELLINGS = {
  code: ["code", "ref", "reference", "id", "pi code", "kpi code", "indicator code", "measure code", "risk ref", "risk reference", "risk id", "action ref",
    "action id", "milestone id", "project id", "log id", "no", "number", "ref no", "id no", "risk no", "risk number", "item id"],
  title: ["title", "name", "description", "risk", "risk description", "risk title", "risk name", "priority", "priorities", "directorate priority",
    "action", "actions", "activity", "milestone", "milestone name", "milestone description", "task", "task name", "outcome", "outcomes", "outcome measure",
    "indicator", "indicator name", "measure", "measure name", "performance indicator", "pi", "kpi", "kpi name", "programme", "project", "project name",
    "programme or project", "initiative", "objective", "what", "deliverable", "list of possible risks", "risk event", "item", "summary", "issue",
    "metric", "metrics", "metric name", "key metrics", "kpi description", "measure description", "indicator description", "kpi title", "measure title"],
  polarity: ["aim", "polarity", "good is", "direction", "direction of good", "better is", "higher or lower is better", "good performance is",
    "improvement direction", "desired direction", "good direction", "directionality", "direction of improvement", "direction of travel good"],
  unit: ["unit", "units", "measure type", "unit of measure", "format", "value type"],
  value: ["value", "actual", "actuals", "result", "current value", "outturn", "performance", "latest value", "data", "figure", "score achieved",
    "actual value", "actual performance", "latest"],
  target: ["target", "goal", "target for period", "target value", "standard", "plan", "planned value"],
  redThreshold: ["red threshold", "amber threshold", "intervention", "intervention level", "alert threshold", "threshold", "amber red threshold", "lower threshold"],
  period: ["period", "quarter", "month", "year", "financial year", "fy", "reporting period", "as at", "period covered", "time period", "date",
    "week", "week ending", "month ending", "period ending", "reporting month", "reporting quarter", "last update", "data period"],
  group: ["directorate", "service", "department", "service area", "owner", "lead directorate", "portfolio", "theme", "priority area", "section",
    "workstream", "work stream", "team", "division", "category", "risk category", "programme area", "lead", "risk owner", "responsible", "person responsible",
    "accountable", "business area"],
  // A named person or team answerable for an item, beside its directorate (where a list has only an "Owner", that is its group).
  owner: ["owner", "action owner", "lead officer", "responsible officer", "accountable officer", "officer", "named lead", "lead", "owned by",
    "responsible", "person responsible", "accountable"],
  due: ["due date", "deadline", "due", "target date", "agreed due date", "completion date", "date due", "due by", "end date", "target completion date",
    "planned end", "planned end date", "planned finish", "finish date", "target end", "baseline end", "forecast end", "target resolution", "review date",
    "expected completion", "planned completion"],
  start: ["start date", "planned start", "actual start", "start", "date raised", "raised", "date identified", "date opened", "opened", "actual end",
    "actual finish", "actual completion", "date closed", "resolution date", "last updated", "updated", "date updated", "last review", "last reviewed"],
  status: ["rag", "status", "rag status", "rag rating", "overall rag", "current rag", "current status", "progress", "progress status", "delivery status",
    "milestone status", "action status", "project status", "state", "rag rating current"],
  commentary: ["commentary", "comments", "comment", "update", "progress update", "notes", "note", "narrative", "progress commentary", "latest update",
    "remarks", "mitigation", "mitigation action", "mitigations", "mitigating actions", "controls", "existing controls", "actions to mitigate",
    "reason for delay", "reason for impact of delay", "reason for variance", "impact of delay", "reason", "explanation", "exception commentary"],
  likelihood: ["likelihood", "l", "probability", "p", "likelihood score", "likelihood rating", "chance", "frequency"],
  impact: ["impact", "i", "severity", "consequence", "impact score", "impact rating", "c"],
  level: ["risk level", "level", "risk rating", "rating", "band", "risk band", "overall risk", "rag", "rag status", "risk rag", "risk status",
    "risk rating text", "priority rating", "risk priority"],
  trend: ["trend", "direction of travel", "movement", "dot", "change", "risk trend"],
  score: ["score", "risk score", "current score", "rating score", "total score", "risk rating score", "risk value", "overall score", "risk factor",
    "risk exposure"],
  previousScore: ["previous score", "last score", "previous risk score", "last quarter score", "previous rating"],
  appetite: ["appetite", "risk appetite", "appetite score", "tolerance level", "risk appetite threshold", "appetite threshold", "risk tolerance"],
  appetiteStatus: ["appetite status", "vs appetite", "within appetite", "exceeds appetite", "residual risk vs appetite", "risk vs appetite", "against appetite"],
  targetScore: ["target score", "target risk score", "target risk", "target rating"],
  // A risk's target likelihood and impact ("Target L" × "Target I" gives the target score where no score is written).
  targetLikelihood: ["target likelihood", "target probability", "target l", "target p"],
  targetImpact: ["target impact", "target severity", "target consequence", "target i", "target c"],
  // The date a risk is meant to reach its target score. "Target date" is also a due date: which it is depends on
  // the list (a risk register's is this one; see settleKindRoles), so the plain spelling is listed under both.
  targetDate: ["target date", "target date for risk", "date to achieve target", "date to achieve target score", "target achievement date",
    "target score date", "target risk date", "date target to be achieved", "achieve target by", "target by", "target timescale", "review by"],
  lifecycle: ["current status", "status", "risk status", "state", "open closed", "open or closed", "live", "active"],
  itemType: ["type", "raid type", "log type", "item type", "raid", "category type", "entry type"],
  importance: ["priority", "importance", "criticality", "priority level"],
  area: ["area", "area name", "local authority", "local authority name", "la name", "organisation", "organisation name", "org", "org name", "authority",
    "council", "geography", "geography name", "ward", "ward name", "region name", "provider", "trust", "trust name", "icb", "district", "borough",
    "region", "provider name", "icb name", "sub icb", "sub icb name", "sub icb location", "ccg", "ccg name", "stp", "stp name", "commissioner", "commissioner name",
    "country", "country name", "la", "school", "school name", "practice", "practice name", "gp practice", "site", "site name"],
  areaCode: ["area code", "local authority code", "la code", "ons code", "geography code", "org code", "organisation code", "ward code", "gss code",
    "provider code", "trust code", "icb code", "sub icb code", "ccg code", "region code", "country code", "new la code", "old la code", "practice code", "ods code"],
  ytd: ["ytd", "year to date", "ytd actual", "ytd value", "cumulative", "ytd performance"],
  numerator: ["numerator", "num", "n", "count achieved", "number achieved"],
  denominator: ["denominator", "denom", "total eligible", "population", "out of", "base"],
} as const;

export type Role = keyof typeof SPELLINGS;

/**
 * Roles a column qualified as "residual", "revised" and the like takes: a risk
 * register's after-mitigation columns, and an action's revised due date.
 */
export const RESIDUAL_OF = { likelihood: "residualLikelihood", impact: "residualImpact", score: "residualScore", level: "residualLevel", due: "revisedDue" } as const;

/** Words that say a column is about the risk after mitigation, or before it. */
export const RESIDUAL_WORDS = /\b(residual|reviewed|revised|post mitigation|after mitigation|mitigated|net|treated|after controls)\b/;
export const INHERENT_WORDS = /\b(inherent|initial|gross|raw|pre mitigation|before mitigation|original|untreated|unmitigated|before controls)\b/;
export const TARGET_WORDS = /\b(target|desired|tolerable)\b/;

/** The qualifier words above, spelt out: header words a letter away from one of these (or a spelling) are read as it. */
export const QUALIFIER_WORDS = ["residual", "reviewed", "revised", "mitigation", "mitigated", "treated", "controls", "inherent", "initial", "original",
  "untreated", "unmitigated", "target", "desired", "tolerable", "current"];
