import { PeriodRecord, PublishedItem } from "../settings";
import { Status, STATUSES, STATUS_CODE, ragStatus } from "../status";
import { formatNumber } from "../numbers";
import { Trend } from "../trend";
import { countStatuses, assessStandard, StatusCounts } from "../standards/standard";
import { statusTrendBreakdown } from "../standards/breakdown";
import { bySeverity } from "../risk/register";
import { heatMap } from "../risk/heatmap";
import { formatUkDate } from "../dates";
import { DatasetReport, ActionsReport, RisksReport, IndicatorsReport, Reprint } from "./types";
import { groupsOf } from "./actions";
import { isOverdue } from "../standards/exceptions";
import { parsePeriod, periodEnd } from "../periods";
import { itemsByKey } from "../period-items";

/** "12/07/2021" from a record's yyyy-mm-dd, or null when the record predates the day being kept. */
export function storedDay(r: Pick<PeriodRecord, "storedAt">): string | null {
  const m = typeof r.storedAt === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.storedAt) : null;
  return m ? formatUkDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
}

const asStatus = (s: string): Status | null => (STATUSES as string[]).includes(s) ? (s as Status) : null;

/** The published counts, every status present (a record keeps only those above zero). */
function storedCounts(record: PeriodRecord): StatusCounts {
  const counts = countStatuses([]);
  for (const [s, n] of Object.entries(record.summary.statusCounts)) if (asStatus(s)) counts[s as Status] = n;
  return counts;
}

/**
 * The report as it was published for the period: each item this workbook
 * still holds shows its stored result where today's differs, items the
 * stored results do not hold are left out (and listed), and the headline
 * counts are the stored ones, so a stored quarter reprints as published.
 */
export function reprintStored(r: DatasetReport, record: PeriodRecord, ruleChanges: string[]): DatasetReport {
  const on = storedDay(record);
  const reprint: Reprint = { storedOn: on, ruleChanges, changed: [], notStored: [], gone: [] };
  const when = on ? ` on ${on}` : "";
  const keys = new Set<string>();
  const stored = itemsByKey(record.items);
  let out: DatasetReport;
  if (r.kind === "indicators" || r.kind === "outcomes") {
    const items: IndicatorsReport["items"] = [];
    for (const x of r.items) {
      keys.add(x.item.key);
      const s = stored.get(x.item.key);
      if (!s) {
        reprint.notStored.push({ row: x.item.row, title: x.item.title || x.item.code });
        continue;
      }
      const a = x.assessment;
      const status = asStatus(s.status) ?? a.status;
      const value = s.value === undefined ? a.value : s.value;
      const trend: Trend = s.trend ?? a.trends.short;
      if (status === a.status && value === a.value && trend === a.trends.short) {
        items.push(x);
        continue;
      }
      reprint.changed.push(x.item.title || x.item.code);
      // The stored value against the period's target, under the stored rules, says why as it was said then.
      const then = ragStatus({ value, target: x.target, polarity: x.item.polarity, tolerance: record.rules.tolerance, redThreshold: x.item.redThreshold });
      const why = then.status === status && value !== a.value
        ? `${then.why} (as stored${when}; the sheet now holds ${a.value === null ? "no value" : formatNumber(a.value)})`
        : `${status} as stored${when} (this workbook now gives ${a.why})`;
      // The latest value is the stored one where it is the period reprinted.
      const latest = x.latest && x.latest.period === record.period && value !== null ? { ...x.latest, value } : x.latest;
      items.push({ ...x, latest, assessment: { ...a, status, statusCode: STATUS_CODE[status], value, trends: { ...a.trends, short: trend }, why } });
    }
    const counts = storedCounts(record);
    out = { ...r, items, counts, breakdown: statusTrendBreakdown(items.map((i) => ({ status: i.assessment.status, trend: i.assessment.trends.short }))) };
  } else if (r.kind === "priorities" || r.kind === "actions") {
    const items: ActionsReport["items"] = [];
    const period = parsePeriod(record.period);
    const asAt = period.ok && period.value ? periodEnd(period.value) : null;
    for (const x of r.items) {
      keys.add(x.key);
      const s = stored.get(x.key);
      if (!s) {
        reprint.notStored.push({ row: x.row, title: x.title || x.code });
        continue;
      }
      const status = asStatus(s.status) ?? x.status;
      if (status !== x.status) reprint.changed.push(x.title || x.code);
      // Overdue as at the period's end, for the status published then.
      items.push(status === x.status ? x : { ...x, status, overdue: asAt !== null && isOverdue({ status, due: x.due }, asAt) });
    }
    const counts = storedCounts(record);
    out = { ...r, items, counts, groups: groupsOf(items, r.standardConfig) };
  } else if (r.kind === "risks") {
    out = reprintRisks(r, record, stored, reprint, keys);
  } else {
    out = r;
  }
  reprint.gone = record.items.keys.filter((k) => !keys.has(k));
  const counts = storedCounts(record);
  const statusCounts = out.kind === "risks" ? { ...record.summary.statusCounts } : Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  const standard = out.standardConfig && out.kind !== "risks" ? assessStandard(counts, out.standardConfig) : out.standard;
  return { ...out, statusCounts, standard, reprint } as DatasetReport;
}

function reprintRisks(r: RisksReport, record: PeriodRecord, stored: Map<string, PublishedItem>, reprint: Reprint, keys: Set<string>): RisksReport {
  const risks: RisksReport["risks"] = [];
  for (const x of r.risks) {
    keys.add(x.key);
    const s = stored.get(x.key);
    if (!s) {
      reprint.notStored.push({ row: x.item.row, title: x.title });
      continue;
    }
    const likelihood = s.likelihood ?? x.likelihood;
    const impact = s.impact ?? x.impact;
    const score = s.score ?? likelihood * impact;
    if (s.status === x.band && score === x.score && likelihood === x.likelihood && impact === x.impact) {
      risks.push(x);
      continue;
    }
    reprint.changed.push(x.title);
    risks.push({ ...x, band: s.status, score, likelihood, impact });
  }
  risks.sort(bySeverity);
  const bandCounts: Record<string, number> = {};
  for (const b of r.matrix.bands) bandCounts[b.name] = record.summary.statusCounts[b.name] ?? 0;
  return { ...r, risks, bandCounts, heatMap: heatMap(risks, r.matrix) };
}
