import { IndicatorsReport } from "../../report/types";
import { describeValue } from "../../report/indicators";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

/**
 * Every indicator and outcome: status with its code and reason, both trends,
 * the latest value with the period it really belongs to, and SPC where the
 * series is long enough.
 */
export function indicatorResultsSheet(reports: IndicatorsReport[], name: string, period: string | null): SheetPlan {
  const b = new SheetBuilder("indicator-results", name, [18, 12, 44, 11, 12, 10, 10, 7, 40, 13, 13, 12, 12, 24, 20]);
  b.title(`Indicator and outcome results${period ? `: ${period}` : ""}`);
  b.note("Code: Red 1, Amber 2, Green 3, Complete 4, Data only 0, No data -1, Check -2. Latest value shows the period it belongs to.");
  // SPC columns only where some series is long enough to have limits; otherwise one note says why.
  const withSpc = reports.some((r) => r.items.some((x) => x.assessment.spc));
  if (!withSpc) b.note("No series has the 12 or more points statistical process control needs, so there are no SPC columns yet.");
  const rows: PlanValue[][] = [];
  for (const r of reports) {
    for (const x of r.items) {
      const a = x.assessment;
      const spc = a.spc;
      rows.push([
        r.label, x.item.code, x.item.title, x.item.polarity ?? "", describeValue(a.value, x.item.percent), describeValue(x.item.target, x.item.percent),
        a.status, a.statusCode, a.why, a.trends.short, a.trends.long,
        x.latest ? describeValue(x.latest.value, x.item.percent) : "", x.latest?.period ?? "",
        ...(withSpc ? [spc ? spc.variation : "", spc ? `${spc.assurance}${spc.trialLimits ? " (trial limits)" : ""}` : "Too few points for SPC"] : []),
      ]);
    }
  }
  b.blank();
  const t = b.table("Results", ["Dataset", "Code", "Title", "Polarity", "Value", "Target", "Status", "Code", "Why", "Short trend", "Long trend",
    "Latest value", "Latest period", ...(withSpc ? ["Variation (SPC)", "Assurance (SPC)"] : [])], rows, {
    colour: [{ col: 6, by: "status" }, { col: 9, by: "trend" }, { col: 10, by: "trend" }],
    iconSets: [{ col: 7, rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true } }],
    emptyText: "No indicators or outcomes were found.",
  });
  b.freezeBelow(t.headerRow + 1, 3);
  return b.build();
}
