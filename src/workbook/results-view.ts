import {
  Reading, Report, Issue, seriesTitle, formatShare, notRatedPhrase, StatusLabels, WorkbookSettings, DEFAULT_STATUS_LABELS, isRedRed, formatUkDate, periodIndex, formatPeriod,
  DEFAULT_MATRIX, RiskMatrix, HeatMapCell, Status, columnLetter, formatNumber, outstandingPhrase, commentaryCounts, restatedStanding,
} from "../core";

/** What the task pane shows after a run: plain data, built from the report. */
export interface ResultsView {
  period: string | null;
  headlines: {
    id: string; label: string; kind: string; text: string; achieved: boolean | null; status: Status | null; counts: Record<string, number>;
    /** Returns still out could change it: the text gives the range and whether they decide the standard. */
    open: boolean;
    /** How sure the reading is; a doubtful one's text says why, and the pane marks it. */
    reading: Reading;
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
  /** Stored periods restated, in a sentence each ("Outcomes: Q1 2021/22 restated: 2 outcomes changed status (data corrected); …"). */
  restated: string[];
  /** What checking the commentary found, a sentence per dataset with commentary. */
  commentary: { id: string; label: string; text: string; found: number }[];
}

/** A headline, qualified where the reading is doubtful or empty: never a plain figure from a doubtful reading. */
function headline(r: Report["datasets"][number]): ResultsView["headlines"][number] {
  const h = plainHeadline(r);
  if (r.reading.confidence === "empty") return { ...h, text: `${r.label}: empty — no rows to report on`, achieved: null, status: null, reading: r.reading };
  if (r.reading.confidence === "doubtful") return { ...h, text: `${h.text} — check this reading: ${r.reading.reasons.join("; ")}`, reading: r.reading };
  return { ...h, reading: r.reading };
}

function plainHeadline(r: Report["datasets"][number]): Omit<ResultsView["headlines"][number], "reading"> {
  const h = { ...settledHeadline(r), open: false };
  const o = r.outstanding;
  if (!o) return h;
  // Returns still out: the range the headline could still take, and whether they decide the standard.
  const text = `${r.label}: ${outstandingPhrase(r, o)}`;
  if (o.verdict === "depends") return { ...h, text, achieved: null, status: null, open: true };
  return { ...h, text: o.range ? text : `${h.text} — ${outstandingPhrase(r, o)}`, open: true };
}

function settledHeadline(r: Report["datasets"][number]): Omit<ResultsView["headlines"][number], "reading" | "open"> {
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

export function resultsView(report: Report, outputSheets: string[], matrix: RiskMatrix | null, settings?: WorkbookSettings, historyKept = false): ResultsView {
  const redRed: ResultsView["redRed"] = [];
  const overdue: ResultsView["overdue"] = [];
  for (const r of report.datasets) {
    if (r.kind === "indicators" || r.kind === "outcomes") {
      for (const x of r.items) {
        if (!isRedRed({ status: x.assessment.status, trend: x.assessment.trends.short })) continue;
        const points = x.item.points
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
    headlines: report.datasets.map(headline),
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
    // Skipped sheets are listed on their own; the rest of the notes are what the run assumed.
    notes: report.notes.filter((n) => !/^Sheet '.*' was not used:/.test(n)),
    historyKept,
    restated: report.restated.map((x) => `${x.dataset}: ${x.text}; ${restatedStanding(x)}.`),
    commentary: report.datasets.filter((r) => r.commentary?.checked).map((r) => ({
      id: r.id, label: r.label, text: `${r.label}: ${commentaryCounts(r.commentary!)}.`,
      found: r.commentary!.counts.figures + r.commentary!.counts.unacknowledged + r.commentary!.counts.copied,
    })),
  };
}
