import { seriesTitle } from "../../datasets/indicators";
import { Report, ActionsReport, IndicatorsReport } from "../../report/types";
import { isRedRed } from "../../standards/exceptions";
import { formatUkDate, toIso, compareDates, CalendarDate } from "../../dates";
import { periodEnd, parsePeriodLabel, periodNoun } from "../../periods";
import { measureCell, measureFormat } from "../cells";
import { statistics } from "../statistics";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";
import { MAX_APPENDIX_ROWS } from "./indicator-appendix";
import { groupDigits } from "../../words";

/** A date column's cell: the date, or what the sheet wrote where it is not one ("N/A", "TBC"). */
function dateCell(date: CalendarDate | null, text: string): PlanValue {
  return date ? { date: toIso(date) } : text || null;
}

type ActionRow = ActionsReport["items"][number];

/** Off target as the report's own tables list them: Red or Amber, and not already overdue (those are listed as overdue). */
export function isOffTarget(x: ActionRow): boolean {
  return (x.status === "Red" || x.status === "Amber") && !x.overdue;
}

/**
 * The report's exception tables, each ready to paste and printing one page
 * wide at full size (seven columns): 'Red Red' indicators, overdue items, and
 * the off-target actions and priorities in the shape of the report's own
 * table (action, owner, agreed due date, reason for or impact of delay,
 * proposed revised due date). The long one comes last, its header repeated
 * on every page it runs to.
 */
export function exceptionsSheet(report: Report, name: string): SheetPlan {
  // Columns shared by the three tables: a wide title, a name, a short word, a date, a long text, a date or number, the dataset.
  const b = new SheetBuilder("exceptions", name, [38, 18, 8, 11, 37, 11, 13]);
  const noun = periodNoun(report.periodKind);
  b.title(`Exceptions${report.periodLong ? `: ${report.periodLong}` : ""}`);
  b.note(`'Red Red': Red and worsening against the previous ${noun}. Overdue: due date passed by the end of the ${noun} and not complete. `
    + "Off target: Red or Amber and not overdue; the reason for or impact of delay is the item's commentary.");
  b.blank();
  const redRed: PlanValue[][] = [];
  // Each row's item, for its number formats as the table asks for them.
  const shown: IndicatorsReport["items"] = [];
  for (const r of report.datasets) {
    if (r.kind !== "indicators" && r.kind !== "outcomes") continue;
    // Indexed: a loop over every indicator (for...of made an object per item until the loop was optimised).
    for (let i = 0; i < r.items.length; i++) {
      const x = r.items[i];
      const a = x.assessment;
      if (!isRedRed(a.status, a.trends.short)) continue;
      const pc = x.item.percent;
      redRed.push([`${x.item.code ? `${x.item.code} ` : ""}${seriesTitle(x.item)}`, r.label, measureCell(a.value, pc), measureCell(x.target, x.targetPercent), a.why,
        measureCell(a.trends.previous, pc), statistics(a).together]);
      shown.push(x);
    }
  }
  b.subtitle(`'Red Red' items: ${redRed.length}`);
  b.table("Red Red", ["Indicator", "Dataset", "Value", "Target", "Why", `Previous ${noun}'s value`, "Status and variation"], redRed, {
    formats: [
      { col: 2, numberFormat: (i) => measureFormat(shown[i].assessment.value, shown[i].item.percent) },
      { col: 3, numberFormat: (i) => measureFormat(shown[i].target, shown[i].targetPercent, shown[i].item.targetDecimals) },
      { col: 5, numberFormat: (i) => measureFormat(shown[i].assessment.trends.previous, shown[i].item.percent) },
    ],
    emptyText: `No item is both Red and worsening this ${noun}.`,
  });
  b.blank();
  const period = report.period ? parsePeriodLabel(report.period) : null;
  const asAt = period ? periodEnd(period) : null;
  const actions = report.datasets.filter((r): r is ActionsReport => r.kind === "priorities" || r.kind === "actions");
  const overdue: PlanValue[][] = [];
  const offTarget: PlanValue[][] = [];
  for (const r of actions) {
    for (const x of r.items) {
      if (x.overdue && x.due && asAt) overdue.push([x.title, x.owner || x.group, x.status, { date: toIso(x.due) }, x.commentary, compareDates(asAt, x.due), r.label]);
    }
  }
  // Red before Amber, each in the workbook's order.
  for (const status of ["Red", "Amber"]) {
    for (const r of actions) {
      for (const x of r.items) {
        if (x.status === status && isOffTarget(x)) offTarget.push([x.title, x.owner || x.group, x.status, dateCell(x.due, x.dueText), x.commentary, dateCell(x.revisedDue, x.revisedDueText), r.label]);
      }
    }
  }
  b.subtitle(`Overdue items: ${overdue.length}${asAt ? ` (as at ${formatUkDate(asAt)})` : ""}`);
  b.table("Overdue", ["Action or priority", "Owner", "Status", "Due date", "Commentary", "Days overdue", "Dataset"], overdue, {
    colour: [{ col: 2, by: "status" }],
    formats: [{ col: 3, numberFormat: "dd/mm/yyyy" }, { col: 5, numberFormat: "0" }],
    emptyText: asAt ? `No item is overdue at the end of the ${noun}.` : "Overdue items were not checked: no reporting period.",
  });
  b.blank();
  b.subtitle(`Actions and priorities off target (Red or Amber, not overdue): ${groupDigits(offTarget.length)}`);
  // A list for print: past a few thousand rows it is one for filtering, which By directorate already is.
  if (offTarget.length > MAX_APPENDIX_ROWS) {
    b.note(`The first ${groupDigits(MAX_APPENDIX_ROWS)}, Red first; every item is on the By directorate sheet with its RAG.`);
    offTarget.length = MAX_APPENDIX_ROWS;
  }
  b.table("Off target", ["Action or priority", "Owner", "RAG", "Agreed due date", "Reason for (R) / impact (I) of delay", "Proposed revised due date", "Dataset"], offTarget, {
    colour: [{ col: 2, by: "status" }],
    formats: [{ col: 3, numberFormat: "dd/mm/yyyy" }, { col: 5, numberFormat: "dd/mm/yyyy" }],
    emptyText: "No action or priority is Red or Amber without being overdue.",
    repeatHeader: true,
  });
  return b.build();
}
