import { datasetLabel } from "./types";
import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readActions } from "../datasets/actions";
import { countStatuses, assessStandard, headlineTrend } from "../standards/standard";
import { isOverdue, groupBy } from "../standards/exceptions";
import { CalendarDate } from "../dates";
import { DatasetSettings, PeriodRecord, defaultStandard } from "../settings";
import { ActionsReport } from "./types";
import { DatasetRead } from "../datasets/read";
import { Issue } from "../datasets/issues";

export function reportActions(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, asAt: CalendarDate | null, previous: PeriodRecord | null,
): { report: ActionsReport; issues: Issue[]; read: DatasetRead<unknown> } {
  const read = readActions(grid, d, settings.statusLabels);
  const counts = countStatuses(read.items.map((i) => i.status));
  const standardConfig = settings.standard === undefined ? defaultStandard(d.kind) : settings.standard;
  const standard = standardConfig ? assessStandard(counts, standardConfig) : null;
  const items = read.items.map((i) => ({ ...i, overdue: asAt !== null && isOverdue(i, asAt) }));
  const groups = [...groupBy(items, (i) => i.group || "(no directorate)")].map(([group, list]) => {
    const c = countStatuses(list.map((i) => i.status));
    return { group, counts: c, total: list.length, standard: standardConfig ? assessStandard(c, standardConfig) : null };
  });
  const report: ActionsReport = {
    id,
    label: datasetLabel(grid, d, settings),
    sheet: grid.name,
    kind: d.kind as "priorities" | "actions",
    detected: d,
    rowsIn: read.rowsIn,
    rowsCalculated: read.rowsCalculated,
    rowsFlagged: read.rowsFlagged,
    statusCounts: nonZero(counts),
    standardConfig,
    standard,
    previous,
    headlineTrend: standard ? headlineTrend(standard.percent, previous?.summary.percent) : "N/A",
    items,
    counts,
    groups,
  };
  return { report, issues: read.issues, read };
}

export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
