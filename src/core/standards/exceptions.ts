import { Status } from "../status";
import { Trend } from "../trend";
import { CalendarDate, compareDates } from "../dates";

/** "Red Red": off target and getting worse — the items the report discusses one by one. Two arguments, not an object: asked of every indicator by several sheets. */
export function isRedRed(status: Status, trend: Trend): boolean {
  return status === "Red" && trend === "Worsening";
}

/** Overdue: the due date has passed by the "as at" date and the item is not complete. */
export function isOverdue(item: { status: Status; due: CalendarDate | null }, asAt: CalendarDate): boolean {
  return item.due !== null && item.status !== "Complete" && compareDates(item.due, asAt) < 0;
}

/** Group items by a key, keeping groups in order of first appearance. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
