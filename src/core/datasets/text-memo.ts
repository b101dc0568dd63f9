/**
 * A function of a cell's text, worked out once per distinct text: a column
 * repeats a few texts down its rows (a long extract, down a million of
 * them), and the function's regular expressions cost more than a lookup.
 * Only for functions whose result depends on the text alone and is never
 * changed by its users. Emptied when it holds `max` texts, so odd files
 * cannot grow it.
 */
export function memoByText<T>(read: (text: string) => T, max = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      known.set(text, (value = read(text)));
    }
    return value;
  };
}
