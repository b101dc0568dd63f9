const INVALID_NAME = /[[\]:*?/\\]/g;

/** A free name for a sheet the product writes: the usual one, or "Name (report)", "Name (report 2)"… */
export function freeName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(INVALID_NAME, " ").slice(0, 31);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " (report)" : ` (report ${i})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
