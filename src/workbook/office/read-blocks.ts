import { Batch, CALL_BYTES } from "./batch";

/** A rectangle of one sheet to read: 0-based, `sheet` indexes the caller's list. */
export interface Block {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** Two halves of a block: by rows while it has several, then by columns; null for a single cell. */
function halve(b: Block): Block[] | null {
  if (b.rows > 1) {
    const top = Math.ceil(b.rows / 2);
    return [{ ...b, rows: top }, { ...b, top: b.top + top, rows: b.rows - top }];
  }
  if (b.cols > 1) {
    const left = Math.ceil(b.cols / 2);
    return [{ ...b, cols: left }, { ...b, left: b.left + left, cols: b.cols - left }];
  }
  return null;
}

/** Blocks no larger than `maxCells`, cut by rows (a row wider than that stays whole; a refusal halves it). */
function fit(b: Block, maxCells: number): Block[] {
  const rows = Math.max(1, Math.floor(maxCells / Math.max(1, b.cols)));
  if (b.rows <= rows) return [b];
  const out: Block[] = [];
  for (let top = b.top; top < b.top + b.rows; top += rows) out.push({ ...b, top, rows: Math.min(rows, b.top + b.rows - top) });
  return out;
}

/** Something to load for each of a list of blocks, with the response it is expected to cost a cell. */
export interface ReadJob<T> {
  blocks: Block[];
  bytesPerCell: number;
  load: (b: Block) => T;
  /**
   * Treat any refusal as "too large": for an operation with a per-range
   * limit of its own (512 merged areas).
   */
  splitOnAnyError?: boolean;
}

/**
 * Load something for each block (`load` queues it and returns the proxy),
 * in requests whose expected response — `bytesPerCell` a cell, plus a call's
 * cost — fits the batch's budget; several jobs share requests. Excel on the
 * web refuses a request or a response over 5 MB, and its advice is to
 * "retry with a smaller block size" (excel-add-ins-ranges-large.md): a
 * request refused as too large is sent again with each of its blocks
 * halved. A single cell that is still refused fails the read with Excel's
 * own error. `alongside` queues small loads that go with the first request
 * (they are queued again if it is refused).
 */
export async function readJobs(batch: Batch, jobs: ReadJob<unknown>[], alongside?: () => void): Promise<{ block: Block; result: unknown }[][]> {
  type Item = { job: number; block: Block };
  const cost = (i: Item) => CALL_BYTES * 2 + i.block.rows * i.block.cols * jobs[i.job].bytesPerCell;
  const pending: Item[] = jobs.flatMap((j, job) => {
    const maxCells = j.bytesPerCell > 0 ? (batch.budget - CALL_BYTES * 2) / j.bytesPerCell : Infinity;
    return j.blocks.flatMap((b) => fit(b, maxCells)).map((block) => ({ job, block }));
  });
  const done: { block: Block; result: unknown }[][] = jobs.map(() => []);
  if (alongside && !pending.length) {
    alongside();
    await batch.sync();
    return done;
  }
  let first = alongside;
  while (pending.length) {
    const request: (Item & { result: unknown })[] = [];
    let bytes = 0;
    first?.();
    while (pending.length && (request.length === 0 || bytes + cost(pending[0]) <= batch.budget)) {
      const item = pending.shift()!;
      bytes += cost(item);
      request.push({ ...item, result: jobs[item.job].load(item.block) });
    }
    try {
      await batch.sync();
      for (const r of request) done[r.job].push({ block: r.block, result: r.result });
      first = undefined;
    } catch (e) {
      const payload = PAYLOAD_ERRORS.has((e as { code?: string }).code ?? "");
      if (!payload && !request.some((r) => jobs[r.job].splitOnAnyError)) throw e;
      const halves = request.map((r) => halve(r.block));
      if (halves.every((h) => h === null)) throw e;
      pending.unshift(...request.flatMap((r, i) => (halves[i] ?? [r.block]).map((block) => ({ job: r.job, block }))));
    }
  }
  return done;
}

/** One job's blocks (see readJobs). */
export async function readInBlocks<T>(batch: Batch, blocks: Block[], bytesPerCell: number, load: (b: Block) => T, options: { alongside?: () => void } = {}): Promise<{ block: Block; result: T }[]> {
  const [done] = await readJobs(batch, [{ blocks, bytesPerCell, load }], options.alongside);
  return done as { block: Block; result: T }[];
}
