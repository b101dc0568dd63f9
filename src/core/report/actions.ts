import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { readActions } from "../datasets/actions";
import { countStatuses, assessStandard } from "../standards/standard";
import { isOverdue, groupBy } from "../standards/exceptions";
import { CalendarDate } from "../dates";
import { DatasetSettings, PeriodRecord } from "../settings";
import { summaryOf } from "./summary";
import { ActionsReport } from "./types";
import { DatasetRead } from "../datasets/read";
import { Issue } from "../datasets/issues";

export function reportActions(
  grid: SheetGrid, d: DetectedDataset, id: string, settings: DatasetSettings, asAt: CalendarDate | null, previous: PeriodRecord | null,
): { report: ActionsReport; issues: Issue[]; read: DatasetRead<unknown> } {
  const read = readActions(grid, d, settings.statusLabels);
  const counts = countStatuses(read.items.map((i) => i.status));
  const words: Record<string, number> = {};
  for (const i of read.items) if (i.status === "Not rated") words[i.statusWord] = (words[i.statusWord] ?? 0) + 1;
  const summary = summaryOf(grid, d, id, settings, read, counts, previous, words);
  const items = read.items.map((i) => ({ ...i, overdue: asAt !== null && isOverdue(i, asAt) }));
  const groups = [...groupBy(items, (i) => i.group || "(no directorate)")].map(([group, list]) => {
    const c = countStatuses(list.map((i) => i.status));
    return { group, counts: c, total: list.length, standard: summary.standardConfig ? assessStandard(c, summary.standardConfig) : null };
  });
  const report: ActionsReport = { ...summary, kind: d.kind as "priorities" | "actions", items, counts, groups };
  return { report, issues: read.issues, read };
}
