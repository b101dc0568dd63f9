import { refuse } from "./refusal";

/**
 * What one read may cost. Bytes are counted as they are inflated, never
 * taken from what the zip declares; cells are those holding a value (a rule
 * or style over a whole sheet costs nothing). A real council workbook is far
 * below every one: 200,000 rows × 12 columns is 2.4 million cells and about
 * 130 MB unzipped.
 */
export interface ReadLimits {
  /** Largest single part, unzipped. */
  partBytes: number;
  /** All parts read, unzipped. */
  totalBytes: number;
  /** Filled cells (plus merged ranges and hidden rows) over all sheets. */
  cells: number;
  /** Wall-clock time for the whole read. */
  seconds: number;
}

export const DEFAULT_LIMITS: ReadLimits = { partBytes: 400e6, totalBytes: 1000e6, cells: 5_000_000, seconds: 60 };

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** The running cost of one read, checked as it grows; over a limit it throws the refusal. */
export class Budget {
  private inflated = 0;
  private cellCount = 0;
  private readonly deadline: number;
  private lastPause = Date.now();

  constructor(readonly limits: ReadLimits, readonly fileBytes: number) {
    this.deadline = Date.now() + limits.seconds * 1000;
  }

  /**
   * `n` more bytes of `part`, which has now given `partTotal` bytes and
   * declared `declared`: a part can never outgrow its declaration, and
   * `declared` has already kept that within the one-part limit.
   */
  inflate(part: string, n: number, partTotal: number, declared: number): void {
    this.inflated += n;
    if (partTotal > declared) throw refuse({ kind: "size-mismatch", part, declared, fileBytes: this.fileBytes });
    if (this.inflated > this.limits.totalBytes) throw refuse({ kind: "total-too-big", limitMb: mb(this.limits.totalBytes), fileBytes: this.fileBytes });
    this.checkTime();
  }

  /** A part declaring more than one part may hold is refused before any of it is inflated. */
  declared(part: string, bytes: number): void {
    if (bytes > this.limits.partBytes) throw refuse({ kind: "declared-too-big", part, limitMb: mb(this.limits.partBytes), fileBytes: this.fileBytes });
  }

  cell(sheet: string): void {
    if (++this.cellCount > this.limits.cells) throw refuse({ kind: "too-many-cells", limit: this.limits.cells, sheet, fileBytes: this.fileBytes });
  }

  /**
   * Lets the event loop run (a task pane stays responsive) at most every
   * 50 ms of reading, and checks the clock.
   */
  async pause(): Promise<void> {
    this.checkTime();
    if (Date.now() - this.lastPause < 50) return;
    await new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
    this.lastPause = Date.now();
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw refuse({ kind: "too-slow", seconds: this.limits.seconds, inflatedBytes: this.inflated, fileBytes: this.fileBytes });
  }
}
