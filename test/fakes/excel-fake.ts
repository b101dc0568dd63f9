/**
 * A strict in-memory fake of the part of the Excel JavaScript API the Office
 * adapter uses. It behaves like Excel where it matters:
 * - objects are proxies; properties arrive only after `load` + `sync`, and
 *   reading one before that throws PropertyNotLoaded, as Excel does;
 * - writes are queued and applied at `sync`, in order;
 * - every sync is counted with its request and response size, and a request
 *   or response over 5 MB fails as Excel on the web's does;
 * - array writes must match the range's size; text starting with "=" in a
 *   cell not formatted as Text becomes a formula;
 * - methods on a null object, edits to protected sheets and duplicate sheet
 *   names fail with Excel's error codes.
 */
import { FakeWorkbookState, FakeSheet, FakeCell, FakeRule } from "./excel-state";
import { parseRange, a1, quoteSheetName } from "../../src/core";

export const REQUEST_LIMIT = 5 * 1024 * 1024;

export class OfficeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;

class Ctx {
  private queue: { bytes: number; run: () => number | void }[] = [];
  readonly workbook: Workbook;
  readonly application: Application;

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: bytes + 40, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    this.state.syncs++;
    const log = { bytes, responseBytes: 0 };
    this.state.requests.push(log);
    if (this.state.failOnSync === this.state.syncs) throw new OfficeError("GeneralException", "An internal error has occurred.");
    if (bytes > REQUEST_LIMIT) throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    for (const op of ops) log.responseBytes += op.run() || 0;
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

abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(protected ctx: Ctx) {}

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
    this.ctx.enqueue(size(list), () => this.snapshot(list));
    return this;
  }

  /** Copy the named properties from the state; returns the response size. */
  protected abstract snapshot(list: string[]): number;
}

class Application {
  constructor(private ctx: Ctx) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(10, () => void this.ctx.state.calculationSuspensions++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9");
    this.ctx.enqueue(10, () => void this.ctx.state.screenSuspensions++);
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  constructor(ctx: Ctx) {
    this.worksheets = new WorksheetCollection(ctx);
  }
}

class WorksheetCollection extends ClientObject {
  private list: Worksheet[] = [];

  get items(): Worksheet[] {
    this.read("items");
    return this.list;
  }

  protected snapshot(list: string[]): number {
    const fields = list.map((p) => p.replace(/^items\//, ""));
    this.list = this.ctx.state.sheets.map((s) => {
      const w = new Worksheet(this.ctx, () => s, false);
      w.fill(fields);
      return w;
    });
    this.loaded.set("items", true);
    return size(this.list.length) + this.ctx.state.sheets.length * 40;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    }, false);
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.state.sheet(name), true);
  }

  add(name: string): Worksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(size(name), () => {
      if (this.ctx.state.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${name}'.`);
      created = this.ctx.state.addSheet(name);
    });
    return new Worksheet(this.ctx, () => created, false);
  }
}

class Worksheet extends ClientObject {
  private sheetId: number | undefined;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeAt: (r: Range) => void };
  readonly protection: { protect: (options?: unknown, password?: string) => void };
  readonly tables: TableCollection;

  constructor(ctx: Ctx, private locate: () => FakeSheet | undefined, private orNull: boolean) {
    super(ctx);
    if (orNull) ctx.enqueue(0, () => void (this.nullState = !this.find()));
    this.freezePanes = {
      freezeRows: (n) => this.edit(size(n), (s) => void (s.frozen = { rows: n, columns: 0 })),
      freezeAt: (r) => this.edit(60, (s) => {
        const b = r.bounds();
        s.frozen = { rows: b.top + b.rows, columns: b.left + b.cols };
      }),
    };
    this.tables = new TableCollection(ctx, this);
    this.protection = {
      protect: (_options, password) => this.edit(size(password ?? ""), (s) => {
        if (s.protection) throw new OfficeError("InvalidOperation", "The sheet is already protected.");
        s.protection = { password };
      }),
    };
  }

  /** The sheet this proxy stands for; once found, followed by id through renames. */
  find(): FakeSheet | undefined {
    if (this.sheetId !== undefined) return this.ctx.state.byId(this.sheetId);
    const s = this.locate();
    if (s) this.sheetId = s.id;
    return s;
  }

  sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new OfficeError(this.orNull ? "InvalidOperation" : "ItemNotFound", "The worksheet does not exist (a method was called on a null object).");
    return s;
  }

  /** Queue a change to the sheet, refused if the sheet is protected. */
  edit(bytes: number, change: (s: FakeSheet) => void): void {
    this.ctx.enqueue(bytes, () => {
      const s = this.sheet();
      if (s.protected) throw new OfficeError("AccessDenied", `The sheet '${s.name}' is protected.`);
      change(s);
    });
  }

  fill(fields: string[]): void {
    const s = this.sheet();
    for (const f of fields) if (f === "name" || f === "visibility") this.loaded.set(f, s[f]);
    this.nullState = false;
  }

  protected snapshot(list: string[]): number {
    const s = this.orNull ? this.find() : this.sheet();
    if (!s) return 0;
    this.fill(list);
    return 60;
  }

  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.edit(size(v), (s) => {
      if (this.ctx.state.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `A sheet named '${v}' already exists.`);
      this.ctx.state.renameSheet(s, v);
    });
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.edit(size(v), (s) => {
      if (v !== "Visible" && this.ctx.state.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) {
        throw new OfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  set tabColor(v: string) {
    this.edit(size(v), (s) => void (s.tabColor = v));
  }
  activate(): void {
    this.ctx.enqueue(10, () => void (this.ctx.state.activeSheet = this.sheet().name));
  }
  /**
   * A very hidden sheet cannot be deleted, nor the last visible one; formulas
   * elsewhere that pointed at the sheet become #REF!.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
   */
  delete(): void {
    this.ctx.enqueue(20, () => {
      const s = this.sheet();
      if (s.visibility === "VeryHidden") {
        throw new OfficeError("InvalidOperation", "You should first change its visibility to hidden or visible before deleting it.");
      }
      if (s.visibility === "Visible" && !this.ctx.state.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.ctx.state.deleteSheet(s);
    });
  }
  getRange(address: string): Range {
    const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(address);
    const r = parseRange(whole ? `${whole[1]}1:${whole[2]}1048576` : address);
    if (!r) throw new OfficeError("InvalidArgument", `The address '${address}' is not valid.`);
    return new Range(this.ctx, this, () => ({ top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }), false);
  }
  getRangeByIndexes(top: number, left: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this, () => ({ top, left, rows, cols }), false);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return new Range(this.ctx, this, () => {
      const b = this.sheet().usedBounds();
      return b ? { top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 } : null;
    }, true);
  }
}

class TableCollection extends ClientObject {
  private list: { name: string; getRange: () => Range }[] = [];
  constructor(ctx: Ctx, private ws: Worksheet) {
    super(ctx);
  }
  get items() {
    this.read("items");
    return this.list;
  }
  protected snapshot(): number {
    this.list = this.ws.sheet().tables.map((t) => ({ name: t.name, getRange: () => this.ws.getRange(t.ref) }));
    this.loaded.set("items", true);
    return size(this.list.map((t) => t.name));
  }
}

type Bounds = { top: number; left: number; rows: number; cols: number };

class Range extends ClientObject {
  private fixed: Bounds | null | undefined;
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly dataValidation: DataValidation;

  constructor(ctx: Ctx, readonly ws: Worksheet, private locate: () => Bounds | null, private orNull: boolean) {
    super(ctx);
    if (orNull) ctx.enqueue(0, () => void (this.nullState = this.resolve() === null));
    this.format = new RangeFormat(this);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, this);
    this.dataValidation = new DataValidation(this);
  }

  get context(): Ctx {
    return this.ctx;
  }

  resolve(): Bounds | null {
    if (this.fixed === undefined) this.fixed = this.locate();
    return this.fixed;
  }

  bounds(): Bounds {
    const b = this.resolve();
    if (!b) throw new OfficeError("InvalidOperation", "A method was called on a null range.");
    return b;
  }

  ref(): string {
    const b = this.bounds();
    return b.rows === 1 && b.cols === 1 ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.top + b.rows - 1, b.left + b.cols - 1)}`;
  }

  eachCell(fn: (cell: FakeCell, r: number, c: number) => void, s: FakeSheet): void {
    const b = this.bounds();
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) fn(s.cell(b.top + r, b.left + c), r, c);
  }

  protected snapshot(list: string[]): number {
    if (this.orNull && this.resolve() === null) return 0;
    const s = this.ws.sheet();
    const b = this.bounds();
    let bytes = 0;
    const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => fn(s.peek(b.top + r, b.left + c))));
    for (const p of list) {
      let v: unknown;
      if (p === "address") v = `${quoteSheetName(s.name)}!${this.ref()}`;
      else if (p === "rowCount") v = b.rows;
      else if (p === "columnCount") v = b.cols;
      else if (p === "rowIndex") v = b.top;
      else if (p === "columnIndex") v = b.left;
      else if (p === "values") v = grid((c) => (c?.error ?? c?.value ?? ""));
      else if (p === "valueTypes") v = grid((c) => (c?.error ? "Error" : c?.value === null || c?.value === undefined || c?.value === "" ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
      else if (p === "numberFormat") v = grid((c) => c?.numberFormat ?? "General");
      else throw new OfficeError("InvalidArgument", `The fake does not model Range.${p}`);
      this.loaded.set(p, v);
      bytes += size(v);
    }
    return bytes;
  }

  get address(): string { return this.read("address") as string; }
  get rowCount(): number { return this.read("rowCount") as number; }
  get columnCount(): number { return this.read("columnCount") as number; }
  get rowIndex(): number { return this.read("rowIndex") as number; }
  get columnIndex(): number { return this.read("columnIndex") as number; }
  get values(): unknown[][] { return this.read("values") as unknown[][]; }
  get valueTypes(): string[][] { return this.read("valueTypes") as string[][]; }
  get numberFormat(): string[][] { return this.read("numberFormat") as string[][]; }

  private checkShape(v: unknown[][], what: string): void {
    const b = this.bounds();
    if (!Array.isArray(v) || v.length !== b.rows || v.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
      throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
  }

  set values(v: unknown[][]) {
    this.ws.edit(size(v), (s) => {
      this.checkShape(v, "values");
      this.eachCell((cell, r, c) => {
        const x = v[r][c] as string | number | boolean;
        if (typeof x === "string" && x.startsWith("=") && cell.numberFormat !== "@") {
          cell.formula = x;
          cell.value = "#NAME?";
        } else {
          cell.formula = undefined;
          cell.value = x === "" ? null : x;
        }
      }, s);
    });
  }
  set numberFormat(v: string[][]) {
    this.ws.edit(size(v), (s) => {
      this.checkShape(v, "numberFormat");
      this.eachCell((cell, r, c) => void (cell.numberFormat = v[r][c]), s);
    });
  }
  set columnHidden(v: boolean) {
    this.ws.edit(10, (s) => {
      const b = this.bounds();
      for (let c = b.left; c < b.left + b.cols; c++) {
        if (v) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    });
  }
  set hyperlink(v: FakeCell["hyperlink"]) {
    this.ws.edit(size(v), (s) => this.eachCell((cell) => void (cell.hyperlink = v), s));
  }
  select(): void {
    this.ctx.enqueue(10, () => {
      const s = this.ws.sheet();
      if (this.ctx.state.activeSheet !== s.name) throw new OfficeError("InvalidSelection", "A range can only be selected on the active sheet.");
      this.ctx.state.selection = `${s.name}!${this.ref()}`;
    });
  }
  /** The part of this range holding values, or a null object. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return new Range(this.ctx, this.ws, () => {
      const b = this.bounds();
      let u: { top: number; left: number; bottom: number; right: number } | null = null;
      for (const [key, cell] of this.ws.sheet().cells) {
        if (cell.value === null && !cell.error) continue;
        const [r, c] = key.split(",").map(Number);
        if (r < b.top || r >= b.top + b.rows || c < b.left || c >= b.left + b.cols) continue;
        u = u ? { top: Math.min(u.top, r), left: Math.min(u.left, c), bottom: Math.max(u.bottom, r), right: Math.max(u.right, c) } : { top: r, left: c, bottom: r, right: c };
      }
      return u ? { top: u.top, left: u.left, rows: u.bottom - u.top + 1, cols: u.right - u.left + 1 } : null;
    }, true);
  }
  /**
   * "All" empties the cells (values, formulas, number formats, formats,
   * links). Conditional formats and data validation are left for their own
   * clear calls: the documentation does not promise "All" removes them.
   */
  clear(applyTo: string = "All"): void {
    this.ws.edit(20, (s) => {
      const b = this.bounds();
      for (const key of [...s.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r < b.top || r >= b.top + b.rows || c < b.left || c >= b.left + b.cols) continue;
        const cell = s.cells.get(key)!;
        if (applyTo === "All") s.cells.delete(key);
        else if (applyTo === "Contents") Object.assign(cell, { value: null, formula: undefined, error: undefined });
        else if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", format: {} });
        else if (applyTo === "Hyperlinks") cell.hyperlink = undefined;
        else throw new OfficeError("InvalidArgument", `The fake does not model clear(${applyTo})`);
      }
    });
  }
  /** Delete the cells and close the gap from the right ("Left") or from below ("Up"). */
  delete(shift: "Left" | "Up"): void {
    this.ws.edit(20, (s) => {
      const b = this.bounds();
      const moved = new Map<string, FakeCell>();
      for (const [key, cell] of s.cells) {
        let [r, c] = key.split(",").map(Number);
        const inRows = r >= b.top && r < b.top + b.rows;
        const inCols = c >= b.left && c < b.left + b.cols;
        if (inRows && inCols) continue;
        if (shift === "Left" && inRows && c >= b.left + b.cols) c -= b.cols;
        if (shift === "Up" && inCols && r >= b.top + b.rows) r -= b.rows;
        moved.set(`${r},${c}`, cell);
      }
      s.cells = moved;
    });
  }
  getSpecialCellsOrNullObject(type: string): RangeAreas {
    if (type !== "Visible") throw new OfficeError("InvalidArgument", `The fake models only Visible special cells, not ${type}`);
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "getSpecialCellsOrNullObject needs ExcelApi 1.9");
    return new RangeAreas(this.ctx, this);
  }
}

class RangeAreas extends ClientObject {
  constructor(ctx: Ctx, private range: Range) {
    super(ctx);
    ctx.enqueue(0, () => void (this.nullState = this.visibleRows().length === 0));
  }
  private visibleRows(): number[] {
    const s = this.range.ws.sheet();
    const b = this.range.bounds();
    return Array.from({ length: b.rows }, (_, i) => b.top + i).filter((r) => !s.hiddenRows.has(r));
  }
  get address(): string {
    return this.read("address") as string;
  }
  protected snapshot(): number {
    const s = this.range.ws.sheet();
    const b = this.range.bounds();
    const parts: string[] = [];
    let start = -1;
    const rows = new Set(this.visibleRows());
    for (let r = b.top; r <= b.top + b.rows; r++) {
      if (rows.has(r) && start < 0) start = r;
      if (!rows.has(r) && start >= 0) {
        parts.push(`${quoteSheetName(s.name)}!${a1(start, b.left)}:${a1(r - 1, b.left + b.cols - 1)}`);
        start = -1;
      }
    }
    this.loaded.set("address", parts.join(","));
    return size(parts);
  }
}

class RangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly borders: { getItem: (edge: string) => { style: string; color: string } };
  readonly protection: { locked: boolean };

  constructor(private range: Range) {
    const set = (apply: (f: FakeCell, v: unknown) => void) => (v: unknown) => this.range.ws.edit(size(v), (s) => this.range.eachCell((cell) => apply(cell, v), s));
    this.fill = setter({ color: set((c, v) => void (c.format.fill = v as string)) });
    this.font = setter({
      bold: set((c, v) => void (c.format.bold = v as boolean)),
      italic: set((c, v) => void (c.format.italic = v as boolean)),
      size: set((c, v) => void (c.format.size = v as number)),
      color: set((c, v) => void (c.format.fontColor = v as string)),
    });
    this.protection = setter({ locked: set((c, v) => void (c.format.locked = v as boolean)) });
    this.borders = {
      getItem: () => setter({ style: set((c, v) => void (c.format.borders = v === "Continuous")), color: set(() => undefined) }),
    };
  }
  set wrapText(v: boolean) { this.range.ws.edit(10, (s) => this.range.eachCell((c) => void (c.format.wrap = v), s)); }
  set horizontalAlignment(v: string) { this.range.ws.edit(10, (s) => this.range.eachCell((c) => void (c.format.hAlign = v), s)); }
  set verticalAlignment(v: string) { this.range.ws.edit(10, (s) => this.range.eachCell((c) => void (c.format.vAlign = v), s)); }
  set columnWidth(v: number) {
    this.range.ws.edit(10, (s) => {
      const b = this.range.bounds();
      for (let c = b.left; c < b.left + b.cols; c++) s.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.range.ws.edit(10, (s) => {
      const b = this.range.bounds();
      for (let r = b.top; r < b.top + b.rows; r++) s.rowHeights.set(r, v);
    });
  }
}

/** An object whose properties may only be set (reading them would need a load the adapter never does). */
function setter(setters: Record<string, (v: never) => void>): never {
  const o = {};
  for (const [k, fn] of Object.entries(setters)) {
    Object.defineProperty(o, k, {
      set: fn,
      get: () => { throw new OfficeError("PropertyNotLoaded", `The property '${k}' is not available.`); },
    });
  }
  // Typed by the property it is assigned to.
  return o as never;
}

let ruleIds = 1;

class ConditionalFormatCollection extends ClientObject {
  private list: ConditionalFormat[] = [];
  constructor(ctx: Ctx, private range: Range) {
    super(ctx);
  }
  get items(): ConditionalFormat[] {
    this.read("items");
    return this.list;
  }
  protected snapshot(list: string[]): number {
    const s = this.range.ws.sheet();
    const ref = this.range.ref();
    this.list = s.rules.filter((r) => r.ref === ref).map((r) => new ConditionalFormat(this.ctx, this.range, r, list));
    this.loaded.set("items", true);
    return size(this.list.length) * 20;
  }
  add(type: string): ConditionalFormat {
    const rule: FakeRule = { id: ruleIds++, ref: "", type, priority: 0 };
    this.range.ws.edit(size(type), (s) => {
      rule.ref = this.range.ref();
      // Each add goes to the top, as in Excel.
      for (const r of s.rules) r.priority++;
      s.rules.push(rule);
    });
    return new ConditionalFormat(this.ctx, this.range, rule, []);
  }
}

class ConditionalFormat extends ClientObject {
  readonly custom: { rule: CfRuleProxy; format: { fill: { color: string }; font: { color: string; bold: boolean } } };
  readonly cellValue: { rule: unknown; format: { fill: { color: string }; font: { color: string } } };
  readonly iconSet: { style: string; showIconOnly: boolean; criteria: unknown };
  readonly colorScale: { criteria: unknown };

  constructor(ctx: Ctx, private range: Range, private rule: FakeRule, fields: string[]) {
    super(ctx);
    if (fields.includes("type") || fields.includes("items/type")) this.loaded.set("type", rule.type);
    const set = (apply: (r: FakeRule, v: unknown) => void) => (v: unknown) => this.range.ws.edit(size(v), () => apply(this.rule, v));
    const fmt = { fill: setter({ color: set((r, v) => void (r.fill = v as string)) }), font: setter({ color: set((r, v) => void (r.fontColor = v as string)), bold: set((r, v) => void (r.bold = v as boolean)) }) };
    this.custom = { rule: new CfRuleProxy(ctx, range, rule), format: fmt };
    const cellValue = setter({ rule: set((r, v) => void (r.cellValue = v)) }) as { rule: unknown; format?: unknown };
    Object.defineProperty(cellValue, "format", { value: fmt });
    this.cellValue = cellValue as ConditionalFormat["cellValue"];
    this.iconSet = setter({
      style: set((r, v) => void (r.iconStyle = v as string)),
      showIconOnly: set((r, v) => void (r.showIconOnly = v as boolean)),
      criteria: set((r, v) => void (r.criteria = v)),
    });
    this.colorScale = setter({ criteria: set((r, v) => void (r.criteria = v)) });
  }
  get type(): string {
    return this.read("type") as string;
  }
  set priority(v: number) {
    this.range.ws.edit(10, (s) => {
      // Excel renumbers the others so priorities stay a sequence.
      const others = s.rules.filter((r) => r !== this.rule).sort((a, b) => a.priority - b.priority);
      others.splice(Math.min(v, others.length), 0, this.rule);
      others.forEach((r, i) => (r.priority = i));
    });
  }
  delete(): void {
    this.range.ws.edit(10, (s) => void (s.rules = s.rules.filter((r) => r !== this.rule)));
  }
  protected snapshot(list: string[]): number {
    if (list.includes("type")) this.loaded.set("type", this.rule.type);
    return 20;
  }
}

class CfRuleProxy extends ClientObject {
  constructor(ctx: Ctx, private range: Range, private rule: FakeRule) {
    super(ctx);
  }
  get formula(): string {
    return this.read("formula") as string;
  }
  set formula(v: string) {
    this.range.ws.edit(size(v), () => void (this.rule.formula = v));
  }
  protected snapshot(list: string[]): number {
    if (list.includes("formula")) this.loaded.set("formula", this.rule.formula);
    return size(this.rule.formula);
  }
}

class DataValidation {
  constructor(private range: Range) {}
  private entry(s: FakeSheet) {
    const ref = this.range.ref();
    let v = s.validations.find((x) => x.ref === ref);
    if (!v) s.validations.push((v = { ref }));
    return v;
  }
  set rule(v: unknown) {
    if (!this.range.context.state.isSetSupported("ExcelApi", "1.8")) throw new OfficeError("ApiNotFound", "Data validation needs ExcelApi 1.8");
    this.range.ws.edit(size(v), (s) => void (this.entry(s).rule = v));
  }
  set prompt(v: unknown) { this.range.ws.edit(size(v), (s) => void (this.entry(s).prompt = v)); }
  set errorAlert(v: unknown) { this.range.ws.edit(size(v), (s) => void (this.entry(s).errorAlert = v)); }
  set ignoreBlanks(v: boolean) { this.range.ws.edit(10, (s) => void (this.entry(s).ignoreBlanks = v)); }
}

/** `Excel.run` over a fake workbook: one context, and a final sync of whatever is still queued. */
export function fakeExcelRun(state: FakeWorkbookState) {
  return async function run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new Ctx(state);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };
}
