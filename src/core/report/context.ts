import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { DatasetSettings, PeriodRecord } from "../settings";
import { Period } from "../periods";
import { CalendarDate } from "../dates";
import { RiskMatrix } from "../risk/matrix";

/** Everything one dataset's report is worked out from: where it is, the rules, the period and what was stored before. */
export interface DatasetContext {
  /** Every sheet: a risk register's legend may be on another. */
  grids: SheetGrid[];
  grid: SheetGrid;
  detected: DetectedDataset;
  /** Stable id for settings and history. */
  id: string;
  settings: DatasetSettings;
  /** Last period's stored results, for trends and movement. */
  previous: PeriodRecord | null;
  /** The reporting period; null when none was given or found. */
  period: Period | null;
  /** The period's last day, against which due and target dates are judged. */
  asAt: CalendarDate | null;
  /** Risk registers: the scales and levels to score on (from Settings, or stored with the period reprinted), and where they came from. */
  matrix: { matrix: RiskMatrix; source: string } | null;
  /** Long data: the council's own area; the others become its comparators. */
  ownArea: string | null;
  /** The day of the run: periods that begin after it are still to come, never current. Null: none is. */
  today: CalendarDate | null;
}
