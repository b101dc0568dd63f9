import { DetectedDataset } from "../detect/find-datasets";
import { isForecastWord } from "../period-cells";
import { ScannedRow } from "./rows";

/** Columns whose words never mark a row as a forecast: the names, commentary and a typed status ("Planned" is a status there). */
const NAMING = ["title", "code", "commentary", "group", "unit", "status", "polarity"] as const;

/**
 * Whether a text is a forecast word, worked out once per distinct text: this
 * is asked of every text cell of every row of a long extract (200,000 rows:
 * a third of a second), whose columns repeat a few texts. Emptied when full,
 * so odd files cannot grow it.
 */
const FORECAST_TEXTS = new Map<string, boolean>();
const MAX_FORECAST_TEXTS = 10_000;

function forecastText(v: string): boolean {
  let is = FORECAST_TEXTS.get(v);
  if (is === undefined) {
    if (FORECAST_TEXTS.size >= MAX_FORECAST_TEXTS) FORECAST_TEXTS.clear();
    FORECAST_TEXTS.set(v, (is = isForecastWord(v)));
  }
  return is;
}

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
