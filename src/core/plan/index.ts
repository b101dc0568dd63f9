import { Report, RisksReport, ActionsReport, IndicatorsReport } from "../report/types";
import { RiskMatrix } from "../risk/matrix";
import { parsePeriodLabel, previousPeriod, formatPeriod, periodNoun } from "../periods";
import { SheetPlan } from "./types";
import { summarySheet } from "./sheets/summary";
import { exceptionsSheet } from "./sheets/exceptions";
import { riskRegisterSheet, heatMapSheet } from "./sheets/risk-register";
import { byGroupSheet } from "./sheets/by-group";
import { indicatorResultsSheet } from "./sheets/indicator-results";
import { indicatorChartsSheet } from "./sheets/indicator-charts";
import { indicatorAppendixSheet } from "./sheets/indicator-appendix";
import { dataIssuesSheet } from "./sheets/data-issues";
import { commentarySheet } from "./sheets/commentary";
import { restatementsSheet } from "./sheets/restatements";

export * from "./types";
export * from "./palette";
export * from "./pages";
export { SheetBuilder, wrappedLines, MAX_ICON_RULES } from "./builder";
export * from "./cells";
export { dataIssuesSheet } from "./sheets/data-issues";

/** The output sheets' default names, by purpose. */
export const OUTPUT_SHEETS = {
  summary: "Summary",
  commentary: "Commentary",
  exceptions: "Exceptions",
  "risk-register": "Risk register",
  "risk-heat-map": "Risk heat map",
  "by-directorate": "By directorate",
  "indicator-results": "Indicator results",
  "indicator-appendix": "Indicator appendix",
  "indicator-charts": "Indicator charts",
  restatements: "Restatements",
  "data-issues": "Data issues",
} as const;

export type OutputPurpose = keyof typeof OUTPUT_SHEETS;

/** Every output sheet the report calls for; sheets with nothing to show are left out. */
export function planReport(report: Report, matrix: RiskMatrix | null, names: Record<OutputPurpose, string> = OUTPUT_SHEETS): SheetPlan[] {
  const p = report.period ? parsePeriodLabel(report.period) : null;
  const previousLabel = p ? formatPeriod(previousPeriod(p)) : "Previous period";
  const risks = report.datasets.filter((d): d is RisksReport => d.kind === "risks");
  const actions = report.datasets.filter((d): d is ActionsReport => d.kind === "priorities" || d.kind === "actions");
  const indicators = report.datasets.filter((d): d is IndicatorsReport => d.kind === "indicators" || d.kind === "outcomes");
  const plans: SheetPlan[] = [summarySheet(report, names.summary, previousLabel, names.restatements), commentarySheet(report, names.commentary)];
  if (indicators.length || actions.length) plans.push(exceptionsSheet(report, names.exceptions));
  if (risks.length) {
    plans.push(riskRegisterSheet(risks, names["risk-register"], matrix, report.periodLong, periodNoun(report.periodKind)));
    plans.push(heatMapSheet(risks[0], names["risk-heat-map"], matrix, report.periodLong, periodNoun(report.periodKind)));
  }
  if (actions.length) plans.push(byGroupSheet(actions, names["by-directorate"], report.periodLong));
  if (indicators.length) {
    plans.push(indicatorResultsSheet(indicators, names["indicator-results"], report.period, periodNoun(report.periodKind)));
    plans.push(indicatorAppendixSheet(indicators, names["indicator-appendix"], report.period, periodNoun(report.periodKind)));
  }
  const charts = indicators.length ? indicatorChartsSheet(indicators, names["indicator-charts"], report.period) : null;
  if (charts) plans.push(charts);
  const restated = restatementsSheet(report, names.restatements);
  if (restated) plans.push(restated);
  plans.push(dataIssuesSheet(report.issues, report.notes, names["data-issues"]));
  return plans;
}
