import { SheetGrid, filledColumns } from "../grid";
import { Polarity } from "../polarity";
import { DetectedDataset } from "../detect/find-datasets";

/** Rows above a table read for a stated rule (titles and notes sit close to it). */
const ABOVE = 30;

/** "Green >= 100% of Goal", "Green: at or above target": Green is at or above the goal, so higher is better. */
const AT_OR_ABOVE = /^green\b[\s:=-]*(>=|=>|≥|>|at or above|above|over|or more|meets or exceeds|exceeds|at least)/i;
/** "Green <= target", "Green: at or below target": lower is better. */
const AT_OR_BELOW = /^green\b[\s:=-]*(<=|=<|≤|<|at or below|below|under|or less|no more than|at most)/i;

export interface StatedPolarity {
  polarity: Polarity;
  /** The words of the rule, as the sheet writes them. */
  text: string;
  row: number;
  col: number;
}

/**
 * The direction a sheet states in its own notes: a key or rule above or
 * below the table that says when a figure is Green ("Status Conditions:
 * Green >=100% of Goal, Yellow 95%-99% of Goal, Red <95% of Goal") says
 * higher is better. Only a rule that names Green with a comparison counts;
 * two rules that disagree count as none.
 */
export function statedPolarity(grid: SheetGrid, d: DetectedDataset): StatedPolarity | null {
  const rows = [...(d.footerRows ?? [])];
  for (let r = Math.max(0, d.headerRow - ABOVE); r < d.headerRow; r++) rows.push(r);
  let found: StatedPolarity | null = null;
  for (const r of rows) {
    const row = grid.rows[r];
    const first = filledColumns(row, 0, (row?.length ?? 1) - 1)[0];
    if (first === undefined || typeof row?.[first] !== "string") continue;
    for (const clause of (row[first] as string).split(/[,;.]\s+|:\s+|\n/)) {
      const text = clause.trim();
      const polarity: Polarity | null = AT_OR_ABOVE.test(text) ? "Maximise" : AT_OR_BELOW.test(text) ? "Minimise" : null;
      if (!polarity) continue;
      if (found && found.polarity !== polarity) return null;
      found ??= { polarity, text, row: r, col: first };
    }
  }
  return found;
}
