import { readActions } from "../datasets/actions";
import { countStatuses, assessStandard, StandardConfig } from "../standards/standard";
import { isOverdue, groupBy } from "../standards/exceptions";
import { summaryOf } from "./summary";
import { ActionsReport } from "./types";
import { DatasetRead } from "../datasets/read";
import { Issue } from "../datasets/issues";
import { DatasetContext } from "./context";

export function reportActions(ctx: DatasetContext): { report: ActionsReport; issues: Issue[]; read: DatasetRead<unknown> } {
  const { grid, detected: d, settings, asAt } = ctx;
  const read = readActions(grid, d, settings.statusLabels);
  const counts = countStatuses(read.items.map((i) => i.status));
  const words: Record<string, number> = {};
  for (const i of read.items) if (i.status === "Not rated") words[i.statusWord] = (words[i.statusWord] ?? 0) + 1;
  const summary = summaryOf(ctx, read, counts, words);
  const items = read.items.map((i) => ({ ...i, overdue: asAt !== null && isOverdue(i, asAt) }));
  const report: ActionsReport = { ...summary, kind: d.kind as "priorities" | "actions", items, counts, groups: groupsOf(items, summary.standardConfig) };
  return { report, issues: read.issues, read };
}

/** Counts per directorate (or owner, or section), in order of first appearance. */
export function groupsOf(items: ActionsReport["items"], standard: StandardConfig | null): ActionsReport["groups"] {
  return [...groupBy(items, (i) => i.group || "(no directorate)")].map(([group, list]) => {
    const c = countStatuses(list.map((i) => i.status));
    return { group, counts: c, total: list.length, standard: standard ? assessStandard(c, standard) : null };
  });
}
