import { parsePeriod, periodEnd } from "./periods";
import type { PeriodRecord, WorkbookSettings } from "./settings";
import { BASE64URL } from "./hash";
import { PeriodItems, itemsByKey, itemsOfObject, noItems, periodItems } from "./period-items";

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

/** Commentary fingerprints are kept for the latest 2 periods: next period compares with the latest, a re-run of it with the one before. */
export const PERIODS_WITH_COMMENTARY = 2;

type Item = PeriodItems["values"][number];

/**
 * One field of a period's items, in one of these forms (the encoder takes
 * the smallest that fits):
 * - `v`: the values as they are;
 * - `dict` and `p`: up to 63 distinct words, each row a word's place in
 *   `dict` plus one (0 for none) in as few bits as that takes, packed six
 *   bits to a character of `p` (so a status of four words takes a character
 *   per two rows); `dict` and `i` is the older form, an array of places;
 * - `w` and `s`: strings of one width (fingerprints) end to end, spaces for none;
 * - `ref` and `x`: numbers the same, item by item, as the period `ref`
 *   stored just before, except the rows in `x` ([row, value]).
 * `absent` lists rows whose item does not have the field at all.
 */
interface Column {
  v?: unknown[];
  dict?: string[];
  i?: number[];
  p?: string;
  w?: number;
  s?: string;
  ref?: string;
  x?: [number, unknown][];
  absent?: number[];
}
export interface CompactItems {
  /** Runs of indexes into the dataset's key table: [first, count]. */
  keys: [number, number][];
  cols: Record<string, Column>;
}

/** Six bits a character, none of which JSON escapes. */
const PACK = BASE64URL;

/** Bits a row takes in `p` for a dictionary of `words`: room for each word's place plus one, 0 being none. */
function bitsFor(words: number): number {
  return Math.max(1, Math.ceil(Math.log2(words + 1)));
}

function packPlaces(places: number[], bits: number): string {
  const perChar = Math.floor(6 / bits);
  let out = "";
  for (let r = 0; r < places.length; r += perChar) {
    let n = 0;
    for (let k = 0; k < perChar && r + k < places.length; k++) n |= places[r + k] << (bits * k);
    out += PACK[n];
  }
  return out;
}

function unpackPlace(p: string, bits: number, row: number): number {
  const perChar = Math.floor(6 / bits);
  return (PACK.indexOf(p[Math.floor(row / perChar)]) >> (bits * (row % perChar))) & ((1 << bits) - 1);
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

/** A length in `PACK` characters: one below 63, else "_" and three more (up to 63 + 262,143: two cells' worth of text). */
function lengthText(n: number): string {
  if (n < 63) return PACK[n];
  const m = n - 63;
  return `_${PACK[Math.floor(m / 4096) % 64]}${PACK[Math.floor(m / 64) % 64]}${PACK[m % 64]}`;
}

/**
 * The key table as one string, front-coded: each key as the length it
 * shares with the key before, the length of the rest, and the rest
 * ("PI-00001" after "PI-00000" is three characters, not eleven).
 */
export function packKeys(keys: string[]): string {
  // Joined once at the end: adding 50,000 keys' pieces to one string made a chain of as many partial strings.
  const pieces: string[] = new Array(keys.length);
  let before = "";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let shared = 0;
    const most = Math.min(before.length, key.length);
    while (shared < most && before.charCodeAt(shared) === key.charCodeAt(shared)) shared++;
    pieces[i] = lengthText(shared) + lengthText(key.length - shared) + key.slice(shared);
    before = key;
  }
  return pieces.join("");
}

export function unpackKeys(text: string): string[] {
  const keys: string[] = [];
  let before = "";
  walkKeys(text, (shared, from, to) => {
    before = before.slice(0, shared) + text.slice(from, to);
    keys.push(before);
  });
  return keys;
}

/**
 * Walks a front-coded key table, throwing where it is damaged; `key` is given
 * each key as the length it shares with the one before and where the rest is
 * in `text`. Returns how many keys it holds.
 */
function walkKeys(text: string, key?: (shared: number, from: number, to: number) => void): number {
  let at = 0;
  const digit = (): number => {
    const c = PACK.indexOf(text[at++] ?? "");
    if (c < 0) throw new Error("has a damaged key table");
    return c;
  };
  const length = (): number => {
    const c = digit();
    return c < 63 ? c : 63 + digit() * 4096 + digit() * 64 + digit();
  };
  let count = 0;
  let before = 0;
  while (at < text.length) {
    const shared = length();
    const rest = length();
    if (shared > before || at + rest > text.length) throw new Error("has a damaged key table");
    key?.(shared, at, at + rest);
    at += rest;
    before = shared + rest;
    count++;
  }
  return count;
}

/** The period stored just before, whose numbers a column may repeat: its label and items. */
type Earlier = { label: string; items: PeriodItems } | null;

/**
 * Looks up the item keyed `keys[r]` in `items`: most periods list the same
 * items in the same order, so row `r` is tried first and a Map by key is
 * made only when it does not match.
 */
function itemFinder(items: PeriodItems, keys: string[]): (r: number) => Item | undefined {
  let byKey: Map<string, Item> | null = null;
  return (r) => (items.keys[r] === keys[r] ? items.values[r] : (byKey ??= itemsByKey(items)).get(keys[r]));
}

/** A column of strings (`present` holds strings and nulls, at least one string). */
function stringColumn(present: unknown[]): Column {
  // One pass: each row's place in the dictionary plus one (0 for none), the words in the order met.
  const at = new Map<string, number>();
  const places: number[] = new Array(present.length);
  for (let r = 0; r < present.length; r++) {
    const x = present[r];
    if (typeof x !== "string") places[r] = 0;
    else {
      let place = at.get(x);
      if (place === undefined) at.set(x, (place = at.size + 1));
      places[r] = place;
    }
  }
  const dict = [...at.keys()];
  const small = bitsFor(dict.length) <= 6;
  if (small) return { dict, p: packPlaces(places, bitsFor(dict.length)) };
  // Fingerprints: nearly every row its own, all of one width.
  const strings = present.filter((x): x is string => typeof x === "string");
  const width = strings[0].length;
  if (width > 0 && width <= 16 && strings.every((x) => x.length === width && !x.includes(" "))) {
    const blank = " ".repeat(width);
    return { w: width, s: present.map((x) => (typeof x === "string" ? x : blank)).join("") };
  }
  return { dict, i: places.map((p) => p - 1) };
}

/** Numbers the same as the period before's, item by item, stored as that period's name and the rows that differ. */
function repeatColumn(field: string, values: (unknown | null)[], earlier: Earlier, find: ((r: number) => Item | undefined) | null): Column | null {
  if (!earlier || !find || !values.some((x) => typeof x === "number")) return null;
  const x: [number, unknown][] = [];
  for (let r = 0; r < values.length; r++) {
    const before = (find(r) as unknown as Record<string, unknown> | undefined)?.[field];
    if (before === undefined || before !== values[r]) x.push([r, values[r]]);
    if (x.length * 2 > values.length) return null;
  }
  return { ref: earlier.label, x };
}

/** A dataset's table of item keys, in the order first stored, which every period's items index into. */
class KeyTable {
  readonly keys: string[] = [];
  /** Each key's index, made only when a period lists its items otherwise than the table (most list the same, in the same order). */
  private at: Map<string, number> | null = null;

  /** Runs of the table's indexes for `names` (distinct), adding those it lacks. */
  runsOf(names: string[]): [number, number][] {
    const { keys } = this;
    let same = 0;
    while (same < names.length && same < keys.length && names[same] === keys[same]) same++;
    if (same === names.length || same === keys.length) {
      // The table's keys in order, then (names being distinct) only keys it lacks: indexes 0, 1, 2…, with no lookups.
      for (let r = keys.length; r < names.length; r++) {
        keys.push(names[r]);
        this.at?.set(names[r], r);
      }
      return names.length ? [[0, names.length]] : [];
    }
    const at = (this.at ??= new Map(keys.map((k, i) => [k, i])));
    const indexes: number[] = new Array(names.length);
    for (let r = 0; r < names.length; r++) {
      let i = at.get(names[r]);
      if (i === undefined) {
        i = keys.push(names[r]) - 1;
        at.set(names[r], i);
      }
      indexes[r] = i;
    }
    return runs(indexes);
  }
}

/**
 * One period's items as columns. Written as plain loops: a dataset of 50,000
 * indicators is encoded at every save, and the array helpers' intermediate
 * arrays and closures were most of a save's time.
 */
function encodeItems(items: PeriodItems, table: KeyTable, earlier: Earlier): CompactItems {
  const { keys: names, values: all } = items;
  const n = names.length;
  // Each field's values by row (undefined where the item lacks it), fields in the order met. for-in, not
  // Object.keys: items of one shape share one list of their keys, so no array is made per item.
  const columns = new Map<string, unknown[]>();
  for (let r = 0; r < n; r++) {
    const item = all[r] as unknown as Record<string, unknown>;
    for (const f in item) {
      let values = columns.get(f);
      if (values === undefined) columns.set(f, (values = new Array(n)));
      values[r] = item[f];
    }
  }
  const cols: Record<string, Column> = {};
  const find = earlier ? itemFinder(earlier.items, names) : null;
  for (const [f, present] of columns) {
    const absent: number[] = [];
    let strings = true;
    let anyString = false;
    let numbers = true;
    for (let r = 0; r < n; r++) {
      let x = present[r];
      if (x === undefined) {
        absent.push(r);
        present[r] = x = null;
      }
      if (typeof x === "string") anyString = true;
      else if (x !== null) strings = false;
      if (x !== null && typeof x !== "number") numbers = false;
    }
    const col: Column = strings && anyString ? stringColumn(present) : (numbers ? repeatColumn(f, present, earlier, find) : null) ?? { v: present };
    if (absent.length) col.absent = absent;
    cols[f] = col;
  }
  return { keys: table.runsOf(names), cols };
}

/** The items back in order; `decoded` holds the periods already read, for columns that repeat one of them. */
function decodeItems(c: CompactItems, keys: string[], decoded: Record<string, PeriodRecord>): PeriodItems {
  const keyOf: string[] = [];
  for (const [first, count] of c.keys) {
    for (let k = first; k < first + count; k++) {
      const key = keys[k];
      if (key === undefined) throw new Error(`item ${k} is not in the key table`);
      keyOf.push(key);
    }
  }
  const n = keyOf.length;
  const rows: Record<string, unknown>[] = new Array(n);
  for (let r = 0; r < n; r++) rows[r] = {};
  for (const [f, col] of Object.entries(c.cols)) {
    const absent = new Set(col.absent ?? []);
    const value = columnReader(f, col, keyOf, decoded);
    for (let r = 0; r < n; r++) if (!absent.has(r)) rows[r][f] = value(r);
  }
  // As the object by key they were read into before: stored text is not trusted to list each key once.
  return periodItems(keyOf, rows as unknown as Item[], false);
}

function columnReader(field: string, col: Column, keyOf: string[], decoded: Record<string, PeriodRecord>): (row: number) => unknown {
  if (col.dict && typeof col.p === "string") {
    const { dict, p } = col;
    const bits = bitsFor(dict.length);
    return (r) => {
      const place = unpackPlace(p, bits, r);
      return place === 0 ? null : dict[place - 1];
    };
  }
  if (col.dict && col.i) {
    const { dict, i } = col;
    return (r) => (i[r] >= 0 ? dict[i[r]] : null);
  }
  if (typeof col.w === "number" && typeof col.s === "string") {
    const { w, s } = col;
    return (r) => {
      const text = s.slice(r * w, (r + 1) * w);
      return text.trim() ? text : null;
    };
  }
  if (typeof col.ref === "string") {
    const earlier = decoded[col.ref];
    if (!earlier) throw new Error(`has a column repeating '${col.ref}', which is not stored before it`);
    const except = new Map(col.x ?? []);
    const find = itemFinder(earlier.items, keyOf);
    return (r) => (except.has(r) ? except.get(r) : (find(r) as unknown as Record<string, unknown> | undefined)?.[field]);
  }
  const v = col.v ?? [];
  return (r) => v[r];
}

/**
 * Throws, as expandHistory would, where the stored history cannot be read
 * back (a damaged key table, an item the table lacks, a column repeating a
 * period not stored before it); builds nothing.
 */
export function checkHistory(history: Record<string, Record<string, unknown>>, historyKeys: Record<string, string[] | string>): void {
  for (const [id, periods] of Object.entries(history)) {
    const table = historyKeys[id] ?? [];
    const count = typeof table === "string" ? walkKeys(table) : table.length;
    const before = new Set<string>();
    const check = (r: Record<string, unknown>) => {
      if (!isCompact(r.items)) return;
      for (const [first, n] of r.items.keys) if (n > 0 && first + n - 1 >= count) throw new Error(`item ${Math.max(first, count)} is not in the key table`);
      for (const col of Object.values(r.items.cols)) {
        if (typeof col.ref === "string" && !before.has(col.ref)) throw new Error(`has a column repeating '${col.ref}', which is not stored before it`);
      }
    };
    for (const [label, record] of Object.entries(periods)) {
      const r = record as Record<string, unknown>;
      check(r);
      if (Array.isArray(r.superseded)) for (const x of r.superseded) check(x as Record<string, unknown>);
      before.add(label);
    }
  }
}

/** The stored form's history back as records with items by key (records stored before compaction pass as they are). */
export function expandHistory(history: Record<string, Record<string, unknown>>, historyKeys: Record<string, string[] | string>): WorkbookSettings["history"] {
  const out: WorkbookSettings["history"] = {};
  for (const [id, periods] of Object.entries(history)) {
    const table = historyKeys[id] ?? [];
    const keys = typeof table === "string" ? unpackKeys(table) : table;
    out[id] = {};
    const expand = (r: Record<string, unknown>): PeriodRecord => ({
      ...r,
      items: isCompact(r.items) ? decodeItems(r.items, keys, out[id]) : itemsOfObject((r.items ?? {}) as Record<string, Item>),
    }) as unknown as PeriodRecord;
    for (const [label, record] of Object.entries(periods)) {
      const r = expand(record as Record<string, unknown>);
      if (Array.isArray(r.superseded)) r.superseded = r.superseded.map((s) => expand(s as unknown as Record<string, unknown>) as unknown as typeof s);
      out[id][label] = r;
    }
  }
  return out;
}

/** History in its stored form: items column by column against one key table per dataset (front-coded, packKeys). */
export function compactHistory(history: WorkbookSettings["history"]): { history: Record<string, Record<string, unknown>>; historyKeys: Record<string, string> } {
  const stored: Record<string, Record<string, unknown>> = {};
  const historyKeys: Record<string, string> = {};
  for (const [id, periods] of Object.entries(history)) {
    const table = new KeyTable();
    const pack = (r: PeriodRecord | NonNullable<PeriodRecord["superseded"]>[number], earlier: Earlier) => ({ ...r, items: encodeItems(r.items ?? noItems(), table, earlier) });
    stored[id] = {};
    let earlier: Earlier = null;
    for (const [label, r] of Object.entries(periods)) {
      // Replaced records stand alone; a period's own record may repeat the one stored before it.
      stored[id][label] = { ...pack(r, earlier), ...(r.superseded ? { superseded: r.superseded.map((x) => pack(x, null)) } : {}) };
      earlier = { label, items: r.items ?? noItems() };
    }
    historyKeys[id] = packKeys(table.keys);
  }
  return { history: stored, historyKeys };
}

/** What an item was published as: kept for every period, whatever is trimmed. */
const PUBLISHED: readonly string[] = ["status", "trend"];
/** A fingerprint of its commentary: kept for the latest PERIODS_WITH_COMMENTARY periods. */
const COMMENTARY: readonly string[] = ["commentaryHash"];

type AnyRecord = { items: PeriodItems; itemsTrimmed?: PeriodRecord["itemsTrimmed"] };

/** The record with only `keep` of each item's fields; `count` says whether items losing figures are counted as trimmed. */
function keepFields<R extends AnyRecord>(r: R, keep: (field: string) => boolean, today: string, count: boolean): R {
  const all = r.items?.values ?? [];
  const loses = (item: Item) => Object.keys(item).some((f) => !keep(f));
  if (!all.some(loses)) return r;
  const values = all.map((item) => {
    const kept: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(item)) if (keep(f) && v !== undefined) kept[f] = v;
    return kept as unknown as Item;
  });
  const items: PeriodItems = { keys: r.items.keys, values };
  if (!count) return { ...r, items };
  const figures = all.filter((item) => loses(item) && Object.keys(item).some((f) => !PUBLISHED.includes(f) && !COMMENTARY.includes(f))).length;
  return { ...r, items, ...(figures ? { itemsTrimmed: { count: figures + (r.itemsTrimmed?.count ?? 0), on: today } } : {}) };
}

/**
 * Older periods lose their items' figures (value, target, score, likelihood
 * and impact), keeping what each item was published as; their headline,
 * rules and the rest stay whole, and so do the records they replaced. Each
 * dataset keeps whole items for its latest PERIODS_WITH_ITEMS periods, and
 * commentary fingerprints for its latest PERIODS_WITH_COMMENTARY. Periods
 * stay in the order stored.
 */
export function trimHistory(history: WorkbookSettings["history"], today: string, keep = PERIODS_WITH_ITEMS): WorkbookSettings["history"] {
  const out: WorkbookSettings["history"] = {};
  const noCommentary = (f: string) => !COMMENTARY.includes(f);
  const published = (f: string) => PUBLISHED.includes(f);
  for (const [id, periods] of Object.entries(history)) {
    const newest = Object.keys(periods).sort((a, b) => endOf(b) - endOf(a));
    const whole = new Set(newest.slice(0, Math.min(keep, PERIODS_WITH_COMMENTARY)));
    const recent = new Set(newest.slice(0, keep));
    out[id] = {};
    for (const [label, r] of Object.entries(periods)) {
      if (whole.has(label)) {
        out[id][label] = r;
        continue;
      }
      const trim = <R extends AnyRecord>(x: R): R => (recent.has(label) ? keepFields(x, noCommentary, today, false) : keepFields(x, published, today, true));
      out[id][label] = { ...trim(r), ...(r.superseded ? { superseded: r.superseded.map(trim) } : {}) };
    }
  }
  return out;
}
