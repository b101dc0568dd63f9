import { SheetInfo, isSettingsSheet } from "./port";

/**
 * Every sheet the product writes carries a marker of its own: a hidden name
 * scoped to that sheet (`CPE_OwnSheet`, whose value is the sheet's purpose,
 * such as "summary"). A name scoped to a sheet goes with it when the sheet is
 * copied, also into another workbook, so the product's output is never read
 * as a council's data, with or without the settings that list it.
 */
export const OWN_SHEET_NAME = "CPE_OwnSheet";

/** The marker's formula for a purpose: a text constant. */
export function ownFormula(purpose: string): string {
  return `"${purpose.replace(/"/g, '""')}"`;
}

/** The purpose back from the marker: its formula as a file stores it (`"summary"`), or the value Excel computes from it. */
export function ownPurpose(formula: string): string {
  const m = /^=?"((?:[^"]|"")*)"$/.exec(formula.trim());
  return m ? m[1].replace(/""/g, '"') : formula.trim();
}

/** The council's own sheets: neither the settings store nor a sheet the product wrote. */
export function councilSheets(sheets: SheetInfo[]): string[] {
  return sheets.filter((s) => !isSettingsSheet(s.name) && s.own == null).map((s) => s.name);
}

/** The product's sheets found by their markers, purpose → name (the first of each purpose). */
export function markedSheets(sheets: SheetInfo[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sheets) if (s.own && !(s.own in out)) out[s.own] = s.name;
  return out;
}
