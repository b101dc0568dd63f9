/**
 * The request model the fake shares with Excel: a request context queues
 * actions on proxy objects and runs them in order at `sync`; a property
 * read before `load` + `sync` throws; requests and responses over 5 MB fail
 * (Excel on the web), weighed as office.js serialises them (wire.ts).
 */
import { FakeWorkbookState } from "./excel-state";
import { OfficeError } from "./excel-rules";
import { Wire, Path, ActionKind, argsJson, member, ROOT } from "./wire";

export const REQUEST_LIMIT = 5 * 1024 * 1024;

export const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;

export class Ctx {
  private queue: (() => number | void)[] = [];
  readonly wire = new Wire();
  readonly root: Path;

  constructor(readonly state: FakeWorkbookState) {
    this.root = this.wire.path(ROOT, "");
  }

  /** A new proxy object's path (sent only with an action that needs it). */
  path(type: number, name: string, parent: Path, args?: unknown[]): Path {
    return this.wire.path(type, name, parent, args);
  }

  /**
   * Queue an action — a property set, a method call or a load — to run at
   * the next sync; `run` returns the bytes of its answer, if any.
   */
  enqueue(on: Path, kind: ActionKind, name: string, args: string | undefined, run: () => number | void): void {
    this.wire.action(on, kind, name, args);
    this.queue.push(run);
  }

  /** What the host works out by itself at sync (a null object's state), with nothing sent for it. */
  resolveAtSync(run: () => void): void {
    this.queue.push(run);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = this.wire.send();
    this.state.syncs++;
    const log = { bytes, responseBytes: 0 };
    this.state.requests.push(log);
    if (this.state.failOnSync === this.state.syncs) throw new OfficeError("GeneralException", "An internal error has occurred.");
    if (bytes > REQUEST_LIMIT) throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    for (const op of ops) log.responseBytes += op() || 0;
    if (log.responseBytes > REQUEST_LIMIT) throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
}

/** Parse "a,b,items/c" into property paths. */
function props(spec: string | string[] | Record<string, unknown> | undefined): string[] {
  if (!spec) return [];
  if (Array.isArray(spec)) return spec;
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  return Object.keys(spec);
}

/** A proxy object: its path in requests, and the properties a sync has loaded into it. */
export abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(protected ctx: Ctx, readonly path: Path) {}

  protected read(p: string): unknown {
    if (!this.loaded.has(p)) {
      throw new OfficeError("PropertyNotLoaded", `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(p);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available until context.sync() has run.");
    return this.nullState;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const list = props(spec);
    this.ctx.enqueue(this.path, "query", "", JSON.stringify(list), () => this.snapshot(list));
    return this;
  }

  /** Copy the named properties from the state; returns the response size. */
  protected abstract snapshot(list: string[]): number;

  /** Queue a property set on this object. */
  protected set(name: string, value: unknown, run: () => void): void {
    this.ctx.enqueue(this.path, "set", member(name), argsJson(value), run);
  }

  /** Queue a method call on this object. */
  protected call(name: string, args: unknown[], run: () => number | void): void {
    this.ctx.enqueue(this.path, "method", member(name), argsJson(...args), run);
  }
}

/**
 * A navigation object that is only ever written (a range's format, fill,
 * font, a rule's format): each property set is an action on its path, and
 * reading one back would need a load the adapter never does.
 */
export function writeOnly<T>(ctx: Ctx, path: Path, setters: Record<string, (v: never) => void>, extra: Record<string, unknown> = {}): T {
  const o: Record<string, unknown> = { ...extra };
  for (const [k, apply] of Object.entries(setters)) {
    Object.defineProperty(o, k, {
      set: (v: never) => ctx.enqueue(path, "set", member(k), argsJson(v), () => apply(v)),
      get: () => { throw new OfficeError("PropertyNotLoaded", `The property '${k}' is not available.`); },
      enumerable: true,
    });
  }
  return o as T;
}
