/** The pane's host inside Excel; the Office calls themselves are in excel-actions.ts, loaded on first use. */
import type { PaneHost } from "./host";

const actions = () => import(/* webpackChunkName: "excel-actions" */ "./excel-actions");

export function excelHost(): PaneHost {
  return {
    kind: "excel",
    title: "This workbook",
    inspect: async () => (await actions()).inspect(),
    saveDataset: async (id, patch) => (await actions()).saveDataset(id, patch),
    saveSettings: async (datasets, matrix, ownArea) => (await actions()).saveSettings(datasets, matrix, ownArea),
    run: async (request, onProgress, cancelled) => (await actions()).run(request, onProgress, cancelled),
    makeTemplates: async (directorate) => (await actions()).templates(directorate),
    collectReturns: async () => (await actions()).collect(),
    selectCell: async (sheet, cell) => (await actions()).selectCell(sheet, cell),
    diagnose: async () => (await actions()).diagnose(),
  };
}
