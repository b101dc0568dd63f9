import { IndicatorAssessment, RUN_CHART_MIN_POINTS } from "../indicator";
import { statusAndVariation, runChartWords, PhraseTable } from "../spc";

// Each phrase a row's statistics can take, by the words it is made of: made once, found without making a key per row.
const ASSURANCE = new PhraseTable<string, boolean>((assurance, trial) => `${assurance}${trial ? " (trial limits)" : ""}`);
const RUN_CHART_TOGETHER = new PhraseTable<string, boolean>((status, signal) => `${status}; ${signal ? "the run chart shows non-random variation" : "no run-chart signal"}`);
const NOT_JUDGED = new PhraseTable<number, boolean>((n) => `Not judged: ${n} ${n === 1 ? "point" : "points"} (run chart needs ${RUN_CHART_MIN_POINTS})`);
const NOT_JUDGED_TOGETHER = new PhraseTable<string, boolean>((status) => `${status}; variation not judged`);

/** What the statistics say about an indicator: SPC where there are enough points, else run-chart signals, else why not. */
export function statistics(a: IndicatorAssessment): { variation: string; assurance: string; together: string } {
  const n = a.points ?? 0;
  if (a.spc) {
    return { variation: a.spc.variation, assurance: ASSURANCE.get(a.spc.assurance, a.spc.trialLimits), together: statusAndVariation(a.status, a.spc.variation) };
  }
  if (a.runChart) {
    return { variation: runChartWords(a.runChart, n), assurance: "", together: RUN_CHART_TOGETHER.get(a.status, a.runChart.signal) };
  }
  const why = n < RUN_CHART_MIN_POINTS ? NOT_JUDGED.get(n, false) : "Not judged: SPC is switched off";
  return { variation: why, assurance: "", together: NOT_JUDGED_TOGETHER.get(a.status, false) };
}
