import { Report, DatasetReport, IndicatorsReport, RisksReport } from "../../report/types";
import { formatShare, formatPercent } from "../../standards/fraction";
import { Status, STATUSES } from "../../status";
import { notRatedPhrase } from "../../report/not-rated";
import { shortPeriodLabel } from "../../periods";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

const KIND_NAMES: Record<DatasetReport["kind"], string> = {
  outcomes: "Outcomes", indicators: "Indicators", priorities: "Priorities", actions: "Actions", risks: "Risks",
};

/** The statuses a dataset's table lists: the counted ones first, then any other that occurs. */
function statusRows(r: DatasetReport): Status[] {
  const rows: Status[] = ["Green", "Amber", "Red"];
  if (r.standardConfig?.counts.includes("Complete") || (r.statusCounts.Complete ?? 0) > 0) rows.push("Complete");
  return [...rows, ...STATUSES.filter((s) => !rows.includes(s) && (r.statusCounts[s] ?? 0) > 0)];
}

function previousShare(r: DatasetReport, status: Status): string {
  const prev = r.previous;
  if (!prev) return "N/A";
  const base = prev.summary.base || Object.values(prev.summary.statusCounts).reduce((a, b) => a + b, 0);
  return formatShare(prev.summary.statusCounts[status] ?? 0, base);
}

/** The standards table as the report prints it: one row per status, the standard on its headline row. */
function standardsTable(b: SheetBuilder, r: DatasetReport, period: string, previousLabel: string): void {
  const base = r.standard?.base ?? Object.values(r.statusCounts).reduce((a, x) => a + x, 0);
  const rows: PlanValue[][] = [];
  const counted = r.standardConfig?.counts ?? [];
  if (r.standard && counted.length > 1) {
    // "GREEN/COMPLETE  91% / 4.5%": the combined headline, as the workplan table shows it.
    rows.push([
      `${counted.map((s) => s.toUpperCase()).join("/")}`,
      `${r.standard.shares} (${r.standard.counted}/${r.standard.base})`,
      r.previous && r.previous.summary.percent !== null ? formatPercent(r.previous.summary.percent) : "N/A",
      `${r.standard.expected}%`,
      r.standard.achieved ? "Yes" : "No",
      r.headlineTrend,
    ]);
  }
  for (const s of statusRows(r)) {
    if (counted.length > 1 && counted.includes(s)) continue;
    const isHeadline = r.standard && counted.length === 1 && counted[0] === s;
    rows.push([
      `Number (%) ${s.toUpperCase()}`,
      formatShare(r.statusCounts[s] ?? 0, base),
      previousShare(r, s),
      isHeadline ? `${r.standard!.expected}%` : "N/A",
      isHeadline ? (r.standard!.achieved ? "Yes" : "No") : "N/A",
      isHeadline ? r.headlineTrend : "N/A",
    ]);
  }
  b.table(`${r.label}: standard`, [r.label, shortPeriodLabel(period), shortPeriodLabel(previousLabel), "Expected standard", "Standard achieved", "Trend"], rows, {
    colour: [{ col: 0, by: "status", match: "contains" }, { col: 4, by: "yesno" }, { col: 5, by: "trend" }],
  });
  const unrated = notRatedPhrase(r);
  if (unrated) b.note(`${r.label}: ${unrated}. Rows not rated stay in every count; no standard is achieved until they are rated.`);
}

function breakdownTable(b: SheetBuilder, r: IndicatorsReport): void {
  const rows = r.breakdown.map((row) => [`Of ${row.status.toUpperCase()}`, ...row.cells.map((c) => c.text)]);
  b.table(`${r.label}: status by trend`, ["Trend", ...r.breakdown[0].cells.map((c) => c.trend)], rows, { colour: [{ col: 0, by: "status", match: "contains" }] });
}

function riskTable(b: SheetBuilder, r: RisksReport): void {
  const total = r.risks.length;
  const prevCounts = r.previous?.summary.statusCounts;
  const rows: PlanValue[][] = Object.entries(r.bandCounts).map(([band, n]) => [band, n, prevCounts ? prevCounts[band] ?? 0 : "N/A"]);
  rows.push(["Total", total, prevCounts ? Object.values(prevCounts).reduce((a, x) => a + x, 0) : "N/A"]);
  b.table(`${r.label}: risk levels`, ["Risk level", "Number of risks", "Previous quarter"], rows, { colour: [{ col: 0, by: "band" }] });
  const moves = { Increased: 0, Decreased: 0, Unchanged: 0, New: 0, "N/A": 0 } as Record<string, number>;
  for (const x of r.risks) moves[x.movementShown]++;
  b.blank();
  b.table(`${r.label}: movement`, ["Movement this quarter", "Number of risks"], [
    ["Increased", moves.Increased], ["Decreased", moves.Decreased], ["Unchanged", moves.Unchanged], ["New", moves.New],
    ...(moves["N/A"] ? [["Not known (no previous quarter)", moves["N/A"]]] : []), ["Closed", r.closed.length],
  ], { colour: [{ col: 0, by: "movement" }] });
}

export function summarySheet(report: Report, name: string, previousLabel: string): SheetPlan {
  const b = new SheetBuilder("summary", name, [38, 18, 18, 14, 12, 14]);
  b.title(`Performance summary${report.periodLong ? `: ${report.periodLong}` : ""}`);
  b.note(`Generated from this workbook's data. Each table pastes into the report as it stands; status is always written as a word.`);
  for (const r of report.datasets) {
    b.blank();
    b.subtitle(`${r.label} (${KIND_NAMES[r.kind].toLowerCase()}, sheet '${r.sheet}')`);
    if (r.kind === "risks") {
      riskTable(b, r);
      continue;
    }
    standardsTable(b, r, report.period ?? "This period", previousLabel);
    if ((r.kind === "outcomes" || r.kind === "indicators") && r.items.length) {
      b.blank();
      breakdownTable(b, r);
    }
  }
  if (report.datasets.length === 0) b.note("No datasets were recognised in this workbook.");
  return b.build();
}
