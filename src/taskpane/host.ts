import type { Inspection } from "../workbook/inspect";
import type { DatasetSettings, RiskMatrix } from "../core";
import type { RunOutcome } from "./pane-results";

export type { RunOutcome } from "./pane-results";

export interface RunRequest {
  period: string | null;
  formatSource: boolean;
  /** Replace results already stored for this period (the old ones are kept as superseded). */
  replaceHistory?: boolean;
}

/** How the pane tells the user to replace stored results, in the history note. */
export const REPLACE_HINT = "Choose 'Replace the stored results' on the Results step to replace them";

/**
 * Everything the pane does to a workbook, inside Excel or on a file. The
 * components receive a host and never touch Excel or ExcelJS themselves.
 */
export interface PaneHost {
  kind: "excel" | "file";
  /** "This workbook", or the file's name. */
  title: string;
  inspect(): Promise<Inspection>;
  saveDataset(id: string, patch: DatasetSettings): Promise<void>;
  /** Save every edited dataset's settings (and the risk matrix, when given) in one go. */
  saveSettings(datasets: Record<string, DatasetSettings>, matrix?: RiskMatrix | null, ownArea?: string): Promise<void>;
  run(request: RunRequest, onProgress: (step: string, fraction: number) => void, cancelled: () => boolean): Promise<RunOutcome>;
  /** Write a return sheet per directorate (or only the one named); says what was made. */
  makeTemplates(directorate: string | null): Promise<string>;
  /** Read the filled template sheets in this workbook back into its datasets; says what changed. */
  collectReturns(): Promise<string>;
  /** Show a cell: select it in Excel; in file mode, say where it is. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Inside Excel: run the capability checks and give the report as text. */
  diagnose?(): Promise<string>;
  /** Stop the work under way at once (file mode ends its worker); the run's `cancelled` is also set. */
  cancel?(): void;
  /** File mode: end the work on this file (another is being opened). */
  close?(): void;
  /** File mode: offer the summarised workbook for download. */
  download?(): Promise<void>;
}
