import { parseSettings, readBackProblem, serialiseSettings, WorkbookSettings, UserError, formatUkDate } from "../core";
import { WorkbookPort } from "./port";
import { checkRiskMatrix } from "./matrix-check";

/**
 * The settings and history a run uses, and whether it may save them.
 * The store is two copies of the same text, each on its own very hidden
 * sheet, and is never written over when what it holds cannot be used: text
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
  /** The current text as read, when intact (a save of the same text is skipped). */
  current: string | null;
}

/** How a host's user repairs a damaged store; the command line's flag by default. */
export interface LoadOptions {
  howToRepair?: string;
}

const CLI_REPAIR = "run `council-performance repair-settings <workbook> --out <copy>` to go back to the last good copy";

/** " (its latest results stored on 12/07/2021)": the newest day a period was stored in that text. */
function storedOn(text: string | null): string {
  const days = [...(text ?? "").matchAll(/"storedAt":"(\d{4})-(\d{2})-(\d{2})"/g)].map((m) => m.slice(1, 4).map(Number)).sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  return days.length ? ` (its latest results stored on ${formatUkDate({ year: days[0][0], month: days[0][1], day: days[0][2] })})` : "";
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
 * Saves `next` unless the store is read-only (returns false then): the
 * current copy first, then the same text as the last good copy, so a current
 * copy damaged later (an edited character, a bad disk) is recovered whole.
 * A save interrupted between the two leaves both copies readable. The text is
 * checked to read back before either is written.
 */
export async function saveSettings(port: WorkbookPort, loaded: LoadedSettings, next: WorkbookSettings): Promise<boolean> {
  if (loaded.readOnly) return false;
  const text = serialiseSettings(next);
  if (text === loaded.current) return true;
  const problem = readBackProblem(text);
  if (problem) throw new Error(`the settings to be saved do not read back (${problem.kind === "damaged" ? problem.detail : "newer"})`);
  await port.writeSettings(text, "current");
  await port.writeSettings(text, "last-good");
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
    return `The damaged settings were set aside (kept in the workbook) and the last good copy${storedOn(lastGoodText)} restored.`;
  }
  await port.writeSettings(serialiseSettings(parsed.settings), "current");
  return "The damaged settings were set aside and, with no intact copy to go back to, default settings saved in their place; the old text is kept in the set-aside copy.";
}
