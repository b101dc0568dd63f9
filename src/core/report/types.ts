import { DatasetKind } from "../detect/roles";
import { DetectedDataset, SkippedSheet } from "../detect/find-datasets";
import { Issue } from "../datasets/issues";
import { StandardResult, StandardConfig, StatusCounts } from "../standards/standard";
import { BreakdownRow } from "../standards/breakdown";
import { ScoredRisk } from "../risk/register";
import { RiskTarget, TargetJudgement } from "../risk/target";
import { HeatMapCell } from "../risk/heatmap";
import { ActionItem } from "../datasets/actions";
import { RiskItem } from "../datasets/risks";
import { IndicatorAssessment } from "../indicator";
import { IndicatorItem } from "../datasets/indicators";
import { PeriodRecord } from "../settings";
import { RiskMatrix } from "../risk/matrix";
import { Period } from "../periods";
import { Trend, LongTrendMethod } from "../trend";
import { Reading } from "./reading";
import type { CommentaryReview } from "../commentary/review";

export interface DatasetSummary {
  /** Stable id for settings and history: sheet name, or sheet and table. */
  id: string;
  label: string;
  sheet: string;
  kind: DatasetKind;
  detected: DetectedDataset;
  rowsIn: number;
  rowsCalculated: number;
  rowsFlagged: number;
  /** Data rows deliberately left out of the figures (closed risks, a RAID log's issues), listed in `setAside` where kept. */
  rowsSetAside?: number;
  statusCounts: Record<string, number>;
  /** Rows counted as "Not rated", by the word they hold ("Overdue": 12); empty when every row is rated. */
  notRatedWords: Record<string, number>;
  standardConfig: StandardConfig | null;
  standard: StandardResult | null;
  previous: PeriodRecord | null;
  headlineTrend: Trend | "N/A";
  /** How sure the reading is: a doubtful one's headlines say why. */
  reading: Reading;
  /** Set when the period was already stored and this report reprints the stored results. */
  reprint?: Reprint;
  /** What checking each item's commentary found; absent where the dataset has no commentary column. */
  commentary?: CommentaryReview;
  /** Directorate returns made for the period and not yet collected, and what they could still do to the headline. */
  outstanding?: Outstanding;
}

/** Returns still out for a dataset, and the range its headline could still take. */
export interface Outstanding {
  returns: { directorate: string; items: number; made: string | null; sheet: string }[];
  /** The standard's count at the least (every outstanding item back not counted) and the most (every one counted); null without a standard. */
  range: { min: number; max: number; base: number } | null;
  /** The standard is achieved whatever the returns say, not achieved whatever, or depends on them; null without a standard. */
  verdict: "achieved" | "not achieved" | "depends" | null;
  /** The returns that decide the standard: those that could tip it on their own, or (none could alone) all of them. */
  deciding: string[];
}

/** How a reprint of a stored period differs from what this workbook would give today. */
export interface Reprint {
  /** The day the results were stored (dd/mm/yyyy), where the record has it. */
  storedOn: string | null;
  /** Today's settings that differ from the rules stored with the period, in words; the stored rules were used. */
  ruleChanges: string[];
  /** Items whose result today differs from the stored one: shown as stored. */
  changed: string[];
  /** Items in the sheet now that the stored results do not hold: left out of the reprint. */
  notStored: { row: number; title: string }[];
  /** Stored items the sheet no longer holds: in the stored counts only. */
  gone: string[];
}

export interface ActionsReport extends DatasetSummary {
  kind: "priorities" | "actions";
  items: (ActionItem & { overdue: boolean })[];
  counts: StatusCounts;
  groups: { group: string; counts: StatusCounts; total: number; standard: StandardResult | null }[];
}

export type RiskMovement = ScoredRisk["movement"] | "N/A";

export interface RisksReport extends DatasetSummary {
  kind: "risks";
  risks: (ScoredRisk & {
    item: RiskItem; movementShown: RiskMovement; movementSource: "score" | "published" | "history" | "none";
    /** The target score or level, where the register gives one, and whether the risk is on course for it by its date. */
    target: RiskTarget | null; course: TargetJudgement;
  })[];
  bandCounts: Record<string, number>;
  heatMap: HeatMapCell[][];
  previousHeatMap: HeatMapCell[][] | null;
  /** Keys in last period's register that are gone now. */
  closed: string[];
  /** Risks the register itself marks closed: out of the live register and heat map, listed. */
  closedNow: { key: string; title: string; row: number }[];
  setAside: { row: number; reason: string }[];
  levelMismatches: number;
  /** The scales and levels this register was scored on (its own, a configured one, or the defaults). */
  matrix: RiskMatrix;
  levelsSource: string;
  /** The legend or key sheet its levels were read from, if any: used, so never reported as a sheet not used. */
  levelsSheet?: string;
}

export interface IndicatorsReport extends DatasetSummary {
  kind: "indicators" | "outcomes";
  items: {
    item: IndicatorItem; assessment: IndicatorAssessment; latest: { value: number; period: string } | null;
    /** The target the period was judged against: its own (a Goal column under it) or the indicator's. */
    target: number | null;
    /** Year to date for the period reported, where the sheet gives one. */
    ytd: number | null;
    /** Where the council names its own area: the other areas on the same indicator; rank 1 = highest value. */
    comparators: Comparators | null;
    /** The target is shown as a percentage (given as one, or on the values' percentage scale); false where the two scales disagree and it was given plain. */
    targetPercent: boolean;
  }[];
  counts: StatusCounts;
  breakdown: BreakdownRow[];
  /** What the long trend compares with. */
  longTrend: LongTrendMethod;
  /** The council's own name for the plan the list belongs to (outcomes), or null. */
  planName: string | null;
  /** Series read: one per row in a list, one per indicator (× area, × breakdown) in long data, one per measure (× area) with periods as rows. */
  series: number;
  /** Areas or organisations in long data (empty when the sheet has none). */
  areas: string[];
  ownArea: string | null;
}

/** How the own area stands among the others on one indicator and period. */
export interface Comparators {
  /** Other areas with a value. */
  areas: number;
  median: number | null;
  /** 1 = highest value, whatever the polarity. */
  rank: number | null;
  /** 1 = the highest quarter of values (rank among all areas, own included), 4 = the lowest. */
  quartile: number | null;
}

export type DatasetReport = ActionsReport | RisksReport | IndicatorsReport;

export interface Report {
  period: string | null;
  periodLong: string | null;
  /** What kind of period is reported (quarter, month, financial year), for labels; null without one. */
  periodKind: Period["kind"] | null;
  datasets: DatasetReport[];
  issues: Issue[];
  /** Settings notes (e.g. a damaged settings sheet), shown with the issues. */
  notes: string[];
  /** Sheets looked at and not used, each with the reason. */
  skipped: SkippedSheet[];
  /** What this run did with results already stored for the period, said on the Summary (set when the run stores history). */
  stored?: StoredStatement;
  /** Stored periods whose results the workbook now gives otherwise, or that were replaced since first published. */
  restated: RestatedPeriod[];
}

/** Why a published result and the workbook's now differ: a value corrected, what it is judged against changed, or other rules. */
export type RestatementChange = "data" | "target" | "rule";

/** One difference between an item's result as published for a stored period and as the workbook gives it now. */
export interface Restatement {
  period: string;
  dataset: string;
  sheet: string;
  /** The cell of the value now (or the item's title, or its status), A1. */
  cell: string;
  item: string;
  change: RestatementChange;
  /** The value, target, score or status as published and as now, as the sheet shows them. */
  was: string;
  now: string;
  statusWas: string;
  statusNow: string;
  /** The day the published result was stored (dd/mm/yyyy), where the record has it. */
  publishedOn: string | null;
  /** The day the new result was published in its place; null while the published one stands. */
  newPublishedOn: string | null;
  /** For rule changes: today's rules against those stored, in words. */
  rules?: string;
}

/** A stored period restated: the workbook now gives other results for it, or its results were replaced since first published. */
export interface RestatedPeriod {
  period: string;
  datasetId: string;
  dataset: string;
  kind: DatasetKind;
  /** "workbook": the workbook now gives other results than those stored; "replaced": the stored results were replaced since first published. */
  source: "workbook" | "replaced";
  publishedOn: string | null;
  /** When the results published were replaced (today, with a replacement asked for), or null while they stand. */
  replacedOn: string | null;
  items: Restatement[];
  /** "Q1 2021/22 restated: 2 outcomes changed status (data corrected)". */
  text: string;
}

/** The Summary's sentence on stored results: first stored today, matching, reprinted as stored, or replaced as asked. */
export interface StoredStatement {
  action: "stored" | "matched" | "reprinted" | "replaced";
  text: string;
}

/** The name a dataset goes by in the report: the sheet's, or sheet and table where a sheet holds several. */
export function datasetLabel(grid: { name: string; tables?: unknown[] }, d: { tableName?: string; block?: number; heading?: string }, settings: { label?: string }): string {
  if (settings.label) return settings.label;
  if (d.block) return d.heading ? `${grid.name}: ${d.heading}` : `${grid.name} (table ${d.block})`;
  return d.tableName && (grid.tables?.length ?? 0) > 1 ? `${grid.name}: ${d.tableName}` : grid.name;
}
