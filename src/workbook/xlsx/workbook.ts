import type ExcelJS from "exceljs";
import { SheetGrid, SheetPlan, PlanValue, CellValue } from "../../core";
import { WorkbookPort, SheetInfo, SourceFormat, OwnedRuleRef, SETTINGS_SHEETS, SettingsCopy, chunkSettings, CellUpdate, KeptFormula } from "../port";
import { formulaCells } from "./formula-cells";
import { writePlan, addRules, toXlsxValue } from "./write-plan";
import { inspectPackage, lostParts, PackageParts, zipFiles } from "./parts";
import { splice } from "./splice";
import { repack } from "./repack";
import { ZipPackage } from "./reader/zip";
import { PackageEdit } from "./package-edit";
import { Budget } from "./reader/limits";
import { UnsupportedPackage } from "./style-book";
import { readWorkbook, checkSmallParts, DEFAULT_LIMITS, ReadLimits } from "./reader";
import { WorkbookFileError, refuse } from "./reader/refusal";

export { WorkbookFileError, DEFAULT_LIMITS };
export type { ReadLimits };

// A faster deflate level: the file is a little larger, the save several times quicker on big workbooks.
const DEFLATE_FAST = { zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } } as const;

type Visibility = "visible" | "hidden" | "veryHidden";

/**
 * A sheet of the workbook as this session sees it: as read from the file, or
 * as the product wrote it. A council sheet's grid is held until it is first
 * handed out, then only weakly: a run that has summarised a 50,000-row sheet
 * does not keep its cells through the save, and a later read that finds the
 * grid gone reads the file again.
 */
interface Sheet {
  name: string;
  visibility: Visibility;
  /** The purpose its marker names when the product wrote it (see own-sheets.ts). */
  own: string | null;
  grid: SheetGrid | WeakRef<SheetGrid> | null;
  plan: SheetPlan | null;
}

/** Whether a rule block on a council sheet is one the product wrote (same range, same formulas). */
function isOwned(block: { ref: string; formulas: string[] }, owned: OwnedRuleRef[]): boolean {
  return owned.some((r) => r.ref === block.ref && r.formulas.length === block.formulas.length && r.formulas.every((f, i) => f === block.formulas[i]));
}

/** A value the product writes, as a read would give it back (a formula has no result until Excel calculates it). */
function readBack(v: PlanValue): CellValue {
  if (v === null || typeof v !== "object") return v;
  if ("formula" in v) return null;
  if ("date" in v) {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v.text;
}

function planGrid(plan: SheetPlan, visibility: Visibility): SheetGrid {
  return { name: plan.name, rows: plan.cells.map((row) => row.map((v) => readBack(v ?? null))), hiddenRows: [], merges: [], tables: [], visibility };
}

/**
 * An .xlsx file in memory, in Node or the browser. The streaming reader
 * (reader/) gives the sheets' values within fixed limits; on save the
 * product's sheets (and values written into a council's sheets) are spliced
 * into the package as opened (see splice.ts). Only when that cannot be done
 * (a package the splice does not handle) is ExcelJS loaded, the whole workbook
 * re-saved with this session's changes replayed on it, and what that loses
 * listed.
 */
export class XlsxWorkbook implements WorkbookPort {
  private readonly removed = new Set<string>();
  private readonly rules = new Map<string, { add: SourceFormat["rules"]; drop: OwnedRuleRef[] }>();
  /** Values written into council sheets (collecting returns), by sheet. */
  private readonly edits = new Map<string, Map<string, CellUpdate>>();
  /** This session's changes, to replay on an ExcelJS workbook if the whole file must be re-saved. */
  private readonly replay: ((wb: ExcelJS.Workbook) => void)[] = [];
  /** The settings text last written, and its sheet's plan but for the name. */
  private settingsPlan: { json: string; body: Omit<SheetPlan, "name"> } | null = null;

  private constructor(
    private readonly data: Uint8Array | null,
    private sheets: Sheet[],
    private readonly partsBefore: PackageParts,
    private readonly limits: ReadLimits = DEFAULT_LIMITS,
  ) {}

  /** Read a file, or refuse it with a WorkbookFileError saying why in one plain sentence. */
  static async open(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxWorkbook> {
    // The product's own sheets are not read until something asks for them (collecting returns made in this workbook).
    const read = await readWorkbook(data, limits, { read: (s) => s.own === null });
    await checkSmallParts(data, limits);
    let parts: PackageParts;
    try {
      parts = await inspectPackage(zipFiles(data, limits));
    } catch (e) {
      // A part that is damaged in its own way (not well-formed XML, a bad checksum) says so.
      if (e instanceof WorkbookFileError) throw e;
      throw refuse({ kind: "zip-damaged" });
    }
    const sheets = read.sheets.map((s) => ({ name: s.name, visibility: s.visibility, own: s.own, grid: s.unread ? null : s.grid, plan: null }));
    return new XlsxWorkbook(data, sheets, parts, limits);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(null, [], { sheets: {}, workbook: {} });
  }

  private sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, own: s.own }));
  }

  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    const wanted = this.sheets.filter((s) => !names || names.includes(s.name));
    const grids = await this.councilGrids(wanted.filter((s) => !s.plan));
    return wanted.map((s) => (s.plan ? planGrid(s.plan, s.visibility) : this.edited(grids.get(s)!)));
  }

  /** Council sheets' grids as read, from memory or (when they have been let go) from the file again; held weakly from now on. */
  private async councilGrids(sheets: Sheet[]): Promise<Map<Sheet, SheetGrid>> {
    const out = new Map<Sheet, SheetGrid>();
    for (const s of sheets) {
      const grid = s.grid instanceof WeakRef ? s.grid.deref() : s.grid;
      if (grid) out.set(s, grid);
    }
    if (out.size < sheets.length) {
      const wanted = new Set(sheets.filter((s) => !out.has(s)).map((s) => s.name));
      const read = await readWorkbook(this.data!, this.limits, { read: (s) => wanted.has(s.name) });
      for (const s of sheets) if (!out.has(s)) out.set(s, read.sheets.find((r) => r.name === s.name)!.grid);
    }
    for (const [s, grid] of out) s.grid = new WeakRef(grid);
    return out;
  }

  /** A council sheet's grid with this session's edits in it (the grid as read is kept as it was). */
  private edited(grid: SheetGrid): SheetGrid {
    const edits = this.edits.get(grid.name);
    if (!edits) return grid;
    const rows = grid.rows.slice();
    for (const u of edits.values()) {
      const row = (rows[u.row] ?? []).slice();
      while (row.length < u.col) row.push(null);
      row[u.col] = readBack(u.value);
      while (rows.length < u.row) rows.push([]);
      rows[u.row] = row;
    }
    return { ...grid, rows };
  }

  private put(plan: SheetPlan, visibility: Visibility, own: string | null): void {
    const existing = this.sheet(plan.name);
    if (existing) Object.assign(existing, { plan, visibility, own, grid: null });
    else this.sheets.push({ name: plan.name, visibility, own, grid: null, plan });
    this.removed.delete(plan.name);
    this.edits.delete(plan.name);
  }

  async writeSheets(plans: { plan: SheetPlan; replace: boolean }[]): Promise<void> {
    for (const { plan, replace } of plans) {
      if (this.sheet(plan.name) && !replace) throw new Error(`refusing to overwrite sheet '${plan.name}', which this product did not create`);
      this.put(plan, "visible", plan.purpose);
      this.replay.push((wb) => {
        const existing = wb.getWorksheet(plan.name);
        if (existing) wb.removeWorksheet(existing.id);
        writePlan(wb, plan);
      });
    }
  }

  async deleteSheets(names: string[]): Promise<void> {
    for (const name of names) {
      this.sheets = this.sheets.filter((s) => s.name !== name);
      this.removed.add(name);
      this.replay.push((wb) => {
        const ws = wb.getWorksheet(name);
        if (ws) wb.removeWorksheet(ws.id);
      });
    }
  }

  async formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void> {
    const entry = (sheet: string) => this.rules.get(sheet) ?? this.rules.set(sheet, { add: [], drop: [] }).get(sheet)!;
    for (const r of remove) {
      if (!this.sheet(r.sheet)) continue;
      const e = entry(r.sheet);
      e.drop.push(r);
      e.add = e.add.filter((cf) => !isOwned({ ref: cf.ref, formulas: [cf.rule.type === "expression" ? cf.rule.formula : ""] }, [r]));
      this.replay.push((wb) => wb.getWorksheet(r.sheet)?.removeConditionalFormatting((cf: { ref: string; rules: { formulae?: unknown[] }[] }) =>
        !isOwned({ ref: cf.ref, formulas: cf.rules.flatMap((x) => (x.formulae ?? []).map(String)) }, [r])));
    }
    for (const f of add) {
      if (!this.sheet(f.sheet)) continue;
      entry(f.sheet).add.push(...f.rules);
      this.replay.push((wb) => {
        const ws = wb.getWorksheet(f.sheet);
        if (!ws) return;
        // Priorities are unique per sheet: the added rules come after the council's own.
        const existing = (ws as unknown as { conditionalFormattings: { rules: { priority?: number }[] }[] }).conditionalFormattings;
        const taken = Math.max(0, ...existing.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
        addRules(ws, f.rules.map((r, i) => ({ ...r, priority: taken + i + 1 })));
      });
    }
  }

  async updateCells(sheet: string, all: CellUpdate[]): Promise<KeptFormula[]> {
    const target = this.sheet(sheet);
    if (!target) throw new Error(`there is no sheet called '${sheet}'`);
    // A formula is never written over: those cells are left and reported.
    const formulas = target.plan
      ? new Map(all.flatMap((u) => {
        const v = target.plan!.cells[u.row]?.[u.col];
        return v && typeof v === "object" && "formula" in v ? [[`${u.row},${u.col}`, `=${v.formula.replace(/^=/, "")}`] as const] : [];
      }))
      : await formulaCells(this.data!, this.limits, sheet, all);
    const kept = all.filter((u) => formulas.has(`${u.row},${u.col}`)).map((u) => ({ row: u.row, col: u.col, formula: formulas.get(`${u.row},${u.col}`)! }));
    const updates = all.filter((u) => !formulas.has(`${u.row},${u.col}`));
    if (target.plan) {
      // A sheet this session wrote: the change goes into its plan.
      const cells = target.plan.cells.map((row) => row.slice());
      for (const u of updates) {
        while (cells.length <= u.row) cells.push([]);
        while (cells[u.row].length < u.col) cells[u.row].push(null);
        cells[u.row][u.col] = u.value;
      }
      target.plan = { ...target.plan, cells };
    } else {
      const edits = this.edits.get(sheet) ?? this.edits.set(sheet, new Map()).get(sheet)!;
      for (const u of updates) edits.set(`${u.row},${u.col}`, u);
    }
    this.replay.push((wb) => {
      const ws = wb.getWorksheet(sheet);
      if (!ws) return;
      for (const u of updates) {
        const cell = ws.getCell(u.row + 1, u.col + 1);
        cell.value = toXlsxValue(u.value);
        if (u.value && typeof u.value === "object" && "date" in u.value) cell.numFmt = "dd/mm/yyyy";
      }
    });
    return kept;
  }

  async readSettings(copy: SettingsCopy = "current"): Promise<string | null> {
    const s = this.sheet(SETTINGS_SHEETS[copy]);
    if (!s) return null;
    const rows = s.plan ? planGrid(s.plan, s.visibility).rows : this.edited((await this.councilGrids([s])).get(s)!).rows;
    let json = "";
    for (const row of rows) if (row && typeof row[0] === "string") json += row[0];
    return json || null;
  }

  async writeSettings(json: string, copy: SettingsCopy = "current"): Promise<void> {
    const name = SETTINGS_SHEETS[copy];
    // The same text (current and last-good copies) gives a plan of the very same parts, which the save writes and compresses once.
    if (this.settingsPlan?.json !== json) {
      this.settingsPlan = {
        json,
        body: {
          purpose: "settings", cells: chunkSettings(json).map((chunk) => [chunk]), styles: [], columnWidths: [],
          conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
        },
      };
    }
    const plan: SheetPlan = { ...this.settingsPlan.body, name };
    this.put(plan, "veryHidden", null);
    this.replay.push((wb) => {
      const existing = wb.getWorksheet(name);
      if (existing) wb.removeWorksheet(existing.id);
      writePlan(wb, plan).state = "veryHidden";
    });
  }

  /**
   * The file, how it was made, and what it lacks compared with the one opened
   * (charts, pivot tables…), by sheet — checked on the result either way.
   */
  async save(options: { as?: "xlsx" | "xlsm" } = {}): Promise<{ data: Uint8Array; lost: string[]; method: "spliced" | "rewritten" }> {
    let data: Uint8Array | null = null;
    if (this.data) {
      try {
        data = await this.spliced(this.data, options.as);
      } catch (e) {
        if (!(e instanceof UnsupportedPackage)) throw e;
      }
    }
    const method = data ? "spliced" : "rewritten";
    data ??= await this.rewritten();
    const after = await inspectPackage(zipFiles(data));
    let lost = lostParts(this.partsBefore, after);
    if (method === "rewritten") {
      // A whole re-save cannot draw the product's own charts: say so once per sheet, in place of the old ones' loss.
      const charted = this.sheets.flatMap((s) => (s.plan?.charts?.length ? [s.plan] : []));
      lost = lost.filter((line) => !charted.some((p) => line.startsWith(`Sheet '${p.name}': `)));
      for (const p of charted) lost.push(`Sheet '${p.name}': ${p.charts!.length} charts not drawn (the whole file had to be re-saved)`);
    }
    return { data, lost, method };
  }

  /** The package as opened with this session's sheets and colour rules put in; the council's parts untouched. */
  private async spliced(opened: Uint8Array, as?: "xlsx" | "xlsm"): Promise<Uint8Array> {
    // A package fresh from the bytes as opened, so a refusal half-way leaves nothing half-done for a full re-save.
    const source = ZipPackage.open(opened);
    const budget = new Budget(this.limits, opened.length);
    const zip = new PackageEdit(source, budget);
    const before = new Map(Object.entries(zip.files));
    const sheets = this.sheets.filter((s) => s.plan).map((s) => ({ plan: s.plan!, state: s.visibility, own: s.own }));
    const rules = [...this.rules].map(([sheet, r]) => ({ sheet, add: r.add, drop: (block: { ref: string; formulas: string[] }) => isOwned(block, r.drop) }));
    const cells = [...this.edits].map(([sheet, edits]) => ({ sheet, updates: [...edits.values()] }));
    const deflated = await splice(zip, { sheets, remove: [...this.removed], rules, cells, as });
    // A part the splice rewrote is a new object in the package; one it left is the very object loaded.
    return repack(source, zip, (name, file) => before.get(name) === file, deflated);
  }

  /** The whole workbook re-saved by ExcelJS (loaded only now), with this session's changes replayed on it. */
  private async rewritten(): Promise<Uint8Array> {
    const ExcelJS = (await import(/* webpackChunkName: "exceljs" */ "exceljs")).default;
    const wb = new ExcelJS.Workbook();
    if (this.data) {
      try {
        await wb.xlsx.load(this.data as unknown as ArrayBuffer);
      } catch {
        throw refuse({ kind: "rewrite-unreadable" });
      }
    }
    for (const change of this.replay) change(wb);
    const written = new Uint8Array(await wb.xlsx.writeBuffer(DEFLATE_FAST as Partial<ExcelJS.XlsxWriteOptions>));
    // JSZip, like ExcelJS, only for a full re-save.
    const [{ default: JSZip }, { repairRewrite }] = await Promise.all([import(/* webpackChunkName: "exceljs" */ "jszip"), import(/* webpackChunkName: "exceljs" */ "./rewrite-fixes")]);
    return repairRewrite(written, this.data ? await JSZip.loadAsync(this.data) : null);
  }
}
