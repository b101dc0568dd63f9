/**
 * What a cell's number format says about its number, by one rule for both
 * hosts: the file reader knows a cell's format from its style, the Office
 * host from `Range.numberFormat`. Excel keeps dates as serial numbers and
 * percentages as fractions (80% is 0.8): only the format tells them apart.
 */

/** Built-in number formats by id (ECMA-376 Part 1, §18.8.30); the ids a file may use without writing the code. */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
  46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};
// East Asian built-ins Excel shows as dates (27–36, 50–58): their codes vary by locale, so a stand-in date code.
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN[id] = "yyyy-mm-dd";

/** The format code of a built-in id; undefined for an id that is not built in. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** The first section of a code with quoted text, [brackets] and escaped characters taken out. */
function bareSection(code: string): string {
  return code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*]/g, "").split(";")[0];
}

/**
 * A format shows a date or time when, outside quoted text and [brackets], it
 * has a date or time letter (in either case: LibreOffice writes `YYYY-MM-DD`).
 * "General" has none of them once its letters are read as a word.
 */
export function isDateFormat(code: string): boolean {
  const bare = bareSection(code);
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhsb]/i.test(bare.replace(/general/gi, "").replace(/AM\/PM|A\/P/gi, ""));
}

/** A format shows a percentage (the cell's 0.8 is seen as 80%). */
export function isPercentFormat(code: string): boolean {
  return bareSection(code).includes("%");
}

/** A format worth keeping with a number: anything but General and plain text. */
export function isPlainFormat(code: string | undefined): boolean {
  return !code || /^(general|@)$/i.test(code.trim());
}

/** Decimal places a number format shows in its first section ("0.0%" → 1, "#,##0" → 0); null when it does not fix them. */
export function formatDecimals(code: string): number | null {
  if (isPlainFormat(code)) return null;
  const bare = bareSection(code);
  if (!/[0#?]/.test(bare)) return null;
  const m = /\.([0#?]+)/.exec(bare);
  return m ? m[1].length : 0;
}

const DAY_MS = 86_400_000;

/**
 * Excel's serial day number as a JS Date at UTC midnight (plus the time of
 * day), as ExcelJS gives it; null outside the dates Excel can show
 * (before 1900-01-00 or after 9999-12-31), so it stays a number.
 */
export function serialToDate(serial: number, date1904 = false): Date | null {
  const days = serial + (date1904 ? 1462 : 0);
  if (!Number.isFinite(days) || days < 0 || days >= 2_958_466) return null;
  return new Date(Math.round((days - 25569) * DAY_MS));
}
