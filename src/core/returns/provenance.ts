import { CellValue, cellText, isBlank } from "../values";
import { normaliseStatus } from "../status";
import { parseUkDate, toIso } from "../dates";
import { parseLevel, RiskMatrix } from "../risk/matrix";
import { cyrb53 } from "../hash";

/**
 * What a return's template held when it was made, per item and field, as
 * fingerprints: a short hash of each value in a canonical form (a RAG as its
 * status word, a date as ISO, a level as its number, text trimmed). Collecting
 * compares three fingerprints per field — the template's, the return's and
 * the corporate sheet's now — so it applies only what the lead changed, and
 * sees what the corporate sheet changed since the template went out.
 */
export type ReturnField = "rag" | "due" | "commentary" | "likelihood" | "impact";

const CODE: Record<ReturnField, string> = { rag: "r", due: "d", commentary: "c", likelihood: "l", impact: "i" };
const FIELD = Object.fromEntries(Object.entries(CODE).map(([f, c]) => [c, f])) as Record<string, ReturnField>;

/** A value in the form two spellings of the same thing share ("green" and "Green"; 31/3/22 and 31/03/2022). */
export function canonical(field: ReturnField, v: CellValue | undefined, matrix: RiskMatrix): string {
  if (isBlank(v)) return "";
  if (field === "rag") {
    const s = normaliseStatus(v);
    return s.ok ? s.value : `?${cellText(v).trim()}`;
  }
  if (field === "due") {
    const d = parseUkDate(v);
    return d.ok && d.value ? toIso(d.value) : `?${cellText(v).trim()}`;
  }
  if (field === "likelihood" || field === "impact") {
    const l = parseLevel(v, matrix, field);
    return l.ok && l.value !== null ? String(l.value) : `?${cellText(v).trim()}`;
  }
  return cellText(v).trim();
}

/** A value's fingerprint: cyrb53 (hash.ts) in base 36, 11 characters at most. */
export function fingerprint(text: string): string {
  return cyrb53(text).toString(36);
}

export type Provenance = Partial<Record<ReturnField, string>>;

/** The hidden cell's text for an item: "r=1x2y;d=…;c=…". */
export function provenanceText(values: Partial<Record<ReturnField, CellValue | undefined>>, matrix: RiskMatrix): string {
  return (Object.keys(values) as ReturnField[]).map((f) => `${CODE[f]}=${fingerprint(canonical(f, values[f], matrix))}`).join(";");
}

/** The fingerprints back from a hidden cell; null when it is not one. */
export function parseProvenance(text: string): Provenance | null {
  if (!text) return null;
  const out: Provenance = {};
  for (const part of text.split(";")) {
    const m = /^([a-z])=([0-9a-z]+)$/.exec(part);
    if (!m || !FIELD[m[1]]) return null;
    out[FIELD[m[1]]] = m[2];
  }
  return out;
}
