import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat } from "../cells";
import { PlanValue, SheetPlan } from "../types";
import { longTrendHeading } from "./indicator-results";
import { groupDigits } from "../../words";

/**
 * Rows the appendix prints at most (about sixty pages): past this it is a list
 * for filtering, which Indicator results already is, so the appendix keeps
 * the Red and Amber ones first and says how many were left to that sheet.
 */
export const MAX_APPENDIX_ROWS = 2_000;

/** Statuses in the order a cut-down appendix keeps them: the judgements a panel asks about first. */
const KEEP_FIRST = ["Red", "Amber", "Green"];

/** A status's place in KEEP_FIRST; any other status comes after them all. */
function rank(status: string): number {
  return status === "Red" ? 0 : status === "Amber" ? 1 : status === "Green" ? 2 : KEEP_FIRST.length;
}

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
  // Each kept row's item, for its number formats as the table asks for them (not an object of formats per row).
  const kept: IndicatorsReport["items"] = [];
  // How many of each rank the appendix keeps: every one of the first ranks, as many of the next as still fit. The first
  // of each rank in the report's order are the ones kept, which is what sorting them all by rank and cutting would keep.
  const quota = Array<number>(KEEP_FIRST.length + 1).fill(0);
  let all = 0;
  // Indexed loops: each runs over every indicator (for...of made an object per item until the loop was optimised).
  for (const r of reports) for (let i = 0; i < r.items.length; i++) quota[rank(r.items[i].assessment.status)]++;
  let room = MAX_APPENDIX_ROWS;
  for (let k = 0; k < quota.length; k++) {
    all += quota[k];
    quota[k] = Math.min(quota[k], room);
    room -= quota[k];
  }
  if (all > MAX_APPENDIX_ROWS) {
    b.note(`The ${groupDigits(MAX_APPENDIX_ROWS)} of the ${groupDigits(all)} indicators a printed appendix can hold, Red and Amber first, in the report's order; every one is on Indicator results.`);
  }
  // Rows still to keep: the scan stops once the appendix is full.
  let left = Math.min(all, MAX_APPENDIX_ROWS);
  for (let d = 0; d < reports.length && left > 0; d++) {
    const r = reports[d];
    for (let i = 0; i < r.items.length && left > 0; i++) {
      const x = r.items[i];
      const a = x.assessment;
      const k = rank(a.status);
      if (quota[k] === 0) continue;
      quota[k]--;
      left--;
      const pc = x.item.percent;
      rows.push([r.label, `${x.item.code ? `${x.item.code} ` : ""}${seriesTitle(x.item)}`, measureCell(a.value, pc), measureCell(x.target, pc), a.status, a.trends.short, a.trends.long, a.why]);
      kept.push(x);
    }
  }
  b.blank();
  const t = b.table("Appendix", ["Dataset", "Indicator", "Value", "Target", "Status", `Trend against the previous ${noun}`, long.heading, "Why"], rows, {
    colour: [{ col: 4, by: "status" }, { col: 5, by: "trend" }, { col: 6, by: "trend" }],
    formats: [
      { col: 2, numberFormat: (i) => measureFormat(kept[i].assessment.value, kept[i].item.percent) },
      { col: 3, numberFormat: (i) => measureFormat(kept[i].target, kept[i].item.percent) },
    ],
    emptyText: "No indicators or outcomes were found.",
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1);
  return b.build();
}
