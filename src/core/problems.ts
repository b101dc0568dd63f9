/**
 * Problems are data, not exceptions: every core function returns them beside
 * its result so a host can show each one against the cell it came from.
 */
export type Severity = "error" | "warning";

export interface Problem {
  /** Stable machine-readable code, e.g. "date.invalid". */
  code: string;
  severity: Severity;
  /** Plain English for a directorate lead; the host adds sheet and cell. */
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(code: string, message: string, severity: Severity = "error"): Parsed<T> {
  return { ok: false, problem: { code, severity, message } };
}
