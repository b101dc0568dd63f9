import { cellRef } from "../grid";
import { Issue, issue } from "./issues";

/** How a missing status is named where unrated rows are counted by word. */
export const BLANK_WORD = "(blank)";

/**
 * Words a status column holds that the vocabulary does not know, each with
 * the rows it is in, so that a word is reported once (not once per row) and
 * the headline can say "26 not rated: 'Overdue' 12, 'At Risk' 14".
 */
export class UnknownWords {
  private readonly rows = new Map<string, number[]>();

  constructor(private readonly sheet: string, private readonly col: number, private readonly what: string) {}

  add(word: string, row: number): void {
    const list = this.rows.get(word);
    if (list) list.push(row);
    else this.rows.set(word, [row]);
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.rows].map(([w, r]) => [w, r.length]));
  }

  issues(): Issue[] {
    return [...this.rows].map(([word, rows]) => {
      const cells = rows.slice(0, 8).map((r) => cellRef(this.sheet, r, this.col).replace(/^.*!/, "")).join(", ") + (rows.length > 8 ? ` and ${rows.length - 8} more` : "");
      const what = word === BLANK_WORD
        ? `${rows.length} row${rows.length === 1 ? " has" : "s have"} no ${this.what}`
        : `'${word}' (${rows.length} row${rows.length === 1 ? "" : "s"}) is not in the status vocabulary`;
      return issue(this.sheet, rows[0], this.col, "warning", word === BLANK_WORD ? "status.missing" : "status.unknown",
        `${what} (${cells}): counted as not rated, so no standard can be met until it is rated or the word is mapped in Settings`);
    });
  }
}
