import { SheetInfo } from "./port";
import { markedSheets } from "./own-sheets";

const INVALID_NAME = /[[\]:*?/\\]/g;

/**
 * A name Excel accepts for a sheet: not blank, at most 31 characters, none of
 * / \ ? * : [ ], no apostrophe at either end, and not "History", which Excel
 * keeps for itself: https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function sheetName(wanted: string): string {
  const trim = (s: string) => s.replace(/^[\s']+|[\s']+$/g, "");
  const name = trim(trim(wanted.replace(INVALID_NAME, " ")).slice(0, 31)) || "Sheet";
  return name.toLowerCase() === "history" ? "History (report)" : name;
}

/** A free name for a sheet the product writes: the usual one, or "Name (report)", "Name (report 2)"… */
function freeName(wanted: string, taken: Set<string>): string {
  const clean = sheetName(wanted);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " (report)" : ` (report ${i})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Names for the sheets the product owns. A purpose gets its own sheet back
 * where it still exists (to replace it in place); otherwise a name that no
 * sheet in the workbook has, so a council's sheet is never overwritten.
 */
export class OwnedSheetNames {
  private readonly existing: Set<string>;
  private readonly taken: Set<string>;

  private readonly owned: Record<string, string>;

  /** `owned`: as the settings list them; a sheet marked as the product's (own-sheets.ts) counts too, so output is replaced, not doubled, when the settings are lost. */
  constructor(owned: Record<string, string>, sheets: SheetInfo[]) {
    this.existing = new Set(sheets.map((s) => s.name.toLowerCase()));
    this.taken = new Set(this.existing);
    this.owned = { ...markedSheets(sheets), ...owned };
  }

  /** The product's own sheet for this purpose, present now. */
  ownSheet(purpose: string): string | null {
    const mine = this.owned[purpose];
    return mine && this.existing.has(mine.toLowerCase()) ? mine : null;
  }

  claim(purpose: string, wanted: string): { name: string; replace: boolean } {
    const mine = this.ownSheet(purpose);
    const name = mine ?? freeName(wanted, this.taken);
    this.taken.add(name.toLowerCase());
    return { name, replace: mine !== null };
  }
}
