import { SheetGrid, cellRef } from "../grid";
import { cellText, isBlank } from "../values";
import { parseMeasure } from "../numbers";
import { RiskMatrix, DEFAULT_MATRIX, parseLevel } from "../risk/matrix";
import { DetectedDataset } from "../detect/find-datasets";
import { cellOf } from "./rows";
import { issueAt, issue } from "./issues";
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
  publishedTrend: string;
  previousScore: number | null;
  appetite: number | null;
  targetScore: number | null;
  group: string;
}

/** Read a risk register. A risk without a readable likelihood and impact cannot be scored: it is flagged. */
export function readRisks(grid: SheetGrid, d: DetectedDataset, matrix: RiskMatrix = DEFAULT_MATRIX): DatasetRead<RiskItem> {
  const read = emptyRead<RiskItem>(d);
  const keys = new KeyMaker();
  for (const r of dataRows(grid, d, read)) {
    const title = cellText(cellOf(d, r, "title"));
    const code = cellText(cellOf(d, r, "code"));
    const levels: Record<"likelihood" | "impact", number | null> = { likelihood: null, impact: null };
    let ok = true;
    for (const axis of ["likelihood", "impact"] as const) {
      const cell = cellOf(d, r, axis);
      const col = d.columns[axis] as number;
      const parsed = parseLevel(cell, matrix, axis);
      const label = axis === "likelihood" ? "Likelihood" : "Impact";
      if (!parsed.ok) {
        read.issues.push(issueAt(d.sheet, r.row, col, label, parsed.problem));
        ok = false;
      } else if (parsed.value === null) {
        read.issues.push(issue(d.sheet, r.row, col, "error", `risk.${axis}.missing`, `${label} is missing in ${cellRef(d.sheet, r.row, col)}: the risk cannot be scored`));
        ok = false;
      } else levels[axis] = parsed.value;
    }
    if (!ok || levels.likelihood === null || levels.impact === null) {
      read.rowsFlagged++;
      continue;
    }
    const number = (role: "previousScore" | "appetite" | "targetScore", label: string): number | null => {
      const cell = cellOf(d, r, role);
      if (cell === undefined || isBlank(cell)) return null;
      const parsed = parseMeasure(cell);
      if (parsed.ok) return parsed.value?.value ?? null;
      read.issues.push(issueAt(d.sheet, r.row, d.columns[role] as number, label, parsed.problem));
      return null;
    };
    read.items.push({
      row: r.row,
      key: keys.make(code || title),
      code,
      title,
      likelihood: levels.likelihood,
      impact: levels.impact,
      publishedLevel: cellText(cellOf(d, r, "level")),
      publishedTrend: cellText(cellOf(d, r, "trend")),
      previousScore: number("previousScore", "Previous score"),
      appetite: number("appetite", "Risk appetite"),
      targetScore: number("targetScore", "Target score"),
      group: cellText(cellOf(d, r, "group")) || r.heading || "",
    });
  }
  read.rowsCalculated = read.items.length;
  return read;
}
