import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { isRedRed } from "../../standards/exceptions";
import { parsePeriodLabel, periodIndex, formatPeriod, Period } from "../../periods";
import { statusAndVariation, Variation } from "../../spc";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat } from "../cells";
import { ChartPlan, ChartSeriesRole, PlanValue, SheetPlan } from "../types";

type Item = IndicatorsReport["items"][number];

/** The series a chart shows: same kind of period as the report's, up to it, values only, in time order. */
function seriesOf(x: Item, period: Period): { label: string; value: number }[] {
  const points: { index: number; label: string; value: number }[] = [];
  for (const p of x.item.points) {
    const pp = p.period ?? period;
    if (typeof p.value !== "number" || pp.kind !== period.kind || periodIndex(pp) > periodIndex(period)) continue;
    points.push({ index: periodIndex(pp), label: formatPeriod(pp), value: p.value });
  }
  return points.sort((a, b) => a.index - b.index);
}

const SPECIAL: [Variation, ChartSeriesRole, string][] = [
  ["Special cause improvement", "improvement", "Special cause improvement"],
  ["Special cause concern", "concern", "Special cause concern"],
  ["Special cause neither", "neither", "Special cause (neither)"],
];

/** Rows a chart block takes at least, so charts do not overlap. */
const CHART_ROWS = 18;

/**
 * Charts drawn at most. A chart is for reading one indicator in the report;
 * thousands of them make a sheet nobody pages through and a file Excel is
 * slow to open, so past this the sheet says how many were left to the
 * Indicator results sheet, and which.
 */
export const MAX_CHARTS = 60;

/** Exceptions first, then indicators with special-cause concern, then the rest with SPC, each in the report's order. */
function rank(x: Item): number {
  if (isRedRed({ status: x.assessment.status, trend: x.assessment.trends.short })) return 0;
  return x.assessment.spc?.variation === "Special cause concern" ? 1 : 2;
}

/**
 * One native line chart per exception ('Red Red' item) and per indicator
 * with SPC: the series, its mean and process limits, special-cause points
 * marked in the NHS colours, and the target line; each beside the small
 * table it is drawn from.
 */
export function indicatorChartsSheet(reports: IndicatorsReport[], name: string, periodLabel: string | null): SheetPlan | null {
  const period = periodLabel ? parsePeriodLabel(periodLabel) : null;
  if (!period) return null;
  const eligible = reports
    .flatMap((r) => r.items.filter((x) => x.assessment.spc || isRedRed({ status: x.assessment.status, trend: x.assessment.trends.short })))
    .filter((x) => seriesOf(x, period).length >= 2);
  if (!eligible.length) return null;
  // A stable sort keeps the report's order within each rank.
  const chosen = eligible.map((x, i) => ({ x, i, rank: rank(x) })).sort((a, b) => a.rank - b.rank || a.i - b.i).slice(0, MAX_CHARTS).map((c) => c.x);
  const b = new SheetBuilder("indicator-charts", name, [14, 11, 11, 11, 11, 11, 13, 13, 13]);
  b.title(`Indicator charts: ${periodLabel}`);
  b.note("A chart for each 'Red Red' item and each indicator with SPC, drawn from the table beside it. Special-cause points are marked in NHS \"Making Data Count\" colours: blue improvement, orange concern, purple neither.");
  if (eligible.length > chosen.length) {
    const redRed = eligible.filter((x) => rank(x) === 0).length;
    b.note(`Charts for ${chosen.length} of the ${eligible.length.toLocaleString("en-GB")} indicators that qualify (${redRed.toLocaleString("en-GB")} 'Red Red'): 'Red Red' items first, then special-cause concern, then the others, in the report's order. The rest are on the Indicator results sheet.`);
  }
  const charts: ChartPlan[] = [];
  for (const x of chosen) {
    const points = seriesOf(x, period);
    const a = x.assessment;
    const spc = a.spc && a.spc.points.length === points.length ? a.spc : null;
    const pc = x.item.percent;
    b.blank();
    const verdict = spc ? statusAndVariation(a.status, spc.variation) : `${a.status}, ${a.trends.short.toLowerCase()}`;
    const title = `${x.item.code ? `${x.item.code} ` : ""}${seriesTitle(x.item)}`;
    b.subtitle(`${title}: ${verdict}`);
    const top = b.nextRow;
    const columns: { head: string; role: ChartSeriesRole | null; value: (i: number) => PlanValue }[] = [
      { head: "Period", role: null, value: (i) => points[i].label },
      { head: "Value", role: "value", value: (i) => measureCell(points[i].value, pc) },
    ];
    if (x.target !== null) columns.push({ head: "Target", role: "target", value: () => measureCell(x.target, x.targetPercent) });
    if (spc) {
      const l = spc.limits;
      columns.push(
        { head: "Mean", role: "mean", value: () => measureCell(l.mean, pc) },
        { head: "Upper process limit", role: "limit", value: () => measureCell(l.upperProcessLimit, pc) },
        { head: "Lower process limit", role: "limit", value: () => measureCell(l.lowerProcessLimit, pc) },
      );
      for (const [variation, role, head] of SPECIAL) {
        if (spc.points.some((p) => p.variation === variation)) {
          columns.push({ head, role, value: (i) => (spc.points[i].variation === variation ? measureCell(points[i].value, pc) : null) });
        }
      }
    }
    const rows = points.map((_, i) => columns.map((c) => c.value(i)));
    // Computed lines (mean, limits) show as many decimals as the most precise value, and one more.
    const widest = points.map((p) => measureFormat(p.value, pc) ?? "0").reduce((a, f) => (f.length > a.length ? f : a), "0");
    const shown = widest.includes(".") ? widest.replace(/0(%?)$/, "00$1") : widest.replace(/^0/, "0.0");
    const t = b.table(title, columns.map((c) => c.head), rows, {
      formats: columns.slice(1).map((c, k) => ({
        col: k + 1,
        numberFormat: c.role === "target" ? measureFormat(x.target, x.targetPercent, x.item.targetDecimals) ?? shown : c.role === "mean" || c.role === "limit" ? shown : (i: number) => measureFormat(points[i].value, pc),
      })),
    });
    charts.push({
      title,
      categories: { col: 0, first: t.firstRow, last: t.lastRow },
      series: columns.flatMap((c, k) => (c.role ? [{ role: c.role, values: { col: k, first: t.firstRow, last: t.lastRow } }] : [])),
      // Below the subtitle, which runs across the sheet, and beside the table.
      anchor: { fromRow: top, fromCol: columns.length + 1, toRow: top + CHART_ROWS, toCol: columns.length + 9 },
    });
    while (b.nextRow < top + CHART_ROWS) b.blank();
  }
  if (!charts.length) return null;
  const plan = b.build();
  plan.charts = charts;
  return plan;
}
