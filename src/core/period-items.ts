import type { PublishedItem } from "./settings";

/**
 * A period's items in order: `values[i]` is what was published for the item
 * keyed `keys[i]`. Two arrays rather than an object keyed by item: at 50,000
 * indicators such an object is a large dictionary, slow to build, to list
 * and to collect, made at every run only to be listed again by the encoder.
 * The order is the one an object keyed by the items would list them in
 * (ordered by `periodItems`), which is the order history has always stored.
 */
export interface PeriodItems {
  keys: string[];
  values: PublishedItem[];
}

export function noItems(): PeriodItems {
  return { keys: [], values: [] };
}

/** A key an object lists before all others, in numeric order: an array index ("0", "12"; not "012", "-1", "1.5" or 2³² − 1). */
function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) <= 4294967294;
}

/**
 * The items as an object keyed by them would hold them: keys that read as
 * array indexes first, in numeric order, then the rest in the order given;
 * a key given twice in its first place with its last value; no "__proto__".
 * Keys are seldom any of these, so they are looked at first and an object is
 * built only when one is. `distinct`: the caller knows no key is given twice
 * (item keys are made so: datasets/read.ts KeyMaker).
 */
export function periodItems(keys: string[], values: PublishedItem[], distinct: boolean): PeriodItems {
  let plain = true;
  for (let i = 0; i < keys.length && plain; i++) plain = !isArrayIndex(keys[i]) && keys[i] !== "__proto__";
  if (plain && (distinct || new Set(keys).size === keys.length)) return { keys, values };
  const o: Record<string, PublishedItem> = {};
  for (let i = 0; i < keys.length; i++) o[keys[i]] = values[i];
  return itemsOfObject(o);
}

/** Items stored as an object keyed by item (history stored before it was kept compact), in its own order. */
export function itemsOfObject(o: Record<string, PublishedItem>): PeriodItems {
  const keys = Object.keys(o);
  const values: PublishedItem[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = o[keys[i]];
  return { keys, values };
}

/** The items as an object keyed by item (for a comparison of whole records; not for large work). */
export function itemsObject(items: PeriodItems): Record<string, PublishedItem> {
  const o: Record<string, PublishedItem> = {};
  for (let i = 0; i < items.keys.length; i++) o[items.keys[i]] = items.values[i];
  return o;
}

/** Each item by its key, for a reader that looks items up (built once per reader, not per lookup). */
export function itemsByKey(items: PeriodItems): Map<string, PublishedItem> {
  const byKey = new Map<string, PublishedItem>();
  for (let i = 0; i < items.keys.length; i++) byKey.set(items.keys[i], items.values[i]);
  return byKey;
}
