import { DatasetReport, ConditionalFormatPlan, StatusLabels, DEFAULT_STATUS_LABELS, STATUS_STYLE, BAND_STYLE, Status, columnLetter, rangeRef, RiskMatrix, DEFAULT_MATRIX } from "../core";
import { SourceFormat } from "./port";

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Colour rules for a council's own status and level columns: one rule per
 * status over the column's data body, matching every spelling the labels
 * accept (=OR(LOWER(TRIM($D5))="g", …)), so colours follow later edits.
 */
export function sourceFormatsFor(r: DatasetReport, labels: StatusLabels = DEFAULT_STATUS_LABELS, matrix: RiskMatrix | null = null): SourceFormat | null {
  const d = r.detected;
  const col = r.kind === "risks" ? d.columns.level : d.kind === "priorities" || d.kind === "actions" ? d.columns.status : undefined;
  if (col === undefined || d.lastRow <= d.headerRow) return null;
  const anchor = `LOWER(TRIM($${columnLetter(col)}${d.headerRow + 2}))`;
  const ref = rangeRef(d.headerRow + 1, col, d.lastRow, col);
  const rules: ConditionalFormatPlan[] = [];
  if (r.kind === "risks") {
    for (const band of (matrix ?? DEFAULT_MATRIX).bands) {
      const style = BAND_STYLE[band.name] ?? { fill: band.colour };
      rules.push({ ref, priority: rules.length + 1, rule: { type: "expression", formula: `${anchor}=${quote(band.name.toLowerCase())}`, style } });
    }
  } else {
    const byStatus = new Map<Status, string[]>();
    for (const [label, status] of Object.entries(labels)) byStatus.set(status, [...(byStatus.get(status) ?? []), label.toLowerCase()]);
    for (const status of ["Green", "Amber", "Red", "Complete"] as Status[]) {
      const words = byStatus.get(status);
      if (!words?.length) continue;
      const formula = words.length === 1 ? `${anchor}=${quote(words[0])}` : `OR(${words.map((w) => `${anchor}=${quote(w)}`).join(",")})`;
      rules.push({ ref, priority: rules.length + 1, rule: { type: "expression", formula, style: STATUS_STYLE[status] } });
    }
  }
  return { sheet: r.sheet, rules };
}
