import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { RUN_CHART_MIN_POINTS } from "../../indicator";
import { SPC_MIN_POINTS } from "../../report/indicators";
import { STATUSES, STATUS_CODE } from "../../status";
import { longTrendLabel } from "../../trend";
import { variationCell, assuranceCell, togetherCell } from "../statistics";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat, RAG_CODES } from "../cells";
import { PlanValue, SheetPlan } from "../types";
import { commentaryCell } from "../../commentary/review";

/** Every status code, as the legend states it: the RAG codes carry an icon, the rest say why there is no judgement. */
export function statusCodeLegend(): string {
  const rag = STATUSES.filter((s) => RAG_CODES.has(STATUS_CODE[s])).sort((a, b) => STATUS_CODE[a] - STATUS_CODE[b]);
  const other = STATUSES.filter((s) => !RAG_CODES.has(STATUS_CODE[s])).sort((a, b) => STATUS_CODE[b] - STATUS_CODE[a]);
  const list = (ss: typeof STATUSES) => ss.map((s) => `${s} ${STATUS_CODE[s]}`).join(", ");
  return `Status code, for filters: ${list(rag)} (these carry an icon); ${list(other)} (no icon: no RAG judgement).`;
}

/** The long trend's heading: what it compares with, where every list compares alike; otherwise per list, in a note. */
export function longTrendHeading(reports: IndicatorsReport[], noun: string): { heading: string; note: string | null } {
  const methods = [...new Set(reports.map((r) => r.longTrend))];
  if (methods.length === 1) return { heading: `Trend ${longTrendLabel(methods[0], noun).replace(/^A/, "a")}`, note: null };
  return {
    heading: "Long trend (see the note above)",
    note: `Long trend: ${reports.map((r) => `'${r.label}' ${longTrendLabel(r.longTrend, noun).toLowerCase()}`).join("; ")}.`,
  };
}

/**
 * Every indicator and outcome: status with its code and reason, both trends,
 * the latest value with the period it really belongs to, and what the
 * statistics say: SPC variation and assurance where the series is long
 * enough, run-chart signals for shorter ones, each labelled as what it is.
 * Long data with the council's own area named gets the other areas beside
 * each indicator: how many, their median, the own rank and quartile.
 */
export function indicatorResultsSheet(reports: IndicatorsReport[], name: string, period: string | null, noun = "period"): SheetPlan {
  // "Year to date" beside the period value, only where some indicator gives one (the columns after it move right by one).
  const withYtd = reports.some((r) => r.items.some((x) => x.ytd !== null));
  const withAreas = reports.some((r) => r.items.some((x) => x.comparators !== null));
  // What checking each item's commentary found, where some list has a commentary column.
  const withCommentary = reports.some((r) => r.commentary);
  const ytdCols = withYtd ? 1 : 0;
  const widths = [18, 12, 44, 11, 10, 10, 10, 8, 40, 13, 13, 10, 12, 34, 22, 30, ...(withAreas ? [10, 11, 10, 10] : [])];
  if (withCommentary) widths.push(30);
  const b = new SheetBuilder("indicator-results", name, withYtd ? [...widths.slice(0, 5), 10, ...widths.slice(5)] : widths);
  b.title(`Indicator and outcome results${period ? `: ${period}` : ""}`);
  b.note(statusCodeLegend());
  b.note(`Variation in NHS "Making Data Count" colours: grey common cause, blue improvement, orange concern, purple a change where neither direction is better. SPC (rules as NHSRplotthedots) needs ${SPC_MIN_POINTS} points, and limits from 12 points or fewer are trial limits; ${RUN_CHART_MIN_POINTS} to ${SPC_MIN_POINTS - 1} points get run-chart signals (Anhøj rules) instead, labelled as such.`);
  b.note("Target is the one the period was judged against (a target given for the period itself, where the sheet has one). Latest value shows the period it belongs to.");
  const long = longTrendHeading(reports, noun);
  if (long.note) b.note(long.note);
  if (withCommentary) b.note("Commentary check: figures the commentary quotes that are not the row's (within rounding), a Red item whose commentary says nothing of a concern, shortfall or action, and commentary the same as last period's; the commentary itself is left as written.");
  if (withAreas) b.note("Other areas: how many have a value for the same indicator and period, their median, your rank among all areas (1 = highest value, whatever is better) and your quartile (1 = at or above the upper quartile, as Excel's QUARTILE.INC gives it).");
  // Both made at their full length and filled in order: grown by push, 50,000 rows were copied to ever larger arrays.
  const total = reports.reduce((n, r) => n + r.items.length, 0);
  const rows = new Array<PlanValue[]>(total);
  // Each row's item, for its number formats and icon, worked out as the table asks (an object of formats per row was 50,000 of them).
  const shown: IndicatorsReport["items"] = new Array(total);
  let filled = 0;
  const width = 16 + ytdCols + (withAreas ? 4 : 0) + (withCommentary ? 1 : 0);
  for (const r of reports) {
    const items = r.items;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      const a = x.assessment;
      const pc = x.item.percent;
      const c = x.comparators;
      // Made at its full width and filled in order: a row grown by push kept room for twice its cells (and a spread per
      // row made every row through the slow path). The table holds every row until the sheet is written.
      const row = new Array<PlanValue>(width);
      let k = 0;
      row[k++] = r.label;
      row[k++] = x.item.code;
      row[k++] = seriesTitle(x.item);
      row[k++] = x.item.polarity ?? "";
      row[k++] = measureCell(a.value, pc);
      if (withYtd) row[k++] = measureCell(x.ytd, pc);
      row[k++] = measureCell(x.target, x.targetPercent);
      row[k++] = a.status;
      row[k++] = a.statusCode;
      row[k++] = a.why;
      row[k++] = a.trends.short;
      row[k++] = a.trends.long;
      row[k++] = x.latest ? measureCell(x.latest.value, pc) : null;
      row[k++] = x.latest?.period ?? "";
      row[k++] = variationCell(a);
      row[k++] = assuranceCell(a);
      row[k++] = togetherCell(a);
      if (withAreas) {
        row[k++] = c ? c.areas : null;
        row[k++] = c ? measureCell(c.median, pc) : null;
        row[k++] = c?.rank ?? null;
        row[k++] = c?.quartile ?? null;
      }
      if (withCommentary) row[k++] = commentaryCell(r.commentary, x.item.key);
      rows[filled] = row;
      shown[filled++] = x;
    }
  }
  b.blank();
  // Columns after Value, shifted right when Year to date is shown.
  const at = (col: number) => col + ytdCols;
  const t = b.table("Results", ["Dataset", "Code", "Title", "Polarity", "Value", ...(withYtd ? ["Year to date"] : []), "Target", "Status", "Status code", "Why",
    `Trend against the previous ${noun}`, long.heading, "Latest value", "Latest period", "Variation (SPC or run chart)", "Assurance (SPC)", "Status and variation",
    ...(withAreas ? ["Other areas", "Median of other areas", "Rank (1 = highest)", "Quartile (1 = highest)"] : []),
    ...(withCommentary ? ["Commentary check"] : [])], rows, {
    colour: [{ col: at(6), by: "status" }, { col: at(9), by: "trend" }, { col: at(10), by: "trend" }, { col: at(13), by: "variation" },
      { col: at(14), by: "assurance", match: "contains" }],
    formats: [
      { col: 4, numberFormat: (i) => measureFormat(shown[i].assessment.value, shown[i].item.percent, shown[i].item.decimals) },
      ...(withYtd ? [{ col: 5, numberFormat: (i: number) => measureFormat(shown[i].ytd, shown[i].item.percent, shown[i].item.decimals) }] : []),
      { col: at(5), numberFormat: (i) => measureFormat(shown[i].target, shown[i].targetPercent, shown[i].item.targetDecimals) },
      { col: at(11), numberFormat: (i) => measureFormat(shown[i].latest?.value, shown[i].item.percent, shown[i].item.decimals) },
      ...(withAreas ? [{ col: at(17), numberFormat: (i: number) => measureFormat(shown[i].comparators?.median, shown[i].item.percent, shown[i].item.decimals) }] : []),
    ],
    iconSets: [{ col: at(7), rule: { type: "iconSet", iconSet: "3Symbols", thresholds: [0, 2, 3], showValue: true }, where: (i) => RAG_CODES.has(shown[i].assessment.statusCode) }],
    emptyText: "No indicators or outcomes were found.",
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1, 3);
  return b.build();
}
