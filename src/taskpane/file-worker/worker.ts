/**
 * The worker that holds an opened .xlsx file and does all the heavy work on
 * it (reading, calculating, writing, saving), so the pane stays responsive
 * and Cancel can stop it outright by terminating this worker. The core and
 * the .xlsx reader are host-free, so they run here unchanged.
 */
import { isUserError } from "../../core/user-error";
import { XlsxWorkbook } from "../../workbook/xlsx/workbook";
import { inspectWorkbook } from "../../workbook/inspect";
import { updateSettings } from "../../workbook/settings-store";
import { summarise } from "../../workbook/summarise";
import { makeTemplates } from "../../workbook/templates";
import { collectReturns } from "../../workbook/collect";
import { templatesMessage, collectMessage } from "../messages";
import { applySettings } from "../settings-edit";
import { REPLACE_HINT } from "../host";
import { paneOutcome } from "../pane-results";
import type { WorkerOp, WorkerReply, WorkerRequest } from "./protocol";

/** The worker's own global, typed for what it uses (src is type-checked with the DOM library). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

let wb: XlsxWorkbook | null = null;

function workbook(): XlsxWorkbook {
  if (!wb) throw new Error("No workbook is open.");
  return wb;
}

async function perform(req: WorkerOp, progress: (step: string, fraction: number) => void): Promise<{ value: unknown; transfer?: Transferable[] }> {
  switch (req.op) {
    case "open":
      wb = await XlsxWorkbook.open(new Uint8Array(req.data));
      return { value: null };
    case "inspect":
      return { value: await inspectWorkbook(workbook()) };
    case "saveDataset":
      await updateSettings(workbook(), (s) => void (s.datasets[req.dataset] = { ...(s.datasets[req.dataset] ?? {}), ...req.patch }));
      return { value: null };
    case "saveSettings":
      await updateSettings(workbook(), (s) => applySettings(s, req.datasets, req.matrix, req.ownArea));
      return { value: null };
    case "run": {
      const r = await summarise(workbook(), {
        period: req.request.period, formatSource: req.request.formatSource, onProgress: progress, replaceHistory: req.request.replaceHistory, replaceHistoryHint: REPLACE_HINT,
      });
      if (r.error) throw new Error(r.error);
      // The summary sheets stay in this workbook (the download is saved from it); the pane gets only what it shows.
      return { value: paneOutcome(r) };
    }
    case "makeTemplates":
      return { value: templatesMessage(await makeTemplates(workbook(), { directorate: req.directorate ?? undefined })) };
    case "collectReturns":
      return { value: collectMessage(await collectReturns(workbook(), [{ file: req.name, port: workbook() }], req.name)) };
    case "save": {
      const { data } = await workbook().save();
      // A fresh buffer of exactly the file's length, handed over without a copy.
      const out = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
      return { value: out, transfer: [out.buffer as ArrayBuffer] };
    }
  }
}

// One operation at a time, in the order asked: each sees the workbook as the previous one left it.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(async () => {
    try {
      const { value, transfer } = await perform(req, (step, fraction) => scope.postMessage({ id: req.id, kind: "progress", step, fraction }));
      scope.postMessage({ id: req.id, kind: "done", value }, transfer);
    } catch (err) {
      const e = err as Error;
      // A user-facing error keeps its kind across the worker boundary.
      scope.postMessage({ id: req.id, kind: "failed", name: e.name ?? "Error", message: e.message ?? String(err), errorKind: isUserError(err) ? err.kind : undefined });
    }
  });
};
