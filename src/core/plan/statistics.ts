import { IndicatorAssessment, RUN_CHART_MIN_POINTS } from "../indicator";
import { statusAndVariation, runChartWords, phraseOnce } from "../spc";

/** What the statistics say about an indicator: SPC where there are enough points, else run-chart signals, else why not. */
export function statistics(a: IndicatorAssessment): { variation: string; assurance: string; together: string } {
  const n = a.points ?? 0;
  if (a.spc) {
    const trial = a.spc.trialLimits ? " (trial limits)" : "";
    return { variation: a.spc.variation, assurance: phraseOnce(`as|${a.spc.assurance}|${trial}`, () => `${a.spc!.assurance}${trial}`), together: statusAndVariation(a.status, a.spc.variation) };
  }
  if (a.runChart) {
    const words = runChartWords(a.runChart, n);
    const signal = a.runChart.signal;
    return { variation: words, assurance: "", together: phraseOnce(`rs|${a.status}|${signal}`, () => `${a.status}; ${signal ? "the run chart shows non-random variation" : "no run-chart signal"}`) };
  }
  const why = n < RUN_CHART_MIN_POINTS ? phraseOnce(`nj|${n}`, () => `Not judged: ${n} ${n === 1 ? "point" : "points"} (run chart needs ${RUN_CHART_MIN_POINTS})`) : "Not judged: SPC is switched off";
  return { variation: why, assurance: "", together: phraseOnce(`st|${a.status}`, () => `${a.status}; variation not judged`) };
}
