import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat } from "../cells";
import { PlanValue, SheetPlan } from "../types";
import { longTrendHeading } from "./indicator-results";

/**
 * Rows the appendix prints at most (about sixty pages): past this it is a list
 * for filtering, which Indicator results already is, so the appendix keeps
 * the Red and Amber ones first and says how many were left to that sheet.
 */
export const MAX_APPENDIX_ROWS = 2_000;

/** Statuses in the order a cut-down appendix keeps them: the judgements a panel asks about first. */
const KEEP_FIRST = ["Red", "Amber", "Green"];

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
  const all = reports.flatMap((r) => r.items.map((x) => ({ r, x })));
  const rank = (s: string) => (KEEP_FIRST.includes(s) ? KEEP_FIRST.indexOf(s) : KEEP_FIRST.length);
  const chosen = all.length <= MAX_APPENDIX_ROWS ? all
    : all.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.x.assessment.status) - rank(b.e.x.assessment.status) || a.i - b.i).slice(0, MAX_APPENDIX_ROWS).sort((a, b) => a.i - b.i).map((c) => c.e);
  if (chosen.length < all.length) {
    b.note(`The ${MAX_APPENDIX_ROWS.toLocaleString("en-GB")} of the ${all.length.toLocaleString("en-GB")} indicators a printed appendix can hold, Red and Amber first, in the report's order; every one is on Indicator results.`);
  }
  for (const { r, x } of chosen) {
    const a = x.assessment;
    const pc = x.item.percent;
    rows.push([r.label, `${x.item.code ? `${x.item.code} ` : ""}${seriesTitle(x.item)}`, measureCell(a.value, pc), measureCell(x.target, pc), a.status, a.trends.short, a.trends.long, a.why]);
    formats.push({ value: measureFormat(a.value, pc), target: measureFormat(x.target, pc) });
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
