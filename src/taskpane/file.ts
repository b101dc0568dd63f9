/**
 * File mode, for councils where add-ins cannot be deployed (and for tests):
 * the same flow on an .xlsx opened in the browser, with the result offered
 * for download. The file is held and worked on in a Web Worker (see
 * file-worker/), so the pane keeps painting progress and Cancel works on
 * workbooks of any size; Cancel ends the worker outright.
 */
import type { PaneHost, RunOutcome } from "./host";
import type { WorkerOp } from "./file-worker/protocol";
import { WorkerClient } from "./file-worker/client";
import { UserError } from "../core/user-error";

/** The error a cancelled operation ends with (the same kind the run's own cancellation has). */
export function cancelledError(): Error {
  return new UserError("cancelled", "Cancelled. Nothing was written.");
}

/** Operations that change the workbook: replayed, in order, on a fresh worker after a Cancel. */
type Change = Extract<WorkerOp, { op: "saveDataset" | "saveSettings" | "run" | "makeTemplates" | "collectReturns" }>;

export interface FileHost extends PaneHost {
  /** Read the file into the worker (the slow part of opening a large workbook). */
  open(onProgress: (step: string) => void): Promise<void>;
  /** Give up on this file: the worker is ended and nothing more can be asked of it. */
  close(): void;
}

export function fileHost(name: string, data: ArrayBuffer): FileHost {
  let client = new WorkerClient();
  const changes: Change[] = [];

  // The worker gets a copy, handed over without a second one: the bytes here are what a Cancel reopens from.
  const openIn = (c: WorkerClient) => {
    const copy = data.slice(0);
    return c.call<void>({ op: "open", data: copy }, undefined, [copy]);
  };

  const change = async <T>(op: Change, onProgress?: (step: string, fraction: number) => void): Promise<T> => {
    const value = await client.call<T>(op, onProgress);
    changes.push(op);
    return value;
  };

  return {
    kind: "file",
    title: name,
    open: async (onProgress) => {
      onProgress(`Reading ${name} (${(data.byteLength / 1e6).toFixed(1)} MB)`);
      await openIn(client);
    },
    close: () => client.end(cancelledError()),
    inspect: () => client.call({ op: "inspect" }),
    saveDataset: (dataset, patch) => change({ op: "saveDataset", dataset, patch }),
    saveSettings: (datasets, matrix, ownArea) => change({ op: "saveSettings", datasets, matrix, ownArea }),
    run: (request, onProgress) => change<RunOutcome>({ op: "run", request }, onProgress),
    cancel: () => {
      // Ending the worker loses the file as it stood, so a new worker reopens it and replays every
      // change that had finished; calls made meanwhile queue behind that and see the same workbook.
      client.end(cancelledError());
      client = new WorkerClient();
      void openIn(client).catch(() => undefined);
      for (const op of changes) void client.call(op).catch(() => undefined);
    },
    makeTemplates: (directorate) => change({ op: "makeTemplates", directorate }),
    collectReturns: () => change({ op: "collectReturns", name }),
    // A file has no selection to move: the pane shows each cell's address instead of a "Go to".
    selectCell: async () => undefined,
    download: async () => {
      const out = await client.call<Uint8Array<ArrayBuffer>>({ op: "save" });
      const blob = new Blob([out], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
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
