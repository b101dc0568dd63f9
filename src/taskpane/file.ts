/**
 * File mode, for councils where add-ins cannot be deployed (and for tests):
 * the same flow on an .xlsx opened in the browser, with the result offered
 * for download. ExcelJS is loaded only here, on demand.
 */
import { PaneHost } from "./host";
import { inspectWorkbook } from "../workbook/inspect";
import { updateSettings } from "../workbook/settings-store";
import { summarise } from "../workbook/summarise";
import { resultsView } from "../workbook/results-view";
import { makeTemplates } from "../workbook/templates";
import { collectReturns } from "../workbook/collect";
import { templatesMessage, collectMessage } from "./messages";

export async function fileHost(name: string, data: ArrayBuffer, onLocate: (sheet: string, cell: string) => void): Promise<PaneHost> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx/workbook");
  const wb = await XlsxWorkbook.open(new Uint8Array(data));
  return {
    kind: "file",
    title: name,
    inspect: () => inspectWorkbook(wb),
    saveDataset: async (id, patch) => void (await updateSettings(wb, (s) => void (s.datasets[id] = { ...(s.datasets[id] ?? {}), ...patch }))),
    saveRiskMatrix: async (matrix) => void (await updateSettings(wb, (s) => void (s.riskMatrix = matrix))),
    run: async (request, onProgress, cancelled) => {
      const r = await summarise(wb, { period: request.period, formatSource: request.formatSource, onProgress, cancelled });
      if (r.error) throw new Error(r.error);
      return { view: resultsView(r.report, r.outputSheets, r.settings.riskMatrix), json: r.json };
    },
    makeTemplates: async (directorate) => templatesMessage(await makeTemplates(wb, { directorate: directorate ?? undefined })),
    collectReturns: async () => collectMessage(await collectReturns(wb, [{ file: name, port: wb }], name)),
    selectCell: async (sheet, cell) => onLocate(sheet, cell),
    download: async () => {
      const { data: out } = await wb.save();
      const blob = new Blob([out as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name.replace(/\.xlsx$/i, "") + " - summary.xlsx";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
