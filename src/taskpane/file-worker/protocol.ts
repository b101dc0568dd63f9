import type { UserErrorKind } from "../../core/user-error";
/**
 * Messages between the pane and the worker that holds an opened .xlsx file.
 * Everything crossing is plain data (structured clone); the file's bytes and
 * the saved copy are transferred, not copied, where possible.
 */
import type { DatasetSettings, RiskMatrix } from "../../core";
import type { RunRequest } from "../host";

/** What the pane can ask of the file, one operation per message. */
export type WorkerOp =
  | { op: "open"; data: ArrayBuffer }
  | { op: "inspect" }
  | { op: "saveDataset"; dataset: string; patch: DatasetSettings }
  | { op: "saveSettings"; datasets: Record<string, DatasetSettings>; matrix?: RiskMatrix | null; ownArea?: string }
  | { op: "run"; request: RunRequest }
  | { op: "makeTemplates"; directorate: string | null }
  | { op: "collectReturns"; name: string }
  | { op: "save" };

/** `id` is the message's own number: no operation may carry a field of that name (it would be overwritten). */
export type WorkerRequest = WorkerOp & { id: number };

export type WorkerReply =
  | { id: number; kind: "progress"; step: string; fraction: number }
  | { id: number; kind: "done"; value: unknown }
  | { id: number; kind: "failed"; name: string; message: string; errorKind?: UserErrorKind };
