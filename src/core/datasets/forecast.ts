import { DetectedDataset } from "../detect/find-datasets";
import { isForecastWord } from "../period-cells";
import { ScannedRow } from "./rows";

/** Columns whose words never mark a row as a forecast: the names, commentary and a typed status ("Planned" is a status there). */
const NAMING = ["title", "code", "commentary", "group", "unit", "status", "polarity"] as const;

/**
 * A row marked as a forecast, projection, plan or budget by a cell of its
 * own (a "Type" column of Actual / Forecast): its figures are not what
 * happened, so never a current value.
 */
export function forecastRow(d: DetectedDataset, r: ScannedRow, exclude: Set<number>): boolean {
  const skip = new Set<number>(exclude);
  for (const role of NAMING) if (d.columns[role] !== undefined) skip.add(d.columns[role] as number);
  for (let i = 0; i < r.cells.length; i++) {
    const v = r.cells[i];
    if (typeof v !== "string" || skip.has(i + d.left)) continue;
    if (isForecastWord(v)) return true;
  }
  return false;
}
