import { MappingOverride } from "./detect/find-datasets";
import { DatasetKind } from "./detect/roles";
import { RiskMatrix, checkMatrix } from "./risk/matrix";
import { StandardConfig } from "./standards/standard";
import { Status, StatusLabels, Tolerance } from "./status";
import { StaticBand, LongTrendMethod, Trend } from "./trend";

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
}

/** What one period's run recorded, so next quarter can compare and last year is never recoloured. */
export interface PeriodRecord {
  period: string;
  summary: { base: number; counted: number; percent: number | null; statusCounts: Record<string, number> };
  /** Per item, by stable key: what was published for it. */
  items: Record<string, PublishedItem>;
  /** The rules in force when this period was calculated (records stored by earlier versions hold only the standard and a tolerance set by hand). */
  rules: PeriodRules;
  /** The day this record was stored (yyyy-mm-dd); absent from records stored before the date was kept. */
  storedAt?: string;
  /** Earlier records of this period that the user chose to replace, oldest first, each with the day it was replaced. */
  superseded?: SupersededRecord[];
}

/** A period's record as it was before the user replaced it: kept, never recoloured. */
export type SupersededRecord = Omit<PeriodRecord, "superseded"> & { replacedAt: string };

export interface WorkbookSettings {
  version: typeof SETTINGS_VERSION;
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
}

export const SETTINGS_VERSION = 1;

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

const STATUS_WORDS: Status[] = ["Green", "Amber", "Red", "Complete", "Data only", "No data", "Check"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Read stored settings: unknown versions are refused with a reason, older
 * shapes migrated, and anything malformed dropped back to its default with
 * a note, so a damaged settings sheet never stops a run.
 */
export function parseSettings(json: string | null): { settings: WorkbookSettings; notes: string[] } {
  const notes: string[] = [];
  const settings = emptySettings();
  if (!json) return { settings, notes };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { settings, notes: ["The stored settings could not be read (not valid JSON); defaults were used and will be saved afresh."] };
  }
  if (!isObject(raw)) return { settings, notes: ["The stored settings were not an object; defaults were used."] };
  const version = raw.version;
  if (typeof version === "number" && version > SETTINGS_VERSION) {
    return { settings, notes: [`The settings were saved by a newer version (format ${version}); defaults were used for this run and the stored settings were kept unchanged.`] };
  }
  if (isObject(raw.datasets)) {
    for (const [id, ds] of Object.entries(raw.datasets)) {
      if (!isObject(ds)) continue;
      const clean: DatasetSettings = {};
      if (typeof ds.label === "string") clean.label = ds.label;
      if (isObject(ds.mapping)) clean.mapping = ds.mapping as MappingOverride;
      if (ds.standard === null) clean.standard = null;
      else if (isObject(ds.standard) && typeof ds.standard.expected === "number" && Array.isArray(ds.standard.counts)
        && ds.standard.counts.every((s) => STATUS_WORDS.includes(s as Status))) clean.standard = ds.standard as unknown as StandardConfig;
      if (isObject(ds.tolerance) && (ds.tolerance.kind === "percent" || ds.tolerance.kind === "absolute") && typeof ds.tolerance.value === "number") {
        clean.tolerance = ds.tolerance as Tolerance;
      }
      if (isObject(ds.staticBand) && (ds.staticBand.kind === "percent" || ds.staticBand.kind === "absolute") && typeof ds.staticBand.value === "number") {
        clean.staticBand = ds.staticBand as StaticBand;
      }
      if (ds.longTrend === "same-period-last-year" || ds.longTrend === "mean-of-previous-4" || ds.longTrend === "same-period-mean") clean.longTrend = ds.longTrend;
      if (typeof ds.spc === "boolean") clean.spc = ds.spc;
      if (isObject(ds.statusLabels)) clean.statusLabels = ds.statusLabels as StatusLabels;
      if (typeof ds.planName === "string" && ds.planName.trim()) clean.planName = ds.planName.trim();
      settings.datasets[id] = clean;
    }
  }
  if (isObject(raw.riskMatrix)) {
    const problems = checkMatrix(raw.riskMatrix as unknown as RiskMatrix);
    if (problems.length === 0) settings.riskMatrix = raw.riskMatrix as unknown as RiskMatrix;
    else notes.push(`The stored risk matrix was not used: ${problems.join("; ")}.`);
  }
  if (typeof raw.ownArea === "string" && raw.ownArea.trim()) settings.ownArea = raw.ownArea.trim();
  if (isObject(raw.ownedSheets)) {
    for (const [k, v] of Object.entries(raw.ownedSheets)) if (typeof v === "string") settings.ownedSheets[k] = v;
  }
  if (Array.isArray(raw.sourceFormats)) {
    settings.sourceFormats = raw.sourceFormats.filter((f): f is WorkbookSettings["sourceFormats"][number] =>
      isObject(f) && typeof f.sheet === "string" && typeof f.ref === "string" && Array.isArray(f.formulas));
  }
  if (isObject(raw.history)) settings.history = raw.history as WorkbookSettings["history"];
  return { settings, notes };
}

export function serialiseSettings(s: WorkbookSettings): string {
  return JSON.stringify(s);
}
