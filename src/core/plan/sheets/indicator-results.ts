import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { RUN_CHART_MIN_POINTS } from "../../indicator";
import { SPC_MIN_POINTS } from "../../report/indicators";
import { statistics } from "../statistics";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat, RAG_CODES } from "../cells";
import { PlanValue, SheetPlan } from "../types";

/** Status codes that carry a RAG judgement, and so an icon. */
/**
 * Every indicator and outcome: status with its code and reason, both trends,
 * the latest value with the period it really belongs to, and what the
 * statistics say: SPC variation and assurance where the series is long
 * enough, run-chart signals for shorter ones, each labelled as what it is.
 */
export function indicatorResultsSheet(reports: IndicatorsReport[], name: string, period: string | null): SheetPlan {
  // "Year to date" beside the period value, only where some indicator gives one (the columns after it move right by one).
  const withYtd = reports.some((r) => r.items.some((x) => x.ytd !== null));
  const ytdCols = withYtd ? 1 : 0;
  const widths = [18, 12, 44, 11, 10, 10, 10, 8, 40, 13, 13, 10, 12, 34, 22, 30];
  const b = new SheetBuilder("indicator-results", name, withYtd ? [...widths.slice(0, 5), 10, ...widths.slice(5)] : widths);
  b.title(`Indicator and outcome results${period ? `: ${period}` : ""}`);
  b.note("Status code, for filters: Red 1, Amber 2, Green 3, Complete 4 (these carry an icon); Data only 0, No data -1, Check -2 (no icon: no RAG judgement).");
  b.note(`Variation in NHS "Making Data Count" colours: grey common cause, blue improvement, orange concern, purple a change where neither direction is better. SPC (rules as NHSRplotthedots) needs ${SPC_MIN_POINTS} points, and limits from 12 points or fewer are trial limits; ${RUN_CHART_MIN_POINTS} to ${SPC_MIN_POINTS - 1} points get run-chart signals (Anhøj rules) instead, labelled as such.`);
  b.note("Latest value shows the period it belongs to.");
  const rows: PlanValue[][] = [];
  const formats: { value: string | null; ytd: string | null; target: string | null; latest: string | null }[] = [];
  const codes: number[] = [];
  for (const r of reports) {
    for (const x of r.items) {
      const a = x.assessment;
      const pc = x.item.percent;
      const s = statistics(a);
      rows.push([
        r.label, x.item.code, seriesTitle(x.item), x.item.polarity ?? "", measureCell(a.value, pc), ...(withYtd ? [measureCell(x.ytd, pc)] : []), measureCell(x.target, x.targetPercent),
        a.status, a.statusCode, a.why, a.trends.short, a.trends.long,
        x.latest ? measureCell(x.latest.value, pc) : null, x.latest?.period ?? "",
        s.variation, s.assurance, s.together,
      ]);
      const dec = x.item.decimals;
      formats.push({ value: measureFormat(a.value, pc, dec), ytd: measureFormat(x.ytd, pc, dec), target: measureFormat(x.target, x.targetPercent, x.item.targetDecimals), latest: measureFormat(x.latest?.value, pc, dec) });
      codes.push(a.statusCode);
    }
  }
  b.blank();
  // Columns after Value, shifted right when Year to date is shown.
  const at = (col: number) => col + ytdCols;
  const t = b.table("Results", ["Dataset", "Code", "Title", "Polarity", "Value", ...(withYtd ? ["Year to date"] : []), "Target", "Status", "Status code", "Why",
    "Short trend", "Long trend", "Latest value", "Latest period", "Variation (SPC or run chart)", "Assurance (SPC)", "Status and variation"], rows, {
    colour: [{ col: at(6), by: "status" }, { col: at(9), by: "trend" }, { col: at(10), by: "trend" }, { col: at(13), by: "variation" },
      { col: at(14), by: "assurance", match: "contains" }],
    formats: [
      { col: 4, numberFormat: (i) => formats[i].value },
      ...(withYtd ? [{ col: 5, numberFormat: (i: number) => formats[i].ytd }] : []),
      { col: at(5), numberFormat: (i) => formats[i].target },
      { col: at(11), numberFormat: (i) => formats[i].latest },
    ],
    iconSets: [{ col: at(7), rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true }, where: (i) => RAG_CODES.has(codes[i]) }],
    emptyText: "No indicators or outcomes were found.",
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1, 3);
  return b.build();
}
