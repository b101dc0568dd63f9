import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { DatasetRead } from "../datasets/read";
import { Status } from "../status";
import { StatusCounts, assessStandard, headlineTrend } from "../standards/standard";
import { DatasetSettings, PeriodRecord, defaultStandard } from "../settings";
import { DatasetSummary, datasetLabel } from "./types";
import { judgeReading } from "./reading";

/** The fields every dataset's report shares: where it is, its row account, counts and standard. */
export function summaryOf(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, read: DatasetRead<unknown>, counts: StatusCounts, previous: PeriodRecord | null,
  notRatedWords: Record<string, number> = {},
): DatasetSummary {
  const standardConfig = settings.standard === undefined ? defaultStandard(d.kind) : settings.standard;
  const standard = standardConfig ? assessStandard(counts, standardConfig) : null;
  return {
    id,
    label: datasetLabel(grid, d, settings),
    sheet: grid.name,
    kind: d.kind,
    detected: d,
    rowsIn: read.rowsIn,
    rowsCalculated: read.rowsCalculated,
    rowsFlagged: read.rowsFlagged,
    statusCounts: Object.fromEntries((Object.entries(counts) as [Status, number][]).filter(([, n]) => n > 0)),
    notRatedWords,
    standardConfig,
    standard,
    previous,
    headlineTrend: standard ? headlineTrend(standard.percent, previous?.summary.percent) : "N/A",
    reading: judgeReading(d, read),
  };
}
