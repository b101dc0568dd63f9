/** Counts and lists in the report's prose. */

const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Numbers below ten as words, as the report writes them ("one low risk", "three 'Red Red' outcomes"). */
export function countWord(n: number): string {
  if (n >= 0 && n < 10 && Number.isInteger(n)) return SMALL[n];
  return Number.isInteger(n) ? groupDigits(n) : String(n);
}

/**
 * A whole number as en-GB writes it, digits in threes ("50,000"). Made by
 * hand because the first `toLocaleString` of a run starts the locale
 * library, about 20 ms of a command-line run; anything but a safe integer
 * is left to it.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-GB");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countWord(n)} ${n === 1 ? one : many}`;
}

/** A list in prose: "a", "a and b", "a, b and c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Items named in a sentence at most; the rest are counted ("and 8,698 others"), listed in full on their own sheets. */
export const MAX_NAMED = 10;

/**
 * A list in prose naming at most MAX_NAMED items: "a, b, … j and 12 others".
 * `total`: how many there are, where only the first MAX_NAMED were worded (the rest would be thrown away).
 */
export function listSome(items: string[], total = items.length): string {
  if (total <= MAX_NAMED) return listWords(items);
  const rest = total - MAX_NAMED;
  return `${items.slice(0, MAX_NAMED).join(", ")} and ${groupDigits(rest)} ${rest === 1 ? "other" : "others"}`;
}
