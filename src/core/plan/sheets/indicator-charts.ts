import { seriesTitle } from "../../datasets/indicators";
import { IndicatorsReport } from "../../report/types";
import { isRedRed } from "../../standards/exceptions";
import { parsePeriodLabel, periodIndex, periodKey, formatPeriod, Period } from "../../periods";
import { statusAndVariation, Variation, VARIATION_COLOUR } from "../../spc";
import { SheetBuilder } from "../builder";
import { measureCell, measureFormat } from "../cells";
import { ChartIcon, ChartPlan, ChartSeriesRole, PlanValue, SheetPlan } from "../types";
import { groupDigits } from "../../words";

type Item = IndicatorsReport["items"][number];

/** The series a chart shows: same kind of period as the report's, up to it, values only, in time order, each with the target for its period. */
function seriesOf(x: Item, period: Period): { label: string; value: number; target: number | null }[] {
  const points: { index: number; label: string; value: number; target: number | null }[] = [];
  const pts = x.item.points;
  for (let i = 0; i < pts.length; i++) {
    const pp = pts.period(i) ?? period;
    const value = pts.number(i);
    if (value === null || pp.kind !== period.kind || periodIndex(pp) > periodIndex(period)) continue;
    points.push({ index: periodIndex(pp), label: formatPeriod(pp), value, target: x.item.targets?.get(periodKey(pp)) ?? x.item.target });
  }
  return points.sort((a, b) => a.index - b.index);
}

/** Whether seriesOf would give a chart two points or more, with nothing made to find out. */
function chartable(x: Item, period: Period): boolean {
  let n = 0;
  const pts = x.item.points;
  for (let i = 0; i < pts.length && n < 2; i++) {
    const pp = pts.period(i) ?? period;
    if (pts.number(i) !== null && pp.kind === period.kind && periodIndex(pp) <= periodIndex(period)) n++;
  }
  return n >= 2;
}

/** A round step for about five gridlines over `span`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/**
 * The value axis from the lowest to the highest thing drawn (values, target,
 * limits), a little beyond each and on round numbers, rather than from zero,
 * which flattens a process into a line. Data that never goes below zero keeps
 * the axis at zero or above.
 */
export function axisRange(values: number[]): { min: number; max: number } | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return null;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || Math.abs(hi) * 0.2 || 1;
  const step = niceStep(span);
  let min = Math.floor((lo - span * 0.05) / step) * step;
  const max = Math.ceil((hi + span * 0.05) / step) * step;
  if (lo >= 0 && min < 0) min = 0;
  const clean = (v: number) => Number(v.toPrecision(12));
  return { min: clean(min), max: clean(max) };
}

/** The NHS "Making Data Count" icons for a chart with SPC: its variation (special cause from higher or lower values) and its assurance. */
function mdcIcons(spc: NonNullable<Item["assessment"]["spc"]>, at: { row: number; col: number }): ChartIcon[] {
  const last = spc.points[spc.points.length - 1];
  const side = last?.side === "high" ? "H" : "L";
  const sideWords = last?.side === "high" ? "higher values" : "lower values";
  const variation: ChartIcon = spc.variation === "Common cause"
    ? { kind: "variation", fill: VARIATION_COLOUR["Common cause"], letter: "~", label: "Variation: common cause, no significant change", at }
    : { kind: "variation", fill: VARIATION_COLOUR[spc.variation], letter: side, label: `Variation: ${spc.variation.toLowerCase()} from ${sideWords}`, at };
  const icons = [variation];
  const next = { row: at.row, col: at.col + 1 };
  if (spc.assurance === "Consistently passing") icons.push({ kind: "assurance", fill: VARIATION_COLOUR["Special cause improvement"], letter: "P", label: "Assurance: consistently passing the target", at: next });
  if (spc.assurance === "Consistently failing") icons.push({ kind: "assurance", fill: VARIATION_COLOUR["Special cause concern"], letter: "F", label: "Assurance: consistently failing the target", at: next });
  if (spc.assurance === "Hit and miss") icons.push({ kind: "assurance", fill: VARIATION_COLOUR["Common cause"], letter: "?", label: "Assurance: hit and miss, the target within the process limits", at: next });
  return icons;
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
  if (isRedRed(x.assessment.status, x.assessment.trends.short)) return 0;
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
  // The first MAX_CHARTS of each rank in the report's order, and how many qualify: what sorting every qualifying indicator
  // by rank (a stable sort) and cutting would keep, in one pass that makes nothing per indicator.
  const byRank: Item[][] = [[], [], []];
  let eligible = 0;
  let redRed = 0;
  for (const r of reports) {
    for (let i = 0; i < r.items.length; i++) {
      const x = r.items[i];
      const k = rank(x);
      if ((k === 2 && !x.assessment.spc) || !chartable(x, period)) continue;
      eligible++;
      if (k === 0) redRed++;
      if (byRank[k].length < MAX_CHARTS) byRank[k].push(x);
    }
  }
  if (!eligible) return null;
  const chosen = [...byRank[0], ...byRank[1], ...byRank[2]].slice(0, MAX_CHARTS);
  const b = new SheetBuilder("indicator-charts", name, [14, 11, 11, 11, 11, 11, 13, 13, 13]);
  b.title(`Indicator charts: ${periodLabel}`);
  b.note("A chart for each 'Red Red' item and each indicator with SPC, drawn from the table beside it. Special-cause points are marked in NHS \"Making Data Count\" colours: blue improvement, orange concern, purple neither.");
  b.note("Icons at the top right of each chart with SPC, as Making Data Count draws them. Variation: grey ~ common cause; blue (improvement), orange (concern) or purple (neither) with H or L, a special cause from higher or lower values. Assurance: blue P consistently passing the target, orange F consistently failing it, grey ? hit and miss.");
  if (eligible > chosen.length) {
    b.note(`Charts for ${chosen.length} of the ${groupDigits(eligible)} indicators that qualify (${groupDigits(redRed)} 'Red Red'): 'Red Red' items first, then special-cause concern, then the others, in the report's order. The rest are on the Indicator results sheet.`);
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
    // Each period's own target where the sheet gives one, shown on the scale the target was given on.
    if (points.some((p) => p.target !== null)) columns.push({ head: "Target", role: "target", value: (i) => measureCell(points[i].target, x.targetPercent) });
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
        numberFormat: c.role === "target" ? (i: number) => measureFormat(points[i].target, x.targetPercent, x.item.targetDecimals) ?? shown : c.role === "mean" || c.role === "limit" ? shown : (i: number) => measureFormat(points[i].value, pc),
      })),
    });
    // Below the subtitle, which runs across the sheet, and beside the table.
    const anchor = { fromRow: top, fromCol: columns.length + 1, toRow: top + CHART_ROWS, toCol: columns.length + 9 };
    const plotted = rows.flatMap((row) => row.slice(1).filter((v): v is number => typeof v === "number"));
    const range = axisRange(plotted);
    charts.push({
      title,
      categories: { col: 0, first: t.firstRow, last: t.lastRow },
      series: columns.flatMap((c, k) => (c.role ? [{ role: c.role, values: { col: k, first: t.firstRow, last: t.lastRow } }] : [])),
      anchor,
      ...(range ? { valueAxis: range } : {}),
      ...(spc ? { icons: mdcIcons(spc, { row: anchor.fromRow, col: anchor.toCol - 2 }) } : {}),
    });
    while (b.nextRow < top + CHART_ROWS) b.blank();
    // The chart, its table and its heading on one printed page.
    b.keepTogether(top - 1, Math.max(b.nextRow, t.lastRow + 1) - 1);
  }
  if (!charts.length) return null;
  return b.charts(charts).build();
}
