import { RisksReport } from "../../report/types";
import { movedSince, pairsNote } from "../../report/risks";
import { RiskMatrix, DEFAULT_MATRIX } from "../../risk/matrix";
import { HeatMapCell } from "../../risk/heatmap";
import { SheetBuilder, ColumnColouring } from "../builder";
import { toIso } from "../../dates";
import { BAND_STYLE } from "../palette";
import { PlanValue, SheetPlan } from "../types";
import { commentaryCell } from "../../commentary/review";

type RegisterRisk = RisksReport["risks"][number];

/** An optional column: shown for a register only where it has data for it. */
interface OptionalColumn {
  header: string;
  width: number;
  has: (r: RisksReport) => boolean;
  value: (x: RegisterRisk, r: RisksReport) => PlanValue;
  format?: string;
  colour?: ColumnColouring;
  match?: "exact" | "contains" | "starts";
}

const hasTarget = (r: RisksReport) => r.risks.some((x) => x.target !== null)
  || ["targetScore", "targetLikelihood", "targetImpact"].some((role) => (r.detected.columns as Record<string, number | undefined>)[role] !== undefined);

const OPTIONAL: OptionalColumn[] = [
  { header: "Previous score", width: 10, has: (r) => r.risks.some((x) => x.previousScore !== null && x.previousScore !== undefined), value: (x) => x.previousScore ?? null },
  // Before mitigation, beside the current pair the register is scored on.
  { header: "Inherent score", width: 10, has: (r) => r.risks.some((x) => (x.item.inherent?.score ?? null) !== null), value: (x) => x.item.inherent?.score ?? null },
  { header: "Inherent level", width: 12, has: (r) => r.risks.some((x) => !!x.item.inherent?.level), value: (x) => x.item.inherent?.level || null },
  { header: "Residual score", width: 10, has: (r) => r.risks.some((x) => x.item.residual.score !== null || x.item.residual.level !== ""), value: (x) => x.item.residual.score },
  { header: "Residual level", width: 12, has: (r) => r.risks.some((x) => x.item.residual.score !== null || x.item.residual.level !== ""), value: (x) => x.item.residual.level || null },
  { header: "Appetite", width: 10, has: (r) => r.risks.some((x) => x.exceedsAppetite !== null), value: (x) => (x.exceedsAppetite === null ? null : x.exceedsAppetite ? "Exceeds" : "Within") },
  // A target score, or the level the register names as the target where it gives no score.
  { header: "Target", width: 9, has: hasTarget, value: (x) => x.target?.score ?? x.target?.band ?? null },
  { header: "Target date", width: 12, has: (r) => hasTarget(r) && r.risks.some((x) => x.item.targetDate !== null),
    value: (x) => (x.item.targetDate ? { date: toIso(x.item.targetDate) } : null), format: "dd/mm/yyyy" },
  { header: "On course for target?", width: 34, has: hasTarget, value: (x) => x.course.phrase, colour: "course", match: "starts" },
  { header: "Commentary check", width: 30, has: (r) => !!r.commentary, value: (x, r) => commentaryCell(r.commentary, x.key) },
];

const FIXED = ["Rank", "Risk", "Likelihood", "Impact", "Score", "Level", "Movement"];
const FIXED_WIDTHS = [6, 60, 16, 16, 8, 10, 14];

/** The register in order of severity, with score, level and movement, and the columns each register has data for. */
export function riskRegisterSheet(risks: RisksReport[], name: string, matrix: RiskMatrix | null, periodLong: string | null, noun = "quarter"): SheetPlan {
  const fallback = matrix ?? DEFAULT_MATRIX;
  // Columns the register has no data for are left out rather than printed empty; each sheet column is as wide as its widest use.
  const columnsOf = new Map(risks.map((r) => [r, OPTIONAL.filter((c) => c.has(r))]));
  const widths = [...FIXED_WIDTHS];
  for (const cols of columnsOf.values()) cols.forEach((c, i) => (widths[FIXED.length + i] = Math.max(widths[FIXED.length + i] ?? 0, c.width)));
  const b = new SheetBuilder("risk-register", name, widths);
  b.title(`Strategic risk register in order of severity${periodLong ? `: ${periodLong}` : ""}`);
  b.note("Order: score (likelihood × impact), then impact, then likelihood; ties keep the register's order.");
  for (const r of risks) {
    const m = r.matrix ?? fallback;
    const optional = columnsOf.get(r) ?? [];
    b.blank();
    b.subtitle(`${r.label}: ${r.risks.length} live risks${r.closedNow.length ? ` (${r.closedNow.length} closed, listed below)` : ""}`);
    b.note(`Levels from ${r.levelsSource}.`);
    const pairs = pairsNote(r.detected);
    if (pairs) b.note(`${pairs[0].toUpperCase()}${pairs.slice(1)}.`);
    if (optional.some((c) => c.header === "Target")) {
      b.note(`On course: the target date is still ahead and the score has not risen since last ${noun}, nor stood still with the target date before next ${noun}'s report.`);
      b.note("A risk with no target, or no target date, is never counted as on course.");
    } else if (r.detected.columns.targetDate !== undefined) {
      b.note("The register gives target dates but no target scores, so no risk is judged on course for a target.");
    }
    const rows: PlanValue[][] = r.risks.map((x, i) => [
      i + 1, x.title, m.likelihoodLabels[x.likelihood - 1], m.impactLabels[x.impact - 1], x.score, x.band, x.movementShown,
      ...optional.map((c) => c.value(x, r)),
    ]);
    const at = (c: OptionalColumn) => FIXED.length + optional.indexOf(c);
    const t = b.table(`${r.label}: register`, [...FIXED, ...optional.map((c) => c.header)], rows, {
      colour: [{ col: 5, by: "band" }, { col: 6, by: "movement" },
        ...optional.filter((c) => c.colour).map((c) => ({ col: at(c), by: c.colour as ColumnColouring, match: c.match }))],
      formats: optional.filter((c) => c.format).map((c) => ({ col: at(c), numberFormat: c.format as string })),
      repeatHeader: true,
    });
    if (r === risks[0]) b.freezeBelow(t.headerRow + 1);
    if (r.closedNow.length) {
      b.blank();
      b.table(`${r.label}: closed`, ["Closed risk", "Row"], r.closedNow.map((c) => [c.title || c.key, c.row + 1]));
    }
  }
  return b.build();
}

/** Said wherever last period would be compared with and none is stored (a first run). */
export function noPrevious(noun: string): string {
  return `No previous ${noun} to compare with`;
}

/** References listed in one cell, cut short (with how many more) so the line stays readable. */
function refList(refs: string[], room = 110): string {
  // Codes read well after commas; titles (which may hold commas) need semicolons.
  const sep = refs.some((r) => /[\s,]/.test(r)) ? "; " : ", ";
  const out: string[] = [];
  let length = 0;
  for (const [i, ref] of refs.entries()) {
    if (out.length && length + ref.length + sep.length > room) return `${out.join(sep)} and ${refs.length - i} more (see Risk register)`;
    out.push(ref);
    length += ref.length + sep.length;
  }
  return out.join(sep);
}

/**
 * How many risks moved since last quarter, and which, below the maps. A first
 * run has no stored quarter: it says so and claims no movement.
 */
function movedTable(b: SheetBuilder, r: RisksReport, noun: string): void {
  const moves = movedSince(r);
  b.blank();
  if (!moves) {
    b.setRow(b.nextRow, 0, [`Moved since last ${noun}: ${noPrevious(noun)}.`]);
    b.styleCell(b.nextRow - 1, 0, { italic: true, font: "#595959" });
    return;
  }
  const rows: [string, string[]][] = [
    ["Risen in score", moves.risen], ["Fallen in score", moves.fallen], ["Unchanged", moves.unchanged], ["New", moves.added], ["Closed", moves.closed],
  ];
  const t = b.table(`${r.label}: moved since ${moves.since}`, [`Moved since ${moves.since}`, "Risks"], rows.map(([what, refs]) => [what, refs.length]));
  // Which risks, beside the table and unbordered, so a long list runs on to the right rather than through cell borders.
  b.setRow(t.headerRow, 2, ["Which risks"]).styleCell(t.headerRow, 2, { bold: true, vAlign: "top" });
  rows.forEach(([, refs], i) => b.setRow(t.firstRow + i, 2, [refs.length ? refList(refs) : null]));
}

function writeMap(b: SheetBuilder, top: number, left: number, title: string, map: HeatMapCell[][], m: RiskMatrix): void {
  b.setRow(top, left, [title]);
  b.styleCell(top, left, { bold: true });
  b.setRow(top + 1, left, ["Likelihood \\ Impact", ...m.impactLabels]);
  for (let c = 0; c <= m.impactLabels.length; c++) b.styleCell(top + 1, left + c, { bold: true, fill: "#D9D9D9", border: true, wrap: true, hAlign: "center" });
  map.forEach((row, i) => {
    const r = top + 2 + i;
    b.setRow(r, left, [`${row[0].likelihood} ${m.likelihoodLabels[row[0].likelihood - 1]}`, ...row.map((c) => c.count)]);
    b.styleCell(r, left, { bold: true, fill: "#D9D9D9", border: true });
    row.forEach((c, j) => {
      const style = BAND_STYLE[c.band] ?? { fill: c.colour };
      b.styleCell(r, left + 1 + j, { fill: style.fill, font: style.font, border: true, hAlign: "center", bold: c.count > 0 });
    });
  });
}

/**
 * The heat map: likelihood up the side (highest at the top), impact across,
 * counts per cell, filled by band; last period's map beside this one.
 */
export function heatMapSheet(r: RisksReport, name: string, matrix: RiskMatrix | null, periodLong: string | null, noun = "quarter"): SheetPlan {
  const m = r.matrix ?? matrix ?? DEFAULT_MATRIX;
  const width = m.impactLabels.length + 1;
  const b = new SheetBuilder("risk-heat-map", name, [24, ...m.impactLabels.map(() => 13), 4, 22, ...m.impactLabels.map(() => 13)]);
  b.title(`Risk heat map: ${r.label}${periodLong ? `, ${periodLong}` : ""}`);
  b.note(`Each cell counts the risks with that likelihood and impact. Levels: ${m.bands.map((x) => `${x.name} ${x.minScore}+`).join(", ")} (score = likelihood × impact).`);
  const top = b.nextRow + 1;
  writeMap(b, top, 0, `This ${noun}`, r.heatMap, m);
  if (r.previousHeatMap) writeMap(b, top, width + 1, `Previous ${noun}`, r.previousHeatMap, m);
  else b.setRow(top, width + 1, [`${noPrevious(noun)} (last ${noun}'s map fills in from next ${noun}'s run).`]);
  const legend = top + m.likelihoodLabels.length + 3;
  b.setRow(legend, 0, ["Level", "Risks"]);
  b.styleCell(legend, 0, { bold: true, border: true, fill: "#D9D9D9" }).styleCell(legend, 1, { bold: true, border: true, fill: "#D9D9D9" });
  m.bands.forEach((band, i) => {
    b.setRow(legend + 1 + i, 0, [band.name, r.bandCounts[band.name] ?? 0]);
    const s = BAND_STYLE[band.name] ?? { fill: band.colour };
    b.styleCell(legend + 1 + i, 0, { fill: s.fill, font: s.font, border: true }).styleCell(legend + 1 + i, 1, { border: true });
  });
  movedTable(b, r, noun);
  return b.build();
}
