import { DetectedDataset } from "../detect/find-datasets";
import { isForecastWord } from "../period-cells";
import { ScannedRow } from "./rows";
import { memoByText } from "./text-memo";

/** Columns whose words never mark a row as a forecast: the names, commentary and a typed status ("Planned" is a status there). */
const NAMING = ["title", "code", "commentary", "group", "unit", "status", "polarity"] as const;

/** Whether a text is a forecast word: asked of every text cell of every row of a long extract. */
const forecastText = memoByText(isForecastWord);

function isNamingColumn(d: DetectedDataset, col: number): boolean {
  for (const role of NAMING) if (d.columns[role] === col) return true;
  return false;
}

/**
 * A row marked as a forecast, projection, plan or budget by a cell of its
 * own (a "Type" column of Actual / Forecast): its figures are not what
 * happened, so never a current value. Columns in `exclude` are not looked at.
 */
export function forecastRow(d: DetectedDataset, r: ScannedRow, exclude: ReadonlySet<number>): boolean {
  for (let i = 0; i < r.cells.length; i++) {
    const v = r.cells[i];
    if (typeof v !== "string" || exclude.has(i + d.left) || isNamingColumn(d, i + d.left)) continue;
    if (forecastText(v)) return true;
  }
  return false;
}
