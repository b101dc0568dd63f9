/**
 * Office.js sends everything queued since the last `context.sync()` as one
 * request, and Excel on the web refuses requests (and responses) over about
 * 5 MB. A Batch queues work with its estimated size and syncs only when the
 * next piece would overflow the budget — never per cell or per row.
 */
export const REQUEST_BUDGET = 4_000_000;

export class Batch {
  private queued = 0;
  syncs = 0;
  /** Queued just before each request (e.g. suspending calculation, which lasts only until the next sync). */
  beforeSync: (() => void) | null = null;

  constructor(private readonly ctx: { sync(): Promise<unknown> }, readonly budget = REQUEST_BUDGET) {}

  /** Make room for `bytes` more: sync first if they would not fit in the current request. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.sync();
    this.queued += bytes;
  }

  /** Send what is queued: the one place the adapter calls context.sync(). */
  async sync(): Promise<void> {
    this.beforeSync?.();
    try {
      await this.ctx.sync();
    } finally {
      // A refused request is gone either way: what was queued is not sent again.
      this.syncs++;
      this.queued = 0;
    }
  }
}

/**
 * Excel counts the calls and the objects in a request as well as the
 * values it carries; this is what one call with its range object costs,
 * beyond its values. (docs/excel-behaviours.md: payload size.)
 */
export const CALL_BYTES = 200;

/** The request size of a value as Office.js serialises it (JSON), for budgeting. */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** Rows per chunk so that a chunk of `columns` cells of about `bytesPerCell` fits the budget. */
export function rowsPerChunk(columns: number, bytesPerCell: number, budget = REQUEST_BUDGET): number {
  return Math.max(1, Math.floor(budget / Math.max(1, columns * bytesPerCell)));
}
