import type { Role } from "../core/detect/roles";

/**
 * A table's mapping with one field moved to a column (or left out, for null).
 * A column has one meaning: a field that was on the chosen column leaves it,
 * so a register's second "Likelihood" chosen as the likelihood is not claimed
 * back by the residual likelihood the reading had put there.
 */
export function withColumn(columns: Partial<Record<Role, string | null>>, role: Role, key: string | null): Partial<Record<Role, string | null>> {
  const out: Partial<Record<Role, string | null>> = {};
  for (const [r, k] of Object.entries(columns) as [Role, string | null][]) if (r !== role && (key === null || k !== key)) out[r] = k;
  out[role] = key;
  return out;
}
