import { DatasetRead } from "../datasets/read";
import { Status } from "../status";
import { StatusCounts, assessStandard, headlineTrend } from "../standards/standard";
import { defaultStandard } from "../settings";
import { DatasetSummary, datasetLabel } from "./types";
import { DatasetContext } from "./context";
import { judgeReading } from "./reading";
import { BLANK_WORD } from "../datasets/unknown-words";

/** Statuses in words that are not statuses (a blank one is only not yet rated, as in a return still out). */
function unknownStatuses(notRatedWords: Record<string, number>): { count: number; words: string[] } {
  const words = Object.keys(notRatedWords).filter((w) => w !== BLANK_WORD);
  return { count: words.reduce((n, w) => n + notRatedWords[w], 0), words };
}

/** The fields every dataset's report shares: where it is, its row account, counts and standard. */
export function summaryOf(ctx: DatasetContext, read: DatasetRead<unknown>, counts: StatusCounts, notRatedWords: Record<string, number> = {}): DatasetSummary {
  const { grid, detected: d, id, settings, previous } = ctx;
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
    reading: judgeReading(d, read, unknownStatuses(notRatedWords)),
  };
}
