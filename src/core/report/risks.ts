import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readRisks } from "../datasets/risks";
import { RiskMatrix, DEFAULT_MATRIX } from "../risk/matrix";
import { scoreRegister, bandCounts, closedRisks, Movement } from "../risk/register";
import { heatMap } from "../risk/heatmap";
import { normaliseWord } from "../values";
import { DatasetSettings, PeriodRecord } from "../settings";
import { issue, Issue } from "../datasets/issues";
import { RisksReport, RiskMovement, datasetLabel } from "./types";
import { DatasetRead } from "../datasets/read";

/** Words and arrows registers use for a risk's movement. */
function publishedMovement(text: string): Movement | null {
  const t = normaliseWord(text);
  if (/^(increased?|up|higher|worse|worsening|\u2191)$/.test(t)) return "Increased";
  if (/^(decreased?|reduced?|down|lower|better|improving|\u2193)$/.test(t)) return "Decreased";
  if (/^(unchanged|no change|same|static|stable|\u2194)$/.test(t)) return "Unchanged";
  if (/^new$/.test(t)) return "New";
  return null;
}

/**
 * Score a register, order it by severity and compare it with last period.
 * Movement comes from a previous-score column, else from history, else from
 * the register's own trend column; without any of those it is "N/A", not "New".
 */
export function reportRisks(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, matrix: RiskMatrix | null, previous: PeriodRecord | null,
): { report: RisksReport; issues: Issue[]; read: DatasetRead<unknown> } {
  const m = matrix ?? DEFAULT_MATRIX;
  const read = readRisks(grid, d, m);
  const issues = [...read.issues];
  const scored = scoreRegister(read.items.map((item) => ({
    key: item.key,
    title: item.title,
    likelihood: item.likelihood,
    impact: item.impact,
    previousScore: item.previousScore ?? previous?.items[item.key]?.score ?? null,
    appetite: item.appetite,
    targetScore: item.targetScore,
  })), m);
  let levelMismatches = 0;
  const risks = scored.map((r) => {
    const item = read.items[r.inputIndex];
    let movementShown: RiskMovement = r.movement;
    let movementSource: RisksReport["risks"][number]["movementSource"] = item.previousScore !== null ? "score" : "history";
    if (r.previousScore === null || r.previousScore === undefined) {
      const published = publishedMovement(item.publishedTrend);
      if (published) [movementShown, movementSource] = [published, "published"];
      else if (previous) [movementShown, movementSource] = ["New", "history"];
      else [movementShown, movementSource] = ["N/A", "none"];
    }
    if (item.publishedLevel && normaliseWord(item.publishedLevel) !== normaliseWord(r.band)) {
      levelMismatches++;
      issues.push(issue(d.sheet, item.row, d.columns.level as number, "warning", "risk.level-mismatch",
        `Risk level '${item.publishedLevel}' for '${r.title.slice(0, 50)}' differs from the matrix: ${m.likelihoodLabels[r.likelihood - 1]} × ${m.impactLabels[r.impact - 1]} scores ${r.score}, which is ${r.band}`));
    }
    return { ...r, item, movementShown, movementSource };
  });
  const previousCells = previous
    ? Object.values(previous.items).filter((i) => i.likelihood && i.impact).map((i) => ({ likelihood: i.likelihood as number, impact: i.impact as number }))
    : [];
  const counts = bandCounts(scored, m);
  const report: RisksReport = {
    id,
    label: datasetLabel(grid, d, settings),
    sheet: grid.name,
    kind: "risks",
    detected: d,
    rowsIn: read.rowsIn,
    rowsCalculated: read.rowsCalculated,
    rowsFlagged: read.rowsFlagged,
    statusCounts: counts,
    standardConfig: null,
    standard: null,
    previous,
    headlineTrend: "N/A",
    risks,
    bandCounts: counts,
    heatMap: heatMap(scored, m),
    previousHeatMap: previousCells.length ? heatMap(previousCells, m) : null,
    closed: previous ? closedRisks(Object.keys(previous.items), scored) : [],
    levelMismatches,
  };
  return { report, issues, read };
}
