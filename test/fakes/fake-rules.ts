/**
 * Conditional formats and data validation in the fake Excel, as the
 * reference describes them: a range's rule collection holds every rule that
 * meets it; a custom rule's formula reads relative to the range it was
 * fetched through; each new rule goes to the top; validation operands and
 * texts are checked as Excel checks them.
 */
import { FakeSheet, FakeRule } from "./excel-state";
import { OfficeError, shiftFormula, checkColour, checkValidationRule, checkValidationTexts } from "./excel-rules";
import { Ctx, ClientObject, size, writeOnly } from "./client";
import { Path, PROPERTY, METHOD, INDEXER } from "./wire";
import { Range, Bounds } from "./fake-range";
import { parseRange, a1 } from "../../src/core";

export type Area = { top: number; left: number; bottom: number; right: number };

/** A rule's (or validation's) range: one area, or several ("E2:E10,E12:E50") once Excel has split it. */
export function areas(ref: string): Area[] {
  return ref.split(",").map((a) => parseRange(a)!).filter(Boolean);
}
export const areaRef = (a: Area) => (a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`);
const topLeft = (as: Area[]) => ({ top: Math.min(...as.map((a) => a.top)), left: Math.min(...as.map((a) => a.left)) });
export const intersects = (a: Area, b: Bounds) => a.top < b.top + b.rows && a.bottom >= b.top && a.left < b.left + b.cols && a.right >= b.left;
export const inside = (a: Area, b: Bounds) => a.top >= b.top && a.bottom < b.top + b.rows && a.left >= b.left && a.right < b.left + b.cols;

/** What is left of something on a range once `b`'s cells are cleared of it: nothing, or the rest of its cells. */
export function subtract<T extends { ref: string }>(x: T, b: Bounds): T[] {
  const bottom = b.top + b.rows - 1;
  const right = b.left + b.cols - 1;
  const rest = areas(x.ref).flatMap((a) => {
    if (!intersects(a, b)) return [a];
    const out: Area[] = [];
    if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
    if (a.bottom > bottom) out.push({ ...a, top: bottom + 1 });
    const top = Math.max(a.top, b.top);
    const low = Math.min(a.bottom, bottom);
    if (a.left < b.left) out.push({ top, bottom: low, left: a.left, right: b.left - 1 });
    if (a.right > right) out.push({ top, bottom: low, left: right + 1, right: a.right });
    return out;
  });
  return rest.length ? [{ ...x, ref: rest.map(areaRef).join(",") }] : [];
}

/**
 * `range.conditionalFormats` holds every rule that intersects the range, not
 * only rules on exactly that range
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection).
 */
export class ConditionalFormatCollection extends ClientObject {
  private list: ConditionalFormat[] = [];
  constructor(ctx: Ctx, path: Path, private range: Range) {
    super(ctx, path);
  }
  get items(): ConditionalFormat[] {
    this.read("items");
    return this.list;
  }
  protected snapshot(list: string[]): number {
    const s = this.range.ws.sheet();
    const b = this.range.bounds();
    this.list = s.rules.filter((r) => areas(r.ref).some((a) => intersects(a, b)))
      .map((r) => new ConditionalFormat(this.ctx, this.ctx.path(INDEXER, "", this.path, [r.id]), this.range, r, list));
    this.loaded.set("items", true);
    return size(this.list.length) * 20;
  }
  add(type: string): ConditionalFormat {
    const rule: FakeRule = { id: 0, ref: "", type, priority: 0 };
    const path = this.ctx.path(METHOD, "Add", this.path, [type]);
    this.ctx.enqueue(path, "method", "", undefined, () => this.range.ws.guarded((s) => {
      rule.id = this.ctx.state.nextRuleId();
      rule.ref = this.range.ref();
      // Each add goes to the top, as in Excel.
      for (const r of s.rules) r.priority++;
      s.rules.push(rule);
    }));
    return new ConditionalFormat(this.ctx, path, this.range, rule, []);
  }
  /** "Clears all conditional formats active on the current specified range": rules reaching beyond it keep the rest of their cells. */
  clearAll(): void {
    this.call("clearAll", [], () => this.range.ws.guarded((s) => {
      const b = this.range.bounds();
      s.rules = s.rules.flatMap((r) => subtract(r, b));
    }));
  }
}

type RuleFormat = { fill: { color: string }; font: { color: string; bold: boolean } };

export class ConditionalFormat extends ClientObject {
  private lazy = new Map<string, unknown>();

  constructor(ctx: Ctx, path: Path, private range: Range, private rule: FakeRule, fields: string[]) {
    super(ctx, path);
    if (fields.includes("type") || fields.includes("items/type")) this.loaded.set("type", rule.type);
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.lazy.has(key)) this.lazy.set(key, make());
    return this.lazy.get(key) as T;
  }
  private apply(fn: (r: FakeRule, v: never) => void): (v: never) => void {
    return (v) => this.range.ws.guarded(() => fn(this.rule, v));
  }
  private colour(fn: (r: FakeRule, v: string) => void): (v: never) => void {
    return this.apply((r, v: string) => {
      checkColour(v);
      fn(r, v);
    });
  }
  private format(parent: Path): RuleFormat {
    const path = this.ctx.path(PROPERTY, "Format", parent);
    return {
      fill: writeOnly(this.ctx, this.ctx.path(PROPERTY, "Fill", path), { color: this.colour((r, v) => void (r.fill = v)) }),
      font: writeOnly(this.ctx, this.ctx.path(PROPERTY, "Font", path), { color: this.colour((r, v) => void (r.fontColor = v)), bold: this.apply((r, v: boolean) => void (r.bold = v)) }),
    };
  }

  get custom(): { rule: CfRuleProxy; format: RuleFormat } {
    return this.once("custom", () => {
      const path = this.ctx.path(PROPERTY, "Custom", this.path);
      return { rule: new CfRuleProxy(this.ctx, this.ctx.path(PROPERTY, "Rule", path), this.range, this.rule), format: this.format(path) };
    });
  }
  get cellValue(): { rule: unknown; format: RuleFormat } {
    return this.once("cellValue", () => {
      const path = this.ctx.path(PROPERTY, "CellValue", this.path);
      return writeOnly(this.ctx, path, { rule: this.apply((r, v) => void (r.cellValue = v)) }, { format: this.format(path) });
    });
  }
  get iconSet(): { style: string; showIconOnly: boolean; criteria: unknown } {
    return this.once("iconSet", () => writeOnly(this.ctx, this.ctx.path(PROPERTY, "IconSet", this.path), {
      style: this.apply((r, v: string) => void (r.iconStyle = v)),
      showIconOnly: this.apply((r, v: boolean) => void (r.showIconOnly = v)),
      criteria: this.apply((r, v) => void (r.criteria = v)),
    }));
  }
  get colorScale(): { criteria: unknown } {
    return this.once("colorScale", () => writeOnly(this.ctx, this.ctx.path(PROPERTY, "ColorScale", this.path), {
      criteria: this.apply((r, v: Record<string, { color?: string } | undefined>) => {
        for (const c of Object.values(v)) if (c?.color !== undefined) checkColour(c.color);
        r.criteria = v;
      }),
    }));
  }
  get type(): string {
    return this.read("type") as string;
  }
  set priority(v: number) {
    this.set("priority", v, () => this.range.ws.guarded((s) => {
      // Excel renumbers the others so priorities stay a sequence.
      const others = s.rules.filter((r) => r !== this.rule).sort((a, b) => a.priority - b.priority);
      others.splice(Math.min(v, others.length), 0, this.rule);
      others.forEach((r, i) => (r.priority = i));
    }));
  }
  delete(): void {
    this.call("delete", [], () => this.range.ws.guarded((s) => void (s.rules = s.rules.filter((r) => r !== this.rule))));
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
    return new RuleAreas(this.ctx, this.ctx.path(METHOD, "GetRanges", this.path, []), this.range, this.rule);
  }
  private ownRange(orNull: boolean): Range {
    return new Range(this.ctx, this.ctx.path(METHOD, orNull ? "GetRangeOrNullObject" : "GetRange", this.path, []), this.range.ws, () => {
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
  constructor(ctx: Ctx, path: Path, private range: Range, private rule: FakeRule) {
    super(ctx, path);
  }
  get address(): string {
    return this.read("address") as string;
  }
  protected snapshot(): number {
    if (!this.ctx.state.isSetSupported("ExcelApi", "1.9")) throw new OfficeError("ApiNotFound", "ConditionalFormat.getRanges needs ExcelApi 1.9");
    const name = `'${this.range.ws.sheet().name.replace(/'/g, "''")}'`;
    const address = this.rule.ref.split(",").map((a) => `${name}!${a}`).join(", ");
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
  constructor(ctx: Ctx, path: Path, private range: Range, private rule: FakeRule) {
    super(ctx, path);
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
    this.set("formula", v, () => this.range.ws.guarded(() => {
      const o = this.offset();
      this.rule.formula = shiftFormula(v, -o.rows, -o.cols);
    }));
  }
  protected snapshot(list: string[]): number {
    if (!list.includes("formula")) return 0;
    const o = this.offset();
    const f = this.rule.formula === undefined ? undefined : shiftFormula(this.rule.formula, o.rows, o.cols);
    this.loaded.set("formula", f);
    return size(f);
  }
}

export class DataValidation {
  constructor(private range: Range, readonly path: Path) {}
  private entry(s: FakeSheet) {
    const ref = this.range.ref();
    let v = s.validations.find((x) => x.ref === ref);
    if (!v) s.validations.push((v = { ref }));
    return v;
  }
  private edit(name: string, value: unknown, change: (s: FakeSheet) => void): void {
    this.range.context.enqueue(this.path, "set", name, JSON.stringify([value]), () => this.range.ws.guarded((s) => {
      if (!this.range.context.state.isSetSupported("ExcelApi", "1.8")) throw new OfficeError("ApiNotFound", "Data validation needs ExcelApi 1.8");
      change(s);
    }));
  }
  /** Operands are checked as Excel checks them; a typed list is split at its commas. */
  set rule(v: unknown) {
    this.edit("Rule", v, (s) => {
      const items = checkValidationRule(v as Record<string, Record<string, unknown>>);
      const e = this.entry(s);
      e.rule = v;
      e.items = items ?? undefined;
    });
  }
  set prompt(v: { title?: string; message?: string }) {
    this.edit("Prompt", v, (s) => {
      checkValidationTexts({ promptTitle: v.title, prompt: v.message });
      this.entry(s).prompt = v;
    });
  }
  set errorAlert(v: { title?: string; message?: string }) {
    this.edit("ErrorAlert", v, (s) => {
      checkValidationTexts({ errorTitle: v.title, error: v.message });
      this.entry(s).errorAlert = v;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.edit("IgnoreBlanks", v, (s) => void (this.entry(s).ignoreBlanks = v));
  }
  /** Removes validation from the cells of the range (a rule reaching beyond it keeps the rest of its cells). */
  clear(): void {
    this.range.context.enqueue(this.path, "method", "Clear", "[]", () => this.range.ws.guarded((s) => {
      const b = this.range.bounds();
      s.validations = s.validations.flatMap((x) => subtract(x, b));
    }));
  }
}
