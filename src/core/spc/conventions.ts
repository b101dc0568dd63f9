/**
 * How an XmR analysis is done. The default follows NHSRplotthedots, the
 * NHS-R community's implementation of NHS "Making Data Count"; the other
 * conventions are offered by name, never applied silently.
 */
export interface SpcConvention {
  name: SpcConventionName;
  /** Process limits at mean ± factor × mean moving range. */
  limitFactor: number;
  /** Leave moving ranges ≥ 3.267 × their mean out of the mean moving range (Nelson 1982). */
  screenMovingRanges: boolean;
  /** Whether a point beyond a process limit also counts towards "two of three beyond 2σ". */
  twoInThreeCountsPointsBeyondLimits: boolean;
  /** Series with fewer points than this carry the short-series warning and have trial limits. */
  shortSeriesBelow: number;
}

export type SpcConventionName = "NHSRplotthedots" | "two-in-three counts points beyond limits" | "qicharts2 limits";

/** NHSRplotthedots' constants: R/ptd_spc_standard.R (limit 2.66, screening), R/ptd_add_short_group_warnings.R (threshold 13). */
export const NHSR_PLOT_THE_DOTS: SpcConvention = {
  name: "NHSRplotthedots",
  limitFactor: 2.66,
  screenMovingRanges: true,
  twoInThreeCountsPointsBeyondLimits: false,
  shortSeriesBelow: 13,
};

export const SPC_CONVENTIONS: Record<SpcConventionName, SpcConvention> = {
  NHSRplotthedots: NHSR_PLOT_THE_DOTS,
  // Some tools (PowerBI-SPC among them) let a point beyond the limits count towards two-in-three.
  "two-in-three counts points beyond limits": { ...NHSR_PLOT_THE_DOTS, name: "two-in-three counts points beyond limits", twoInThreeCountsPointsBeyondLimits: true },
  // qicharts2's I chart: σ = mean moving range / 1.128 exactly, moving ranges not screened unless asked.
  "qicharts2 limits": { ...NHSR_PLOT_THE_DOTS, name: "qicharts2 limits", limitFactor: 3 / 1.128, screenMovingRanges: false },
};
