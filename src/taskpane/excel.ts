/** The pane's Office calls, all here: one Excel.run per user action. */
import { PaneHost } from "./host";
import { withExcelWorkbook, PlainError } from "../workbook/office/excel-run";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { resultsView } from "../workbook/results-view";
import { makeTemplates } from "../workbook/templates";
import { collectReturns } from "../workbook/collect";
import { templatesMessage, collectMessage } from "./messages";
import { runDiagnostics, reportText } from "../workbook/office/diagnostics";

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
    makeTemplates: (directorate) => withExcelWorkbook((port) => makeTemplates(port, { directorate: directorate ?? undefined })).then(templatesMessage),
    collectReturns: () => withExcelWorkbook((port) => collectReturns(port, [{ file: "this workbook", port }], "this workbook")).then(collectMessage),
    diagnose: () =>
      runDiagnostics((batch) => Excel.run(batch), {
        platform: String(Office.context.diagnostics?.platform ?? "unknown"),
        version: Office.context.diagnostics?.version ?? "unknown",
        isSetSupported: (set, v) => Office.context.requirements.isSetSupported(set, v),
      }).then(reportText),
    selectCell: (sheet, cell) =>
      withExcelWorkbook(async (_port, ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet).load("visibility");
        await ctx.sync();
        // Excel cannot show a cell on a hidden sheet; say how to unhide it rather than fail.
        if (ws.visibility !== "Visible") throw new PlainError(`'${sheet}'!${cell} is on a hidden sheet. Right-click any sheet tab, choose Unhide, pick '${sheet}', then click the issue again.`);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
  };
}
