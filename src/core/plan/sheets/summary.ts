import { Report, DatasetReport, IndicatorsReport, RisksReport } from "../../report/types";
import { formatShare } from "../../standards/fraction";
import { percentCell } from "../cells";
import { Status, STATUSES } from "../../status";
import { notRatedPhrase } from "../../report/not-rated";
import { shortPeriodLabel, formatPeriod, periodNoun, Period } from "../../periods";
import { longTrendLabel } from "../../trend";
import { SheetBuilder } from "../builder";
import { TargetCourse, TARGET_COURSES } from "../../risk/target";
import { PlanValue, SheetPlan } from "../types";
import { readingQualifier } from "../../report/reading";
import { outstandingPhrase } from "../../report/outstanding";
import { restatedStanding } from "../../report/restatements";
import { commentaryCounts } from "../../commentary/review";
import { STYLES } from "../palette";

const KIND_NAMES: Record<DatasetReport["kind"], string> = {
  outcomes: "Outcomes", indicators: "Indicators", priorities: "Priorities", actions: "Actions", risks: "Risks",
};

/** The statuses a dataset's table lists: the counted ones first, then any other that occurs. */
function statusRows(r: DatasetReport): Status[] {
  const rows: Status[] = ["Green", "Amber", "Red"];
  if (r.standardConfig?.counts.includes("Complete") || (r.statusCounts.Complete ?? 0) > 0) rows.push("Complete");
  return [...rows, ...STATUSES.filter((s) => !rows.includes(s) && (r.statusCounts[s] ?? 0) > 0)];
}

/** What the statuses without a RAG judgement mean, in words a councillor reads. */
const PLAIN_WORDS: Partial<Record<Status, string>> = {
  "Data only": "no target: trend only",
  "No data": "no value this period",
  Check: "value could not be read: see Data issues",
};

/** "n/N (p%)" as the report writes it; a zero share is the number 0 (shown "0%"), never "0%" as text. */
function share(n: number, total: number): PlanValue {
  const text = formatShare(n, total);
  return text === "0%" ? 0 : text;
}

function previousShare(r: DatasetReport, status: Status): PlanValue {
  const prev = r.previous;
  if (!prev) return "N/A";
  const base = prev.summary.base || Object.values(prev.summary.statusCounts).reduce((a, b) => a + b, 0);
  return share(prev.summary.statusCounts[status] ?? 0, base);
}

/** The standards table as the report prints it: one row per status, the standard on its headline row. */
function standardsTable(b: SheetBuilder, r: DatasetReport, period: string, previousLabel: string, noun: string): void {
  const base = r.standard?.base ?? Object.values(r.statusCounts).reduce((a, x) => a + x, 0);
  const rows: PlanValue[][] = [];
  const counted = r.standardConfig?.counts ?? [];
  if (r.standard && counted.length > 1) {
    // "GREEN/COMPLETE  91% / 4.5%": the combined headline, as the workplan table shows it.
    rows.push([
      `${counted.map((s) => s.toUpperCase()).join("/")}`,
      `${r.standard.shares} (${r.standard.counted}/${r.standard.base})`,
      r.previous && r.previous.summary.percent !== null ? percentCell(r.previous.summary.percent).value : "N/A",
      r.standard.expected / 100,
      r.standard.achieved ? "Yes" : "No",
      headline(r),
    ]);
  }
  for (const s of statusRows(r)) {
    if (counted.length > 1 && counted.includes(s)) continue;
    const isHeadline = r.standard && counted.length === 1 && counted[0] === s;
    rows.push([
      `Number (%) ${s.toUpperCase()}${PLAIN_WORDS[s] ? ` (${PLAIN_WORDS[s]})` : ""}`,
      share(r.statusCounts[s] ?? 0, base),
      previousShare(r, s),
      isHeadline ? r.standard!.expected / 100 : "N/A",
      isHeadline ? (r.standard!.achieved ? "Yes" : "No") : "N/A",
      isHeadline ? headline(r) : "N/A",
    ]);
  }
  const previousPercent = r.previous?.summary.percent;
  const t = b.table(`${r.label}: standard`, [r.label, shortPeriodLabel(period), shortPeriodLabel(previousLabel), "Expected standard", "Standard achieved", `Standard against last ${noun}`], rows, {
    colour: [{ col: 0, by: "status", match: "contains" }, { col: 4, by: "yesno" }, { col: 5, by: "trend" }],
    formats: [{ col: 1, numberFormat: "0%" }, { col: 2, numberFormat: percentCell(previousPercent).format ?? "0%" }, { col: 3, numberFormat: percentCell(r.standard?.expected).format ?? "0%" }],
  });
  // Shares are mostly "n/N (p%)" text; a zero share is a number and should sit the same way.
  b.styleRange(t.firstRow, 1, t.lastRow, 3, { hAlign: "left" });
  const unrated = notRatedPhrase(r);
  if (unrated) b.note(`${r.label}: ${unrated}. Rows not rated stay in every count; no standard is achieved until they are rated.`);
}

/** The headline's own trend: this period's standard against last period's, never an item's trend. */
function headline(r: DatasetReport): string {
  return r.headlineTrend === "N/A" ? (r.previous ? "N/A" : "No history yet") : r.headlineTrend;
}

/** What the reader counts: indicators and their values, not sheet rows. */
function measureCounts(r: IndicatorsReport): { indicators: number; values: number; periods: number } {
  let values = 0;
  // Periods by object first (a dataset's points share a few), each labelled once: not a label per value.
  const seen = new Set<Period | null>();
  // Indexed over the items: for...of made an object per item until the loop was optimised.
  for (let k = 0; k < r.items.length; k++) {
    const pts = r.items[k].item.points;
    for (let i = 0; i < pts.length; i++) {
      if (pts.number(i) === null) continue;
      values++;
      seen.add(pts.period(i));
    }
  }
  const periods = new Set<string>();
  for (const p of seen) periods.add(p ? formatPeriod(p) : "");
  return { indicators: r.items.length, values, periods: periods.size };
}

function countsLine(r: DatasetReport): string {
  const noun = KIND_NAMES[r.kind].toLowerCase();
  if (r.kind === "outcomes" || r.kind === "indicators") {
    const c = measureCounts(r);
    const over = c.periods > 1 ? ` over ${c.periods} periods` : "";
    return `${c.indicators} ${c.indicators === 1 ? noun.replace(/s$/, "") : noun}, ${c.values} ${c.values === 1 ? "value" : "values"}${over}`;
  }
  const n = r.kind === "risks" ? r.risks.length : r.items.length;
  return `${n} ${n === 1 ? noun.replace(/s$/, "") : noun}`;
}

/**
 * Indicators with no target have no RAG: say so in words and give their
 * trends instead of an empty standards table.
 */
function trendOnly(b: SheetBuilder, r: IndicatorsReport, period: string): boolean {
  if (r.items.some((x) => x.assessment.status !== "Data only" && x.assessment.status !== "No data" && x.assessment.status !== "Check")) return false;
  const noun = KIND_NAMES[r.kind].toLowerCase();
  // Every count in one pass over the items (a long extract has a hundred thousand series).
  const statuses = new Map<string, number>();
  const trends = { short: new Map<string, number>(), long: new Map<string, number>() };
  for (const x of r.items) {
    statuses.set(x.assessment.status, (statuses.get(x.assessment.status) ?? 0) + 1);
    trends.short.set(x.assessment.trends.short, (trends.short.get(x.assessment.trends.short) ?? 0) + 1);
    trends.long.set(x.assessment.trends.long, (trends.long.get(x.assessment.trends.long) ?? 0) + 1);
  }
  const noTarget = statuses.get("Data only") ?? 0;
  const noValue = statuses.get("No data") ?? 0;
  const unreadable = statuses.get("Check") ?? 0;
  const parts = [
    noTarget ? `${noTarget} ${noTarget === 1 ? `${noun.replace(/s$/, "")} has` : `${noun} have`} no target: trend only` : "",
    noValue ? `${noValue} ${noValue === 1 ? "has" : "have"} no value this ${period}` : "",
    unreadable ? `${unreadable} ${unreadable === 1 ? "has a value" : "have values"} that could not be read (see Data issues)` : "",
  ].filter(Boolean);
  b.note(`${parts.join("; ")}. No RAG status and no standard apply.`);
  const order = ["Improving", "Static", "Worsening", "Increasing", "Decreasing", "No change", "No trend data"];
  const count = (trend: string, which: "short" | "long") => trends[which].get(trend) ?? 0;
  const rows = order.filter((t) => count(t, "short") || count(t, "long")).map((t) => [t, count(t, "short"), count(t, "long")]);
  b.table(`${r.label}: trends`, ["Trend of each indicator", `Against the previous ${period}`, longTrendLabel(r.longTrend, period)], rows, { colour: [{ col: 0, by: "trend" }] });
  return true;
}

function breakdownTable(b: SheetBuilder, r: IndicatorsReport, noun: string): void {
  const rows = r.breakdown.map((row) => [`Of ${row.status.toUpperCase()}`, ...row.cells.map((c) => (c.text === "0%" ? 0 : c.text))]);
  b.note(`Each item's own trend against the previous ${noun} (not the headline's):`);
  const t = b.table(`${r.label}: status by trend`, ["Status, by item trend", ...r.breakdown[0].cells.map((c) => c.trend)], rows, {
    colour: [{ col: 0, by: "status", match: "contains" }],
    formats: r.breakdown[0].cells.map((_, i) => ({ col: i + 1, numberFormat: "0%" })),
  });
  b.styleRange(t.firstRow, 1, t.lastRow, r.breakdown[0].cells.length, { hAlign: "left" });
}

function riskTable(b: SheetBuilder, r: RisksReport, noun: string): void {
  const total = Object.values(r.bandCounts).reduce((a, x) => a + x, 0);
  const prevCounts = r.previous?.summary.statusCounts;
  const rows: PlanValue[][] = Object.entries(r.bandCounts).map(([band, n]) => [band, n, prevCounts ? prevCounts[band] ?? 0 : "N/A"]);
  rows.push(["Total", total, prevCounts ? Object.values(prevCounts).reduce((a, x) => a + x, 0) : "N/A"]);
  b.table(`${r.label}: risk levels`, ["Risk level", "Number of risks", `Previous ${noun}`], rows, { colour: [{ col: 0, by: "band" }] });
  const moves = { Increased: 0, Decreased: 0, Unchanged: 0, New: 0, "N/A": 0 } as Record<string, number>;
  for (const x of r.risks) moves[x.movementShown]++;
  b.blank();
  // On a first run the movement can only be the register's own claim: the header says whose.
  const fromRegister = !r.previous && r.risks.some((x) => x.movementSource === "published");
  // New and closed risks are found against the previous period's stored register: before one exists, neither is claimed.
  const unknown = "Not known";
  b.table(`${r.label}: movement`, [fromRegister ? `Movement this ${noun} (the register's own trend column)` : `Movement this ${noun}`, "Number of risks"], [
    ["Increased", moves.Increased], ["Decreased", moves.Decreased], ["Unchanged", moves.Unchanged], ["New", r.previous ? moves.New : unknown],
    ...(moves["N/A"] ? [[`Not known (no previous ${noun})`, moves["N/A"]]] : []), ["Closed", r.previous ? r.closed.length : unknown],
  ], { colour: [{ col: 0, by: "movement" }] });
  if (!r.previous) b.note(`New and closed risks are counted against the previous ${noun}'s stored register: none is stored yet.`);
  if (!r.risks.some((x) => x.target !== null)) return;
  b.blank();
  const count = (c: TargetCourse) => r.risks.filter((x) => x.course.course === c).length;
  b.table(`${r.label}: against target`, ["On course for target by its date?", "Number of risks"],
    TARGET_COURSES.filter((c) => count(c) || c !== "Not judged").map((c) => [c, count(c)]), { colour: [{ col: 0, by: "course", match: "starts" }] });
}

/** Under a dataset's tables: what returns still out could do to its headline, and what its commentary checks found. */
function afterTables(b: SheetBuilder, r: DatasetReport): void {
  if (r.outstanding) b.note(`${r.label}: ${outstandingPhrase(r, r.outstanding)}.`, { bold: true });
  if (r.commentary) {
    const found = r.commentary.counts.figures + r.commentary.counts.unacknowledged + r.commentary.counts.copied;
    b.note(`${commentaryCounts(r.commentary)}.${found ? " Each is on the Data issues sheet with its cell; the commentary is left as written." : ""}`, found ? { bold: true } : STYLES.note);
  }
}

export function summarySheet(report: Report, name: string, previousLabel: string, restatementsSheet = "Restatements"): SheetPlan {
  const b = new SheetBuilder("summary", name, [38, 18, 18, 14, 12, 14]);
  b.title(`Performance summary${report.periodLong ? `: ${report.periodLong}` : ""}`);
  b.note(`Generated from this workbook's data. Each table pastes into the report as it stands; status is always written as a word.`);
  // Whether these are results stored earlier, reprinted, or today's: said here, where the figures are read.
  if (report.stored) b.note(report.stored.text, { bold: report.stored.action === "reprinted" || report.stored.action === "replaced" });
  // Stored periods the workbook now gives otherwise, or replaced since first published: said before any figure.
  if (report.restated.length) b.blank();
  for (const x of report.restated) b.note(`${x.dataset}: ${x.text}; ${restatedStanding(x)}. Each difference is on the '${restatementsSheet}' sheet.`, { bold: true });
  const noun = periodNoun(report.periodKind);
  for (const r of report.datasets) {
    b.blank();
    b.subtitle(`${r.label}: ${countsLine(r)} (sheet '${r.sheet}')`);
    const qualifier = readingQualifier(r.reading);
    if (qualifier) b.note(qualifier);
    if (r.reading.confidence === "empty") continue;
    if (r.kind === "risks") {
      riskTable(b, r, noun);
      afterTables(b, r);
      continue;
    }
    if ((r.kind === "outcomes" || r.kind === "indicators") && r.items.length && trendOnly(b, r, noun)) {
      afterTables(b, r);
      continue;
    }
    standardsTable(b, r, report.period ?? "This period", previousLabel, noun);
    if ((r.kind === "outcomes" || r.kind === "indicators") && r.items.length) {
      b.blank();
      breakdownTable(b, r, noun);
    }
    afterTables(b, r);
  }
  if (report.datasets.length === 0) b.note("No datasets were recognised in this workbook.");
  return b.build();
}
