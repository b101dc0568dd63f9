import { seriesTitle } from "../../datasets/indicators";
import { Report } from "../../report/types";
import { isRedRed } from "../../standards/exceptions";
import { formatUkDate, toIso, compareDates } from "../../dates";
import { periodEnd, parsePeriodLabel } from "../../periods";
import { measureCell, measureFormat } from "../cells";
import { statistics } from "../statistics";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

/** "Red Red" items (off target and worsening) and overdue items, each a table ready to paste. */
export function exceptionsSheet(report: Report, name: string): SheetPlan {
  const b = new SheetBuilder("exceptions", name, [22, 12, 46, 10, 12, 12, 14, 12, 52, 26]);
  b.title(`Exceptions${report.periodLong ? `: ${report.periodLong}` : ""}`);
  b.note("'Red Red': Red and worsening against the previous period. Overdue: due date passed by the end of the period and not complete.");
  b.blank();
  const redRed: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const r of report.datasets) {
    if (r.kind !== "indicators" && r.kind !== "outcomes") continue;
    for (const x of r.items) {
      const a = x.assessment;
      if (!isRedRed({ status: a.status, trend: a.trends.short })) continue;
      const pc = x.item.percent;
      redRed.push([r.label, x.item.code, seriesTitle(x.item), a.status, measureCell(a.value, pc), measureCell(x.target, x.targetPercent),
        measureCell(a.trends.previous, pc), a.trends.short, a.why,
        statistics(a).together]);
      formats.push([measureFormat(a.value, pc), measureFormat(x.target, x.targetPercent, x.item.targetDecimals), measureFormat(a.trends.previous, pc)]);
    }
  }
  b.subtitle(`'Red Red' items: ${redRed.length}`);
  b.table("Red Red", ["Dataset", "Code", "Title", "Status", "Value", "Target", "Previous value", "Trend", "Why", "Status and variation"], redRed, {
    colour: [{ col: 3, by: "status" }, { col: 7, by: "trend" }],
    formats: [4, 5, 6].map((col, k) => ({ col, numberFormat: (i: number) => formats[i][k] })),
    emptyText: "No item is both Red and worsening this period.",
  });
  b.blank();
  const period = report.period ? parsePeriodLabel(report.period) : null;
  const asAt = period ? periodEnd(period) : null;
  const overdue: PlanValue[][] = [];
  for (const r of report.datasets) {
    if (r.kind !== "priorities" && r.kind !== "actions") continue;
    for (const x of r.items) {
      if (!x.overdue || !x.due || !asAt) continue;
      overdue.push([r.label, x.group, x.title, x.status, { date: toIso(x.due) }, compareDates(asAt, x.due), x.commentary]);
    }
  }
  b.subtitle(`Overdue items: ${overdue.length}${asAt ? ` (as at ${formatUkDate(asAt)})` : ""}`);
  b.table("Overdue", ["Dataset", "Directorate", "Title", "Status", "Due date", "Days overdue", "Commentary"], overdue, {
    colour: [{ col: 3, by: "status" }],
    formats: [{ col: 4, numberFormat: "dd/mm/yyyy" }, { col: 5, numberFormat: "0" }],
    emptyText: asAt ? "No item is overdue at the end of the period." : "Overdue items were not checked: no reporting period.",
  });
  return b.build();
}
