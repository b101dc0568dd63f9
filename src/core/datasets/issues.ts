import { Problem, Severity } from "../problems";
import { cellRef } from "../grid";

/** A problem placed on its cell: what the Data issues sheet lists and the task pane links to. */
export interface Issue {
  sheet: string;
  /** A1 address, e.g. "C25". */
  cell: string;
  severity: Severity;
  message: string;
  code: string;
}

/**
 * "Due date '31/10021' in Priorities!C25 is not a date: expected …": the
 * field, the value, where it is, and what was expected, in one sentence.
 */
export function issueAt(sheet: string, row: number, col: number, label: string, problem: Problem): Issue {
  const ref = cellRef(sheet, row, col);
  const cell = ref.slice(ref.lastIndexOf("!") + 1);
  const split = problem.message.startsWith("'") ? problem.message.indexOf("' is ") : -1;
  const message = split > 0
    ? `${label} ${problem.message.slice(0, split + 1)} in ${ref}${problem.message.slice(split + 1)}`
    : `${label} in ${ref}: ${problem.message}`;
  return { sheet, cell, severity: problem.severity, message, code: problem.code };
}

export function issue(sheet: string, row: number, col: number, severity: Severity, code: string, message: string): Issue {
  const ref = cellRef(sheet, row, col);
  return { sheet, cell: ref.slice(ref.lastIndexOf("!") + 1), severity, code, message };
}
