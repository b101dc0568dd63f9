import { SheetGrid, SheetPlan } from "../../core";
import { WorkbookPort, SheetInfo, SourceFormat, OwnedRuleRef, SETTINGS_SHEET, chunkSettings, CellUpdate } from "../port";
import { Batch, REQUEST_BUDGET, jsonSize } from "./batch";
import { readSheetGrids } from "./read";
import { renderPlan, addConditionalFormat, officeValue, looksLikeFormula } from "./write";
import { Capabilities } from "./capabilities";

const TEMP_PREFIX = "~cpe ";

/**
 * The Office adapter: the workbook port over one Excel request context, so a
 * whole user action is one `Excel.run`. Every method queues its work and syncs
 * a fixed number of times, plus once per ~4 MB of data (Excel on the web's
 * request limit is about 5 MB); nothing syncs per cell or per row.
 */
export class OfficeWorkbook implements WorkbookPort {
  readonly batch: Batch;

  constructor(private readonly ctx: Excel.RequestContext, private readonly caps: Capabilities, budget = REQUEST_BUDGET) {
    this.batch = new Batch(ctx, budget);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const sheets = this.ctx.workbook.worksheets.load("items/name,items/visibility");
    await this.batch.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
  }

  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    const all = await this.listSheets();
    return readSheetGrids(this.ctx, this.batch, all.filter((s) => !names || names.includes(s.name)), this.caps.api19);
  }

  /**
   * Each plan is drawn on a temporary sheet first and swapped in only once
   * complete, so a run that fails part-way leaves no half-written output.
   */
  async writeSheets(plans: { plan: SheetPlan; replace: boolean }[]): Promise<void> {
    const sheets = this.ctx.workbook.worksheets;
    // Leftovers of an interrupted run are the product's own: clear them first.
    const existing = sheets.load("items/name");
    await this.batch.sync();
    for (const s of existing.items) if (s.name.startsWith(TEMP_PREFIX)) s.delete();
    const byName = new Map(existing.items.map((s) => [s.name.toLowerCase(), s]));
    for (const { plan, replace } of plans) {
      if (byName.has(plan.name.toLowerCase()) && !replace) throw new Error(`refusing to overwrite sheet '${plan.name}', which this add-in did not create`);
    }
    this.ctx.application.suspendApiCalculationUntilNextSync();
    if (this.caps.api19) this.ctx.application.suspendScreenUpdatingUntilNextSync();
    const temps: { temp: Excel.Worksheet; plan: SheetPlan }[] = [];
    try {
      for (const [i, { plan }] of plans.entries()) {
        const temp = sheets.add(`${TEMP_PREFIX}${i} ${Date.now() % 100000}`.slice(0, 31));
        temps.push({ temp, plan });
        await renderPlan(temp, plan, this.batch, { dataValidation: this.caps.dataValidation, printTitles: this.caps.api19 });
      }
      await this.batch.sync();
    } catch (e) {
      // Drop the half-drawn temporary sheets; the council's sheets and the old output are untouched.
      await this.dropTemporarySheets().catch(() => undefined);
      throw e;
    }
    // Everything is drawn: now swap, in one request.
    for (const { temp, plan } of temps) {
      byName.get(plan.name.toLowerCase())?.delete();
      temp.name = plan.name;
    }
    await this.batch.sync();
  }

  private async dropTemporarySheets(): Promise<void> {
    const all = this.ctx.workbook.worksheets.load("items/name");
    await this.batch.sync();
    for (const s of all.items) if (s.name.startsWith(TEMP_PREFIX)) s.delete();
    await this.batch.sync();
  }

  /** Names of the sheets that exist now (methods on a missing sheet would fail). */
  private async existing(): Promise<Set<string>> {
    return new Set((await this.listSheets()).map((s) => s.name));
  }

  async deleteSheets(names: string[]): Promise<void> {
    const present = await this.existing();
    const gone = names.filter((n) => present.has(n));
    if (!gone.length) return;
    for (const n of gone) this.ctx.workbook.worksheets.getItem(n).delete();
    await this.batch.sync();
  }

  async formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void> {
    // Load the rules on each range we once formatted, and delete only those whose formulas are ours.
    const present = await this.existing();
    const candidates = remove.filter((r) => present.has(r.sheet)).map((r) => ({
      r,
      cfs: this.ctx.workbook.worksheets.getItem(r.sheet).getRange(r.ref).conditionalFormats.load("items/type"),
    }));
    if (candidates.length) await this.batch.sync();
    const customs = candidates.flatMap(({ r, cfs }) =>
      cfs.items.filter((c) => c.type === "Custom").map((c) => ({ r, c, rule: c.custom.rule.load("formula") })));
    if (customs.length) await this.batch.sync();
    for (const { r, c, rule } of customs) if (r.formulas.map((f) => `=${f}`).includes(rule.formula)) c.delete();
    for (const f of add.filter((x) => present.has(x.sheet))) {
      const ws = this.ctx.workbook.worksheets.getItem(f.sheet);
      for (const cf of f.rules) addConditionalFormat(ws, cf);
    }
    await this.batch.sync();
  }

  async updateCells(sheet: string, updates: CellUpdate[]): Promise<void> {
    const ws = this.ctx.workbook.worksheets.getItem(sheet);
    for (const u of updates) {
      await this.batch.reserve(jsonSize(u.value) + 60);
      const cell = ws.getRangeByIndexes(u.row, u.col, 1, 1);
      const isDate = !!u.value && typeof u.value === "object" && "date" in u.value;
      if (isDate) cell.numberFormat = [["dd/mm/yyyy"]];
      else if (typeof u.value === "string" && looksLikeFormula(u.value)) cell.numberFormat = [["@"]];
      cell.values = [[officeValue(u.value)]];
    }
    await this.batch.sync();
  }

  async readSettings(): Promise<string | null> {
    if (!(await this.existing()).has(SETTINGS_SHEET)) return null;
    const used = this.ctx.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    used.load("values");
    await this.batch.sync();
    // The rule knows only a variable named `context`; Batch.sync() is this adapter's context.sync().
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (used.isNullObject) return null;
    return used.values.map((r) => String(r[0] ?? "")).join("") || null;
  }

  async writeSettings(json: string): Promise<void> {
    const sheets = this.ctx.workbook.worksheets;
    if ((await this.existing()).has(SETTINGS_SHEET)) sheets.getItem(SETTINGS_SHEET).delete();
    const ws = sheets.add(SETTINGS_SHEET);
    ws.visibility = "VeryHidden";
    // History grows with the workbook: write it a cell at a time within the request budget.
    for (const [i, chunk] of chunkSettings(json).entries()) {
      await this.batch.reserve(jsonSize(chunk) + 20);
      const cell = ws.getRangeByIndexes(i, 0, 1, 1);
      cell.numberFormat = [["@"]];
      cell.values = [[chunk]];
    }
    await this.batch.sync();
  }
}

function visibilityOf(v: Excel.SheetVisibility | string): SheetInfo["visibility"] {
  return v === "VeryHidden" ? "veryHidden" : v === "Hidden" ? "hidden" : "visible";
}
