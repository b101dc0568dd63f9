import {
  Reading, Report, IndicatorsReport, Issue, seriesTitle, formatShare, notRatedPhrase, StatusLabels, WorkbookSettings, DEFAULT_STATUS_LABELS, isRedRed, formatUkDate, periodIndex, formatPeriod,
  DEFAULT_MATRIX, RiskMatrix, HeatMapCell, Status, columnLetter, formatNumber, outstandingPhrase, commentaryCounts, restatedStanding,
} from "../core";
import { groupDigits } from "../core/words";

/** What the task pane shows after a run: plain data, built from the report. */
export interface ResultsView {
  period: string | null;
  headlines: {
    id: string; label: string; kind: string; text: string; achieved: boolean | null; status: Status | null; counts: Record<string, number>;
    /** How sure the reading is; a doubtful one's text says why, and the pane marks it. */
    reading: Reading;
    /** The text says something a count cannot (a doubt, an empty table, no values, many areas): shown as it is. */
    worded?: boolean;
  }[];
  redRed: { dataset: string; title: string; why: string; sheet: string; cell: string; series: { label: string; value: number }[]; polarity: string | null; target: number | null;
    /** Year to date for the period, as written ("95", "86.5%"), where the sheet gives one. */
    ytd: string | null }[];
  overdue: { dataset: string; title: string; due: string; status: string; sheet: string; cell: string }[];
  heatMap: { title: string; likelihood: string[]; impact: string[]; rows: HeatMapCell[][] } | null;
  issues: Issue[];
  outputSheets: string[];
  /** Status words no rule knows, per dataset, with the dataset's current vocabulary, so the user can map each word once. */
  notRated: { id: string; label: string; words: { word: string; count: number }[]; labels: StatusLabels }[];
  /** Sheets looked at and not used, with the reason. */
  skipped: { sheet: string; reason: string }[];
  /** What the run assumed or could not do: levels used, periods, history kept. */
  notes: string[];
  /** This period's stored results differ and were kept: the pane offers to replace them. */
  historyKept: boolean;
  /** What a user must not miss, shown above the headlines (a period with no values, results kept). */
  warnings: string[];
  /** Overdue was judged at the end of a reporting period; without one it was not checked, and the pane never says "nothing is overdue". */
  overdueChecked: boolean;
  /** Long data over several areas with none chosen as the council's own: the pane offers the choice. */
  areaChoice: { label: string; areas: string[]; indicators: number } | null;
  /** Long data with the council's own area chosen: each indicator's latest value, trend, and the other areas' median and its rank. */
  areaResults: AreaResults[];
  /** Stored periods restated, in a sentence each ("Outcomes: Q1 2021/22 restated: 2 outcomes changed status (data corrected); …"). */
  restated: string[];
  /** What checking the commentary found, a sentence per dataset with commentary. */
  commentary: { id: string; label: string; text: string; found: number }[];
}

export interface AreaResults {
  label: string;
  area: string;
  rows: {
    title: string;
    /** The latest value, as written ("12.5%"), and the period it belongs to. */
    value: string | null;
    period: string | null;
    trend: string;
    status: Status | string;
    median: string | null;
    /** 1 = highest value, of `areas` (the others and this one). */
    rank: number | null;
    areas: number;
  }[];
}

/** A headline, qualified where the reading is doubtful or empty: never a plain figure from a doubtful reading. */
function headline(r: Report["datasets"][number], period: string | null): ResultsView["headlines"][number] {
  const special = measuredHeadline(r, period);
  const h = special ?? plainHeadline(r);
  if (r.reading.confidence === "empty") return { ...h, text: `${r.label}: empty — no rows to report on`, achieved: null, status: null, reading: r.reading, worded: true };
  if (r.reading.confidence === "doubtful") return { ...h, text: `${h.text} — check this reading: ${r.reading.reasons.join("; ")}`, reading: r.reading, worded: true };
  return { ...h, reading: r.reading };
}

/**
 * Indicators and outcomes whose figure would mislead: long data over many
 * areas with none chosen (the count is of areas × indicators), or a period
 * for which no item has a value (0% is not a result). Null for the rest.
 */
function measuredHeadline(r: Report["datasets"][number], period: string | null): Omit<ResultsView["headlines"][number], "reading"> | null {
  if (r.kind !== "indicators" && r.kind !== "outcomes") return null;
  const base = { id: r.id, kind: r.kind, achieved: null, status: null, counts: { ...r.statusCounts } };
  const noun = r.kind === "outcomes" ? ["outcome", "outcomes"] : ["indicator", "indicators"];
  const n = (k: number) => `${groupDigits(k)} ${noun[k === 1 ? 0 : 1]}`;
  if (r.areas.length > 1 && !r.ownArea) {
    const indicators = distinctIndicators(r);
    return { ...base, label: r.label, text: `${r.label}: ${n(indicators)} for each of ${r.areas.length} areas — choose your area to see its figures beside the others'`, worded: true };
  }
  const label = r.ownArea ? `${r.label} (${r.ownArea})` : r.label;
  if (r.items.length > 0 && r.items.every((x) => x.assessment.status === "No data")) {
    return { ...base, label, text: `${label}: no values${period ? ` for ${period}` : ""} — none of the ${n(r.items.length)} has a figure for the period, so nothing is rated`, worded: true };
  }
  return r.ownArea ? { ...plainHeadline(r), label, text: plainHeadline(r).text.replace(r.label, label) } : null;
}

/** Indicators in long data, counted once however many areas report them. */
function distinctIndicators(r: IndicatorsReport): number {
  return new Set(r.items.map((x) => `${x.item.code || x.item.title}|${x.item.breakdown ?? ""}`)).size;
}

function plainHeadline(r: Report["datasets"][number]): Omit<ResultsView["headlines"][number], "reading"> {
  const h = settledHeadline(r);
  const o = r.outstanding;
  if (!o) return h;
  // Returns still out: the range the headline could still take, and whether they decide the standard.
  const text = `${r.label}: ${outstandingPhrase(r, o)}`;
  if (o.verdict === "depends") return { ...h, text, achieved: null, status: null, worded: true };
  return { ...h, text: o.range ? text : `${h.text} — ${outstandingPhrase(r, o)}`, worded: true };
}

function settledHeadline(r: Report["datasets"][number]): Omit<ResultsView["headlines"][number], "reading"> {
  if (r.kind === "risks") {
    const parts = Object.entries(r.bandCounts).map(([band, n]) => `${n} ${band.toLowerCase()}`);
    return { id: r.id, label: r.label, kind: r.kind, text: `${r.label}: ${r.risks.length} risks (${parts.join(", ")})`, achieved: null, status: null, counts: { ...r.bandCounts } };
  }
  if (!r.standard || !r.standardConfig) {
    const counts = Object.entries(r.statusCounts).map(([s, n]) => `${n} ${s}`).join(", ");
    return { id: r.id, label: r.label, kind: r.kind, text: `${r.label}: ${counts || "nothing to count"}`, achieved: null, status: null, counts: { ...r.statusCounts } };
  }
  const s = r.standard;
  const which = r.standardConfig.counts.join(" or ");
  return {
    id: r.id, label: r.label, kind: r.kind,
    text: `${r.label}: ${formatShare(s.counted, s.base)} ${which} — standard ${s.expected}% ${s.achieved ? "achieved" : "not achieved"}${notRatedPhrase(r) ? ` (${notRatedPhrase(r)})` : ""}`,
    achieved: s.achieved,
    status: s.achieved ? "Green" : "Red",
    counts: { ...r.statusCounts },
  };
}

/** The notes the pane turns into actions of its own (choose your area; choose a period for overdue items). */
const AREA_NOTE = /^'.*' holds \d+ areas \(/;
const NO_PERIOD_NOTE = /^No reporting period was given or found, so overdue items were not checked/;

/** A note in the pane's words: it has no command line, so it names the step to use instead. */
export function paneNote(note: string): string {
  return note
    .replace(/\(--area, or in Settings\)/g, "(on the Workbook step)")
    .replace(/Use --replace-history to replace them\./g, "Choose 'Replace the stored results' to replace them.")
    .replace(/pass a period such as/g, "choose a reporting period on the Workbook step, such as")
    .replace(/--period/g, "the reporting period");
}

export function resultsView(report: Report, outputSheets: string[], matrix: RiskMatrix | null, settings?: WorkbookSettings, historyKept = false, warnings: string[] = []): ResultsView {
  const redRed: ResultsView["redRed"] = [];
  const overdue: ResultsView["overdue"] = [];
  for (const r of report.datasets) {
    if (r.kind === "indicators" || r.kind === "outcomes") {
      for (const x of r.items) {
        if (!isRedRed(x.assessment.status, x.assessment.trends.short)) continue;
        const points = x.item.points.toArray()
          .filter((p) => p.period && typeof p.value === "number")
          .sort((a, b) => periodIndex(a.period!) - periodIndex(b.period!))
          .map((p) => ({ label: formatPeriod(p.period!), value: p.value as number }));
        const col = r.detected.columns.title ?? r.detected.left;
        redRed.push({ dataset: r.label, title: seriesTitle(x.item), why: x.assessment.why, sheet: r.sheet, cell: `${columnLetter(col)}${x.item.row + 1}`, series: points, polarity: x.item.polarity, target: x.target,
          ytd: x.ytd === null ? null : `${formatNumber(x.ytd)}${x.item.percent ? "%" : ""}` });
      }
    }
    if (r.kind === "priorities" || r.kind === "actions") {
      const col = r.detected.columns.due ?? r.detected.left;
      for (const x of r.items) if (x.overdue && x.due) overdue.push({ dataset: r.label, title: x.title, due: formatUkDate(x.due), status: x.status, sheet: r.sheet, cell: `${columnLetter(col)}${x.row + 1}` });
    }
  }
  const risks = report.datasets.find((d) => d.kind === "risks");
  const m = (risks?.kind === "risks" ? risks.matrix : null) ?? matrix ?? DEFAULT_MATRIX;
  return {
    period: report.periodLong,
    headlines: report.datasets.map((r) => headline(r, report.period)),
    redRed,
    overdue,
    heatMap: risks && risks.kind === "risks" ? { title: risks.label, likelihood: m.likelihoodLabels, impact: m.impactLabels, rows: risks.heatMap } : null,
    issues: report.issues,
    outputSheets,
    notRated: report.datasets
      .filter((r) => Object.keys(r.notRatedWords).some((w) => !w.startsWith("(")))
      .map((r) => ({
        id: r.id,
        label: r.label,
        // "(blank)" and "(no polarity)" are not words to map: only what the sheet actually says.
        words: Object.entries(r.notRatedWords).filter(([w]) => !w.startsWith("(")).map(([word, count]) => ({ word, count })),
        labels: settings?.datasets[r.id]?.statusLabels ?? DEFAULT_STATUS_LABELS,
      })),
    skipped: report.skipped.map((s) => ({ sheet: s.sheet, reason: s.reason })),
    // Skipped sheets are listed on their own, warnings above the headlines, and two notes become actions; the rest are what the run assumed.
    notes: report.notes.filter((n) => !/^Sheet '.*' was not used:/.test(n) && !warnings.includes(n) && !AREA_NOTE.test(n) && !NO_PERIOD_NOTE.test(n)).map(paneNote),
    historyKept,
    warnings: warnings.map(paneNote),
    overdueChecked: report.period !== null,
    areaChoice: areaChoice(report),
    areaResults: report.datasets.flatMap((r) => (r.kind === "indicators" || r.kind === "outcomes") && r.ownArea ? [areaResults(r)] : []),
    restated: report.restated.map((x) => `${x.dataset}: ${x.text}; ${restatedStanding(x)}.`),
    commentary: report.datasets.filter((r) => r.commentary?.checked).map((r) => ({
      id: r.id, label: r.label, text: `${r.label}: ${commentaryCounts(r.commentary!)}.`,
      found: r.commentary!.counts.figures + r.commentary!.counts.unacknowledged + r.commentary!.counts.copied,
    })),
  };
}

/** Long data over several areas, none chosen: which areas to offer, and how many indicators each has. */
function areaChoice(report: Report): ResultsView["areaChoice"] {
  const open = report.datasets.filter((r): r is IndicatorsReport => (r.kind === "indicators" || r.kind === "outcomes") && r.areas.length > 1 && !r.ownArea);
  if (!open.length) return null;
  return {
    label: open.map((r) => r.label).join(", "),
    areas: [...new Set(open.flatMap((r) => r.areas))].sort((a, b) => a.localeCompare(b)),
    indicators: open.reduce((n, r) => n + distinctIndicators(r), 0),
  };
}

/** The council's own area, indicator by indicator, with the comparators the report worked out. */
function areaResults(r: IndicatorsReport): AreaResults {
  const show = (v: number | null, percent: boolean) => (v === null ? null : `${formatNumber(v)}${percent ? "%" : ""}`);
  return {
    label: r.label,
    area: r.ownArea as string,
    rows: r.items.slice(0, AREA_ROWS).map((x) => ({
      title: seriesTitle({ ...x.item, area: "" }),
      value: show(x.latest?.value ?? null, x.item.percent),
      period: x.latest?.period ?? null,
      trend: x.assessment.trends.short,
      status: x.assessment.status,
      median: show(x.comparators?.median ?? null, x.item.percent),
      rank: x.comparators?.rank ?? null,
      areas: (x.comparators?.areas ?? 0) + 1,
    })),
  };
}

/** The pane lists an area's indicators a page at a time; past this the Summary sheet has them all. */
const AREA_ROWS = 200;
