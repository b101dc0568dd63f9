/**
 * A strict in-memory fake of the part of the Excel JavaScript API the Office
 * adapter uses. It behaves like Excel where it matters: properties arrive
 * only after load + sync; writes run in order at sync; requests and
 * responses over 5 MB fail, counting calls and objects as well as values;
 * text is typed into General cells as Excel parses it; very hidden sheets
 * cannot be deleted and references to a deleted sheet become #REF!;
 * conditional-format collections hold intersecting rules with formulas
 * relative to the fetch range; validation operands and colours are checked.
 * docs/excel-behaviours.md lists every behaviour with the documentation it
 * follows.
 */
import { FakeWorkbookState, FakeSheet, FakeCell, FakeRule } from "./excel-state";
import { parseRange, a1, quoteSheetName } from "../../src/core";
import { OfficeError, typeIntoGeneralCell, shiftFormula, checkColour, checkValidationRule } from "./excel-rules";

export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** What the fake charges for a call and for an object, beyond the values they carry. */
export const CALL_BYTES = 100;
export const OBJECT_BYTES = 100;

export { OfficeError };

const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;

class Ctx {
  private queue: { bytes: number; run: () => number | void }[] = [];
  readonly workbook: Workbook;
  readonly application: Application;

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  /**
   * Excel counts calls and objects towards a request as well as values
   * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
   */
  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: bytes + CALL_BYTES, run });
  }

  /** A new proxy object (a range, a sheet, a rule) travels in the request too. */
  object(): void {
    // Objects made while answering a request (loaded collection items) are the response's, not a request's.
    if (!this.answering) this.queue.push({ bytes: OBJECT_BYTES, run: () => undefined });
  }
  private answering = false;

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    this.state.syncs++;
    const log = { bytes, responseBytes: 0 };
    this.state.requests.push(log);
    if (this.state.failOnSync === this.state.syncs) throw new OfficeError("GeneralException", "An internal error has occurred.");
    if (bytes > REQUEST_LIMIT) throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    this.answering = true;
    try {
      for (const op of ops) log.responseBytes += op.run() || 0;
    } finally {
      this.answering = false;
    }
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
  readonly protection: WorkbookProtection;
  constructor(ctx: Ctx) {
    this.worksheets = new WorksheetCollection(ctx);
    this.protection = new WorkbookProtection(ctx);
  }
}

/** Workbook structure protection (ExcelApi 1.7): while on, sheets cannot be added, deleted or renamed. */
class WorkbookProtection extends ClientObject {
  get protected(): boolean {
    return this.read("protected") as boolean;
  }
  protected snapshot(list: string[]): number {
    if (list.includes("protected")) this.loaded.set("protected", this.ctx.state.structureProtected);
    return 10;
  }
}

function refuseIfStructureProtected(state: FakeWorkbookState): void {
  if (state.structureProtected) throw new OfficeError("AccessDenied", "The workbook's structure is protected.");
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
      refuseIfStructureProtected(this.ctx.state);
      if (this.ctx.state.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${name}'.`);
      created = this.ctx.state.addSheet(name);
    });
    return new Worksheet(this.ctx, () => created, false);
  }
}

class Worksheet extends ClientObject {
  private sheetId: number | undefined;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeAt: (r: Range) => void; unfreeze: () => void };
  readonly protection: { protect: (options?: unknown, password?: string) => void; unprotect: (password?: string) => void; readonly protected: boolean };
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;

  constructor(ctx: Ctx, private locate: () => FakeSheet | undefined, private orNull: boolean) {
    super(ctx);
    ctx.object();
    if (orNull) ctx.enqueue(0, () => void (this.nullState = !this.find()));
    this.names = new NamedItemCollection(ctx, this);
    this.freezePanes = {
      freezeRows: (n) => this.edit(size(n), (s) => void (s.frozen = { rows: n, columns: 0 })),
      freezeAt: (r) => this.edit(60, (s) => {
        const b = r.bounds();
        s.frozen = { rows: b.top + b.rows, columns: b.left + b.cols };
      }),
      unfreeze: () => this.edit(10, (s) => void (s.frozen = null)),
    };
    this.tables = new TableCollection(ctx, this);
    const isProtected = () => this.read("protection/protected") as boolean;
    this.protection = {
      // A protected sheet refuses edits until unprotected, with the same password.
      protect: (_options, password) => this.edit(size(password ?? ""), (s) => {
        s.protection = { password };
        s.protected = true;
      }),
      unprotect: (password) => this.ctx.enqueue(size(password ?? ""), () => {
        const s = this.sheet();
        if (s.protection?.password && s.protection.password !== password) throw new OfficeError("InvalidArgument", "The password is incorrect.");
        s.protection = null;
        s.protected = false;
      }),
      get protected(): boolean {
        return isProtected();
      },
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
    for (const f of fields) {
      if (f === "name" || f === "visibility") this.loaded.set(f, s[f]);
      else if (f === "protection/protected") this.loaded.set(f, s.protected);
      else throw new OfficeError("InvalidArgument", `The fake does not model Worksheet.${f}`);
    }
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
  // Naming, colouring the tab, hiding and deleting are workbook-level: sheet protection does not stop them.
  set name(v: string) {
    this.ctx.enqueue(size(v), () => {
      const s = this.sheet();
      if (this.ctx.state.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `A sheet named '${v}' already exists.`);
      this.ctx.state.renameSheet(s, v);
    });
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.ctx.enqueue(size(v), () => {
      const s = this.sheet();
      if (v !== "Visible" && this.ctx.state.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) {
        throw new OfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  set tabColor(v: string) {
    checkColour(v);
    this.ctx.enqueue(size(v), () => void (this.sheet().tabColor = v));
  }
  /** A hidden or very hidden sheet cannot be shown by activating it; Excel refuses, as its own UI does. */
  activate(): void {
    this.ctx.enqueue(10, () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new OfficeError("InvalidOperation", `The sheet '${s.name}' is hidden and cannot be activated.`);
      this.ctx.state.activeSheet = s.name;
    });
  }
  /**
   * A very hidden sheet cannot be deleted, nor the last visible one; formulas
   * elsewhere that pointed at the sheet become #REF!.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
   */
  delete(): void {
    this.ctx.enqueue(20, () => {
      const s = this.sheet();
      refuseIfStructureProtected(this.ctx.state);
      if (s.visibility === "VeryHidden") {
        throw new OfficeError("InvalidOperation", "You should first change its visibility to hidden or visible before deleting it.");
      }
      if (s.visibility === "Visible" && !this.ctx.state.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.ctx.state.deleteSheet(s);
    });
  }
  /** The whole sheet when no address is given. */
  getRange(address = "A1:XFD1048576"): Range {
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

/**
 * Names scoped to a worksheet (ExcelApi 1.4):
 * https://learn.microsoft.com/javascript/api/excel/excel.namedItemcollection
 * `add` refuses a name already in scope; a NamedItem's `value` is what its
 * formula computes (a text constant's text).
 */
class NamedItemCollection {
  constructor(private ctx: Ctx, private ws: Worksheet) {}
  add(name: string, reference: string, _comment?: string): NamedItem {
    this.ctx.enqueue(size(name) + size(reference), () => {
      const s = this.ws.sheet();
      if ([...s.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
      s.names.set(name, { formula: reference, visible: true });
    });
    return new NamedItem(this.ctx, this.ws, name, false);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, this.ws, name, true);
  }
}

class NamedItem extends ClientObject {
  constructor(ctx: Ctx, private ws: Worksheet, private name: string, orNull: boolean) {
    super(ctx);
    ctx.object();
    if (orNull) ctx.enqueue(0, () => void (this.nullState = !this.entry()));
  }
  private entry() {
    const s = this.ws.find();
    return s ? [...s.names].find(([n]) => n.toLowerCase() === this.name.toLowerCase())?.[1] : undefined;
  }
  get value(): unknown {
    return this.read("value");
  }
  set visible(v: boolean) {
    this.ctx.enqueue(10, () => {
      const e = this.entry();
      if (!e) throw new OfficeError("ItemNotFound", `The name '${this.name}' does not exist.`);
      e.visible = v;
    });
  }
  protected snapshot(list: string[]): number {
    const e = this.entry();
    if (!e) return 0;
    for (const p of list) {
      if (p !== "value") throw new OfficeError("InvalidArgument", `The fake does not model NamedItem.${p}`);
      const text = /^="((?:[^"]|"")*)"$/.exec(e.formula);
      this.loaded.set("value", text ? text[1].replace(/""/g, '"') : e.formula);
    }
    return 40;
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
    ctx.object();
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
      else if (p === "values") v = grid((c) => (c?.error ?? (c?.formula ? this.ctx.state.evaluate(c.formula) : undefined) ?? c?.value ?? ""));
      else if (p === "formulas") v = grid((c) => c?.formula ?? c?.error ?? c?.value ?? "");
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
        cell.formula = undefined;
        cell.error = undefined;
        if (typeof x === "string" && cell.numberFormat !== "@") {
          // A General (or number-formatted) cell reads text as typing: formulas, numbers, dates, booleans.
          const t = typeIntoGeneralCell(x);
          cell.value = t.value;
          cell.formula = t.formula;
          cell.error = t.error;
          if (t.numberFormat && cell.numberFormat === "General") cell.numberFormat = t.numberFormat;
        } else {
          cell.value = x === "" ? null : x;
        }
      }, s);
    });
  }
  /** Formulas are stored as given; the fake evaluates only a single reference (='Sheet'!B2). */
  set formulas(v: string[][]) {
    this.ws.edit(size(v), (s) => {
      this.checkShape(v, "formulas");
      this.eachCell((cell, r, c) => {
        const f = String(v[r][c]);
        Object.assign(cell, f.startsWith("=") ? { formula: f, value: null, error: undefined } : { formula: undefined, value: f === "" ? null : f, error: undefined });
      }, s);
    });
  }
  get formulas(): string[][] { return this.read("formulas") as string[][]; }
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
  /**
   * Copy cells from another range (ExcelApi 1.9): values, formulas (their
   * relative references moved), number formats, formats, links, and the
   * conditional formats and validation lying within the source.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
   */
  copyFrom(source: Range, copyType: string = "All"): void {
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "Range.copyFrom needs ExcelApi 1.9");
    if (copyType !== "All") throw new OfficeError("InvalidArgument", `The fake models only copyFrom(..., "All"), not ${copyType}`);
    this.ws.edit(60, (s) => {
      const from = source.ws.sheet();
      const sb = source.bounds();
      const db = this.bounds();
      const dr = db.top - sb.top;
      const dc = db.left - sb.left;
      for (const [key, cell] of from.cells) {
        const [r, c] = key.split(",").map(Number);
        if (r < sb.top || r >= sb.top + sb.rows || c < sb.left || c >= sb.left + sb.cols) continue;
        const copy: FakeCell = JSON.parse(JSON.stringify(cell));
        if (copy.formula) copy.formula = shiftFormula(copy.formula, dr, dc);
        s.cells.set(`${r + dr},${c + dc}`, copy);
      }
      const move = (ref: string) => areas(ref).map((a) => (a.top === a.bottom && a.left === a.right ? a1(a.top + dr, a.left + dc) : `${a1(a.top + dr, a.left + dc)}:${a1(a.bottom + dr, a.right + dc)}`)).join(",");
      const rules = from.rules.filter((r) => areas(r.ref).every((a) => inside(a, sb))).sort((a, b) => a.priority - b.priority);
      // Pasted rules keep their order among themselves and go above the destination's own.
      for (const r of s.rules) r.priority += rules.length;
      rules.forEach((r, i) => s.rules.push({ ...JSON.parse(JSON.stringify(r)), id: ruleIds++, ref: move(r.ref), priority: i }));
      for (const v of from.validations.filter((x) => areas(x.ref).every((a) => inside(a, sb)))) {
        s.validations.push({ ...JSON.parse(JSON.stringify(v)), ref: move(v.ref) });
      }
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
    const colour = (apply: (f: FakeCell, v: string) => void) => (v: unknown) => {
      checkColour(v);
      set((c, x) => apply(c, x as string))(v);
    };
    this.fill = setter({ color: colour((c, v) => void (c.format.fill = v)) });
    this.font = setter({
      bold: set((c, v) => void (c.format.bold = v as boolean)),
      italic: set((c, v) => void (c.format.italic = v as boolean)),
      size: set((c, v) => void (c.format.size = v as number)),
      color: colour((c, v) => void (c.format.fontColor = v)),
    });
    this.protection = setter({ locked: set((c, v) => void (c.format.locked = v as boolean)) });
    this.borders = {
      getItem: () => setter({ style: set((c, v) => void (c.format.borders = v === "Continuous")), color: colour(() => undefined) }),
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
  /** Back to the sheet's standard column width (a whole-sheet range resets every column). */
  set useStandardWidth(v: boolean) {
    this.range.ws.edit(10, (s) => {
      if (!v) return;
      const b = this.range.bounds();
      for (const c of [...s.columnWidths.keys()]) if (c >= b.left && c < b.left + b.cols) s.columnWidths.delete(c);
    });
  }
  set useStandardHeight(v: boolean) {
    this.range.ws.edit(10, (s) => {
      if (!v) return;
      const b = this.range.bounds();
      for (const r of [...s.rowHeights.keys()]) if (r >= b.top && r < b.top + b.rows) s.rowHeights.delete(r);
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

type Area = { top: number; left: number; bottom: number; right: number };

/** A rule's range: one area, or several ("E2:E10,E12:E50") once Excel has split it. */
function areas(ref: string): Area[] {
  return ref.split(",").map((a) => parseRange(a)!).filter(Boolean);
}
const topLeft = (as: Area[]) => ({ top: Math.min(...as.map((a) => a.top)), left: Math.min(...as.map((a) => a.left)) });
const intersects = (a: Area, b: Bounds) => a.top < b.top + b.rows && a.bottom >= b.top && a.left < b.left + b.cols && a.right >= b.left;
const inside = (a: Area, b: Bounds) => a.top >= b.top && a.bottom < b.top + b.rows && a.left >= b.left && a.right < b.left + b.cols;

/**
 * `range.conditionalFormats` holds every rule that intersects the range, not
 * only rules on exactly that range
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection).
 */
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
    const b = this.range.bounds();
    this.list = s.rules.filter((r) => areas(r.ref).some((a) => intersects(a, b))).map((r) => new ConditionalFormat(this.ctx, this.range, r, list));
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
  /** Removes the rules on the range (those wholly inside it; a rule reaching outside is cut back in Excel, dropped here). */
  clearAll(): void {
    this.range.ws.edit(10, (s) => {
      const b = this.range.bounds();
      s.rules = s.rules.filter((r) => !areas(r.ref).some((a) => intersects(a, b)));
    });
  }
}

class ConditionalFormat extends ClientObject {
  readonly custom: { rule: CfRuleProxy; format: { fill: { color: string }; font: { color: string; bold: boolean } } };
  readonly cellValue: { rule: unknown; format: { fill: { color: string }; font: { color: string } } };
  readonly iconSet: { style: string; showIconOnly: boolean; criteria: unknown };
  readonly colorScale: { criteria: unknown };

  constructor(ctx: Ctx, private range: Range, private rule: FakeRule, fields: string[]) {
    super(ctx);
    ctx.object();
    if (fields.includes("type") || fields.includes("items/type")) this.loaded.set("type", rule.type);
    const set = (apply: (r: FakeRule, v: unknown) => void) => (v: unknown) => this.range.ws.edit(size(v), () => apply(this.rule, v));
    const colour = (apply: (r: FakeRule, v: string) => void) => set((r, v) => {
      checkColour(v);
      apply(r, v as string);
    });
    const fmt = { fill: setter({ color: colour((r, v) => void (r.fill = v)) }), font: setter({ color: colour((r, v) => void (r.fontColor = v)), bold: set((r, v) => void (r.bold = v as boolean)) }) };
    this.custom = { rule: new CfRuleProxy(ctx, range, rule), format: fmt };
    const cellValue = setter({ rule: set((r, v) => void (r.cellValue = v)) }) as { rule: unknown; format?: unknown };
    Object.defineProperty(cellValue, "format", { value: fmt });
    this.cellValue = cellValue as ConditionalFormat["cellValue"];
    this.iconSet = setter({
      style: set((r, v) => void (r.iconStyle = v as string)),
      showIconOnly: set((r, v) => void (r.showIconOnly = v as boolean)),
      criteria: set((r, v) => void (r.criteria = v)),
    });
    this.colorScale = setter({
      criteria: set((r, v) => {
        for (const c of Object.values(v as Record<string, { color?: string } | undefined>)) if (c?.color !== undefined) checkColour(c.color);
        r.criteria = v;
      }),
    });
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
  /** The rule's own range; throws when Excel has split it into several areas. */
  getRange(): Range {
    return this.ownRange(false);
  }
  /** The rule's own range, or a null object when it has several areas. */
  getRangeOrNullObject(): Range {
    return this.ownRange(true);
  }
  /** Every area of the rule's own range (ExcelApi 1.9). */
  getRanges(): RuleAreas {
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "ConditionalFormat.getRanges needs ExcelApi 1.9");
    return new RuleAreas(this.ctx, this.range.ws, this.rule);
  }
  private ownRange(orNull: boolean): Range {
    return new Range(this.ctx, this.range.ws, () => {
      const as = areas(this.rule.ref);
      if (as.length !== 1) {
        if (orNull) return null;
        throw new OfficeError("InvalidOperation", "The conditional format is applied to multiple ranges.");
      }
      return { top: as[0].top, left: as[0].left, rows: as[0].bottom - as[0].top + 1, cols: as[0].right - as[0].left + 1 };
    }, orNull);
  }
  protected snapshot(list: string[]): number {
    if (list.includes("type")) this.loaded.set("type", this.rule.type);
    return 20;
  }
}

class RuleAreas extends ClientObject {
  constructor(ctx: Ctx, private ws: Worksheet, private rule: FakeRule) {
    super(ctx);
  }
  get address(): string {
    return this.read("address") as string;
  }
  protected snapshot(): number {
    const name = quoteSheetName(this.ws.sheet().name);
    const address = this.rule.ref.split(",").map((a) => `${name}!${a}`).join(",");
    this.loaded.set("address", address);
    return size(address);
  }
}

/**
 * A custom rule's formula is stored relative to the top-left cell of the
 * rule's own range, but read and written relative to the top-left cell of
 * the range the collection was fetched through (office-js #5194, by design).
 */
class CfRuleProxy extends ClientObject {
  constructor(ctx: Ctx, private range: Range, private rule: FakeRule) {
    super(ctx);
  }
  private offset(): { rows: number; cols: number } {
    const own = topLeft(areas(this.rule.ref));
    const via = this.range.bounds();
    return { rows: via.top - own.top, cols: via.left - own.left };
  }
  get formula(): string {
    return this.read("formula") as string;
  }
  set formula(v: string) {
    this.range.ws.edit(size(v), () => {
      const o = this.offset();
      this.rule.formula = shiftFormula(v, -o.rows, -o.cols);
    });
  }
  protected snapshot(list: string[]): number {
    if (!list.includes("formula")) return 0;
    const o = this.offset();
    const f = this.rule.formula === undefined ? undefined : shiftFormula(this.rule.formula, o.rows, o.cols);
    this.loaded.set("formula", f);
    return size(f);
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
  /** Operands are checked as Excel checks them; a typed list is split at its commas. */
  set rule(v: unknown) {
    if (!this.range.context.state.isSetSupported("ExcelApi", "1.8")) throw new OfficeError("ApiNotFound", "Data validation needs ExcelApi 1.8");
    this.range.ws.edit(size(v), (s) => {
      const items = checkValidationRule(v as Record<string, Record<string, unknown>>);
      const e = this.entry(s);
      e.rule = v;
      e.items = items ?? undefined;
    });
  }
  set prompt(v: unknown) { this.range.ws.edit(size(v), (s) => void (this.entry(s).prompt = v)); }
  set errorAlert(v: unknown) { this.range.ws.edit(size(v), (s) => void (this.entry(s).errorAlert = v)); }
  set ignoreBlanks(v: boolean) { this.range.ws.edit(10, (s) => void (this.entry(s).ignoreBlanks = v)); }
  /** Removes validation from the cells of the range (the fake drops rules that intersect it). */
  clear(): void {
    this.range.ws.edit(10, (s) => {
      const b = this.range.bounds();
      s.validations = s.validations.filter((x) => !areas(x.ref).some((a) => intersects(a, b)));
    });
  }
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
