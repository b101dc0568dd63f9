import { parseSettings, serialiseSettings, WorkbookSettings } from "../core";
import { WorkbookPort } from "./port";

/** Change the workbook's stored settings: read, change, write back in one go. */
export async function updateSettings(port: WorkbookPort, change: (s: WorkbookSettings) => void): Promise<WorkbookSettings> {
  const { settings } = parseSettings(await port.readSettings());
  change(settings);
  await port.writeSettings(serialiseSettings(settings));
  return settings;
}
