import { parseSettings, serialiseSettings, WorkbookSettings, UserError, formatUkDate } from "../core";
import { WorkbookPort } from "./port";
import { checkRiskMatrix } from "./matrix-check";

/**
 * The settings and history a run uses, and whether it may save them.
 * The store is never written over when what it holds cannot be used: text
 * that is damaged (not JSON, or not the settings' shape) is kept as it is and
 * the run works read-only, from the last good copy where that is intact;
 * settings saved by a newer version are refused outright.
 */
export interface LoadedSettings {
  settings: WorkbookSettings;
  /** Said on the Data issues sheet (and, when read-only, as a warning). */
  notes: string[];
  /** Why nothing may be saved this run; null when settings may be saved. */
  readOnly: string | null;
  /** The current text as read, intact: kept as the last good copy when a new one is saved. */
  current: string | null;
}

/** How a host's user repairs a damaged store; the command line's flag by default. */
export interface LoadOptions {
  howToRepair?: string;
}

const CLI_REPAIR = "run `council-performance repair-settings <workbook> --out <copy>` to go back to the last good copy";

function storedOn(text: string | null): string {
  const m = text ? /"storedAt":"(\d{4})-(\d{2})-(\d{2})"/.exec(text) : null;
  return m ? ` (its latest period stored on ${formatUkDate({ year: +m[1], month: +m[2], day: +m[3] })})` : "";
}

export async function loadSettings(port: WorkbookPort, options: LoadOptions = {}): Promise<LoadedSettings> {
  const current = await port.readSettings("current");
  const parsed = parseSettings(current);
  if (!parsed.problem) return { settings: parsed.settings, notes: parsed.notes, readOnly: null, current };
  if (parsed.problem.kind === "newer") {
    throw new UserError("settings", `its settings were saved by a newer version of this add-in (settings format ${parsed.problem.version}), which this version cannot read; nothing was written: use the newer version`);
  }
  const lastGoodText = await port.readSettings("last-good");
  const lastGood = parseSettings(lastGoodText);
  const fallback = lastGoodText && !lastGood.problem;
  const message = `The add-in's stored settings in this workbook are damaged (${parsed.problem.detail}). `
    + (fallback ? `This run used the last good copy${storedOn(lastGoodText)}` : "No intact copy was found, so this run used the default settings and no history")
    + ", and saved no settings or history: the damaged text is kept unchanged. To repair it, "
    + (options.howToRepair ?? CLI_REPAIR) + ".";
  return { settings: fallback ? lastGood.settings : parsed.settings, notes: [message], readOnly: message, current: null };
}

/**
 * Saves `next` unless the store is read-only (returns false then). The text
 * it replaces becomes the last good copy, so a store damaged later can be
 * rolled back one save.
 */
export async function saveSettings(port: WorkbookPort, loaded: LoadedSettings, next: WorkbookSettings): Promise<boolean> {
  if (loaded.readOnly) return false;
  const text = serialiseSettings(next);
  if (text === loaded.current) return true;
  if (loaded.current) await port.writeSettings(loaded.current, "last-good");
  await port.writeSettings(text, "current");
  loaded.current = text;
  return true;
}

/** Change the workbook's stored settings: read, change, write back in one go; refused while the store is damaged. */
export async function updateSettings(port: WorkbookPort, change: (s: WorkbookSettings) => void, options: LoadOptions = {}): Promise<WorkbookSettings> {
  const loaded = await loadSettings(port, options);
  if (loaded.readOnly) throw new UserError("settings", loaded.readOnly);
  const { settings } = loaded;
  change(settings);
  // A custom matrix is checked (and its colours written as Excel takes them) before anything is saved.
  if (settings.riskMatrix) settings.riskMatrix = checkRiskMatrix(settings.riskMatrix);
  await saveSettings(port, loaded, settings);
  return settings;
}

/**
 * Repair a damaged store at the user's request: the damaged text is set
 * aside (added to the set-aside copy, never discarded) and the last good copy
 * becomes current, or, without one, fresh default settings. Says what it did.
 */
export async function repairSettings(port: WorkbookPort): Promise<string> {
  const current = await port.readSettings("current");
  const parsed = parseSettings(current);
  if (!parsed.problem) return "The stored settings are intact: nothing was changed.";
  if (parsed.problem.kind === "newer") {
    throw new UserError("settings", `its settings were saved by a newer version of this add-in (settings format ${parsed.problem.version}); they are not damaged, and were left as they are`);
  }
  const before = await port.readSettings("set-aside");
  await port.writeSettings(before ? `${before}\n${current}` : current!, "set-aside");
  const lastGoodText = await port.readSettings("last-good");
  const lastGood = parseSettings(lastGoodText);
  if (lastGoodText && !lastGood.problem) {
    await port.writeSettings(lastGoodText, "current");
    return `The damaged settings were set aside and the last good copy${storedOn(lastGoodText)} restored; the history saved after it is in the set-aside text.`;
  }
  await port.writeSettings(serialiseSettings(parsed.settings), "current");
  return "The damaged settings were set aside and, with no intact copy to go back to, default settings saved in their place; the old text is kept in the set-aside copy.";
}
