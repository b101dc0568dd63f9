import { SheetGrid } from "../grid";
import { DetectedDataset } from "../detect/find-datasets";
import { cellText } from "../values";

/** Rows above a table looked at for its title. */
const TITLE_ROWS = 10;

/**
 * The sheet's own title for a table: the first line of text above its header
 * ("Strategic Plan 2021-24 outcome measures"), or null when it has none.
 */
export function sheetTitle(grid: SheetGrid, d: DetectedDataset): string | null {
  for (let r = Math.max(0, d.headerRow - TITLE_ROWS); r < d.headerRow; r++) {
    for (const v of grid.rows[r] ?? []) {
      if (typeof v !== "string") continue;
      const text = cellText(v);
      // A title has words; a lone number or code is not one.
      if (/[A-Za-z]{3,}/.test(text) && text.length <= 120) return text;
    }
  }
  return null;
}

/**
 * The plan's name from a title: what comes before a colon ("Strategic Plan
 * 2021-24 outcome measures: Quarter One 2021/22" → "Strategic Plan 2021-24
 * outcome measures"), or null without a title.
 */
export function planNameFrom(title: string | null): string | null {
  if (!title) return null;
  const before = title.split(/:\s/)[0].trim();
  return before.length >= 3 ? before : title.trim();
}
