/**
 * Ranges in the fake Excel: values and formats read and written as Excel
 * does (cell-level properties of an unbounded range read as null and cannot
 * be set; a read of more than five million cells gives null), merged areas,
 * visible cells, copying, clearing and deleting.
 */
import { FakeSheet, FakeCell } from "./excel-state";
import { OfficeError, typeIntoGeneralCell, shiftFormula, checkColour } from "./excel-rules";
import { Ctx, ClientObject, size, writeOnly } from "./client";
import { Path, PROPERTY, METHOD, INDEXER } from "./wire";
import { MAX_ROWS, MAX_COLUMNS, Worksheet } from "./excel-fake";
import { ConditionalFormatCollection, DataValidation, Area, areas, intersects, inside, subtract, areaRef } from "./fake-rules";
import { quoteSheetName } from "../../src/core";

export type Bounds = { top: number; left: number; rows: number; cols: number };

/**
 * Cell-level properties: "come back as null for unbounded reads", and
 * "you can't set cell-level properties like values, numberFormat, or
 * formula on an unbounded range": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded
 */
const CELL_LEVEL = new Set(["values", "valueTypes", "numberFormat", "formulas", "text"]);

/** "A range is limited to five million cells for get operations" (returning null or failing): excel/performance.md. */
export const READ_CELL_LIMIT = 5_000_000;

/** Excel gives at most this many merged areas for one range: Range.getMergedAreasOrNullObject. */
export const MERGED_AREAS_LIMIT = 512;

export class Range extends ClientObject {
  private fixed: Bounds | null | undefined;
  private lazy = new Map<string, unknown>();

  constructor(ctx: Ctx, path: Path, readonly ws: Worksheet, private locate: () => Bounds | null, private orNull: boolean) {
    super(ctx, path);
    if (orNull) ctx.resolveAtSync(() => void (this.nullState = this.resolve() === null));
  }

  get context(): Ctx {
    return this.ctx;
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.lazy.has(key)) this.lazy.set(key, make());
    return this.lazy.get(key) as T;
  }

  get format(): RangeFormat {
    return this.once("format", () => new RangeFormat(this, this.ctx.path(PROPERTY, "Format", this.path)));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.once("cf", () => new ConditionalFormatCollection(this.ctx, this.ctx.path(PROPERTY, "ConditionalFormats", this.path), this));
  }
  get dataValidation(): DataValidation {
    return this.once("dv", () => new DataValidation(this, this.ctx.path(PROPERTY, "DataValidation", this.path)));
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

  /** Whole columns or whole rows (or the whole sheet). */
  unbounded(): boolean {
    const b = this.bounds();
    return b.rows >= MAX_ROWS || b.cols >= MAX_COLUMNS;
  }

  area(): Area {
    const b = this.bounds();
    return { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
  }

  ref(): string {
    return areaRef(this.area());
  }

  eachCell(fn: (cell: FakeCell, r: number, c: number) => void, s: FakeSheet): void {
    const b = this.bounds();
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) fn(s.cell(b.top + r, b.left + c), r, c);
  }

  /** Run a change to this range's cells at sync: refused on a protected sheet, and for cell-level properties on an unbounded range. */
  private edit(name: string, value: unknown, cellLevel: boolean, change: (s: FakeSheet) => void): void {
    this.set(name, value, () => this.ws.guarded((s) => {
      if (cellLevel && this.unbounded()) throw new OfficeError("InvalidArgument", `Cannot set ${name} on an unbounded range (${this.ref()}).`);
      change(s);
    }));
  }

  protected snapshot(list: string[]): number {
    if (this.orNull && this.resolve() === null) return 0;
    const s = this.ws.sheet();
    const b = this.bounds();
    const tooBig = this.unbounded() || b.rows * b.cols > READ_CELL_LIMIT;
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
      else if (CELL_LEVEL.has(p) && tooBig) v = null;
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
  get formulas(): string[][] { return this.read("formulas") as string[][]; }

  private checkShape(v: unknown[][], what: string): void {
    const b = this.bounds();
    if (!Array.isArray(v) || v.length !== b.rows || v.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
      throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
  }

  set values(v: unknown[][]) {
    this.edit("values", v, true, (s) => {
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
    this.edit("formulas", v, true, (s) => {
      this.checkShape(v, "formulas");
      this.eachCell((cell, r, c) => {
        const f = String(v[r][c]);
        Object.assign(cell, f.startsWith("=") ? { formula: f, value: null, error: undefined } : { formula: undefined, value: f === "" ? null : f, error: undefined });
      }, s);
    });
  }
  set numberFormat(v: string[][]) {
    this.edit("numberFormat", v, true, (s) => {
      this.checkShape(v, "numberFormat");
      this.eachCell((cell, r, c) => void (cell.numberFormat = v[r][c]), s);
    });
  }
  set columnHidden(v: boolean) {
    this.edit("columnHidden", v, false, (s) => {
      const b = this.bounds();
      for (let c = b.left; c < b.left + b.cols; c++) {
        if (v) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    });
  }
  set hyperlink(v: FakeCell["hyperlink"]) {
    this.edit("hyperlink", v, false, (s) => this.eachCell((cell) => void (cell.hyperlink = v), s));
  }
  select(): void {
    this.call("select", [], () => {
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
    if (copyType !== "All") throw new OfficeError("InvalidArgument", `The fake models only copyFrom(..., "All"), not ${copyType}`);
    this.ctx.enqueue(this.path, "method", "CopyFrom", JSON.stringify([source.path.id, copyType, false, false]), () => this.ws.guarded((s) => {
      if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "Range.copyFrom needs ExcelApi 1.9");
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
      const move = (ref: string) => areas(ref).map((a) => areaRef({ top: a.top + dr, left: a.left + dc, bottom: a.bottom + dr, right: a.right + dc })).join(",");
      const rules = from.rules.filter((r) => areas(r.ref).every((a) => inside(a, sb))).sort((a, b) => a.priority - b.priority);
      // Pasted rules keep their order among themselves and go above the destination's own.
      for (const r of s.rules) r.priority += rules.length;
      rules.forEach((r, i) => s.rules.push({ ...JSON.parse(JSON.stringify(r)), id: this.ctx.state.nextRuleId(), ref: move(r.ref), priority: i }));
      for (const v of from.validations.filter((x) => areas(x.ref).every((a) => inside(a, sb)))) {
        s.validations.push({ ...JSON.parse(JSON.stringify(v)), ref: move(v.ref) });
      }
    }));
  }
  /** The part of this range holding values (errors included), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, this.ctx.path(METHOD, "GetUsedRangeOrNullObject", this.path, [valuesOnly ?? false]), this.ws, () => {
      const b = this.bounds();
      let u: Area | null = null;
      for (const [key, cell] of this.ws.sheet().cells) {
        if ((cell.value === null || cell.value === "") && !cell.error && !cell.formula) continue;
        const [r, c] = key.split(",").map(Number);
        if (r < b.top || r >= b.top + b.rows || c < b.left || c >= b.left + b.cols) continue;
        u = u ? { top: Math.min(u.top, r), left: Math.min(u.left, c), bottom: Math.max(u.bottom, r), right: Math.max(u.right, c) } : { top: r, left: c, bottom: r, right: c };
      }
      return u ? { top: u.top, left: u.left, rows: u.bottom - u.top + 1, cols: u.right - u.left + 1 } : null;
    }, true);
  }
  /**
   * "All" "clears everything in the range": values, formulas, number
   * formats, formats, links, and the conditional formats and validation on
   * its cells (a rule reaching beyond the range keeps the rest of its cells).
   * https://learn.microsoft.com/javascript/api/excel/excel.clearapplyto
   */
  clear(applyTo: string = "All"): void {
    this.call("clear", [applyTo], () => this.ws.guarded((s) => {
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
      if (applyTo === "All" || applyTo === "Formats") s.rules = s.rules.flatMap((rule) => subtract(rule, b));
      if (applyTo === "All") s.validations = s.validations.flatMap((v) => subtract(v, b));
    }));
  }
  /** Delete the cells and close the gap from the right ("Left") or from below ("Up"). */
  delete(shift: "Left" | "Up"): void {
    this.call("delete", [shift], () => this.ws.guarded((s) => {
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
    }));
  }
  getSpecialCellsOrNullObject(type: string): RangeAreas {
    if (type !== "Visible") throw new OfficeError("InvalidArgument", `The fake models only Visible special cells, not ${type}`);
    const path = this.ctx.path(METHOD, "GetSpecialCellsOrNullObject", this.path, [type]);
    return new RangeAreas(this.ctx, path, this, () => {
      if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "getSpecialCellsOrNullObject needs ExcelApi 1.9");
      const s = this.ws.sheet();
      const b = this.bounds();
      const out: Area[] = [];
      let start = -1;
      for (let r = b.top; r <= b.top + b.rows; r++) {
        const shown = r < b.top + b.rows && !s.hiddenRows.has(r);
        if (shown && start < 0) start = r;
        if (!shown && start >= 0) {
          out.push({ top: start, left: b.left, bottom: r - 1, right: b.left + b.cols - 1 });
          start = -1;
        }
      }
      return out;
    });
  }
  /**
   * The merged areas that meet this range, whole (ExcelApi 1.13); a null
   * object where there are none. "If the merged areas count in this range is
   * more than 512, then this method will fail to return the result":
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
   */
  getMergedAreasOrNullObject(): RangeAreas {
    const path = this.ctx.path(METHOD, "GetMergedAreasOrNullObject", this.path, []);
    return new RangeAreas(this.ctx, path, this, () => {
      if (!this.ctx.state.isSetSupported("ExcelApi", "1.13")) throw new OfficeError("ApiNotFound", "Range.getMergedAreasOrNullObject needs ExcelApi 1.13");
      const b = this.bounds();
      const found = this.ws.sheet().merges.flatMap((m) => areas(m)).filter((a) => intersects(a, b));
      if (found.length > MERGED_AREAS_LIMIT) throw new OfficeError("GeneralException", `The range has ${found.length} merged areas; Excel gives at most ${MERGED_AREAS_LIMIT}.`);
      return found;
    });
  }
}

/** Several areas of one sheet (ExcelApi 1.9), worked out at sync; a null object when there are none. */
export class RangeAreas extends ClientObject {
  private found: Area[] | undefined;
  constructor(ctx: Ctx, path: Path, private range: Range, find: () => Area[]) {
    super(ctx, path);
    ctx.resolveAtSync(() => {
      this.found = find();
      this.nullState = this.found.length === 0;
    });
  }
  get address(): string {
    return this.read("address") as string;
  }
  protected snapshot(): number {
    const name = quoteSheetName(this.range.ws.sheet().name);
    // "Sheet1!A1:B4, Sheet1!D1:D4", as the reference writes it.
    const address = (this.found ?? []).map((a) => `${name}!${areaRef(a)}`).join(", ");
    this.loaded.set("address", address);
    return size(address);
  }
}

type Font = { bold: boolean; italic: boolean; size: number; color: string };

/** A range's format: fill, font, borders, protection, alignment, sizes. */
export class RangeFormat {
  private lazy = new Map<string, unknown>();
  constructor(private range: Range, readonly path: Path) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.lazy.has(key)) this.lazy.set(key, make());
    return this.lazy.get(key) as T;
  }
  private get ctx(): Ctx {
    return this.range.context;
  }
  /** Apply to every cell of the range at sync. */
  private cells(apply: (c: FakeCell, v: never) => void): (v: never) => void {
    return (v) => this.range.ws.guarded((s) => this.range.eachCell((cell) => apply(cell, v), s));
  }
  private coloured(apply: (c: FakeCell, v: string) => void): (v: never) => void {
    return (v) => {
      checkColour(v);
      this.cells((c, x: string) => apply(c, x))(v);
    };
  }

  get fill(): { color: string } {
    return this.once("fill", () => writeOnly(this.ctx, this.ctx.path(PROPERTY, "Fill", this.path), { color: this.coloured((c, v) => void (c.format.fill = v)) }));
  }
  get font(): Font {
    return this.once("font", () => writeOnly(this.ctx, this.ctx.path(PROPERTY, "Font", this.path), {
      bold: this.cells((c, v: boolean) => void (c.format.bold = v)),
      italic: this.cells((c, v: boolean) => void (c.format.italic = v)),
      size: this.cells((c, v: number) => void (c.format.size = v)),
      color: this.coloured((c, v) => void (c.format.fontColor = v)),
    }));
  }
  get protection(): { locked: boolean } {
    return this.once("protection", () => writeOnly(this.ctx, this.ctx.path(PROPERTY, "Protection", this.path), { locked: this.cells((c, v: boolean) => void (c.format.locked = v)) }));
  }
  get borders(): { getItem: (edge: string) => { style: string; color: string } } {
    return this.once("borders", () => {
      const path = this.ctx.path(PROPERTY, "Borders", this.path);
      return {
        getItem: (edge: string) => writeOnly(this.ctx, this.ctx.path(INDEXER, "", path, [edge]), {
          style: this.cells((c, v: string) => void (c.format.borders = v === "Continuous")),
          color: (v: never) => checkColour(v),
        }),
      };
    });
  }
  private setOwn(name: string, v: unknown, apply: () => void): void {
    this.ctx.enqueue(this.path, "set", name, JSON.stringify([v]), () => this.range.ws.guarded(apply));
  }
  set wrapText(v: boolean) { this.setOwn("WrapText", v, () => this.range.eachCell((c) => void (c.format.wrap = v), this.range.ws.sheet())); }
  set horizontalAlignment(v: string) { this.setOwn("HorizontalAlignment", v, () => this.range.eachCell((c) => void (c.format.hAlign = v), this.range.ws.sheet())); }
  set verticalAlignment(v: string) { this.setOwn("VerticalAlignment", v, () => this.range.eachCell((c) => void (c.format.vAlign = v), this.range.ws.sheet())); }
  set columnWidth(v: number) {
    this.setOwn("ColumnWidth", v, () => {
      const b = this.range.bounds();
      for (let c = b.left; c < b.left + b.cols; c++) this.range.ws.sheet().columnWidths.set(c, v);
    });
  }
  /** Back to the sheet's standard column width (a whole-sheet range resets every column). */
  set useStandardWidth(v: boolean) {
    this.setOwn("UseStandardWidth", v, () => {
      if (!v) return;
      const b = this.range.bounds();
      const s = this.range.ws.sheet();
      for (const c of [...s.columnWidths.keys()]) if (c >= b.left && c < b.left + b.cols) s.columnWidths.delete(c);
    });
  }
  set useStandardHeight(v: boolean) {
    this.setOwn("UseStandardHeight", v, () => {
      if (!v) return;
      const b = this.range.bounds();
      const s = this.range.ws.sheet();
      for (const r of [...s.rowHeights.keys()]) if (r >= b.top && r < b.top + b.rows) s.rowHeights.delete(r);
    });
  }
  set rowHeight(v: number) {
    this.setOwn("RowHeight", v, () => {
      const b = this.range.bounds();
      for (let r = b.top; r < b.top + b.rows; r++) this.range.ws.sheet().rowHeights.set(r, v);
    });
  }
}
