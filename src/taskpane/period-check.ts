/**
 * The reporting period as the user types it, checked by the same reader the
 * run uses, so a typo is caught at once rather than at Run, and a period the
 * indicators have no values for is said before it turns every one "No data".
 */
import { formatPeriod, longPeriodName, parsePeriod, periodKey, quarterMonths } from "../core/periods";
import type { Inspection } from "../workbook/inspect";

export interface PeriodCheck {
  /** error: the run cannot start; warning: it can, but the figures would be empty; success: what the period means. */
  state: "error" | "warning" | "success" | "none";
  message: string;
  /** The period as the run would label it ("Q1 2021/22"), when it reads. */
  label: string | null;
}

export function checkPeriod(inspection: Inspection, typed: string): PeriodCheck {
  const text = typed.trim();
  if (!text) {
    return inspection.periodRequired
      ? { state: "error", label: null, message: "Choose the period to report on: the workbook does not say, and overdue items and targets are judged at its end." }
      : { state: "none", label: null, message: "" };
  }
  const parsed = parsePeriod(text);
  if (!parsed.ok) return { state: "error", label: null, message: sentence(parsed.problem.message) };
  const p = parsed.value;
  if (!p) return { state: "none", label: null, message: "" };
  const label = formatPeriod(p);
  const { keys, unplaced, latest } = inspection.valuedPeriods;
  const measured = inspection.datasets.some((d) => d.kind === "indicators" || d.kind === "outcomes");
  if (measured && !unplaced && keys.length > 0 && !keys.includes(periodKey(p))) {
    return {
      state: "warning", label,
      message: `No indicator or outcome has a value for ${label}, so each would be 'No data'${latest ? `: the latest period with values is ${latest}` : ""}.`,
    };
  }
  const months = p.kind === "quarter" ? ` (${quarterMonths(p)})` : "";
  return { state: "success", label, message: `${capital(longPeriodName(p))}${months}.` };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => capital(s.trim()) + (/[.!?]$/.test(s.trim()) ? "" : ".");
