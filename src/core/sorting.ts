/**
 * Sorts `list` in place unless it is already in order, which is the usual
 * case for a series read down a sheet. V8's sort copies the array into a
 * work area even when nothing moves: at 50,000 indicators that was 130 MB
 * of garbage a run for nothing.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) > 0) return list.sort(compare);
  }
  return list;
}
