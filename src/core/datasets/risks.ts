import { SheetGrid, cellRef } from "../grid";
import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { parseMeasure, truncate } from "../numbers";
import { RiskMatrix } from "../risk/matrix";
import { Scale, levelOnScale, inferScale } from "../risk/scale";
import { DetectedDataset } from "../detect/find-datasets";
import { Role, headerWords } from "../detect/roles";
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
  /** After mitigation, where the register gives it (and it is not already the scored pair). */
  residual: { likelihood: number | null; impact: number | null; score: number | null; level: string };
  /** Before mitigation, where the register scores the current (residual) pair and gives this one beside it. */
  inherent: { likelihood: number | null; impact: number | null } | null;
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

/** The scales this register's likelihood and impact use (a configured matrix wins). */
export function registerScales(grid: SheetGrid, d: DetectedDataset, configured: RiskMatrix | null): RiskScales {
  if (configured) {
    return {
      likelihood: { size: configured.likelihoodLabels.length, labels: configured.likelihoodLabels, source: "the risk matrix in Settings" },
      impact: { size: configured.impactLabels.length, labels: configured.impactLabels, source: "the risk matrix in Settings" },
    };
  }
  const axis = (role: "likelihood" | "impact", residual: "residualLikelihood" | "residualImpact") => {
    const col = d.columns[role] ?? d.columns[residual];
    const header = col === undefined ? "" : d.headers[col - d.left] ?? "";
    return inferScale(header, [...columnValues(grid, d, role), ...columnValues(grid, d, residual)], role);
  };
  return { likelihood: axis("likelihood", "residualLikelihood"), impact: axis("impact", "residualImpact") };
}

/**
 * Which likelihood and impact the register is scored on: the current
 * (residual) pair where the register gives both it and an explicitly
 * inherent pair, as strategic registers report current exposure; otherwise
 * the plain pair. The other pair is read beside it.
 */
function primaryAxes(d: DetectedDataset): readonly ["likelihood", "impact"] | readonly ["residualLikelihood", "residualImpact"] {
  const plain = d.columns.likelihood !== undefined && d.columns.impact !== undefined;
  const residual = d.columns.residualLikelihood !== undefined && d.columns.residualImpact !== undefined;
  if (!plain) return ["residualLikelihood", "residualImpact"] as const;
  const inherent = (["likelihood", "impact"] as const).every((role) => {
    const at = (d.columns[role] as number) - d.left;
    return headerWords(d.headers[at] ?? "", d.headerContext?.[at] ?? "").inherent;
  });
  return residual && inherent ? (["residualLikelihood", "residualImpact"] as const) : (["likelihood", "impact"] as const);
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
function readTarget(d: DetectedDataset, r: ScannedRow, read: DatasetRead<RiskItem>, scales: RiskScales): { score: number | null; text: string; date: CalendarDate | null; dateText: string } {
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
    const l = levelOnScale(cellOf(d, r, "targetLikelihood"), scales.likelihood);
    const i = levelOnScale(cellOf(d, r, "targetImpact"), scales.impact);
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
  const notRisks = new Map<string, number[]>();
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
      const level = levelOnScale(cell, scale);
      if (level !== null) {
        levels[axis] = level;
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
    const target = readTarget(d, r, read, scales);
    const item: RiskItem = {
      row: r.row,
      key: keys.make(code || title),
      code,
      title,
      likelihood: levels.likelihood ?? 0,
      impact: levels.impact ?? 0,
      publishedLevel: cellText(cellOf(d, r, "level")),
      publishedScore: num("score"),
      publishedTrend: cellText(cellOf(d, r, "trend")),
      previousScore: num("previousScore"),
      appetite: num("appetite"),
      appetiteText: cellText(cellOf(d, r, "appetite")),
      publishedExceeds: /\b(exceeds?|above|outside|over|breach)/.test(exceedsText) ? true : /\b(within|below|inside|under|meets)\b/.test(exceedsText) ? false : null,
      targetScore: target.score,
      targetText: target.text,
      targetDate: target.date,
      targetDateText: target.dateText,
      residual: {
        likelihood: primary[0] === "likelihood" ? levelOnScale(cellOf(d, r, "residualLikelihood"), scales.likelihood) : null,
        impact: primary[0] === "likelihood" ? levelOnScale(cellOf(d, r, "residualImpact"), scales.impact) : null,
        score: num("residualScore"),
        level: cellText(cellOf(d, r, "residualLevel")),
      },
      inherent: primary[0] === "residualLikelihood" && d.columns.likelihood !== undefined
        ? { likelihood: levelOnScale(cellOf(d, r, "likelihood"), scales.likelihood), impact: levelOnScale(cellOf(d, r, "impact"), scales.impact) }
        : null,
      group: cellText(cellOf(d, r, "group")) || r.heading || "",
    };
    if (item.residual.score === null && item.residual.likelihood && item.residual.impact) item.residual.score = item.residual.likelihood * item.residual.impact;
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
  read.rowsCalculated = read.items.length;
  return read;
}
