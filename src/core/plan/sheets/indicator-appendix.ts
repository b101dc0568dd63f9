import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat } from "../cells";
import { PlanValue, SheetPlan } from "../types";
import { longTrendHeading } from "./indicator-results";

/**
 * The indicator results as an appendix prints them: eight columns, one page
 * wide at full size on A4 landscape, the header repeated on every page. The
 * full sheet (statistics, latest values, comparators) stays on Indicator results.
 */
export function indicatorAppendixSheet(reports: IndicatorsReport[], name: string, period: string | null, noun = "period"): SheetPlan {
  const b = new SheetBuilder("indicator-appendix", name, [14, 36, 9, 9, 9, 12, 12, 34]);
  b.title(`Indicator and outcome results${period ? `: ${period}` : ""}`);
  const long = longTrendHeading(reports, noun);
  b.note(`For the report's appendix; every column, with SPC and the latest values, is on the Indicator results sheet.${long.note ? ` ${long.note}` : ""}`);
  const rows: PlanValue[][] = [];
  const formats: { value: string | null; target: string | null }[] = [];
  for (const r of reports) {
    for (const x of r.items) {
      const a = x.assessment;
      const pc = x.item.percent;
      rows.push([r.label, `${x.item.code ? `${x.item.code} ` : ""}${seriesTitle(x.item)}`, measureCell(a.value, pc), measureCell(x.target, pc), a.status, a.trends.short, a.trends.long, a.why]);
      formats.push({ value: measureFormat(a.value, pc), target: measureFormat(x.target, pc) });
    }
  }
  b.blank();
  const t = b.table("Appendix", ["Dataset", "Indicator", "Value", "Target", "Status", `Trend against the previous ${noun}`, long.heading, "Why"], rows, {
    colour: [{ col: 4, by: "status" }, { col: 5, by: "trend" }, { col: 6, by: "trend" }],
    formats: [{ col: 2, numberFormat: (i) => formats[i].value }, { col: 3, numberFormat: (i) => formats[i].target }],
    emptyText: "No indicators or outcomes were found.",
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1);
  return b.build();
}
