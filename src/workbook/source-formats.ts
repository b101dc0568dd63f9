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
  // A register's level columns (the current pair's and any beside it), in the register's own level words.
  const cols = (r.kind === "risks" ? [d.columns.level, d.columns.residualLevel] : d.kind === "priorities" || d.kind === "actions" ? [d.columns.status] : [])
    .filter((c): c is number => c !== undefined);
  if (!cols.length || d.lastRow <= d.headerRow) return null;
  const anchor = (col: number) => `LOWER(TRIM($${columnLetter(col)}${d.headerRow + 2}))`;
  const ref = (col: number) => rangeRef(d.headerRow + 1, col, d.lastRow, col);
  const rules: ConditionalFormatPlan[] = [];
  if (r.kind === "risks") {
    for (const col of cols) {
      for (const band of (r.matrix ?? matrix ?? DEFAULT_MATRIX).bands) {
        const style = BAND_STYLE[band.name] ?? { fill: band.colour };
        rules.push({ ref: ref(col), priority: rules.length + 1, rule: { type: "expression", formula: `${anchor(col)}=${quote(band.name.toLowerCase())}`, style } });
      }
    }
  } else {
    const [col] = cols;
    const byStatus = new Map<Status, string[]>();
    for (const [label, status] of Object.entries(labels)) byStatus.set(status, [...(byStatus.get(status) ?? []), label.toLowerCase()]);
    for (const status of ["Green", "Amber", "Red", "Complete"] as Status[]) {
      const words = byStatus.get(status);
      if (!words?.length) continue;
      const formula = words.length === 1 ? `${anchor(col)}=${quote(words[0])}` : `OR(${words.map((w) => `${anchor(col)}=${quote(w)}`).join(",")})`;
      rules.push({ ref: ref(col), priority: rules.length + 1, rule: { type: "expression", formula, style: STATUS_STYLE[status] } });
    }
  }
  return { sheet: r.sheet, rules };
}
