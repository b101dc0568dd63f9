/** The pane's Office calls, all here: one Excel.run per user action. */
import { PaneHost } from "./host";
import { withExcelWorkbook } from "../workbook/office/excel-run";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { resultsView } from "../workbook/results-view";

export function excelHost(): PaneHost {
  return {
    kind: "excel",
    title: "This workbook",
    inspect: () => withExcelWorkbook((port) => inspectWorkbook(port)),
    saveDataset: (id, patch) => withExcelWorkbook((port) => updateSettings(port, (s) => void (s.datasets[id] = { ...(s.datasets[id] ?? {}), ...patch }))).then(() => undefined),
    saveRiskMatrix: (matrix) => withExcelWorkbook((port) => updateSettings(port, (s) => void (s.riskMatrix = matrix))).then(() => undefined),
    run: (request, onProgress, cancelled) =>
      withExcelWorkbook(async (port) => {
        const r = await summarise(port, { period: request.period, formatSource: request.formatSource, onProgress, cancelled });
        if (r.error) throw new Error(r.error);
        return { view: resultsView(r.report, r.outputSheets, r.settings.riskMatrix), json: r.json };
      }),
    selectCell: (sheet, cell) =>
      withExcelWorkbook(async (_port, ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
  };
}
