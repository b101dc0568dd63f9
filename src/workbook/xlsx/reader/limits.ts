import { refuse } from "./refusal";

/**
 * What one read may cost, in work done, never in time taken: the same file is
 * read or refused alike on a quiet machine and a busy one. Bytes are counted
 * as they are inflated, never taken from what the zip declares; cells are
 * those holding a value in the sheets read (a rule or style over a whole
 * sheet costs nothing, and the product's own sheets are not read at all).
 * Stopping a read that is taking too long is the user's choice: the task
 * pane's Cancel, Ctrl+C on the command line.
 */
export interface ReadLimits {
  /** Largest single part, unzipped. */
  partBytes: number;
  /** All parts read, unzipped. */
  totalBytes: number;
  /** Filled cells (plus merged ranges) over the sheets read. */
  cells: number;
}

/**
 * What a run holds per filled cell, at most: the cell in the grid read, and
 * its share of the series, results and sheets made from it. The heaviest
 * layout, a wide sheet with a results row per indicator, peaked at 2,849 MB
 * for a million rows of 12 filled cells (237 bytes a cell, the whole
 * process); a long extract at 533 MB for 5 million (107). See
 * docs/performance.md.
 */
export const BYTES_PER_CELL = 250;

/** The JavaScript heap this host gives a run when it says nothing (a browser that does not tell). */
const DEFAULT_HEAP = 2 ** 31;

/** The heap left for everything but the cells: the code, the workbook's bytes in and out. */
const HEAP_RESERVE = 600e6;

/** Filled cells a run may read within a heap of `heapBytes`. */
export function cellsWithin(heapBytes: number): number {
  return Math.max(1_000_000, Math.floor((heapBytes - HEAP_RESERVE) / BYTES_PER_CELL / 1e6) * 1e6);
}

/** The heap the page or worker may grow to, where the browser says (Chromium), else a cautious 2 GB. */
function hostHeap(): number {
  const memory = (globalThis.performance as { memory?: { jsHeapSizeLimit?: number } } | undefined)?.memory;
  return memory?.jsHeapSizeLimit ?? DEFAULT_HEAP;
}

export const DEFAULT_LIMITS: ReadLimits = { partBytes: 400e6, totalBytes: 1000e6, cells: cellsWithin(hostHeap()) };

/**
 * The heap this process may grow to (the command line gives Node's own),
 * which sets how many cells a read may take: a larger heap reads a larger
 * file, and one too large for it is refused in a sentence rather than
 * ending in an out-of-memory crash.
 */
export function useHeapLimit(heapBytes: number): void {
  DEFAULT_LIMITS.cells = cellsWithin(heapBytes);
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** The running cost of one read, checked as it grows; over a limit it throws the refusal. */
export class Budget {
  private inflated = 0;
  private cellCount = 0;
  private lastPause = Date.now();

  constructor(readonly limits: ReadLimits, readonly fileBytes: number) {}

  /**
   * `n` more bytes of `part`, which has now given `partTotal` bytes and
   * declared `declared`: a part can never outgrow its declaration, and
   * `declared` has already kept that within the one-part limit.
   */
  inflate(part: string, n: number, partTotal: number, declared: number): void {
    this.inflated += n;
    if (partTotal > declared) throw refuse({ kind: "size-mismatch", part, declared, fileBytes: this.fileBytes });
    if (this.inflated > this.limits.totalBytes) throw refuse({ kind: "total-too-big", limitMb: mb(this.limits.totalBytes), fileBytes: this.fileBytes });
  }

  /** A part declaring more than one part may hold is refused before any of it is inflated. */
  declared(part: string, bytes: number): void {
    if (bytes > this.limits.partBytes) throw refuse({ kind: "declared-too-big", part, limitMb: mb(this.limits.partBytes), fileBytes: this.fileBytes });
  }

  cell(sheet: string): void {
    if (++this.cellCount > this.limits.cells) throw refuse({ kind: "too-many-cells", limit: this.limits.cells, sheet, fileBytes: this.fileBytes });
  }

  /**
   * Lets the event loop run at most every 50 ms of reading, so a task pane
   * stays responsive and its Cancel is heard. Only when it yields depends on
   * the clock, never what is read.
   */
  async pause(): Promise<void> {
    if (Date.now() - this.lastPause < 50) return;
    await new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
    this.lastPause = Date.now();
  }
}
