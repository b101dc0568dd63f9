import { Period, samePeriod } from "../periods";

/** A value read for a period: a number, nothing, or something unreadable (status Check). */
export type PointValue = number | null | "invalid";

/** One point of a series, as an object (for the few places that want one, and for tests). */
export interface IndicatorPoint {
  /** null: the sheet gives no period, so the value is taken as the reporting period's. */
  period: Period | null;
  value: PointValue;
  row: number;
  col: number;
  /** Year to date given on this value's own row (one row per period); absent where a row gives one for its whole series. */
  ytd?: number | null;
}

/** What a point's value is: a number (in `values`), none, or unreadable. */
const NUMBER = 0;
const NONE = 1;
const INVALID = 2;
/** A point taken out again (a later row gave its period again). */
const REMOVED = 3;
/** Whether a point carries a year to date of its own, and what. */
const NO_YTD = 0;
const YTD_NONE = 1;
const YTD_NUMBER = 2;

/**
 * A dataset's points, column by column in typed arrays: an object per value
 * (400,000 of them for 50,000 indicators × 8 quarters, each with its own
 * boxed number) was a quarter of a run's live memory and much of its
 * collection. Each series is a run of consecutive points.
 */
class PointColumns {
  size = 0;
  periods: Int32Array;
  values: Float64Array;
  kinds: Uint8Array;
  rows: Int32Array;
  /** Columns: XFD, the last, is 16,383. */
  cols: Uint16Array;
  /** Only for data that gives a year to date on each value's row (most gives none). */
  ytds: Float64Array | null = null;
  ytdKinds: Uint8Array | null = null;

  constructor(capacity: number, readonly table: (Period | null)[]) {
    this.periods = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.rows = new Int32Array(capacity);
    this.cols = new Uint16Array(capacity);
  }

  /** The year-to-date columns, made when the first point has one. */
  withYtd(): { ytds: Float64Array; ytdKinds: Uint8Array } {
    if (!this.ytds || !this.ytdKinds) {
      this.ytds = new Float64Array(this.kinds.length);
      this.ytdKinds = new Uint8Array(this.kinds.length);
    }
    return { ytds: this.ytds, ytdKinds: this.ytdKinds };
  }

  /** Room for one more point. */
  reserve(): void {
    if (this.size < this.kinds.length) return;
    const n = this.kinds.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.periods = grow(this.periods);
    this.values = grow(this.values);
    this.kinds = grow(this.kinds);
    this.rows = grow(this.rows);
    this.cols = grow(this.cols);
    if (this.ytds && this.ytdKinds) {
      this.ytds = grow(this.ytds);
      this.ytdKinds = grow(this.ytdKinds);
    }
  }

  /** Point `from` of `source` copied to the end. */
  copy(source: PointColumns, from: number): void {
    const at = this.size++;
    this.periods[at] = source.periods[from];
    this.values[at] = source.values[from];
    this.kinds[at] = source.kinds[from];
    this.rows[at] = source.rows[from];
    this.cols[at] = source.cols[from];
    if (source.ytds && source.ytdKinds) {
      const { ytds, ytdKinds } = this.withYtd();
      ytds[at] = source.ytds[from];
      ytdKinds[at] = source.ytdKinds[from];
    }
  }
}

/** One series' points: a view of its run in the dataset's columns. */
export class PointList {
  constructor(private readonly c: PointColumns, private readonly start: number, readonly length: number) {}

  /** Points given as objects (tests, benchmarks, and values put in the reporting period's place). */
  static of(points: readonly { period: Period | null; value: PointValue; row?: number; col?: number; ytd?: number | null }[]): PointList {
    const builder = new SeriesBuilder();
    for (const p of points) builder.add(0, p.period, p.value, p.row ?? 0, p.col ?? 0, p.ytd);
    return builder.finish(1)[0];
  }

  period(i: number): Period | null {
    return this.c.table[this.c.periods[this.start + i]];
  }

  value(i: number): PointValue {
    const k = this.c.kinds[this.start + i];
    return k === NUMBER ? this.c.values[this.start + i] : k === NONE ? null : "invalid";
  }

  /** The number, where the point has one. */
  number(i: number): number | null {
    return this.c.kinds[this.start + i] === NUMBER ? this.c.values[this.start + i] : null;
  }

  row(i: number): number {
    return this.c.rows[this.start + i];
  }

  col(i: number): number {
    return this.c.cols[this.start + i];
  }

  /** The year to date given on the point's own row; undefined where the row gives none of its own. */
  ytd(i: number): number | null | undefined {
    const k = this.c.ytdKinds ? this.c.ytdKinds[this.start + i] : NO_YTD;
    return k === NO_YTD ? undefined : k === YTD_NONE ? null : this.c.ytds![this.start + i];
  }

  /** The first point whose period passes `test`, or -1. */
  findIndex(test: (period: Period | null) => boolean): number {
    for (let i = 0; i < this.length; i++) if (test(this.period(i))) return i;
    return -1;
  }

  /** The numbers among the values, in order. */
  numbers(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const v = this.number(i);
      if (v !== null) out.push(v);
    }
    return out;
  }

  toArray(): IndicatorPoint[] {
    const out: IndicatorPoint[] = [];
    for (let i = 0; i < this.length; i++) {
      const p: IndicatorPoint = { period: this.period(i), value: this.value(i), row: this.row(i), col: this.col(i) };
      const ytd = this.ytd(i);
      if (ytd !== undefined) p.ytd = ytd;
      out.push(p);
    }
    return out;
  }
}

/**
 * Points added series by series as rows are read, in any order (a long
 * extract gives a series' values far apart), then laid out as each series'
 * run, in sheet order (by row, then column).
 */
export class SeriesBuilder {
  private readonly table: (Period | null)[] = [null];
  private readonly ids = new Map<Period, number>();
  private readonly c: PointColumns;
  /** Per point, the next point of its series (-1: the last). */
  private next: Int32Array;
  private readonly heads: number[] = [];
  private readonly tails: number[] = [];

  /** `expected`: about how many points will come (a dataset's rows × its period columns), so the columns seldom grow. */
  constructor(expected = 1024) {
    const capacity = Math.max(16, Math.min(expected, 1 << 20));
    this.c = new PointColumns(capacity, this.table);
    this.next = new Int32Array(capacity);
  }

  add(series: number, period: Period | null, value: PointValue, row: number, col: number, ytd?: number | null): void {
    const c = this.c;
    c.reserve();
    if (this.next.length < c.kinds.length) {
      const grown = new Int32Array(c.kinds.length);
      grown.set(this.next);
      this.next = grown;
    }
    const at = c.size++;
    let id = 0;
    if (period) {
      id = this.ids.get(period) ?? 0;
      if (!id) {
        id = this.table.push(period) - 1;
        this.ids.set(period, id);
      }
    }
    c.periods[at] = id;
    if (typeof value === "number") {
      c.kinds[at] = NUMBER;
      c.values[at] = value;
    } else c.kinds[at] = value === null ? NONE : INVALID;
    c.rows[at] = row;
    c.cols[at] = col;
    if (ytd !== undefined) {
      const { ytds, ytdKinds } = c.withYtd();
      ytdKinds[at] = ytd === null ? YTD_NONE : YTD_NUMBER;
      if (ytd !== null) ytds[at] = ytd;
    }
    this.next[at] = -1;
    while (this.heads.length <= series) {
      this.heads.push(-1);
      this.tails.push(-1);
    }
    if (this.heads[series] < 0) this.heads[series] = at;
    else this.next[this.tails[series]] = at;
    this.tails[series] = at;
  }

  /** Whether the series has a point for the period (a calendar and a financial label of the same months are one period). */
  has(series: number, period: Period): boolean {
    for (let i = this.heads[series] ?? -1; i >= 0; i = this.next[i]) {
      const p = this.table[this.c.periods[i]];
      if (this.c.kinds[i] !== REMOVED && p && samePeriod(p, period)) return true;
    }
    return false;
  }

  /** Takes the series' points for the period out (a later row gives it again). */
  remove(series: number, period: Period): void {
    for (let i = this.heads[series] ?? -1; i >= 0; i = this.next[i]) {
      const p = this.table[this.c.periods[i]];
      if (this.c.kinds[i] !== REMOVED && p && samePeriod(p, period)) this.c.kinds[i] = REMOVED;
    }
  }

  /**
   * Each of `count` series' points, as a run of the dataset's columns, in
   * sheet order. Where they came so already (a wide sheet: each row's
   * points together, in column order, series after series), the columns
   * are used as they are.
   */
  finish(count: number): PointList[] {
    if (this.inPlace(count)) {
      const lists: PointList[] = [];
      for (let s = 0; s < count; s++) {
        const head = this.heads[s] ?? -1;
        lists.push(head < 0 ? new PointList(this.c, 0, 0) : new PointList(this.c, head, this.tails[s] - head + 1));
      }
      return lists;
    }
    const out = new PointColumns(Math.max(1, this.c.size), this.table);
    const lists: PointList[] = [];
    const run: number[] = [];
    for (let s = 0; s < count; s++) {
      run.length = 0;
      let ordered = true;
      for (let i = this.heads[s] ?? -1; i >= 0; i = this.next[i]) {
        if (this.c.kinds[i] === REMOVED) continue;
        const last = run.length ? run[run.length - 1] : -1;
        if (last >= 0 && (this.c.rows[i] < this.c.rows[last] || (this.c.rows[i] === this.c.rows[last] && this.c.cols[i] < this.c.cols[last]))) ordered = false;
        run.push(i);
      }
      // Rows are read in order, so a series is nearly always in order already; otherwise sorted (stably) into it.
      if (!ordered) run.sort((a, b) => (this.c.rows[a] - this.c.rows[b]) || (this.c.cols[a] - this.c.cols[b]));
      const start = out.size;
      for (const i of run) out.copy(this.c, i);
      lists.push(new PointList(out, start, run.length));
    }
    return lists;
  }

  /** Whether the points already lie series after series, each series' in sheet order, none taken out. */
  private inPlace(count: number): boolean {
    const c = this.c;
    let expect = 0;
    for (let s = 0; s < count; s++) {
      const head = this.heads[s] ?? -1;
      if (head < 0) continue;
      if (head !== expect) return false;
      for (let i = head; i >= 0; i = this.next[i]) {
        if (i !== expect || c.kinds[i] === REMOVED) return false;
        if (i > head && (c.rows[i] < c.rows[i - 1] || (c.rows[i] === c.rows[i - 1] && c.cols[i] < c.cols[i - 1]))) return false;
        expect++;
      }
    }
    return expect === c.size;
  }
}
