import type { WorkerOp, WorkerReply } from "./protocol";
import { UserError } from "../../core/user-error";
import { startFileWorker } from "./start.mjs";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (step: string, fraction: number) => void };

/** Calls into one file worker; every call is answered in the order made. */
export class WorkerClient {
  private readonly worker = startFileWorker();
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === "progress") return p.onProgress?.(reply.step, reply.fraction);
      this.pending.delete(reply.id);
      if (reply.kind === "done") p.resolve(reply.value);
      else p.reject(reply.errorKind ? new UserError(reply.errorKind, reply.message) : Object.assign(new Error(reply.message), { name: reply.name }));
    };
    // A worker that dies (out of memory, a script that failed to load) fails every call still waiting.
    this.worker.onerror = (e) => this.end(new Error(e.message || "The browser stopped the work on this file."));
  }

  call<T>(op: WorkerOp, onProgress?: (step: string, fraction: number) => void, transfer: Transferable[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...op, id }, transfer);
    });
  }

  /** Stop the worker at once, whatever it is doing; calls still waiting fail with the reason. */
  end(reason: Error): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }
}
