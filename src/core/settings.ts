import * as v from "valibot";
import { storedSettings, firstProblem } from "./settings-schema";
import { compactHistory, expandHistory, checkHistory, trimHistory } from "./history-codec";
import { MappingOverride } from "./detect/find-datasets";
import { DatasetKind } from "./detect/roles";
import { RiskMatrix, checkMatrix } from "./risk/matrix";
import { StandardConfig } from "./standards/standard";
import { StatusLabels, Tolerance } from "./status";
import { StaticBand, LongTrendMethod, Trend } from "./trend";
import { PeriodItems } from "./period-items";

/** Per-dataset choices a performance officer can change; every field has a default. */
export interface DatasetSettings {
  label?: string;
  mapping?: MappingOverride;
  /** null: the dataset has no standard. */
  standard?: StandardConfig | null;
  tolerance?: Tolerance;
  staticBand?: StaticBand;
  longTrend?: LongTrendMethod;
  spc?: boolean;
  statusLabels?: StatusLabels;
  /** The council's own name for the plan an outcomes list belongs to ("Strategic Plan 2021-24"); by default the sheet's own title. */
  planName?: string;
}

/**
 * Every rule a period's results were worked out with, defaults written out,
 * so a re-run of that period can use them again whatever today's settings say.
 */
export interface PeriodRules {
  standard: StandardConfig | null;
  /** Indicators and outcomes: the amber tolerance, how small a change counts as Static, the long trend's method, SPC on or off. */
  tolerance?: Tolerance;
  staticBand?: StaticBand;
  longTrend?: LongTrendMethod;
  spc?: boolean;
  /** Long data: the council's own area the figures are about. */
  area?: string;
  /** Risk registers: the scales and levels the register was scored on, and where those levels came from. */
  matrix?: RiskMatrix;
  levelsSource?: string;
  /** Status words the council mapped itself (absent: the product's own vocabulary). */
  statusLabels?: StatusLabels;
}

/** What one item was published as: its status (or risk level) and the figures behind it. */
export interface PublishedItem {
  status: string;
  score?: number;
  value?: number | null;
  likelihood?: number;
  impact?: number;
  /** Indicators: the short trend (against the previous period), which makes an item 'Red Red'. */
  trend?: Trend;
  /** Indicators: the target the period was judged against, so a later change of it is seen as such. */
  target?: number | null;
  /** A short fingerprint of the item's commentary (hash.ts), so next period can tell commentary copied unchanged. */
  commentaryHash?: string;
}

/** What one period's run recorded, so next quarter can compare and last year is never recoloured. */
export interface PeriodRecord {
  period: string;
  summary: { base: number; counted: number; percent: number | null; statusCounts: Record<string, number> };
  /** Per item, by stable key, in the order stored: what was published for it. */
  items: PeriodItems;
  /** The rules in force when this period was calculated (records stored by earlier versions hold only the standard and a tolerance set by hand). */
  rules: PeriodRules;
  /** Set when older periods' item detail was trimmed to keep the store small: how many items, and the day. */
  itemsTrimmed?: { count: number; on: string };
  /** The day this record was stored (yyyy-mm-dd); absent from records stored before the date was kept. */
  storedAt?: string;
  /** Earlier records of this period that the user chose to replace, oldest first, each with the day it was replaced. */
  superseded?: SupersededRecord[];
}

/**
 * A directorate return sent out for a period (a template sheet made) and,
 * once collected, when and from which file: what decides whether a
 * headline may still change.
 */
export interface ReturnRecord {
  period: string;
  /** The dataset's id (report/build.ts datasetId). */
  dataset: string;
  /** "" for a return covering the whole dataset (a risk register's). */
  directorate: string;
  /** The template sheet, and the day it was made (yyyy-mm-dd). */
  sheet: string;
  made: string;
  /** The day it was collected (yyyy-mm-dd), and the file it came back in; absent while it is outstanding. */
  collected?: string;
  from?: string;
}

/** A period's record as it was before the user replaced it: kept, never recoloured. */
export type SupersededRecord = Omit<PeriodRecord, "superseded"> & { replacedAt: string };

export interface WorkbookSettings {
  version: number;
  datasets: Record<string, DatasetSettings>;
  riskMatrix: RiskMatrix | null;
  /** The council's own area or organisation, in long data that holds several. */
  ownArea?: string;
  /** Output sheets this product created, by purpose → sheet name. */
  ownedSheets: Record<string, string>;
  /** Conditional-format rules this product added to input sheets, so only they are ever removed. */
  sourceFormats: { sheet: string; ref: string; formulas: string[] }[];
  /** dataset id → period label → record. */
  history: Record<string, Record<string, PeriodRecord>>;
  /** Directorate returns made and collected, per period (absent until a template is made). */
  returns?: ReturnRecord[];
}

/**
 * 2: history stored compact (history-codec.ts). 3: columns packed further
 * (words a character each, fingerprints end to end, numbers that repeat the
 * period before). Formats 1 and 2 are read as they were.
 */
export const SETTINGS_VERSION = 3;

export function emptySettings(): WorkbookSettings {
  return { version: SETTINGS_VERSION, datasets: {}, riskMatrix: null, ownedSheets: {}, sourceFormats: [], history: {} };
}

/** Defaults per kind, from the design: outcomes 75% Green; workplan 90% Green or Complete; priorities 90% Green, Amber or Complete. */
export function defaultStandard(kind: DatasetKind): StandardConfig | null {
  switch (kind) {
    case "outcomes": return { expected: 75, counts: ["Green"] };
    case "actions": return { expected: 90, counts: ["Green", "Complete"] };
    case "priorities": return { expected: 90, counts: ["Green", "Amber", "Complete"] };
    default: return null;
  }
}

/** Why stored settings cannot be used as they are; the store is then never written over. */
export type SettingsProblem =
  | { kind: "damaged"; detail: string }
  | { kind: "newer"; version: number };

export interface ParsedSettings {
  settings: WorkbookSettings;
  notes: string[];
  /** Set when the text could not be used: `settings` are then the defaults. */
  problem: SettingsProblem | null;
}

/**
 * Read stored settings, checked against their schema (settings-schema.ts).
 * Fields this version does not know are kept. Text that is not valid JSON,
 * or breaks the schema anywhere, is "damaged"; a newer format is "newer";
 * either way the defaults are returned with the problem, and the caller
 * must not save over the text (see workbook/settings-store.ts).
 */
export function parseSettings(json: string | null): ParsedSettings {
  if (!json) return { settings: emptySettings(), notes: [], problem: null };
  const stored = readStored(json);
  if ("problem" in stored) return { settings: emptySettings(), notes: [], problem: stored.problem };
  const { historyKeys, history, ...rest } = stored.out;
  let expanded: WorkbookSettings["history"];
  try {
    expanded = expandHistory(history ?? {}, historyKeys ?? {});
  } catch (e) {
    return { settings: emptySettings(), notes: [], problem: { kind: "damaged", detail: `its history ${(e as Error).message}` } };
  }
  const settings = {
    ...emptySettings(),
    ...rest,
    version: SETTINGS_VERSION,
    ownArea: typeof rest.ownArea === "string" && rest.ownArea.trim() ? rest.ownArea.trim() : undefined,
    history: expanded,
  } as WorkbookSettings;
  if (settings.ownArea === undefined) delete settings.ownArea;
  return { settings, notes: [], problem: null };
}

/**
 * Why text about to be stored would not read back, or null when it would:
 * every check parseSettings makes, without building the history's items
 * (50,000 objects at every save of a large workbook).
 */
export function readBackProblem(json: string): SettingsProblem | null {
  const stored = readStored(json);
  if ("problem" in stored) return stored.problem;
  try {
    checkHistory(stored.out.history ?? {}, stored.out.historyKeys ?? {});
  } catch (e) {
    return { kind: "damaged", detail: `its history ${(e as Error).message}` };
  }
  return null;
}

/** The stored text as JSON checked against the schema (and its risk matrix), or why it cannot be used. */
function readStored(json: string): { out: v.InferOutput<typeof storedSettings> } | { problem: SettingsProblem } {
  const damaged = (detail: string) => ({ problem: { kind: "damaged", detail } as SettingsProblem });
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return damaged(`it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return damaged("it is not a JSON object");
  const version = (raw as { version?: unknown }).version;
  if (typeof version === "number" && version > SETTINGS_VERSION) return { problem: { kind: "newer", version } };
  const checked = v.safeParse(storedSettings, raw);
  if (!checked.success) return damaged(firstProblem(checked.issues));
  const out = checked.output;
  if (out.riskMatrix) {
    const problems = checkMatrix(out.riskMatrix as unknown as RiskMatrix);
    if (problems.length) return damaged(`its risk matrix is not usable: ${problems.join("; ")}`);
  }
  return { out };
}

/** The text to store: history compact (items by column, older periods' items trimmed), every other field as it is. */
export function serialiseSettings(s: WorkbookSettings, today = todayIso()): string {
  const { history, ...rest } = s;
  return JSON.stringify({ ...rest, version: SETTINGS_VERSION, ...compactHistory(trimHistory(history, today)) });
}

/** The local calendar day, yyyy-mm-dd. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
