import { parseSettings, serialiseSettings, WorkbookSettings } from "../core";
import { WorkbookPort } from "./port";
import { checkRiskMatrix } from "./matrix-check";

/** Change the workbook's stored settings: read, change, write back in one go. */
export async function updateSettings(port: WorkbookPort, change: (s: WorkbookSettings) => void): Promise<WorkbookSettings> {
  const { settings } = parseSettings(await port.readSettings());
  change(settings);
  // A custom matrix is checked (and its colours written as Excel takes them) before anything is saved.
  if (settings.riskMatrix) settings.riskMatrix = checkRiskMatrix(settings.riskMatrix);
  await port.writeSettings(serialiseSettings(settings));
  return settings;
}
