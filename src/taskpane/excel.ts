/** The pane's Office calls, all here: one Excel.run per user action. */
import { PaneHost } from "./host";
import { withExcelWorkbook } from "../workbook/office/excel-run";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { resultsView } from "../workbook/results-view";
import { makeTemplates } from "../workbook/templates";
import { collectReturns } from "../workbook/collect";
import { templatesMessage, collectMessage } from "./messages";
import { applySettings } from "./settings-edit";

export function excelHost(): PaneHost {
  return {
    kind: "excel",
    title: "This workbook",
    inspect: () => withExcelWorkbook((port) => inspectWorkbook(port)),
    saveDataset: (id, patch) => withExcelWorkbook((port) => updateSettings(port, (s) => void (s.datasets[id] = { ...(s.datasets[id] ?? {}), ...patch }))).then(() => undefined),
    saveSettings: (datasets, matrix) => withExcelWorkbook((port) => updateSettings(port, (s) => applySettings(s, datasets, matrix))).then(() => undefined),
    // Excel mode stays responsive without a worker: every step awaits Excel's sync, which yields to the page.
    run: (request, onProgress, cancelled) =>
      withExcelWorkbook(async (port) => {
        const r = await summarise(port, { period: request.period, formatSource: request.formatSource, onProgress, cancelled });
        if (r.error) throw new Error(r.error);
        return { view: resultsView(r.report, r.outputSheets, r.settings.riskMatrix), json: r.json };
      }),
    makeTemplates: (directorate) => withExcelWorkbook((port) => makeTemplates(port, { directorate: directorate ?? undefined })).then(templatesMessage),
    collectReturns: () => withExcelWorkbook((port) => collectReturns(port, [{ file: "this workbook", port }], "this workbook")).then(collectMessage),
    selectCell: (sheet, cell) =>
      withExcelWorkbook(async (_port, ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
  };
}
