import { parsePeriod, periodEnd } from "./periods";
import type { PeriodRecord, WorkbookSettings } from "./settings";

/**
 * History kept compact in the stored text. A period's items (one per
 * indicator, risk or action) are stored column by column, against one table
 * of item keys per dataset: the keys are written once, not once a period,
 * statuses as indexes into a short list of words. Every field an item has —
 * including ones this version does not know — is a column, so nothing is
 * dropped. What each item was published as (its status or level and short
 * trend) is kept for every period, so any stored period reprints as
 * published; the figures behind it are kept for the latest periods (what
 * next quarter compares with), and older periods say how many items'
 * figures were trimmed and when.
 */
export const PERIODS_WITH_ITEMS = 4;

type Items = PeriodRecord["items"];
type Item = Items[string];

interface Column {
  v?: unknown[];
  dict?: string[];
  i?: number[];
  absent?: number[];
}
export interface CompactItems {
  /** Runs of indexes into the dataset's key table: [first, count]. */
  keys: [number, number][];
  cols: Record<string, Column>;
}

export function isCompact(items: unknown): items is CompactItems {
  return typeof items === "object" && items !== null && Array.isArray((items as CompactItems).keys) && typeof (items as CompactItems).cols === "object";
}

/** A stored period label's end, to order periods; a label that is not a period sorts first (oldest). */
function endOf(label: string): number {
  const p = parsePeriod(label);
  if (!p.ok || !p.value) return -1;
  const d = periodEnd(p.value);
  return d.year * 10_000 + d.month * 100 + d.day;
}

function runs(indexes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

/**
 * One period's items as columns. Written as plain loops: a dataset of 50,000
 * indicators is encoded at every save (and decoded to check it reads back),
 * and the array helpers' intermediate arrays and closures were most of a
 * save's time.
 */
function encodeItems(items: Items, table: Map<string, number>, keys: string[]): CompactItems {
  const names = Object.keys(items);
  const n = names.length;
  const rows: Record<string, unknown>[] = new Array(n);
  const indexes: number[] = new Array(n);
  const fields: string[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    const key = names[r];
    let at = table.get(key);
    if (at === undefined) {
      at = keys.push(key) - 1;
      table.set(key, at);
    }
    indexes[r] = at;
    const item = items[key] as unknown as Record<string, unknown>;
    rows[r] = item;
    for (const f of Object.keys(item)) {
      if (!seen.has(f)) {
        seen.add(f);
        fields.push(f);
      }
    }
  }
  const cols: Record<string, Column> = {};
  for (const f of fields) {
    const present: unknown[] = new Array(n);
    const absent: number[] = [];
    let strings = true;
    let anyString = false;
    for (let r = 0; r < n; r++) {
      let x = rows[r][f];
      if (x === undefined) {
        absent.push(r);
        x = null;
      }
      present[r] = x;
      if (typeof x === "string") anyString = true;
      else if (x !== null) strings = false;
    }
    const col: Column = {};
    if (strings && anyString) {
      // Each word once, in the order first met; every item an index into them (-1: none).
      const dict: string[] = [];
      const at = new Map<string, number>();
      const i: number[] = new Array(n);
      for (let r = 0; r < n; r++) {
        const x = present[r] as string | null;
        if (x === null) {
          i[r] = -1;
          continue;
        }
        let k = at.get(x);
        if (k === undefined) {
          k = dict.push(x) - 1;
          at.set(x, k);
        }
        i[r] = k;
      }
      col.dict = dict;
      col.i = i;
    } else col.v = present;
    if (absent.length) col.absent = absent;
    cols[f] = col;
  }
  return { keys: runs(indexes), cols };
}

function decodeItems(c: CompactItems, keys: string[]): Items {
  const indexes: number[] = [];
  for (const [first, count] of c.keys) for (let k = 0; k < count; k++) indexes.push(first + k);
  const rows: Record<string, unknown>[] = new Array(indexes.length);
  for (let r = 0; r < rows.length; r++) rows[r] = {};
  for (const [f, col] of Object.entries(c.cols)) {
    const absent = new Uint8Array(rows.length);
    for (const a of col.absent ?? []) if (a >= 0 && a < rows.length) absent[a] = 1;
    for (let r = 0; r < rows.length; r++) {
      if (absent[r]) continue;
      rows[r][f] = col.dict ? (col.i![r] >= 0 ? col.dict[col.i![r]] : null) : col.v![r];
    }
  }
  const out: Items = {};
  for (let r = 0; r < indexes.length; r++) {
    const key = keys[indexes[r]];
    if (key === undefined) throw new Error(`item ${indexes[r]} is not in the key table`);
    out[key] = rows[r] as unknown as Item;
  }
  return out;
}

/** Throws, as expandHistory would, where a compact record names an item the key table lacks; builds nothing. */
export function checkHistory(history: Record<string, Record<string, unknown>>, historyKeys: Record<string, string[]>): void {
  for (const [id, periods] of Object.entries(history)) {
    const count = (historyKeys[id] ?? []).length;
    const check = (r: Record<string, unknown>) => {
      if (!isCompact(r.items)) return;
      for (const [first, n] of r.items.keys) if (n > 0 && first + n - 1 >= count) throw new Error(`item ${Math.max(first, count)} is not in the key table`);
    };
    for (const record of Object.values(periods)) {
      const r = record as Record<string, unknown>;
      check(r);
      if (Array.isArray(r.superseded)) for (const s of r.superseded) check(s as Record<string, unknown>);
    }
  }
}

/** The stored form's history back as records with items by key (records stored before compaction pass as they are). */
export function expandHistory(history: Record<string, Record<string, unknown>>, historyKeys: Record<string, string[]>): WorkbookSettings["history"] {
  const out: WorkbookSettings["history"] = {};
  for (const [id, periods] of Object.entries(history)) {
    const keys = historyKeys[id] ?? [];
    const expand = (r: Record<string, unknown>): PeriodRecord => (isCompact(r.items) ? { ...r, items: decodeItems(r.items, keys) } : r) as unknown as PeriodRecord;
    out[id] = {};
    for (const [label, record] of Object.entries(periods)) {
      const r = expand(record as Record<string, unknown>);
      if (Array.isArray(r.superseded)) r.superseded = r.superseded.map((s) => expand(s as unknown as Record<string, unknown>) as unknown as typeof s);
      out[id][label] = r;
    }
  }
  return out;
}

/** History in its stored form: items column by column against one key table per dataset. */
export function compactHistory(history: WorkbookSettings["history"]): { history: Record<string, Record<string, unknown>>; historyKeys: Record<string, string[]> } {
  const stored: Record<string, Record<string, unknown>> = {};
  const historyKeys: Record<string, string[]> = {};
  for (const [id, periods] of Object.entries(history)) {
    const keys: string[] = [];
    const table = new Map<string, number>();
    const pack = (r: PeriodRecord | NonNullable<PeriodRecord["superseded"]>[number]) => ({ ...r, items: encodeItems(r.items ?? {}, table, keys) });
    stored[id] = {};
    for (const [label, r] of Object.entries(periods)) {
      stored[id][label] = { ...pack(r), ...(r.superseded ? { superseded: r.superseded.map(pack) } : {}) };
    }
    historyKeys[id] = keys;
  }
  return { history: stored, historyKeys };
}

/** What an item was published as: kept for every period, whatever is trimmed. */
const PUBLISHED: readonly string[] = ["status", "trend"];

/**
 * Older periods lose their items' figures (value, score, likelihood and
 * impact), keeping what each item was published as; their headline, rules and
 * the rest stay whole, and so do the records they replaced. Each dataset
 * keeps whole items for its latest PERIODS_WITH_ITEMS periods. Periods stay in
 * the order stored.
 */
export function trimHistory(history: WorkbookSettings["history"], today: string, keep = PERIODS_WITH_ITEMS): WorkbookSettings["history"] {
  const out: WorkbookSettings["history"] = {};
  const trim = <R extends { items: Items; itemsTrimmed?: PeriodRecord["itemsTrimmed"] }>(r: R): R => {
    const entries = Object.entries(r.items ?? {});
    const figures = entries.filter(([, item]) => Object.keys(item).some((f) => !PUBLISHED.includes(f))).length;
    if (!figures) return r;
    const items: Items = {};
    for (const [key, item] of entries) {
      const kept: Record<string, unknown> = {};
      for (const f of PUBLISHED) if ((item as unknown as Record<string, unknown>)[f] !== undefined) kept[f] = (item as unknown as Record<string, unknown>)[f];
      items[key] = kept as unknown as Item;
    }
    return { ...r, items, itemsTrimmed: { count: figures + (r.itemsTrimmed?.count ?? 0), on: today } };
  };
  for (const [id, periods] of Object.entries(history)) {
    const recent = new Set(Object.keys(periods).sort((a, b) => endOf(b) - endOf(a)).slice(0, keep));
    out[id] = {};
    for (const [label, r] of Object.entries(periods)) {
      if (recent.has(label)) out[id][label] = r;
      else out[id][label] = { ...trim(r), ...(r.superseded ? { superseded: r.superseded.map(trim) } : {}) };
    }
  }
  return out;
}
