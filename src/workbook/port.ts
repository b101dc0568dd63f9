import { SheetGrid, SheetPlan, ConditionalFormatPlan, PlanValue } from "../core";

/** One value for one cell (0-based row and column). */
export interface CellUpdate {
  row: number;
  col: number;
  value: PlanValue;
}

/** A cell left unchanged because it holds a formula. */
export interface KeptFormula {
  row: number;
  col: number;
  formula: string;
}

/** Sheet names and visibility, without reading values. */
export interface SheetInfo {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** A sheet the product wrote: the purpose its marker names (see own-sheets.ts); null or absent for a council's sheet. */
  own?: string | null;
}

/** Rules the product adds to a council's own sheet (only with the user's say-so). */
export interface SourceFormat {
  sheet: string;
  rules: ConditionalFormatPlan[];
}

/** Rules to remove: only ones the product added, identified by range and formulas. */
export interface OwnedRuleRef {
  sheet: string;
  ref: string;
  formulas: string[];
}

/**
 * What the rest of the product needs from a workbook host. The ExcelJS
 * adapter (files, in Node or the browser) and the Office adapter (inside
 * Excel) both implement it, so everything above runs on either.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Every sheet's values (one batch), with hidden rows, merges and tables. */
  readSheets(names?: string[]): Promise<SheetGrid[]>;
  /**
   * Render plans. Each plan's sheet is created, or replaced where `replace`
   * is true (only ever for sheets the product owns).
   */
  writeSheets(plans: { plan: SheetPlan; replace: boolean }[]): Promise<void>;
  /** Delete sheets (only ever ones the product owns). */
  deleteSheets(names: string[]): Promise<void>;
  /** Add conditional formats to input sheets, after removing the product's earlier ones. */
  formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void>;
  /**
   * Write single values into a council's sheet. Used only by collecting
   * returns, whose every change is listed on the Collected returns sheet.
   * A cell holding a formula is never replaced: it is left as it is and
   * returned, with its formula, for the caller to report.
   */
  updateCells(sheet: string, updates: CellUpdate[]): Promise<KeptFormula[]>;
  /** The text of one copy of the settings store (see settings-store.ts); the current one by default. */
  readSettings(copy?: SettingsCopy): Promise<string | null>;
  writeSettings(json: string, copy?: SettingsCopy): Promise<void>;
}

/** The very hidden sheet holding settings and history, readable by both hosts. */
export const SETTINGS_SHEET = "CPE_Settings";

/**
 * The store's copies, each a very hidden sheet: the current text; the last
 * good one (the same text, written after it), to fall back on when current is
 * damaged; and damaged text a repair set aside, never discarded.
 */
export type SettingsCopy = "current" | "last-good" | "set-aside";
export const SETTINGS_SHEETS: Record<SettingsCopy, string> = {
  current: SETTINGS_SHEET,
  "last-good": "CPE_Settings_LastGood",
  "set-aside": "CPE_Settings_SetAside",
};

/** A sheet of the settings store, never read as data. */
export function isSettingsSheet(name: string): boolean {
  return Object.values(SETTINGS_SHEETS).some((n) => n.toLowerCase() === name.toLowerCase());
}
/** Excel's limit on a cell's text; settings are split across cells below it. */
export const SETTINGS_CHUNK = 30_000;

export function chunkSettings(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK) out.push(json.slice(i, i + SETTINGS_CHUNK));
  return out.length ? out : [""];
}
