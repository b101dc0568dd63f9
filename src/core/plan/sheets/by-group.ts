import { ActionsReport } from "../../report/types";
import { formatPercent } from "../../standards/fraction";
import { toIso } from "../../dates";
import { STATUS_CODE } from "../../status";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

/** Priorities and actions by directorate: a count table, then each directorate's items. */
export function byGroupSheet(reports: ActionsReport[], name: string, periodLong: string | null): SheetPlan {
  const b = new SheetBuilder("by-directorate", name, [34, 60, 12, 12, 8, 10, 40]);
  b.title(`Priorities and actions by directorate${periodLong ? `: ${periodLong}` : ""}`);
  for (const r of reports) {
    b.blank();
    b.subtitle(r.label);
    const counted = r.standardConfig?.counts ?? [];
    const rows: PlanValue[][] = r.groups.map((g) => [
      g.group, g.total, g.counts.Green, g.counts.Amber, g.counts.Red, g.counts.Complete,
      g.standard ? formatPercent(g.standard.percent) : "N/A",
    ]);
    const totals = r.counts;
    rows.push(["Total", r.items.length, totals.Green, totals.Amber, totals.Red, totals.Complete, r.standard ? formatPercent(r.standard.percent) : "N/A"]);
    b.table(`${r.label}: by directorate`, ["Directorate", "Items", "Green", "Amber", "Red", "Complete", counted.length ? `${counted.join(", ")} (%)` : "Standard (%)"], rows);
    b.blank();
    const items: PlanValue[][] = r.items.map((x) => [x.group, x.title, x.due ? { date: toIso(x.due) } : x.dueText, x.status, STATUS_CODE[x.status], x.overdue ? "Overdue" : "", x.commentary]);
    b.table(`${r.label}: items`, ["Directorate", "Title", "Due date", "RAG", "Code", "Overdue", "Commentary"], items, {
      colour: [{ col: 3, by: "status" }],
      formats: [{ col: 2, numberFormat: "dd/mm/yyyy" }],
      iconSets: [{ col: 4, rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true } }],
    });
  }
  return b.build();
}
