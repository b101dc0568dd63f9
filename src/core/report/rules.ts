import { PeriodRules, DatasetSettings } from "../settings";
import { DEFAULT_TOLERANCE, Tolerance } from "../status";
import { EXACTLY_EQUAL, StaticBand, DEFAULT_LONG_TREND, longTrendLabel } from "../trend";
import { StandardConfig } from "../standards/standard";
import { RiskMatrix } from "../risk/matrix";
import { formatNumber } from "../numbers";
import { listWords } from "../words";
import { DatasetReport } from "./types";
import { DatasetContext } from "./context";
import { describeBands } from "./risks";

const measured = (kind: DatasetReport["kind"]) => kind === "indicators" || kind === "outcomes";

/** The rules a dataset's results were worked out with, every default written out. */
export function rulesOf(r: DatasetReport, settings: DatasetSettings): PeriodRules {
  const rules: PeriodRules = { standard: r.standardConfig };
  if (measured(r.kind)) {
    rules.tolerance = settings.tolerance ?? DEFAULT_TOLERANCE;
    rules.staticBand = settings.staticBand ?? EXACTLY_EQUAL;
    rules.longTrend = settings.longTrend ?? DEFAULT_LONG_TREND;
    rules.spc = settings.spc ?? true;
  }
  if ((r.kind === "indicators" || r.kind === "outcomes") && r.ownArea) rules.area = r.ownArea;
  if (r.kind === "risks") {
    rules.matrix = r.matrix;
    rules.levelsSource = r.levelsSource;
  }
  if (settings.statusLabels) rules.statusLabels = settings.statusLabels;
  return rules;
}

/**
 * The context with a stored period's rules in place of today's settings.
 * A record stored before every rule was kept lacks some: for those today's
 * settings stand (its tolerance, when absent, was the default).
 */
export function withRules(ctx: DatasetContext, rules: PeriodRules, period: string): DatasetContext {
  const settings: DatasetSettings = { ...ctx.settings, standard: rules.standard };
  if (measured(ctx.detected.kind)) settings.tolerance = rules.tolerance ?? DEFAULT_TOLERANCE;
  if (rules.staticBand) settings.staticBand = rules.staticBand;
  if (rules.longTrend) settings.longTrend = rules.longTrend;
  if (rules.spc !== undefined) settings.spc = rules.spc;
  if (rules.statusLabels) settings.statusLabels = rules.statusLabels;
  const matrix = rules.matrix ? { matrix: rules.matrix, source: `${rules.levelsSource ?? "the levels"} stored with ${period}` } : ctx.matrix;
  return { ...ctx, settings, matrix, ownArea: rules.area ?? ctx.ownArea };
}

function standardText(s: StandardConfig | null): string {
  return s ? `${formatNumber(s.expected)}% ${listWords(s.counts).replace(/ and /, " or ")}` : "no standard";
}

function toleranceText(t: Tolerance): string {
  return t.kind === "percent" ? `${formatNumber(t.value)}% of target` : formatNumber(t.value);
}

function bandText(b: StaticBand): string {
  return b.value === 0 ? "none" : b.kind === "percent" ? `${formatNumber(b.value)}%` : formatNumber(b.value);
}

function matrixText(m: RiskMatrix): string {
  return `${describeBands(m.bands)} on ${m.likelihoodLabels.length} × ${m.impactLabels.length}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How today's rules differ from those stored with a period, in words
 * ("amber tolerance 2% of target (stored: 5% of target)"). Only rules the
 * record holds are compared; empty when nothing differs.
 */
export function ruleChanges(stored: PeriodRules, today: PeriodRules, kind: DatasetReport["kind"]): string[] {
  const out: string[] = [];
  const said = (what: string, now: string, then: string) => out.push(`${what} now ${now}, stored ${then}`);
  if (!same(stored.standard ?? null, today.standard ?? null)) said("expected standard", standardText(today.standard), standardText(stored.standard ?? null));
  if (measured(kind)) {
    const tolerance = stored.tolerance ?? DEFAULT_TOLERANCE;
    if (today.tolerance && !same(tolerance, today.tolerance)) said("amber tolerance", toleranceText(today.tolerance), toleranceText(tolerance));
  }
  if (stored.staticBand && today.staticBand && !same(stored.staticBand, today.staticBand)) said("changes ignored up to", bandText(today.staticBand), bandText(stored.staticBand));
  if (stored.longTrend && today.longTrend && stored.longTrend !== today.longTrend) {
    said("long trend", longTrendLabel(today.longTrend).toLowerCase(), longTrendLabel(stored.longTrend).toLowerCase());
  }
  if (stored.spc !== undefined && today.spc !== undefined && stored.spc !== today.spc) said("SPC", today.spc ? "on" : "off", stored.spc ? "on" : "off");
  if (stored.area !== undefined && stored.area !== today.area) said("own area", today.area ? `'${today.area}'` : "none", `'${stored.area}'`);
  if (stored.matrix && today.matrix && !same({ ...stored.matrix, bands: stored.matrix.bands.map((b) => [b.name, b.minScore]) }, { ...today.matrix, bands: today.matrix.bands.map((b) => [b.name, b.minScore]) })) {
    said("risk levels", matrixText(today.matrix), matrixText(stored.matrix));
  }
  if (!same(stored.statusLabels ?? null, today.statusLabels ?? null) && (stored.statusLabels || today.statusLabels)) out.push("the status words mapped in Settings");
  return out;
}
