import { SheetGrid, columnLetter } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readRisks, registerScales, RiskItem, RiskScales } from "../datasets/risks";
import { RiskMatrix, RiskBand } from "../risk/matrix";
import { scoreRegister, bandCounts, closedRisks } from "../risk/register";
import { bandsFromLegend, inferBands, colourBands, BandsFound, settleBetweenLevels } from "../risk/bands";
import { heatMap } from "../risk/heatmap";
import { normaliseWord } from "../values";
import { DatasetContext } from "./context";
import { issue, Issue } from "../datasets/issues";
import { RisksReport, RiskMovement, datasetLabel } from "./types";
import { DatasetRead } from "../datasets/read";
import { targetCourse, RiskTarget } from "../risk/target";
import { judgeReading } from "./reading";
import { itemsByKey } from "../period-items";

/**
 * Default bands when a register states no levels of its own, by the size of
 * its matrix. On 5 × 5 they reproduce every published level of the sample
 * register (High ≥ 10, Medium 5–9, Low ≤ 4); on 3 × 3 the usual High–High,
 * High–Medium = High, Medium–Medium, High–Low = Medium, the rest Low.
 */
function defaultBands(maxScore: number): { name: string; minScore: number }[] {
  if (maxScore <= 9) return [{ name: "High", minScore: 6 }, { name: "Medium", minScore: 3 }, { name: "Low", minScore: 1 }];
  if (maxScore <= 16) return [{ name: "High", minScore: 8 }, { name: "Medium", minScore: 4 }, { name: "Low", minScore: 1 }];
  if (maxScore <= 25) return [{ name: "High", minScore: 10 }, { name: "Medium", minScore: 5 }, { name: "Low", minScore: 1 }];
  return [{ name: "High", minScore: Math.round(maxScore * 0.4) }, { name: "Medium", minScore: Math.round(maxScore * 0.2) }, { name: "Low", minScore: 1 }];
}

/** "High 10 and above, Medium 5–9, Low 4 and below". */
export function describeBands(bands: RiskBand[]): string {
  return bands.map((b, i) => {
    const top = i === 0 ? null : bands[i - 1].minScore - 1;
    if (top === null) return `${b.name} ${b.minScore} and above`;
    return b.minScore <= 1 ? `${b.name} ${top} and below` : `${b.name} ${b.minScore}–${top}`;
  }).join(", ");
}

interface LevelsChosen extends BandsFound {
  disagree: number[];
  /** The register's stated level stands for each risk (its scales are words, so the score only approximates its scheme). */
  stated: boolean;
  /** Stated levels written between two of the register's levels, placed at the higher. */
  between: { row: number; from: string; to: string }[];
}

/** Where a register states each risk's level, that level (in-between ones placed at the higher) beside the score it is checked against. */
function statedLevels(items: RiskItem[]): ReturnType<typeof settleBetweenLevels> {
  return settleBetweenLevels(items.filter((i) => i.publishedLevel).map((i) => ({ score: i.likelihood * i.impact, level: i.publishedLevel, row: i.row })));
}

/** Word scales (High / Medium / Low, Rare … Almost certain) with no score of the register's own: the product's score is an approximation. */
function scoredFromWords(items: RiskItem[], scales: RiskScales): boolean {
  const words = (s: RiskScales["likelihood"]) => /^its words/.test(s.source);
  return words(scales.likelihood) && words(scales.impact) && items.every((i) => i.publishedScore === null);
}

/**
 * The register's levels: a configured matrix first, then a legend or key
 * sheet, then the register's own level column; the default bands only when
 * the workbook states nothing, and the output always says which were used.
 * Where the register rates each risk itself and scores it only in words,
 * its own rating stands for each risk.
 */
function chooseBands(grids: SheetGrid[], d: DetectedDataset, items: RiskItem[], configured: DatasetContext["matrix"], scales: RiskScales): LevelsChosen {
  if (configured) return { bands: configured.matrix.bands, source: configured.source, disagree: [], stated: false, between: [] };
  const { pairs, moved } = statedLevels(items);
  const legend = bandsFromLegend(grids);
  if (legend) {
    const bandFor = (s: number) => legend.bands.find((b) => s >= b.minScore) ?? legend.bands[legend.bands.length - 1];
    const disagree = pairs.filter((p) => normaliseWord(bandFor(p.score).name) !== normaliseWord(p.level)).map((p) => p.row);
    return { ...legend, disagree, stated: false, between: moved };
  }
  const inferred = inferBands(pairs);
  if (inferred) {
    const col = d.columns[d.columns.residualLevel !== undefined && d.columns.residualLikelihood !== undefined ? "residualLevel" : "level"];
    const header = col === undefined ? "level" : d.headers[col - d.left] ?? "level";
    return { bands: inferred.bands, source: `the register's own '${header}' column`, disagree: inferred.disagree, stated: scoredFromWords(items, scales), between: moved };
  }
  const bands = colourBands(defaultBands(scales.likelihood.size * scales.impact.size));
  return { bands, source: "the default bands (the register states no levels of its own)", disagree: [], stated: false, between: moved };
}

/** "'Likelihood' T × 'Impact' U": a pair as the header row names it. */
function pairName(d: DetectedDataset, p: { likelihood: number; impact: number }): string {
  const name = (col: number) => `'${d.headers[col - d.left] ?? ""}' ${columnLetter(col)}`;
  return `${name(p.likelihood)} × ${name(p.impact)}`;
}

/** Which of a register's likelihood × impact pairs it was scored on, and what is beside it: said in the levels note. */
export function pairsNote(d: DetectedDataset): string | null {
  const found = d.riskPairs;
  if (!found) return null;
  const scored = found.pairs.find((p) => p.stage === found.scored);
  if (!scored) return null;
  const others = found.pairs.filter((p) => p !== scored).map((p) => `the ${p.stage} pair (${pairName(d, p)}${p.by === "position" ? ", by its place" : ""})`);
  return `scored on the ${scored.stage} pair (${pairName(d, scored)}${scored.by === "position" ? ", by its place" : ""})${others.length ? `, with ${others.join(" and ")} beside it` : ""}`;
}

/**
 * Score a register on its own scales and its current likelihood × impact,
 * band it by its own levels, order it by severity and compare it with last
 * period. Movement comes from a previous-score column, else from history,
 * else from the register's own direction of travel; without any of those it
 * is "N/A", not "New".
 */
export function reportRisks(ctx: DatasetContext): { report: RisksReport; issues: Issue[]; notes: string[]; read: DatasetRead<unknown> } {
  const { grids, grid, detected: d, id, settings, previous, asAt } = ctx;
  const configured = ctx.matrix?.matrix ?? null;
  const scales = registerScales(grid, d, configured);
  const read = readRisks(grid, d, scales);
  const issues = [...read.issues];
  const notes: string[] = [];
  const levels = chooseBands(grids, d, read.items, ctx.matrix, scales);
  const m: RiskMatrix = { likelihoodLabels: scales.likelihood.labels, impactLabels: scales.impact.labels, bands: levels.bands };
  const where = `'${grid.name}'`;
  // Said briefly: which levels, which scales only where they are not the usual 1–5, and which pair where there are several.
  const scaleNote = (axis: "likelihood" | "impact") => (scales[axis].size === 5 && /default/.test(scales[axis].source) ? null : `${axis} ${scales[axis].size}-point (${scales[axis].labels.join(", ")})`);
  const scalesSaid = [scaleNote("likelihood"), scaleNote("impact"), pairsNote(d)].filter(Boolean).join("; ");
  const statedSaid = levels.stated ? "; each risk keeps the level the register gives it, as its likelihood and impact are words" : "";
  notes.push(`Risk register ${where}: levels from ${levels.source}: ${describeBands(levels.bands)}${statedSaid}${scalesSaid ? `; ${scalesSaid}` : ""}.`);
  const levelCol = d.columns[d.columns.residualLevel !== undefined && d.columns.residualLikelihood !== undefined ? "residualLevel" : "level"] ?? d.left;
  if (levels.disagree.length) {
    const rows = levels.disagree.map((r) => r + 1);
    const kept = levels.stated ? "The register's own levels are kept, as its likelihood and impact are words whose product only approximates its scheme" : "The levels shown are the ones the scores give";
    issues.push(issue(d.sheet, levels.disagree[0], levelCol, "warning", "risk.level-mismatch",
      `${rows.length} risk${rows.length === 1 ? "'s" : "s'"} published level differs from its score under these levels (${describeBands(levels.bands)}): row${rows.length === 1 ? "" : "s"} ${rows.slice(0, 20).join(", ")}${rows.length > 20 ? "…" : ""}. ${kept}`));
  }
  if (levels.between.length) {
    const words = [...new Map(levels.between.map((b) => [b.from, b.to]))].map(([from, to]) => `'${from}' as ${to}`).join(", ");
    issues.push(issue(d.sheet, levels.between[0].row, levelCol, "warning", "risk.level.between",
      `${levels.between.length} stated level${levels.between.length === 1 ? " lies" : "s lie"} between two of the register's own levels (rows ${levels.between.map((b) => b.row + 1).slice(0, 20).join(", ")}): `
      + `each is taken at the higher (${words}), so no risk is understated`));
  }
  if (read.continuationRows.length) {
    issues.push(issue(d.sheet, read.continuationRows[0], d.left, "warning", "rows.continuation",
      `${read.continuationRows.length} rows continue the risk above them (its cells are merged down over them): each such group was read as one risk`));
  }
  const stated = new Map(statedLevels(read.items).pairs.map((p) => [p.row, p.level]));
  const bandNamed = (level: string | undefined) => (level === undefined ? null : levels.bands.find((b) => normaliseWord(b.name) === normaliseWord(level))?.name ?? null);
  const before = previous ? itemsByKey(previous.items) : null;
  const scored = scoreRegister(read.items.map((item) => ({
    key: item.key,
    title: item.title,
    likelihood: item.likelihood,
    impact: item.impact,
    previousScore: item.previousScore ?? before?.get(item.key)?.score ?? null,
    appetite: item.appetite,
    targetScore: item.targetScore,
    statedBand: levels.stated ? bandNamed(stated.get(item.row)) : null,
  })), m);
  const risks = scored.map((r) => {
    const item = read.items[r.inputIndex];
    let movementShown: RiskMovement = r.movement;
    let movementSource: RisksReport["risks"][number]["movementSource"] = item.previousScore !== null ? "score" : "history";
    if (r.previousScore === null || r.previousScore === undefined) {
      const published = item.publishedMovement;
      if (published) [movementShown, movementSource] = [published, "published"];
      else if (previous) [movementShown, movementSource] = ["New", "history"];
      else [movementShown, movementSource] = ["N/A", "none"];
    }
    // Appetite is judged on the risk after mitigation where the register gives it.
    const judged = item.residual.score ?? r.score;
    const exceedsAppetite = item.publishedExceeds ?? (item.appetite !== null ? judged > item.appetite : null);
    const target: RiskTarget | null = item.targetScore !== null ? { score: item.targetScore, band: null }
      : item.targetText ? { score: null, band: item.targetText } : null;
    const course = targetCourse({
      score: r.score, band: r.band, target, targetDate: item.targetDate, targetDateText: item.targetDateText, movement: movementShown, movementFromRegister: movementSource === "published",
      previousScore: r.previousScore ?? null, asAt, bands: m.bands.map((b) => b.name),
    });
    return { ...r, exceedsAppetite, item, movementShown, movementSource, target, course };
  });
  const previousCells = previous
    ? previous.items.values.filter((i) => i.likelihood && i.impact).map((i) => ({ likelihood: i.likelihood as number, impact: i.impact as number }))
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
    rowsSetAside: read.setAside.length,
    statusCounts: counts,
    notRatedWords: {},
    standardConfig: null,
    standard: null,
    previous,
    headlineTrend: "N/A",
    risks,
    bandCounts: counts,
    heatMap: heatMap(scored, m),
    previousHeatMap: previousCells.length ? heatMap(previousCells, m) : null,
    closed: previous ? closedRisks(previous.items.keys, scored) : [],
    closedNow: read.closed.map((c) => ({ key: c.key, title: c.title, row: c.row })),
    setAside: read.setAside,
    levelMismatches: levels.disagree.length,
    matrix: m,
    levelsSource: levels.source,
    ...(levels.sheet ? { levelsSheet: levels.sheet } : {}),
    reading: judgeReading(d, read),
  };
  return { report, issues, notes, read };
}

/** Risks grouped by how they moved since the previous period's stored results, each by its reference. */
export interface RiskMoves {
  /** The period compared with, as stored ("Q4 2020/21"). */
  since: string;
  risen: string[];
  fallen: string[];
  unchanged: string[];
  added: string[];
  closed: string[];
}

/**
 * How the register moved since last quarter, as the register sheet and the
 * commentary state it (score against last quarter's). Null on a first run:
 * with no stored quarter, nothing is claimed to have moved.
 */
export function movedSince(r: RisksReport): RiskMoves | null {
  if (!r.previous) return null;
  const ref = (x: RisksReport["risks"][number]) => x.item.code || (x.title || x.key).trim().replace(/\.$/, "");
  const where = (m: RiskMovement) => r.risks.filter((x) => x.movementShown === m).map(ref);
  return { since: r.previous.period, risen: where("Increased"), fallen: where("Decreased"), unchanged: where("Unchanged"), added: where("New"), closed: [...r.closed] };
}
