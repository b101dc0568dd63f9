/**
 * What the pane does inside Excel, all Office calls here: one Excel.run per
 * user action. Loaded on first use (see excel.ts), so the pane paints before
 * the calculation code has been fetched and parsed.
 */
import type { DatasetSettings, RiskMatrix } from "../core";
import { REPLACE_HINT } from "./host";
import type { RunOutcome, RunRequest } from "./host";
import { withExcelWorkbook, PlainError } from "../workbook/office/excel-run";
import { runDiagnostics, reportText } from "../workbook/office/diagnostics";
import { APP_VERSION } from "./version";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { paneOutcome } from "./pane-results";
import { makeTemplates } from "../workbook/templates";
import { collectReturns } from "../workbook/collect";
import { templatesMessage, collectMessage, MERGES_UNKNOWN } from "./messages";
import { applySettings } from "./settings-edit";

export const inspect = () => withExcelWorkbook(async (port) => {
  const found = await inspectWorkbook(port);
  if (!port.caps.mergedAreas) found.notes.push(MERGES_UNKNOWN);
  return found;
});

export const saveDataset = (id: string, patch: DatasetSettings) =>
  withExcelWorkbook((port) => updateSettings(port, (s) => void (s.datasets[id] = { ...(s.datasets[id] ?? {}), ...patch }))).then(() => undefined);

export const saveSettings = (datasets: Record<string, DatasetSettings>, matrix?: RiskMatrix | null, ownArea?: string) =>
  withExcelWorkbook((port) => updateSettings(port, (s) => applySettings(s, datasets, matrix, ownArea))).then(() => undefined);

// Excel mode stays responsive without a worker: each step awaits Excel's sync, which yields to the page.
export const run = (request: RunRequest, onProgress: (step: string, fraction: number) => void, cancelled: () => boolean): Promise<RunOutcome> =>
  withExcelWorkbook(async (port) => {
    const r = await summarise(port, {
      period: request.period, formatSource: request.formatSource, onProgress, cancelled, replaceHistory: request.replaceHistory, replaceHistoryHint: REPLACE_HINT,
    });
    if (r.error) throw new Error(r.error);
    const outcome = paneOutcome(r);
    if (!port.caps.mergedAreas) outcome.view.notes.push(MERGES_UNKNOWN);
    return outcome;
  });

export const templates = (directorate: string | null) =>
  withExcelWorkbook((port) => makeTemplates(port, { directorate: directorate ?? undefined })).then(templatesMessage);

export const collect = () => withExcelWorkbook((port) => collectReturns(port, [{ file: "this workbook", port }], "this workbook")).then(collectMessage);

export const selectCell = (sheet: string, cell: string) =>
  withExcelWorkbook(async (_port, ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet).load("visibility");
    await ctx.sync();
    // Excel cannot show a cell on a hidden sheet; say how to unhide it rather than fail.
    if (ws.visibility !== "Visible") throw new PlainError(`'${sheet}'!${cell} is on a hidden sheet. Right-click any sheet tab, choose Unhide, pick '${sheet}', then click the issue again.`);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });

/** The capability checks in this Excel, on a scratch sheet it removes; the report as text for support. */
export const diagnose = () =>
  runDiagnostics((batch) => Excel.run(batch), {
    platform: String(Office.context.diagnostics?.platform ?? "unknown"),
    version: Office.context.diagnostics?.version ?? "unknown",
    addin: APP_VERSION,
    isSetSupported: (set, v) => Office.context.requirements.isSetSupported(set, v),
  }).then(reportText);
