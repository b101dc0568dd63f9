import { ActionsReport } from "../../report/types";
import { percentCell, RAG_CODES } from "../cells";
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
    const shares = [...r.groups.map((g) => percentCell(g.standard?.percent)), percentCell(r.standard?.percent)];
    const rows: PlanValue[][] = r.groups.map((g, i) => [
      g.group, g.total, g.counts.Green, g.counts.Amber, g.counts.Red, g.counts.Complete, shares[i].value ?? "N/A",
    ]);
    const totals = r.counts;
    rows.push(["Total", r.items.length, totals.Green, totals.Amber, totals.Red, totals.Complete, shares[shares.length - 1].value ?? "N/A"]);
    const counts = b.table(`${r.label}: by directorate`, ["Directorate", "Items", "Green", "Amber", "Red", "Complete", counted.length ? `${counted.join(", ")} (%)` : "Standard (%)"], rows, {
      formats: [{ col: 6, numberFormat: (i) => shares[i].format }],
    });
    // Column B is the items table's wide Title column: centred, the counts stay beside their directorate.
    b.styleRange(counts.headerRow, 1, counts.lastRow, 6, { hAlign: "center" });
    b.blank();
    const items: PlanValue[][] = r.items.map((x) => [x.group, x.title, x.due ? { date: toIso(x.due) } : x.dueText, x.status, STATUS_CODE[x.status], x.overdue ? "Overdue" : "", x.commentary]);
    b.table(`${r.label}: items`, ["Directorate", "Title", "Due date", "RAG", "Status code", "Overdue", "Commentary"], items, {
      colour: [{ col: 3, by: "status" }],
      formats: [{ col: 2, numberFormat: "dd/mm/yyyy" }],
      iconSets: [{ col: 4, rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true }, where: (i) => RAG_CODES.has(STATUS_CODE[r.items[i].status]) }],
      repeatHeader: r === reports[0],
    });
  }
  return b.build();
}
