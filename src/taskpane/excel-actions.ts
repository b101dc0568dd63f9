/**
 * What the pane does inside Excel, all Office calls here: one Excel.run per
 * user action. Loaded on first use (see excel.ts), so the pane paints before
 * the calculation code has been fetched and parsed.
 */
import type { DatasetSettings, RiskMatrix } from "../core";
import type { RunOutcome, RunRequest } from "./host";
import { withExcelWorkbook } from "../workbook/office/excel-run";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { resultsView } from "../workbook/results-view";
import { makeTemplates } from "../workbook/templates";
import { collectReturns } from "../workbook/collect";
import { templatesMessage, collectMessage } from "./messages";
import { applySettings } from "./settings-edit";

export const inspect = () => withExcelWorkbook((port) => inspectWorkbook(port));

export const saveDataset = (id: string, patch: DatasetSettings) =>
  withExcelWorkbook((port) => updateSettings(port, (s) => void (s.datasets[id] = { ...(s.datasets[id] ?? {}), ...patch }))).then(() => undefined);

export const saveSettings = (datasets: Record<string, DatasetSettings>, matrix?: RiskMatrix | null) =>
  withExcelWorkbook((port) => updateSettings(port, (s) => applySettings(s, datasets, matrix))).then(() => undefined);

// Excel mode stays responsive without a worker: each step awaits Excel's sync, which yields to the page.
export const run = (request: RunRequest, onProgress: (step: string, fraction: number) => void, cancelled: () => boolean): Promise<RunOutcome> =>
  withExcelWorkbook(async (port) => {
    const r = await summarise(port, { period: request.period, formatSource: request.formatSource, onProgress, cancelled });
    if (r.error) throw new Error(r.error);
    return { view: resultsView(r.report, r.outputSheets, r.settings.riskMatrix), json: r.json };
  });

export const templates = (directorate: string | null) =>
  withExcelWorkbook((port) => makeTemplates(port, { directorate: directorate ?? undefined })).then(templatesMessage);

export const collect = () => withExcelWorkbook((port) => collectReturns(port, [{ file: "this workbook", port }], "this workbook")).then(collectMessage);

export const selectCell = (sheet: string, cell: string) =>
  withExcelWorkbook(async (_port, ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
