import { Report } from "../../report/types";
import { restatedStanding } from "../../report/restatements";
import { quoteSheetName } from "../../grid";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

const CHANGE: Record<string, string> = { data: "Data change", target: "Target change", rule: "Rule change" };

/**
 * Every difference between a stored period's published results and what
 * the workbook gives for it now (or what replaced them): item, kind of
 * change, the value or status before and after, and the day each was
 * published. Nothing published is changed by it.
 */
export function restatementsSheet(report: Report, name: string): SheetPlan | null {
  if (!report.restated.length) return null;
  const b = new SheetBuilder("restatements", name, [11, 18, 36, 11, 14, 14, 10, 10, 12, 14, 10]);
  b.title(`Restated results${report.periodLong ? `: seen in the report for ${report.periodLong}` : ""}`);
  b.note("Each row is an item whose result for a stored period the workbook now gives otherwise: its value corrected or a late return (data change), "
    + "what it is judged against changed (target change), or today's rules judging it otherwise than the rules stored with the period (rule change). "
    + "The results as published are kept in the workbook's history and are never overwritten.");
  for (const x of report.restated) b.note(`${x.dataset}: ${x.text}; ${restatedStanding(x)}.`);
  const rules = [...new Set(report.restated.flatMap((x) => x.items.map((i) => i.rules).filter((r): r is string => !!r)))];
  for (const r of rules) b.note(`Rules: ${r}.`);
  b.blank();
  const rows: PlanValue[][] = report.restated.flatMap((x) => x.items.map((i) => [
    i.period, i.dataset, i.item, CHANGE[i.change], i.was, i.now, i.statusWas, i.statusNow, i.publishedOn ?? "Not stored",
    i.newPublishedOn ?? "Not published", { link: `#${quoteSheetName(i.sheet)}!${i.cell}`, text: i.cell },
  ]));
  const t = b.table("Restatements", ["Period", "Dataset", "Item", "Change", "As published", "Now", "Status published", "Status now", "Published on", "New result published", "Cell"], rows, {
    colour: [{ col: 6, by: "status" }, { col: 7, by: "status" }],
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1);
  return b.build();
}
