import { ActionsReport } from "../../report/types";
import { percentCell, RAG_CODES } from "../cells";
import { toIso } from "../../dates";
import { STATUS_CODE, STATUSES, Status } from "../../status";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";
import { commentaryCell } from "../../commentary/review";

/** The status columns of a count table: Green, Amber and Red always, then every other status some item holds, so each row adds up. */
function statusColumns(r: ActionsReport): Status[] {
  const always: Status[] = ["Green", "Amber", "Red"];
  if (r.standardConfig?.counts.includes("Complete")) always.push("Complete");
  return STATUSES.filter((s) => always.includes(s) || r.counts[s] > 0);
}

/** Priorities and actions by directorate: a count table, then each directorate's items. */
export function byGroupSheet(reports: ActionsReport[], name: string, periodLong: string | null): SheetPlan {
  const widest = Math.max(...reports.map((r) => statusColumns(r).length));
  // The count table and the items table share columns: the items' Title (B) and Commentary (G) set those widths;
  // statuses beyond the usual four take columns after G.
  const widths = [34, 60, 12, 12, 10, 10, 40, ...Array(Math.max(0, widest - 4)).fill(12)];
  // The items' "Commentary check" column (H), where a list has commentary.
  if (reports.some((r) => r.commentary)) widths[7] = Math.max(widths[7] ?? 0, 30);
  const b = new SheetBuilder("by-directorate", name, widths);
  b.title(`Priorities and actions by directorate${periodLong ? `: ${periodLong}` : ""}`);
  for (const r of reports) {
    b.blank();
    b.subtitle(r.label);
    const counted = r.standardConfig?.counts ?? [];
    const statuses = statusColumns(r);
    const shares = [...r.groups.map((g) => percentCell(g.standard?.percent)), percentCell(r.standard?.percent)];
    const rows: PlanValue[][] = r.groups.map((g, i) => [g.group, g.total, ...statuses.map((s) => g.counts[s]), shares[i].value ?? "N/A"]);
    const totals = r.counts;
    rows.push(["Total", r.items.length, ...statuses.map((s) => totals[s]), shares[shares.length - 1].value ?? "N/A"]);
    const last = statuses.length + 2;
    const counts = b.table(`${r.label}: by directorate`, ["Directorate", "Items", ...statuses, counted.length ? `${counted.join(", ")} (%)` : "Standard (%)"], rows, {
      formats: [{ col: last, numberFormat: (i) => shares[i].format }],
    });
    // Column B is the items table's wide Title column: centred, the counts stay beside their directorate.
    b.styleRange(counts.headerRow, 1, counts.lastRow, last, { hAlign: "center" });
    b.blank();
    const checked = !!r.commentary;
    const items: PlanValue[][] = r.items.map((x) => [x.group, x.title, x.due ? { date: toIso(x.due) } : x.dueText, x.status, STATUS_CODE[x.status], x.overdue ? "Overdue" : "", x.commentary,
      ...(checked ? [commentaryCell(r.commentary, x.key)] : [])]);
    b.table(`${r.label}: items`, ["Directorate", "Title", "Due date", "RAG", "Status code", "Overdue", "Commentary", ...(checked ? ["Commentary check"] : [])], items, {
      colour: [{ col: 3, by: "status" }],
      formats: [{ col: 2, numberFormat: "dd/mm/yyyy" }],
      iconSets: [{ col: 4, rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true }, where: (i) => RAG_CODES.has(STATUS_CODE[r.items[i].status]) }],
      repeatHeader: r === reports[0],
    });
  }
  return b.build();
}
