import { Status } from "../status";
import { Trend, TREND_WORDS } from "../trend";
import { PercentStyle, formatShare } from "./fraction";

export interface BreakdownRow {
  status: Status;
  total: number;
  cells: { trend: Trend; count: number; text: string }[];
}

/**
 * The status × trend table: "Of GREEN: Improving 5/15 (33%)". Each row's
 * shares are of that status's own total, so a complete row adds to 100%.
 */
export function statusTrendBreakdown(
  items: { status: Status; trend: Trend }[],
  statuses: Status[] = ["Green", "Amber", "Red"],
  trends: Trend[] = TREND_WORDS,
  style: PercentStyle = "report",
): BreakdownRow[] {
  return statuses.map((status) => {
    const mine = items.filter((i) => i.status === status);
    return {
      status,
      total: mine.length,
      cells: trends.map((trend) => {
        const count = mine.filter((i) => i.trend === trend).length;
        return { trend, count, text: formatShare(count, mine.length, style) };
      }),
    };
  });
}
