import { RisksReport } from "../../report/types";
import { RiskMatrix, DEFAULT_MATRIX } from "../../risk/matrix";
import { HeatMapCell } from "../../risk/heatmap";
import { SheetBuilder } from "../builder";
import { BAND_STYLE } from "../palette";
import { PlanValue, SheetPlan } from "../types";

/** The register in order of severity, with score, level and movement. */
export function riskRegisterSheet(risks: RisksReport[], name: string, matrix: RiskMatrix | null, periodLong: string | null): SheetPlan {
  const fallback = matrix ?? DEFAULT_MATRIX;
  const b = new SheetBuilder("risk-register", name, [6, 60, 16, 16, 8, 10, 14, 12, 16]);
  b.title(`Strategic risk register in order of severity${periodLong ? `: ${periodLong}` : ""}`);
  b.note("Order: score (likelihood × impact), then impact, then likelihood; ties keep the register's order.");
  for (const r of risks) {
    const m = r.matrix ?? fallback;
    b.blank();
    b.subtitle(`${r.label}: ${r.risks.length} live risks${r.closedNow.length ? ` (${r.closedNow.length} closed, listed below)` : ""}`);
    b.note(`Levels from ${r.levelsSource}.`);
    // Columns the register has no data for are left out rather than printed empty.
    const withPrevious = r.risks.some((x) => x.previousScore !== null && x.previousScore !== undefined);
    const withAppetite = r.risks.some((x) => x.exceedsAppetite !== null);
    const withResidual = r.risks.some((x) => x.item.residual.score !== null || x.item.residual.level !== "");
    const withInherent = r.risks.some((x) => x.item.inherent?.likelihood && x.item.inherent?.impact);
    const headers = ["Rank", "Risk", "Likelihood", "Impact", "Score", "Level", "Movement",
      ...(withPrevious ? ["Previous score"] : []), ...(withInherent ? ["Inherent score"] : []), ...(withResidual ? ["Residual score", "Residual level"] : []), ...(withAppetite ? ["Appetite"] : [])];
    const rows: PlanValue[][] = r.risks.map((x, i) => [
      i + 1, x.title, m.likelihoodLabels[x.likelihood - 1], m.impactLabels[x.impact - 1], x.score, x.band, x.movementShown,
      ...(withPrevious ? [x.previousScore ?? null] : []),
      ...(withInherent ? [x.item.inherent?.likelihood && x.item.inherent?.impact ? x.item.inherent.likelihood * x.item.inherent.impact : null] : []),
      ...(withResidual ? [x.item.residual.score, x.item.residual.level || null] : []),
      ...(withAppetite ? [x.exceedsAppetite === null ? null : x.exceedsAppetite ? "Exceeds" : "Within"] : []),
    ]);
    const t = b.table(`${r.label}: register`, headers, rows, {
      colour: [{ col: 5, by: "band" }, { col: 6, by: "movement" }],
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
export function heatMapSheet(r: RisksReport, name: string, matrix: RiskMatrix | null, periodLong: string | null): SheetPlan {
  const m = r.matrix ?? matrix ?? DEFAULT_MATRIX;
  const width = m.impactLabels.length + 1;
  const b = new SheetBuilder("risk-heat-map", name, [22, ...m.impactLabels.map(() => 13), 4, 22, ...m.impactLabels.map(() => 13)]);
  b.title(`Risk heat map: ${r.label}${periodLong ? `, ${periodLong}` : ""}`);
  b.note(`Each cell counts the risks with that likelihood and impact. Levels: ${m.bands.map((x) => `${x.name} ${x.minScore}+`).join(", ")} (score = likelihood × impact).`);
  const top = b.nextRow + 1;
  writeMap(b, top, 0, "This quarter", r.heatMap, m);
  if (r.previousHeatMap) writeMap(b, top, width + 1, "Previous quarter", r.previousHeatMap, m);
  else b.setRow(top, width + 1, ["Previous quarter: no history yet (it fills in from next quarter's run)."]);
  const legend = top + m.likelihoodLabels.length + 3;
  b.setRow(legend, 0, ["Level", "Risks"]);
  b.styleCell(legend, 0, { bold: true, border: true, fill: "#D9D9D9" }).styleCell(legend, 1, { bold: true, border: true, fill: "#D9D9D9" });
  m.bands.forEach((band, i) => {
    b.setRow(legend + 1 + i, 0, [band.name, r.bandCounts[band.name] ?? 0]);
    const s = BAND_STYLE[band.name] ?? { fill: band.colour };
    b.styleCell(legend + 1 + i, 0, { fill: s.fill, font: s.font, border: true }).styleCell(legend + 1 + i, 1, { border: true });
  });
  return b.build();
}
