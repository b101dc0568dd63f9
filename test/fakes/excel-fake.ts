/**
 * A strict in-memory fake of the part of the Excel JavaScript API the Office
 * adapter uses. It behaves like Excel where it matters: properties arrive
 * only after load + sync; writes run in order at sync; requests and
 * responses over 5 MB fail, weighed as office.js serialises them; text is
 * typed into General cells as Excel parses it; sheet names follow Excel's
 * rules; very hidden sheets cannot be deleted and references to a deleted
 * sheet become #REF!; a protected structure refuses adding, deleting,
 * renaming and hiding sheets; unbounded ranges read as null; rules,
 * validation, charts, shapes, page breaks and print settings are checked as
 * Excel checks them.
 * docs/excel-behaviours.md lists every behaviour with the documentation it
 * follows.
 */
import { FakeWorkbookState, FakeSheet } from "./excel-state";
import { OfficeError, checkColour, checkSheetName } from "./excel-rules";
import { Ctx, ClientObject, REQUEST_LIMIT, size } from "./client";
import { Path, PROPERTY, METHOD, INDEXER } from "./wire";
import { Range, Bounds } from "./fake-range";
import { ChartCollection } from "./fake-charts";
import { PageLayout, PageBreakCollection } from "./fake-page-layout";
import { ShapeCollection } from "./fake-shapes";
import { parseRange, toSerial } from "../../src/core";

export { OfficeError, REQUEST_LIMIT };

/** Excel's grid: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

class Application {
  private readonly path: Path;
  constructor(private ctx: Ctx) {
    this.path = ctx.path(PROPERTY, "Application", ctx.root);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(this.path, "method", "SuspendApiCalculationUntilNextSync", "[]", () => void this.ctx.state.calculationSuspensions++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9");
    this.ctx.enqueue(this.path, "method", "SuspendScreenUpdatingUntilNextSync", "[]", () => void this.ctx.state.screenSuspensions++);
  }
}

/** A worksheet function's result (ExcelApi 1.2): its value arrives at sync. */
class FunctionResult extends ClientObject {
  constructor(ctx: Ctx, path: Path, private compute: () => number) {
    super(ctx, path);
  }
  get value(): number {
    return this.read("value") as number;
  }
  protected snapshot(list: string[]): number {
    if (list.includes("value")) this.loaded.set("value", this.compute());
    return 20;
  }
}

/**
 * `workbook.functions` (ExcelApi 1.2). DATE gives a serial number in the
 * workbook's date system, "a number from 1900 or 1904 (depending on the
 * workbook's date system)": https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)
 */
class Functions {
  private readonly path: Path;
  constructor(private ctx: Ctx) {
    this.path = ctx.path(PROPERTY, "Functions", ctx.root);
  }
  date(year: number, month: number, day: number): FunctionResult {
    const path = this.ctx.path(METHOD, "Date", this.path, [year, month, day]);
    return new FunctionResult(this.ctx, path, () => toSerial({ year, month, day }) - (this.ctx.state.date1904 ? 1462 : 0));
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly protection: WorkbookProtection;
  readonly functions: Functions;
  constructor(ctx: Ctx) {
    this.worksheets = new WorksheetCollection(ctx, ctx.path(PROPERTY, "Worksheets", ctx.root));
    this.protection = new WorkbookProtection(ctx, ctx.path(PROPERTY, "Protection", ctx.root));
    this.functions = new Functions(ctx);
  }
}

/** Workbook structure protection (ExcelApi 1.7): while on, sheets cannot be added, deleted, renamed or hidden. */
class WorkbookProtection extends ClientObject {
  get protected(): boolean {
    return this.read("protected") as boolean;
  }
  protected snapshot(list: string[]): number {
    if (list.includes("protected")) this.loaded.set("protected", this.ctx.state.structureProtected);
    return 10;
  }
}

/**
 * "Protecting the workbook structure prevents users from viewing hidden
 * worksheets; adding, moving, deleting, hiding, or renaming worksheets":
 * https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517
 */
function refuseIfStructureProtected(state: FakeWorkbookState): void {
  if (state.structureProtected) throw new OfficeError("AccessDenied", "The workbook's structure is protected.");
}

/** The undo stack is cleared from a call that does not support undo (excel-add-ins-undo-capabilities.md). */
function clearsUndo(state: FakeWorkbookState, api: string): void {
  state.undoCleared.push(api);
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
      const w = new Worksheet(this.ctx, this.ctx.path(INDEXER, "", this.path, [s.name]), () => s, false);
      w.fill(fields);
      return w;
    });
    this.loaded.set("items", true);
    return size(this.list.length) + this.ctx.state.sheets.length * 40;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, this.ctx.path(INDEXER, "", this.path, [name]), () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    }, false);
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, this.ctx.path(METHOD, "GetItemOrNullObject", this.path, [name]), () => this.ctx.state.sheet(name), true);
  }

  /** A new sheet, added at the end of the tabs; its name must be one Excel accepts and not taken (ignoring case). */
  add(name: string): Worksheet {
    let created: FakeSheet | undefined;
    const path = this.ctx.path(METHOD, "Add", this.path, [name]);
    this.ctx.enqueue(path, "method", "", undefined, () => {
      refuseIfStructureProtected(this.ctx.state);
      checkSheetName(name);
      if (this.ctx.state.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${name}'.`);
      created = this.ctx.state.addSheet(name);
    });
    return new Worksheet(this.ctx, path, () => created, false);
  }
}

type Protection = { protect: (options?: unknown, password?: string) => void; unprotect: (password?: string) => void; readonly protected: boolean };
type FreezePanes = { freezeRows: (n: number) => void; freezeAt: (r: Range) => void; unfreeze: () => void };

export class Worksheet extends ClientObject {
  private sheetId: number | undefined;
  private lazy = new Map<string, unknown>();

  constructor(ctx: Ctx, path: Path, private locate: () => FakeSheet | undefined, private orNull: boolean) {
    super(ctx, path);
    if (orNull) ctx.resolveAtSync(() => void (this.nullState = !this.find()));
  }

  get context(): Ctx {
    return this.ctx;
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.lazy.has(key)) this.lazy.set(key, make());
    return this.lazy.get(key) as T;
  }

  get freezePanes(): FreezePanes {
    return this.once("freezePanes", () => {
      const path = this.ctx.path(PROPERTY, "FreezePanes", this.path);
      const call = (name: string, args: unknown[], change: (s: FakeSheet) => void) => this.ctx.enqueue(path, "method", name, JSON.stringify(args), () => this.guarded(change));
      return {
        freezeRows: (n: number) => call("FreezeRows", [n], (s) => void (s.frozen = { rows: n, columns: 0 })),
        freezeAt: (r: Range) => call("FreezeAt", [r.path.id], (s) => {
          const b = r.bounds();
          s.frozen = { rows: b.top + b.rows, columns: b.left + b.cols };
        }),
        unfreeze: () => call("Unfreeze", [], (s) => void (s.frozen = null)),
      };
    });
  }

  get tables(): TableCollection {
    return this.once("tables", () => new TableCollection(this.ctx, this.ctx.path(PROPERTY, "Tables", this.path), this));
  }

  get charts(): ChartCollection {
    return this.once("charts", () => new ChartCollection(this.ctx, this.ctx.path(PROPERTY, "Charts", this.path), this));
  }

  /** Worksheet.shapes (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-shapes-member */
  get shapes(): ShapeCollection {
    this.requireSet("1.9", "Worksheet.shapes");
    return this.once("shapes", () => new ShapeCollection(this.ctx, this.ctx.path(PROPERTY, "Shapes", this.path), this));
  }

  /**
   * Worksheet.horizontalPageBreaks (ExcelApi 1.9), "only … manual page breaks":
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-horizontalpagebreaks-member
   */
  get horizontalPageBreaks(): PageBreakCollection {
    this.requireSet("1.9", "Worksheet.horizontalPageBreaks");
    return this.once("horizontalPageBreaks", () => new PageBreakCollection(this.ctx, this.ctx.path(PROPERTY, "HorizontalPageBreaks", this.path), this));
  }

  /** A member of a later requirement set than the host has: Excel answers ApiNotFound. */
  private requireSet(version: string, api: string): void {
    if (!this.ctx.state.isSetSupported("ExcelApi", version)) throw new OfficeError("ApiNotFound", `${api} needs ExcelApi ${version}`);
  }

  get names(): NamedItemCollection {
    return this.once("names", () => new NamedItemCollection(this.ctx, this.ctx.path(PROPERTY, "Names", this.path), this));
  }

  get pageLayout(): PageLayout {
    return this.once("pageLayout", () => new PageLayout(this.ctx, this.ctx.path(PROPERTY, "PageLayout", this.path), this));
  }

  get protection(): Protection {
    return this.once("protection", () => {
      const path = this.ctx.path(PROPERTY, "Protection", this.path);
      const isProtected = () => this.read("protection/protected") as boolean;
      return {
        // A protected sheet refuses edits until unprotected, with the same password; neither call supports undo.
        // "Protects a worksheet. Fails if the worksheet has already been protected."
        protect: (options?: unknown, password?: string) => this.ctx.enqueue(path, "method", "Protect", JSON.stringify([options ?? null, password ?? null]), () => this.guarded((s) => {
          if (s.protection) throw new OfficeError("InvalidOperation", `The sheet '${s.name}' is already protected.`);
          s.protection = { password };
          s.protected = true;
          clearsUndo(this.ctx.state, "WorksheetProtection.protect");
        })),
        unprotect: (password?: string) => this.ctx.enqueue(path, "method", "Unprotect", JSON.stringify([password ?? null]), () => {
          const s = this.sheet();
          if (s.protection?.password && s.protection.password !== password) throw new OfficeError("InvalidArgument", "The password is incorrect.");
          s.protection = null;
          s.protected = false;
          clearsUndo(this.ctx.state, "WorksheetProtection.unprotect");
        }),
        get protected(): boolean {
          return isProtected();
        },
      };
    });
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

  /** Run a change to the sheet's cells at sync, refused if the sheet is protected. */
  guarded(change: (s: FakeSheet) => void): void {
    const s = this.sheet();
    if (s.protected) throw new OfficeError("AccessDenied", `The sheet '${s.name}' is protected.`);
    change(s);
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
  // Naming, colouring the tab, hiding and deleting are workbook-level: sheet protection does not stop them; structure protection does.
  set name(v: string) {
    this.set("name", v, () => {
      const s = this.sheet();
      refuseIfStructureProtected(this.ctx.state);
      checkSheetName(v);
      if (this.ctx.state.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `A sheet named '${v}' already exists.`);
      this.ctx.state.renameSheet(s, v);
      if (this.ctx.state.platform === "desktop") clearsUndo(this.ctx.state, "Worksheet.name");
    });
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  set visibility(v: string) {
    this.set("visibility", v, () => {
      const s = this.sheet();
      refuseIfStructureProtected(this.ctx.state);
      if (v !== "Visible" && this.ctx.state.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) {
        throw new OfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v as FakeSheet["visibility"];
      if (this.ctx.state.platform === "desktop") clearsUndo(this.ctx.state, "Worksheet.visibility");
    });
  }
  set tabColor(v: string) {
    this.set("tabColor", v, () => {
      checkColour(v);
      this.sheet().tabColor = v;
    });
  }
  /** A hidden or very hidden sheet cannot be shown by activating it; Excel refuses, as its own UI does. */
  activate(): void {
    this.call("activate", [], () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new OfficeError("InvalidOperation", `The sheet '${s.name}' is hidden and cannot be activated.`);
      this.ctx.state.activeSheet = s.name;
    });
  }
  /**
   * A very hidden sheet cannot be deleted, nor the last visible one; formulas
   * elsewhere that pointed at the sheet become #REF!; the undo stack is cleared.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
   */
  delete(): void {
    this.call("delete", [], () => {
      const s = this.sheet();
      refuseIfStructureProtected(this.ctx.state);
      if (s.visibility === "VeryHidden") {
        throw new OfficeError("InvalidOperation", "You should first change its visibility to hidden or visible before deleting it.");
      }
      if (s.visibility === "Visible" && !this.ctx.state.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.ctx.state.deleteSheet(s);
      clearsUndo(this.ctx.state, "Worksheet.delete");
    });
  }
  /** The whole sheet when no address is given; "A:C" and "2:5" are whole columns and rows. */
  getRange(address?: string): Range {
    const path = this.ctx.path(METHOD, "GetRange", this.path, address === undefined ? [] : [address]);
    const b = address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : addressBounds(address);
    if (!b) throw new OfficeError("InvalidArgument", `The address '${address}' is not valid.`);
    return new Range(this.ctx, path, this, () => b, false);
  }
  getRangeByIndexes(top: number, left: number, rows: number, cols: number): Range {
    const path = this.ctx.path(METHOD, "GetRangeByIndexes", this.path, [top, left, rows, cols]);
    return new Range(this.ctx, path, this, () => ({ top, left, rows, cols }), false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const path = this.ctx.path(METHOD, "GetUsedRangeOrNullObject", this.path, [valuesOnly ?? false]);
    return new Range(this.ctx, path, this, () => {
      const b = this.sheet().usedBounds();
      return b ? { top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 } : null;
    }, true);
  }
}

/**
 * Names scoped to a worksheet (ExcelApi 1.4):
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
 * `add` refuses a name already in scope; a NamedItem's `value` is what its
 * formula computes (a text constant's text).
 */
class NamedItemCollection extends ClientObject {
  constructor(ctx: Ctx, path: Path, private ws: Worksheet) {
    super(ctx, path);
  }
  protected snapshot(): number {
    throw new OfficeError("InvalidArgument", "The fake does not model loading a NamedItemCollection");
  }
  add(name: string, reference: string, comment?: string): NamedItem {
    const path = this.ctx.path(METHOD, "Add", this.path, [name, reference, comment ?? null]);
    this.ctx.enqueue(path, "method", "", undefined, () => {
      const s = this.ws.sheet();
      if ([...s.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
      s.names.set(name, { formula: reference, visible: true });
    });
    return new NamedItem(this.ctx, path, this.ws, name, false);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, this.ctx.path(METHOD, "GetItemOrNullObject", this.path, [name]), this.ws, name, true);
  }
}

class NamedItem extends ClientObject {
  constructor(ctx: Ctx, path: Path, private ws: Worksheet, private name: string, orNull: boolean) {
    super(ctx, path);
    if (orNull) ctx.resolveAtSync(() => void (this.nullState = !this.entry()));
  }
  private entry() {
    const s = this.ws.find();
    return s ? [...s.names].find(([n]) => n.toLowerCase() === this.name.toLowerCase())?.[1] : undefined;
  }
  get value(): unknown {
    return this.read("value");
  }
  set visible(v: boolean) {
    this.set("visible", v, () => {
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

/** "A1:C5", "C:C", "A:F", "2:2", "1:4" as bounds (whole columns and rows run to Excel's edge). */
export function addressBounds(address: string): Bounds | null {
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  if (cols) {
    const r = parseRange(`${cols[1]}1:${cols[2]}1`)!;
    return { top: 0, left: r.left, rows: MAX_ROWS, cols: r.right - r.left + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])].sort((x, y) => x - y);
    return { top: a - 1, left: 0, rows: b - a + 1, cols: MAX_COLUMNS };
  }
  const r = parseRange(address);
  return r ? { top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 } : null;
}

class TableCollection extends ClientObject {
  private list: { name: string; getRange: () => Range }[] = [];
  constructor(ctx: Ctx, path: Path, private ws: Worksheet) {
    super(ctx, path);
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

/**
 * `Excel.run` over a fake workbook: one context, and a final sync of
 * whatever is still queued. While the person is editing a cell, a run fails
 * with InvalidOperation — unless it asked to wait (`delayForCellEdit`), when
 * it runs once they have finished:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
 */
export function fakeExcelRun(state: FakeWorkbookState) {
  type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;
  return async function run<T>(first: Batch<T> | { delayForCellEdit?: boolean }, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    const options = typeof first === "function" ? {} : first;
    if (state.editingCell) {
      if (!options.delayForCellEdit) throw new OfficeError("InvalidOperation", "The operation isn't available while Excel is in Edit cell mode.");
      state.delayedForCellEdit++;
      state.editingCell = false;
    }
    const ctx = new Ctx(state);
    const fake = Object.assign(ctx, { workbook: new Workbook(ctx), application: new Application(ctx) });
    const result = await batch(fake as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };
}
