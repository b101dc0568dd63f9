import { IndicatorAssessment, RUN_CHART_MIN_POINTS } from "../indicator";
import { statusAndVariation, runChartWords, PhraseTable } from "../spc";

// Each phrase a row's statistics can take, by the words it is made of: made once, found without making a key per row.
const ASSURANCE = new PhraseTable<string, boolean>((assurance, trial) => `${assurance}${trial ? " (trial limits)" : ""}`);
const RUN_CHART_TOGETHER = new PhraseTable<string, boolean>((status, signal) => `${status}; ${signal ? "the run chart shows non-random variation" : "no run-chart signal"}`);
const NOT_JUDGED = new PhraseTable<number, boolean>((n) => `Not judged: ${n} ${n === 1 ? "point" : "points"} (run chart needs ${RUN_CHART_MIN_POINTS})`);
const NOT_JUDGED_TOGETHER = new PhraseTable<string, boolean>((status) => `${status}; variation not judged`);

/** What the statistics say about an indicator: SPC where there are enough points, else run-chart signals, else why not. */
export function statistics(a: IndicatorAssessment): { variation: string; assurance: string; together: string } {
  return { variation: variationCell(a), assurance: assuranceCell(a), together: togetherCell(a) };
}

// The same three, one cell each: the results sheet writes them straight into its rows (an object per row was 50,000).

/** The variation: SPC's verdict, the run chart's signals, or why neither was judged. */
export function variationCell(a: IndicatorAssessment): string {
  const n = a.points ?? 0;
  if (a.spc) return a.spc.variation;
  if (a.runChart) return runChartWords(a.runChart, n);
  return n < RUN_CHART_MIN_POINTS ? NOT_JUDGED.get(n, false) : "Not judged: SPC is switched off";
}

/** SPC's assurance (empty without SPC). */
export function assuranceCell(a: IndicatorAssessment): string {
  return a.spc ? ASSURANCE.get(a.spc.assurance, a.spc.trialLimits) : "";
}

/** The status with what the statistics say. */
export function togetherCell(a: IndicatorAssessment): string {
  if (a.spc) return statusAndVariation(a.status, a.spc.variation);
  if (a.runChart) return RUN_CHART_TOGETHER.get(a.status, a.runChart.signal);
  return NOT_JUDGED_TOGETHER.get(a.status, false);
}
