import { a1 } from "../grid";
import { formatShown, Shown } from "../numbers";
import { Period, periodIndex, periodKey, parsePeriodLabel, periodEnd, formatPeriod } from "../periods";
import { compareDates } from "../dates";
import { PeriodRecord, PublishedItem } from "../settings";
import { ragStatus, DEFAULT_TOLERANCE } from "../status";
import { countWord } from "../words";
import { IndicatorItem } from "../datasets/indicators";
import { DatasetReport, IndicatorsReport, RestatedPeriod, Restatement, RestatementChange } from "./types";
import { storedDay } from "./reprint";
import { itemsByKey } from "../period-items";

/** How a difference between a published result and today's is classified. */
const BECAUSE: Record<RestatementChange, string> = { data: "data corrected", target: "target changed", rule: "rules changed" };

const NOUN: Record<DatasetReport["kind"], [string, string]> = {
  indicators: ["indicator", "indicators"], outcomes: ["outcome", "outcomes"], priorities: ["priority", "priorities"], actions: ["action", "actions"], risks: ["risk", "risks"],
};

const same = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null)
  || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

function shownOf(item: IndicatorItem): Shown {
  return { percent: item.percent, decimals: item.decimals };
}

const valueText = (v: number | null | undefined, shown: Shown) => (typeof v === "number" ? formatShown(v, shown) : "no value");

/**
 * The sentence the Summary and Commentary give a restated period: "Q1
 * 2021/22 restated: 2 outcomes changed status (data corrected); 1 other
 * value corrected without a change of status".
 */
export function restatedText(period: string, kind: DatasetReport["kind"], items: Restatement[], numbers: (n: number) => string = String): string {
  const [one, many] = NOUN[kind];
  const moved = kind === "risks" ? "changed level" : "changed status";
  const parts: string[] = [];
  for (const change of ["data", "target", "rule"] as RestatementChange[]) {
    const n = new Set(items.filter((x) => x.change === change && x.statusWas !== x.statusNow).map((x) => x.item)).size;
    if (n) parts.push(`${numbers(n)} ${n === 1 ? one : many} ${moved} (${BECAUSE[change]})`);
  }
  const quiet = items.filter((x) => x.statusWas === x.statusNow && x.change !== "rule");
  const values = quiet.filter((x) => x.change === "data").length;
  const targets = quiet.filter((x) => x.change === "target").length;
  const other = parts.length ? "other " : "";
  if (values) parts.push(`${numbers(values)} ${other}${kind === "risks" ? (values === 1 ? "score" : "scores") : values === 1 ? "value" : "values"} corrected without a change of ${kind === "risks" ? "level" : "status"}`);
  if (targets) parts.push(`${numbers(targets)} ${other}${targets === 1 ? "target" : "targets"} changed without a change of status`);
  return `${period} restated: ${parts.join("; ")}`;
}

/** The differences one item shows between what was published and what the workbook now gives. */
interface Judged {
  key: string;
  title: string;
  row: number;
  col: number;
  /** Under the rules stored with the period. */
  now: { status: string; value?: number | null; target?: number | null; text?: string };
  /** Under today's rules, where they differ from the stored ones. */
  today?: string;
  shown?: Shown;
}

function differences(j: Judged, s: PublishedItem, base: Omit<Restatement, "sheet" | "item" | "cell" | "change" | "was" | "now" | "statusWas" | "statusNow">, sheet: string, wasText?: string): Restatement[] {
  const out: Restatement[] = [];
  const cell = a1(j.row, j.col);
  const add = (change: RestatementChange, was: string, now: string, statusWas: string, statusNow: string, rules?: string) =>
    out.push({ ...base, sheet, item: j.title, cell, change, was, now, statusWas, statusNow, ...(rules ? { rules } : {}) });
  const shown = j.shown ?? { percent: false, decimals: null };
  if (j.now.text !== undefined) {
    // A risk: its score (likelihood × impact) as published and now.
    if (wasText !== undefined && wasText !== j.now.text) add("data", wasText, j.now.text, s.status, j.now.status);
    else if (s.status !== j.now.status) add("data", s.status, j.now.status, s.status, j.now.status);
  } else if (s.value !== undefined && !same(s.value, j.now.value)) add("data", valueText(s.value, shown), valueText(j.now.value, shown), s.status, j.now.status);
  else if (s.target !== undefined && !same(s.target, j.now.target)) add("target", valueText(s.target, shown), valueText(j.now.target, shown), s.status, j.now.status);
  else if (s.status !== j.now.status) {
    // Same figures, another status: what it is judged against (a target not stored then, its polarity, the sheet's own status).
    const noted = s.target === undefined && j.now.target !== undefined;
    add(noted ? "target" : "data", noted ? "not stored" : s.status, noted ? valueText(j.now.target, shown) : j.now.status, s.status, j.now.status);
  }
  if (j.today !== undefined && j.today !== j.now.status) add("rule", j.now.status, j.today, j.now.status, j.today, base.rules);
  return out;
}

function judgedItems(r: DatasetReport, today: DatasetReport | null): Map<string, Judged> {
  const out = new Map<string, Judged>();
  const d = r.detected;
  const titleCol = d.columns.title ?? d.columns.code ?? d.left;
  if (r.kind === "indicators" || r.kind === "outcomes") {
    const then = today && (today.kind === "indicators" || today.kind === "outcomes") ? new Map(today.items.map((x) => [x.item.key, x.assessment.status])) : null;
    for (const x of r.items) {
      const pts = x.item.points;
      const at = pts.findIndex((p) => p !== null && formatPeriod(p) === x.assessment.period);
      out.set(x.item.key, {
        key: x.item.key, title: x.item.title || x.item.code, row: at >= 0 ? pts.row(at) : x.item.row, col: at >= 0 ? pts.col(at) : titleCol, shown: shownOf(x.item),
        now: { status: x.assessment.status, value: x.assessment.value, target: x.target }, today: then?.get(x.item.key),
      });
    }
  } else if (r.kind === "risks") {
    const then = today?.kind === "risks" ? new Map(today.risks.map((x) => [x.key, x.band])) : null;
    for (const x of r.risks) {
      out.set(x.key, { key: x.key, title: x.title, row: x.item.row, col: titleCol, now: { status: x.band, text: scoreText(x.score, x.likelihood, x.impact) }, today: then?.get(x.key) });
    }
  } else if (r.kind === "priorities" || r.kind === "actions") {
    const then = today && (today.kind === "priorities" || today.kind === "actions") ? new Map(today.items.map((x) => [x.key, x.status as string])) : null;
    for (const x of r.items) out.set(x.key, { key: x.key, title: x.title || x.code, row: x.row, col: d.columns.status ?? titleCol, now: { status: x.status }, today: then?.get(x.key) });
  }
  return out;
}

function scoreText(score: number, likelihood: number, impact: number): string {
  return `${score} (likelihood ${likelihood} × impact ${impact})`;
}

function storedScore(s: PublishedItem): string | undefined {
  return s.score !== undefined && s.likelihood !== undefined && s.impact !== undefined ? scoreText(s.score, s.likelihood, s.impact) : undefined;
}

function restated(r: DatasetReport, period: string, items: Restatement[], source: RestatedPeriod["source"], publishedOn: string | null, replacedOn: string | null): RestatedPeriod {
  return { period, datasetId: r.id, dataset: r.label, kind: r.kind, source, publishedOn, replacedOn, items, text: restatedText(period, r.kind, items) };
}

/**
 * A stored period run again: each item whose result the workbook now gives
 * otherwise than was published — its value or score corrected (data), what
 * it is judged against changed (target), or today's rules judging it
 * otherwise than the rules stored with the period (rule). `now` is worked
 * out with the stored rules, `today` (where the rules differ) with today's.
 * Lists of actions and registers hold only their current status, so they
 * are compared only while the period run is the workbook's own.
 */
export function restateRerun(
  now: DatasetReport, today: DatasetReport | null, stored: PeriodRecord, period: string,
  options: { rules: string[]; replacedOn: string | null; current: boolean },
): RestatedPeriod | null {
  if (now.kind !== "indicators" && now.kind !== "outcomes" && !options.current) return null;
  const publishedOn = storedDay(stored);
  const base = { period, dataset: now.label, publishedOn, newPublishedOn: options.replacedOn, ...(options.rules.length ? { rules: options.rules.join("; ") } : {}) };
  const items: Restatement[] = [];
  const storedItems = itemsByKey(stored.items);
  for (const [key, j] of judgedItems(now, options.rules.length ? today : null)) {
    const s = storedItems.get(key);
    if (s) items.push(...differences(j, s, base, now.sheet, storedScore(s)));
  }
  return items.length ? restated(now, period, items, "workbook", publishedOn, options.replacedOn) : null;
}

/**
 * A later run: a stored period's values (and the targets given for that
 * period itself) as the sheet now holds them, against those published. A
 * single target column is the target from now on, not a restatement of
 * earlier periods, so only a period's own target counts. Each status is
 * worked out again with the rules stored for the period.
 */
export function restateLater(r: IndicatorsReport, stored: PeriodRecord, period: Period, label: string): RestatedPeriod | null {
  const index = periodIndex(period);
  const key = periodKey(period);
  const publishedOn = storedDay(stored);
  const base = { period: label, dataset: r.label, publishedOn, newPublishedOn: null };
  const items: Restatement[] = [];
  const judged = new Set(["Green", "Amber", "Red", "Data only", "No data"]);
  const storedItems = itemsByKey(stored.items);
  for (const x of r.items) {
    const s = storedItems.get(x.item.key);
    if (!s || s.value === undefined) continue;
    // A sheet that no longer holds the period (a column per period dropped, values without periods) restates nothing.
    const pts = x.item.points;
    const at = pts.findIndex((p) => p !== null && p.kind === period.kind && periodIndex(p) === index);
    if (at < 0) continue;
    const value = pts.number(at);
    const own = x.item.targets?.get(key);
    const target = own !== undefined && s.target !== undefined ? own : s.target ?? x.target;
    if (same(s.value, value) && (own === undefined || s.target === undefined || same(s.target, own))) continue;
    const status = judged.has(s.status)
      ? ragStatus({ value, target, polarity: x.item.polarity, tolerance: stored.rules.tolerance ?? DEFAULT_TOLERANCE, redThreshold: x.item.redThreshold }).status
      : s.status;
    const j: Judged = {
      key: x.item.key, title: x.item.title || x.item.code, row: pts.row(at), col: pts.col(at),
      shown: shownOf(x.item), now: { status, value, target: own !== undefined ? own : s.target },
    };
    items.push(...differences(j, s, base, r.sheet));
  }
  return items.length ? restated(r, label, items, "workbook", publishedOn, null) : null;
}

/**
 * A period whose stored results were replaced since they were first
 * published: what the replacement changed, item by item, for the next
 * period's report to say.
 */
export function restateReplaced(r: DatasetReport, record: PeriodRecord, label: string, rules: string[]): RestatedPeriod | null {
  const old = record.superseded?.[record.superseded.length - 1];
  if (!old) return null;
  const publishedOn = storedDay(old);
  const replacedOn = storedDay({ storedAt: old.replacedAt });
  const base = { period: label, dataset: r.label, publishedOn, newPublishedOn: replacedOn, ...(rules.length ? { rules: rules.join("; ") } : {}) };
  const titles = judgedItems(r, null);
  const items: Restatement[] = [];
  const now = itemsByKey(record.items);
  for (let i = 0; i < old.items.keys.length; i++) {
    const key = old.items.keys[i];
    const s = old.items.values[i];
    const n = now.get(key);
    if (!n) continue;
    const j = titles.get(key);
    const shown = j?.shown;
    const judged: Judged = {
      key, title: j?.title ?? key, row: j?.row ?? r.detected.headerRow, col: j?.col ?? r.detected.left, shown,
      now: r.kind === "risks" ? { status: n.status, text: storedScore(n) ?? n.status } : { status: n.status, value: n.value, target: n.target },
    };
    const found = differences(judged, s, base, r.sheet, storedScore(s));
    // With the figures the same, a change of status under other rules is the rules'.
    items.push(...(rules.length ? found.map((x) => (x.change === "data" && x.was === x.statusWas ? { ...x, change: "rule" as const } : x)) : found));
  }
  return items.length ? restated(r, label, items, "replaced", publishedOn, replacedOn) : null;
}

/** Stored periods before `period` whose items still hold their figures: a later run can see them restated. */
export function earlierStored(history: Record<string, PeriodRecord> | undefined, period: Period): { label: string; period: Period; record: PeriodRecord }[] {
  if (!history) return [];
  const end = periodEnd(period);
  const out: { label: string; period: Period; record: PeriodRecord }[] = [];
  for (const [label, record] of Object.entries(history)) {
    const p = parsePeriodLabel(label);
    if (!p || p.kind !== period.kind || compareDates(periodEnd(p), end) >= 0) continue;
    if (!record || typeof record.items !== "object" || !record.items.values.some((i) => i && i.value !== undefined)) continue;
    out.push({ label, period: p, record });
  }
  return out;
}

/** "Q1 2021/22 restated: two outcomes changed status (data corrected)", numbers below ten as words for the Commentary. */
export function restatedSentence(x: RestatedPeriod): string {
  return `${restatedText(x.period, x.kind, x.items, countWord)}.`;
}

/** What the published results are now, in a clause after the restatement. */
export function restatedStanding(x: RestatedPeriod): string {
  if (x.source === "replaced") return `replaced on ${x.replacedOn ?? "a later day"}; the results published${x.publishedOn ? ` on ${x.publishedOn}` : ""} are kept in the workbook's history`;
  if (x.replacedOn) return `today's results replace those published${x.publishedOn ? ` on ${x.publishedOn}` : ""}, which are kept in the workbook's history`;
  return `the results published${x.publishedOn ? ` on ${x.publishedOn}` : ""} stand as published`;
}
