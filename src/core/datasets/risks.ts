import { SheetGrid, cellRef } from "../grid";
import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { parseMeasure, truncate } from "../numbers";
import { RiskMatrix } from "../risk/matrix";
import { Scale, inferScale, readLevel } from "../risk/scale";
import { readMovement } from "../risk/movement";
import { Movement } from "../risk/register";
import { DetectedDataset } from "../detect/find-datasets";
import { Role } from "../detect/roles";
import { cellOf, scanRows, ScannedRow } from "./rows";
import { isScaleWord } from "../detect/profile";
import { issue, issueAt } from "./issues";
import { CalendarDate, parseUkDate } from "../dates";
import { parsePeriod, periodEnd } from "../periods";
import { DatasetRead, KeyMaker, emptyRead, dataRows } from "./read";

export interface RiskItem {
  row: number;
  key: string;
  code: string;
  title: string;
  likelihood: number;
  impact: number;
  /** What the register itself says, kept to check against the matrix. */
  publishedLevel: string;
  publishedScore: number | null;
  publishedTrend: string;
  /** The register's own direction of travel, read from its words or arrows; null where it gives none or one not known. */
  publishedMovement: Movement | null;
  previousScore: number | null;
  appetite: number | null;
  appetiteText: string;
  /** The register's own "within / exceeds appetite", when it says. */
  publishedExceeds: boolean | null;
  /** The score the owner means to bring the risk down to: written, or target likelihood × impact. */
  targetScore: number | null;
  /** A target written as a level ("Medium") rather than a score: matched against the register's levels when it is reported. */
  targetText: string;
  /** When the risk should reach its target; null when none is given or it is not a date (then a data issue). */
  targetDate: CalendarDate | null;
  /** The target date as written, to say what could not be read. */
  targetDateText: string;
  /** After mitigation, where the register gives it and it is not the scored pair (a residual score beside an inherent pair). */
  residual: { likelihood: number | null; impact: number | null; score: number | null; level: string };
  /** The scored likelihood and impact cells as written ("3 - High", 4), so a level collected from a return is written back the same way. */
  written: { likelihood: CellValue | undefined; impact: CellValue | undefined };
  /** Before mitigation, where the register scores the current (residual) pair and gives this one beside it. */
  inherent: { likelihood: number | null; impact: number | null; score: number | null; level: string } | null;
  group: string;
}

/** Lifecycle words that take a risk out of the live register. */
const CLOSED = /^(closed|close|archived|retired|inactive|withdrawn|terminated|resolved|no longer a risk|expired|superseded|complete|completed)$/;
/** A RAID log's Risk rows, as distinct from issues, assumptions, dependencies, decisions. */
const RISK_TYPE = /^(risk|risks|r|threat|opportunity)$/;

export interface RiskScales {
  likelihood: Scale;
  impact: Scale;
}

function columnValues(grid: SheetGrid, d: DetectedDataset, role: Role): CellValue[] {
  const col = d.columns[role];
  if (col === undefined) return [];
  return scanRows(grid, d).filter((r) => r.kind === "data").map((r) => r.cells[col - d.left]);
}

/** The scales this register's likelihood and impact use (a configured matrix wins): every pair it gives is on the same scales. */
export function registerScales(grid: SheetGrid, d: DetectedDataset, configured: RiskMatrix | null): RiskScales {
  if (configured) {
    return {
      likelihood: { size: configured.likelihoodLabels.length, labels: configured.likelihoodLabels, source: "the risk matrix in Settings" },
      impact: { size: configured.impactLabels.length, labels: configured.impactLabels, source: "the risk matrix in Settings" },
    };
  }
  const primary = primaryAxes(d);
  const axis = (i: 0 | 1, roles: Role[]) => {
    const col = d.columns[primary[i]];
    const header = col === undefined ? "" : d.headers[col - d.left] ?? "";
    return inferScale(header, roles.flatMap((role) => columnValues(grid, d, role)), i === 0 ? "likelihood" : "impact");
  };
  return {
    likelihood: axis(0, ["likelihood", "residualLikelihood", "targetLikelihood"]),
    impact: axis(1, ["impact", "residualImpact", "targetImpact"]),
  };
}

/**
 * Which likelihood and impact the register is scored on: the current pair.
 * Where it gives both a plain and a residual pair, the plain one is the
 * pair before mitigation (detection puts an inherent pair there, and a
 * register that calls one pair residual gives the other as it was before),
 * so the residual pair is scored and the other read beside it.
 */
export function primaryAxes(d: DetectedDataset): readonly ["likelihood", "impact"] | readonly ["residualLikelihood", "residualImpact"] {
  const residual = d.columns.residualLikelihood !== undefined && d.columns.residualImpact !== undefined;
  return residual ? (["residualLikelihood", "residualImpact"] as const) : (["likelihood", "impact"] as const);
}

/** The score and level columns that go with the scored pair. */
function primaryValues(d: DetectedDataset): { score: Role; level: Role } {
  return primaryAxes(d)[0] === "likelihood" ? { score: "score", level: "level" } : { score: "residualScore", level: "residualLevel" };
}

/** Before 01/01/2000: a plain number this small in a target date column is a year or a score, not a date. */
const FIRST_PLAUSIBLE_SERIAL = 36526;

/**
 * When a risk should reach its target: a date, or a month or quarter as
 * registers often write it ("March 2022", "Q4 2021/22"), taken as its last
 * day. Anything else is a data issue with its cell, never a guess.
 */
function readTargetDate(d: DetectedDataset, r: ScannedRow, read: DatasetRead<RiskItem>, col: number): CalendarDate | null {
  const cell = cellOf(d, r, "targetDate");
  if (typeof cell === "number" && cell < FIRST_PLAUSIBLE_SERIAL) {
    read.issues.push(issue(d.sheet, r.row, col, "error", "date.invalid",
      `Target date '${cell}' in ${cellRef(d.sheet, r.row, col)} is a number, not a date: write the date as dd/mm/yyyy`));
    return null;
  }
  const parsed = parseUkDate(cell);
  if (parsed.ok) return parsed.value;
  const period = typeof cell === "string" ? parsePeriod(cell) : null;
  if (period?.ok && period.value) return periodEnd(period.value);
  read.issues.push(issueAt(d.sheet, r.row, col, "Target date", parsed.problem));
  return null;
}

/**
 * A risk's target: its score (written, else target likelihood × target
 * impact on the register's scales), a level word where that is all it gives,
 * and the date to reach it. A target score or date that cannot be read is a
 * data issue with its cell, never a guess.
 */
function readTarget(
  d: DetectedDataset, r: ScannedRow, read: DatasetRead<RiskItem>, level: (r: ScannedRow, role: Role, axis: "likelihood" | "impact") => number | null,
): { score: number | null; text: string; date: CalendarDate | null; dateText: string } {
  let score: number | null = null;
  let text = "";
  const cell = cellOf(d, r, "targetScore");
  if (d.columns.targetScore !== undefined && !isBlank(cell)) {
    const m = parseMeasure(cell);
    if (m.ok && m.value) score = m.value.value;
    else if (isScaleWord(cellText(cell))) text = cellText(cell);
    else {
      read.issues.push(issue(d.sheet, r.row, d.columns.targetScore, "warning", "risk.target.unknown",
        `Target score '${truncate(cellText(cell))}' in ${cellRef(d.sheet, r.row, d.columns.targetScore)} is not a number or a level: the risk is reported with no target`));
    }
  }
  if (score === null && !text) {
    const l = level(r, "targetLikelihood", "likelihood");
    const i = level(r, "targetImpact", "impact");
    if (l !== null && i !== null) score = l * i;
  }
  let date: CalendarDate | null = null;
  if (d.columns.targetDate !== undefined) date = readTargetDate(d, r, read, d.columns.targetDate);
  return { score, text, date, dateText: truncate(cellText(cellOf(d, r, "targetDate"))) };
}

/**
 * Read a risk register. Closed risks and a RAID log's non-risk rows are set
 * aside and listed; a live risk without a readable likelihood and impact
 * cannot be scored and is flagged with its cell. Nothing is dropped silently.
 */
export function readRisks(grid: SheetGrid, d: DetectedDataset, scales: RiskScales): DatasetRead<RiskItem> & { closed: RiskItem[] } {
  const read = { ...emptyRead<RiskItem>(d), closed: [] as RiskItem[] };
  const keys = new KeyMaker();
  const primary = primaryAxes(d);
  const values = primaryValues(d);
  const scoredOnResidual = primary[0] === "residualLikelihood";
  const notRisks = new Map<string, number[]>();
  const between = new BetweenLevels(d);
  const unknownTrends = new Map<string, number[]>();
  const level = (r: ScannedRow, role: Role, axis: "likelihood" | "impact") => {
    const got = readLevel(cellOf(d, r, role), scales[axis]);
    if (got?.between) between.add(role, axis, r.row, cellText(cellOf(d, r, role)), got.level, scales[axis]);
    return got?.level ?? null;
  };
  for (const r of dataRows(grid, d, read)) {
    const type = cellText(cellOf(d, r, "itemType"));
    if (d.columns.itemType !== undefined && type && !RISK_TYPE.test(normaliseWord(type))) {
      notRisks.set(type, [...(notRisks.get(type) ?? []), r.row]);
      read.setAside.push({ row: r.row, reason: `${type}, not a risk` });
      continue;
    }
    const title = cellText(cellOf(d, r, "title"));
    const code = cellText(cellOf(d, r, "code"));
    const levels: Record<"likelihood" | "impact", number | null> = { likelihood: null, impact: null };
    let ok = true;
    for (const [i, axis] of (["likelihood", "impact"] as const).entries()) {
      const role = primary[i];
      const cell = cellOf(d, r, role);
      const col = d.columns[role] as number;
      const label = axis === "likelihood" ? "Likelihood" : "Impact";
      const scale = scales[axis];
      const got = level(r, role, axis);
      if (got !== null) {
        levels[axis] = got;
        continue;
      }
      ok = false;
      read.issues.push(isBlank(cell)
        ? issue(d.sheet, r.row, col, "error", `risk.${axis}.missing`, `${label} is missing in ${cellRef(d.sheet, r.row, col)}: the risk cannot be scored`)
        : issue(d.sheet, r.row, col, "error", `risk.${axis}.unknown`,
          `${label} '${truncate(cellText(cell))}' in ${cellRef(d.sheet, r.row, col)} is not on the register's ${scale.size}-point scale (${scale.labels.join(", ")}): the risk cannot be scored`));
    }
    const num = (role: Role): number | null => {
      const cell = cellOf(d, r, role);
      if (cell === undefined || isBlank(cell)) return null;
      const parsed = parseMeasure(cell);
      return parsed.ok ? parsed.value?.value ?? null : null;
    };
    const exceedsText = normaliseWord(cellText(cellOf(d, r, "appetiteStatus")));
    const target = readTarget(d, r, read, level);
    const trend = cellText(cellOf(d, r, "trend"));
    const movement = trend ? readMovement(trend) : "none";
    if (movement === null) unknownTrends.set(trend, [...(unknownTrends.get(trend) ?? []), r.row]);
    const item: RiskItem = {
      row: r.row,
      key: keys.make(code || title),
      code,
      title,
      likelihood: levels.likelihood ?? 0,
      impact: levels.impact ?? 0,
      written: { likelihood: cellOf(d, r, primary[0]), impact: cellOf(d, r, primary[1]) },
      publishedLevel: cellText(cellOf(d, r, values.level)),
      publishedScore: num(values.score),
      publishedTrend: trend,
      publishedMovement: movement === "none" ? null : movement,
      previousScore: num("previousScore"),
      appetite: num("appetite"),
      appetiteText: cellText(cellOf(d, r, "appetite")),
      publishedExceeds: /\b(exceeds?|above|outside|over|breach)/.test(exceedsText) ? true : /\b(within|below|inside|under|meets)\b/.test(exceedsText) ? false : null,
      targetScore: target.score,
      targetText: target.text,
      targetDate: target.date,
      targetDateText: target.dateText,
      // Beside the scored pair: a residual score and level where the register scores the plain pair, never the scored pair again.
      residual: scoredOnResidual ? { likelihood: null, impact: null, score: null, level: "" } : {
        likelihood: level(r, "residualLikelihood", "likelihood"),
        impact: level(r, "residualImpact", "impact"),
        score: num("residualScore"),
        level: cellText(cellOf(d, r, "residualLevel")),
      },
      inherent: scoredOnResidual && d.columns.likelihood !== undefined
        ? { likelihood: level(r, "likelihood", "likelihood"), impact: level(r, "impact", "impact"), score: num("score"), level: cellText(cellOf(d, r, "level")) }
        : null,
      group: cellText(cellOf(d, r, "group")) || r.heading || "",
    };
    if (item.residual.score === null && item.residual.likelihood && item.residual.impact) item.residual.score = item.residual.likelihood * item.residual.impact;
    if (item.inherent && item.inherent.score === null && item.inherent.likelihood && item.inherent.impact) item.inherent.score = item.inherent.likelihood * item.inherent.impact;
    const state = normaliseWord(cellText(cellOf(d, r, "lifecycle")));
    if (state && CLOSED.test(state)) {
      read.closed.push(item);
      read.setAside.push({ row: r.row, reason: "closed" });
      continue;
    }
    if (!ok) {
      read.rowsFlagged++;
      continue;
    }
    read.items.push(item);
  }
  for (const [type, rows] of notRisks) {
    read.issues.push(issue(d.sheet, rows[0], d.columns.itemType as number, "warning", "risk.not-a-risk",
      `${rows.length} row${rows.length === 1 ? " is" : "s are"} of type '${type}' (row${rows.length === 1 ? "" : "s"} ${rows.map((x) => x + 1).join(", ")}): only Risk rows go into the risk register`));
  }
  read.issues.push(...between.issues(), ...trendIssues(d, unknownTrends));
  const varied = variedWithinMerges(grid, d, read.continuationRows, [...read.items, ...read.closed].map((i) => i.row), primary);
  if (varied.length) {
    read.doubts.push(`${varied.length} risk${varied.length === 1 ? " has rows merged under it" : "s have rows merged under them"} that give another ${primary[0] === "likelihood" ? "" : "current "}likelihood or impact `
      + `(rows ${varied.slice(0, 6).map((r) => r + 1).join(", ")}${varied.length > 6 ? "…" : ""}): each risk is scored on its first row`);
  }
  read.rowsCalculated = read.items.length;
  return read;
}

/**
 * Risks whose merged-down rows (one risk over several control rows) give
 * their own likelihood or impact: the risk is read from its first row, so
 * which row is meant is in doubt. Returns the risks' first rows.
 */
function variedWithinMerges(grid: SheetGrid, d: DetectedDataset, continuation: number[], itemRows: number[], axes: readonly Role[]): number[] {
  const starts = itemRows.slice().sort((a, b) => a - b);
  const out = new Set<number>();
  for (const row of continuation) {
    const owner = starts.filter((s) => s < row).pop();
    if (owner === undefined) continue;
    for (const role of axes) {
      const col = d.columns[role] as number;
      const [a, b] = [grid.rows[owner]?.[col], grid.rows[row]?.[col]];
      if (!isBlank(b) && normaliseWord(cellText(a)) !== normaliseWord(cellText(b))) out.add(owner);
    }
  }
  return [...out];
}

/** Cells listed in a message: the first few, then how many more. */
function cellList(d: DetectedDataset, col: number, rows: number[]): string {
  const shown = rows.slice(0, 8).map((r) => cellRef(d.sheet, r, col).replace(/^.*!/, "")).join(", ");
  return rows.length > 8 ? `${shown} and ${rows.length - 8} more` : shown;
}

/** One warning per direction-of-travel word the product does not read, with its cells. */
function trendIssues(d: DetectedDataset, unknown: Map<string, number[]>): ReturnType<typeof issue>[] {
  const col = d.columns.trend;
  if (col === undefined) return [];
  const header = d.headers[col - d.left] || "trend";
  return [...unknown].map(([word, rows]) => issue(d.sheet, rows[0], col, "warning", "risk.trend.unknown",
    `'${truncate(word)}' (${rows.length} row${rows.length === 1 ? "" : "s"}) in the '${header}' column is not a direction of travel the product reads (${cellList(d, col, rows)}): `
    + "it is not used as the risk's movement; write Increasing, Decreasing, Stable or New, or an arrow (↑ ↓ →)"));
}

/**
 * Levels written between two of a scale's levels ("M to H", "Medium-High"),
 * per column: each is placed at the higher level and one warning per
 * column names the cells, so the scale keeps its own points.
 */
class BetweenLevels {
  private readonly found = new Map<Role, { axis: "likelihood" | "impact"; scale: Scale; words: Map<string, string>; rows: number[] }>();

  constructor(private readonly d: DetectedDataset) {}

  add(role: Role, axis: "likelihood" | "impact", row: number, text: string, level: number, scale: Scale): void {
    const entry = this.found.get(role) ?? { axis, scale, words: new Map<string, string>(), rows: [] };
    entry.words.set(text, scale.labels[level - 1]);
    if (!entry.rows.includes(row)) entry.rows.push(row);
    this.found.set(role, entry);
  }

  issues(): ReturnType<typeof issue>[] {
    return [...this.found].map(([role, e]) => {
      const col = this.d.columns[role] as number;
      const header = this.d.headers[col - this.d.left] || e.axis;
      const words = [...e.words].map(([w, at]) => `'${truncate(w)}' as ${at}`).join(", ");
      return issue(this.d.sheet, e.rows[0], col, "warning", "risk.level.between",
        `${e.rows.length} ${e.axis} level${e.rows.length === 1 ? " lies" : "s lie"} between two points of the register's ${e.scale.size}-point scale (${e.scale.labels.join(", ")}) `
        + `in '${header}' (${cellList(this.d, col, e.rows)}): each is scored at the higher point (${words}), so no risk is understated; write a single level to score it exactly`);
    });
  }
}
