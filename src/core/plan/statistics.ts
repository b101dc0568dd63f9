import { IndicatorAssessment, RUN_CHART_MIN_POINTS } from "../indicator";
import { statusAndVariation, runChartWords } from "../spc";

/** What the statistics say about an indicator: SPC where there are enough points, else run-chart signals, else why not. */
export function statistics(a: IndicatorAssessment): { variation: string; assurance: string; together: string } {
  const n = a.points ?? 0;
  if (a.spc) {
    const trial = a.spc.trialLimits ? " (trial limits)" : "";
    return { variation: a.spc.variation, assurance: `${a.spc.assurance}${trial}`, together: statusAndVariation(a.status, a.spc.variation) };
  }
  if (a.runChart) {
    const words = runChartWords(a.runChart, n);
    return { variation: words, assurance: "", together: `${a.status}; ${a.runChart.signal ? "the run chart shows non-random variation" : "no run-chart signal"}` };
  }
  const why = n < RUN_CHART_MIN_POINTS ? `Not judged: ${n} ${n === 1 ? "point" : "points"} (run chart needs ${RUN_CHART_MIN_POINTS})` : "Not judged: SPC is switched off";
  return { variation: why, assurance: "", together: `${a.status}; variation not judged` };
}
