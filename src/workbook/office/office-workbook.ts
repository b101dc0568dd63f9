import { SheetGrid, SheetPlan, ICON_NAME } from "../../core";
import { WorkbookPort, SheetInfo, SourceFormat, OwnedRuleRef, SETTINGS_SHEETS, SETTINGS_CHUNK, SettingsCopy, chunkSettings, CellUpdate, KeptFormula } from "../port";
import { OWN_SHEET_NAME, ownFormula, ownPurpose } from "../own-sheets";
import { Batch, REQUEST_BUDGET, CALL_BYTES, jsonSize } from "./batch";
import { readSheetGrids } from "./read";
import { readInBlocks } from "./read-blocks";
import { renderContent, renderLayout, clearSheet, addConditionalFormat, setPrintLayout, protect, Drawn } from "./write";
import { officeValue, formatFor } from "./values";
import { isOwnedRule, addressAreas } from "./owned-rules";
import { Capabilities, MINIMUM } from "./capabilities";
import { PlainError } from "./plain-error";

const TEMP_PREFIX = "~cpe ";
/**
 * A temporary sheet is named for the run that drew it (its start time), so a
 * second run — the ribbon's while the pane's is drawing, or a co-author's —
 * leaves it alone; one older than this is left over from a run that was
 * interrupted, and is removed.
 */
const LEFTOVER_MS = 60 * 60_000;

/** "~cpe <run> <n>": the run's start in base 36, and the plan's number. */
function tempName(run: number, i: number): string {
  return `${TEMP_PREFIX}${run.toString(36)} ${i}`;
}

/** Whether a sheet is another run's temporary sheet left over from long ago. */
export function isLeftover(name: string, now: number): boolean {
  if (!name.startsWith(TEMP_PREFIX)) return false;
  const started = parseInt(name.slice(TEMP_PREFIX.length).split(" ")[0], 36);
  return !Number.isFinite(started) || now - started > LEFTOVER_MS;
}

export const STRUCTURE_PROTECTED =
  "The workbook's structure is protected (Review > Protect Workbook), so the add-in cannot add or update its summary sheets. " +
  "Unprotect it for the run (Review > Protect Workbook, enter the password if asked), run again, then protect it again. Nothing in your workbook was changed.";

/**
 * The Office adapter: the workbook port over one Excel request context, so a
 * whole user action is one `Excel.run`. Every method queues its work and syncs
 * a fixed number of times, plus once per ~4 MB of data (Excel on the web's
 * request limit is about 5 MB); nothing syncs per cell or per row.
 */
export class OfficeWorkbook implements WorkbookPort {
  readonly batch: Batch;
  /** What this action has already changed in the workbook, for an honest message if a later step fails. */
  readonly changed: string[] = [];

  constructor(private readonly ctx: Excel.RequestContext, readonly caps: Capabilities = MINIMUM, budget = REQUEST_BUDGET) {
    this.batch = new Batch(ctx, budget);
  }

  /**
   * Each sheet with its marker, when the add-in wrote it: a name scoped to the
   * sheet (Worksheet.names, ExcelApi 1.4,
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member).
   */
  async listSheets(): Promise<SheetInfo[]> {
    const sheets = this.ctx.workbook.worksheets.load("items/name,items/visibility");
    await this.batch.sync();
    const marks = sheets.items.map((s) => s.names.getItemOrNullObject(OWN_SHEET_NAME).load("value"));
    await this.batch.sync();
    return sheets.items.map((s, i) => ({ name: s.name, visibility: visibilityOf(s.visibility), own: marks[i].isNullObject ? null : ownPurpose(String(marks[i].value)) }));
  }

  /** Names and visibility only (one request). */
  private async sheetList(): Promise<SheetInfo[]> {
    const sheets = this.ctx.workbook.worksheets.load("items/name,items/visibility");
    await this.batch.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
  }

  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    const all = await this.sheetList();
    return readSheetGrids(this.ctx, this.batch, all.filter((s) => !names || names.includes(s.name)), { mergedAreas: this.caps.mergedAreas });
  }

  /**
   * Each plan is drawn on a temporary sheet first, so a run that fails
   * part-way leaves no half-written output. Then, in one request, a new
   * sheet takes its name, and a sheet the add-in drew before is cleared and
   * given the drawn cells: it keeps its name, its place among the tabs and
   * every formula, name, chart and link pointing at it (deleting it would
   * turn those into #REF!).
   */
  async writeSheets(plans: { plan: SheetPlan; replace: boolean }[]): Promise<void> {
    const sheets = this.ctx.workbook.worksheets;
    const existing = sheets.load("items/name,items/protection/protected");
    const structure = this.ctx.workbook.protection.load("protected");
    await this.batch.sync();
    if (structure.protected) throw new PlainError(STRUCTURE_PROTECTED);
    const run = Date.now();
    // Leftovers of an interrupted run are the product's own: clear them first (another run's live ones stay).
    for (const s of existing.items) if (isLeftover(s.name, run)) s.delete();
    const byName = new Map(existing.items.map((s) => [s.name.toLowerCase(), s]));
    for (const { plan, replace } of plans) {
      if (byName.has(plan.name.toLowerCase()) && !replace) throw new Error(`refusing to overwrite sheet '${plan.name}', which this add-in did not create`);
    }
    this.ctx.application.suspendScreenUpdatingUntilNextSync();
    // Calculation is suspended only until the next sync, so again before every request of the write.
    this.batch.beforeSync = () => this.ctx.application.suspendApiCalculationUntilNextSync();
    try {
      const temps: { temp: Excel.Worksheet; plan: SheetPlan; drawn: Drawn }[] = [];
      try {
        for (const [i, { plan }] of plans.entries()) {
          const temp = sheets.add(tempName(run, i));
          temps.push({ temp, plan, drawn: await renderContent(temp, plan, this.batch) });
        }
        await this.batch.sync();
      } catch (e) {
        // Drop the half-drawn temporary sheets; the council's sheets and the old output are untouched.
        await this.dropTemporarySheets(run).catch(() => undefined);
        throw e;
      }
      // The charts and icons on sheets about to be redrawn go with their old cells.
      const charts = new Map<Excel.Worksheet, Excel.Chart[]>();
      const shapes = new Map<Excel.Worksheet, Excel.Shape[]>();
      const targets = temps.map(({ plan }) => byName.get(plan.name.toLowerCase())).filter((t): t is Excel.Worksheet => !!t);
      const loads = targets.map((t) => ({ t, charts: t.charts.load("items/name"), shapes: t.shapes.load("items/name") }));
      if (loads.length) {
        await this.batch.sync();
        for (const l of loads) {
          charts.set(l.t, l.charts.items);
          // Only the add-in's own icons, by name: a shape somebody else put there is not its to delete.
          shapes.set(l.t, l.shapes.items.filter((s) => s.name.startsWith(ICON_NAME)));
        }
      }
      // From here a failure can leave the swap part-done: say so rather than claim nothing changed.
      this.changed.push("started putting the new summary sheets in place (run again to complete them)");
      // A sheet replaced in place keeps its marker; one drawn before the markers existed is given one.
      const marked = new Map(temps.map(({ plan }) => byName.get(plan.name.toLowerCase())).filter((t): t is Excel.Worksheet => !!t)
        .map((t) => [t, t.names.getItemOrNullObject(OWN_SHEET_NAME)] as const));
      if (marked.size) await this.batch.sync();
      const mark = (ws: Excel.Worksheet, purpose: string) => void (ws.names.add(OWN_SHEET_NAME, `=${ownFormula(purpose)}`).visible = false);
      for (const { temp, plan, drawn } of temps) {
        const target = byName.get(plan.name.toLowerCase());
        if (!target) {
          temp.name = plan.name;
          mark(temp, plan.purpose);
          await renderLayout(temp, plan, this.batch, drawn);
          continue;
        }
        await this.batch.reserve(CALL_BYTES * 12);
        if (target.protection.protected) target.protection.unprotect(plan.protection?.password || undefined);
        clearSheet(target, charts.get(target) ?? [], shapes.get(target) ?? []);
        if (marked.get(target)?.isNullObject) mark(target, plan.purpose);
        // The whole swap goes in one request: the drawn cells copied in place (ExcelApi 1.9), then the sheet's layout.
        target.getRangeByIndexes(0, 0, drawn.rows, drawn.cols).copyFrom(temp.getRangeByIndexes(0, 0, drawn.rows, drawn.cols), "All");
        await renderLayout(target, plan, this.batch, drawn);
        temp.delete();
      }
      await this.batch.sync();
      this.changed.pop();
    } finally {
      this.batch.beforeSync = null;
    }
    this.changed.push(`written the sheets ${plans.map((p) => `'${p.plan.name}'`).join(", ")}`);
    await this.finishSheets(plans.map((p) => p.plan));
  }

  /**
   * Print settings and sheet protection, in a request of their own once the
   * sheets are in place: if this Excel refuses "one page across, any number
   * down", the sheets get the rest (A4, orientation, the header row on every
   * page) without it. Protection comes last, so nothing is refused for it.
   */
  private async finishSheets(plans: SheetPlan[]): Promise<void> {
    const finished = plans.filter((p) => p.print || p.protection);
    if (!finished.length) return;
    const apply = async (fit: boolean) => {
      for (const p of finished) {
        await this.batch.reserve(CALL_BYTES * 8);
        const ws = this.ctx.workbook.worksheets.getItem(p.name);
        if (p.print) setPrintLayout(ws, p.print, fit && p.print.fitToWidth);
        protect(ws, p);
      }
      await this.batch.sync();
    };
    try {
      await apply(true);
    } catch (e) {
      if ((e as { code?: string }).code !== "InvalidArgument") throw e;
      await apply(false);
    }
  }

  /** This run's temporary sheets, gone. */
  private async dropTemporarySheets(run: number): Promise<void> {
    const all = this.ctx.workbook.worksheets.load("items/name");
    await this.batch.sync();
    const mine = `${TEMP_PREFIX}${run.toString(36)} `;
    for (const s of all.items) if (s.name.startsWith(mine)) s.delete();
    await this.batch.sync();
  }

  /** Names of the sheets that exist now (methods on a missing sheet would fail). */
  private async existing(): Promise<Set<string>> {
    return new Set((await this.sheetList()).map((s) => s.name));
  }

  async deleteSheets(names: string[]): Promise<void> {
    const present = await this.existing();
    const gone = names.filter((n) => present.has(n));
    if (!gone.length) return;
    for (const n of gone) this.ctx.workbook.worksheets.getItem(n).delete();
    await this.batch.sync();
    this.changed.push(`removed the add-in's out-of-date sheets ${gone.map((n) => `'${n}'`).join(", ")}`);
  }

  /**
   * Remove the rules the product added earlier, then add the new ones. A
   * range's rule collection holds every rule that merely intersects it, and
   * a rule's formula reads back relative to the range it was fetched through
   * (office-js #5194), so each sheet's rules are read once, through the whole
   * sheet, with each rule's own range, and only rules matching a recorded
   * formula on the recorded columns are deleted — wherever inserted rows
   * have moved them, and never a council's own rule.
   */
  async formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void> {
    const present = await this.existing();
    const sheets = [...new Set(remove.map((r) => r.sheet))].filter((s) => present.has(s));
    const fetched = sheets.map((sheet) => ({ sheet, cfs: this.ctx.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load("items/type") }));
    if (fetched.length) await this.batch.sync();
    const customs = fetched.flatMap(({ sheet, cfs }) => cfs.items.filter((c) => c.type === "Custom").map((c) => ({
      sheet,
      c,
      rule: c.custom.rule.load("formula"),
      // Every area of the rule, however Excel has split it (ExcelApi 1.9).
      own: c.getRanges().load("address"),
    })));
    if (customs.length) await this.batch.sync();
    for (const { sheet, c, rule, own } of customs) {
      const owned = remove.filter((r) => r.sheet === sheet);
      if (isOwnedRule({ formulaAtA1: rule.formula, areas: addressAreas(own.address) }, owned)) c.delete();
    }
    for (const f of add.filter((x) => present.has(x.sheet))) {
      const ws = this.ctx.workbook.worksheets.getItem(f.sheet);
      for (const cf of f.rules) {
        await this.batch.reserve(CALL_BYTES * 8 + jsonSize(cf));
        addConditionalFormat(ws, cf);
      }
    }
    await this.batch.sync();
    this.changed.push("coloured the status columns of your sheets");
  }

  async updateCells(sheet: string, updates: CellUpdate[]): Promise<KeptFormula[]> {
    const ws = this.ctx.workbook.worksheets.getItem(sheet);
    // A formula is never written over (Range.formulas, ExcelApi 1.1): one request reads the targets' formulas first.
    const targets = updates.map((u) => ws.getRangeByIndexes(u.row, u.col, 1, 1).load("formulas"));
    await this.batch.sync();
    const kept: KeptFormula[] = [];
    for (const [i, u] of updates.entries()) {
      const formula = String(targets[i].formulas[0][0] ?? "");
      if (formula.startsWith("=")) {
        kept.push({ row: u.row, col: u.col, formula });
        continue;
      }
      await this.batch.reserve(jsonSize(u.value) + CALL_BYTES * 3);
      const cell = ws.getRangeByIndexes(u.row, u.col, 1, 1);
      // Text Excel would parse (a code like "0012", "Mar-22", "=x") goes into a Text cell; a date gets a date format.
      const format = formatFor(u.value);
      if (format) cell.numberFormat = [[format]];
      cell.values = [[officeValue(u.value)]];
    }
    await this.batch.sync();
    const written = updates.length - kept.length;
    if (written) this.changed.push(`written ${written} collected value${written === 1 ? "" : "s"} into '${sheet}'`);
    return kept;
  }

  /**
   * The settings are read in blocks of rows, as they are written: a
   * workbook's history can pass Excel on the web's 5 MB response limit, and
   * one read of it all would then fail every later run.
   */
  async readSettings(copy: SettingsCopy = "current"): Promise<string | null> {
    const ws = this.ctx.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEETS[copy]);
    await this.batch.sync();
    // The rule knows only a variable named `context`; Batch.sync() is this adapter's context.sync().
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (ws.isNullObject) return null;
    // Column A only: column B may hold a save that never finished.
    const used = ws.getRange("A:A").getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
    await this.batch.sync();
    if (used.isNullObject) return null;
    // A chunk's characters can double as JSON in the response (every quote escaped).
    const blocks = await readInBlocks(this.batch, [{ sheet: 0, top: used.rowIndex, left: 0, rows: used.rowCount, cols: 1 }], SETTINGS_CHUNK * 2,
      (b) => ws.getRangeByIndexes(b.top, 0, b.rows, 1).load("values"));
    const rows: string[] = [];
    for (const { block, result } of blocks) result.values.forEach((r, i) => (rows[block.top - used.rowIndex + i] = String(r[0] ?? "")));
    return rows.join("") || null;
  }

  /**
   * The settings sheet is kept, never deleted: Excel refuses to delete a very
   * hidden sheet (InvalidOperation). The new text is staged in column B,
   * however many requests that takes, and swapped in by one operation —
   * deleting column A shifts B into its place — so a save that fails
   * part-way leaves the old settings whole.
   */
  async writeSettings(json: string, copy: SettingsCopy = "current"): Promise<void> {
    const sheets = this.ctx.workbook.worksheets;
    const found = sheets.getItemOrNullObject(SETTINGS_SHEETS[copy]);
    await this.batch.sync();
    let ws = found;
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (found.isNullObject) {
      ws = sheets.add(SETTINGS_SHEETS[copy]);
      ws.visibility = "VeryHidden";
    }
    ws.getRange("B:B").clear();
    const chunks = chunkSettings(json);
    for (let i = 0; i < chunks.length;) {
      let n = 0;
      let bytes = 0;
      while (i + n < chunks.length && (n === 0 || bytes + jsonSize(chunks[i + n]) < REQUEST_BUDGET / 2)) bytes += jsonSize(chunks[i + n++]);
      await this.batch.reserve(bytes + CALL_BYTES * 3);
      const range = ws.getRangeByIndexes(i, 1, n, 1);
      range.numberFormat = chunks.slice(i, i + n).map(() => ["@"]);
      range.values = chunks.slice(i, i + n).map((c) => [c]);
      i += n;
    }
    await this.batch.sync();
    ws.getRange("A:A").delete("Left");
    await this.batch.sync();
    this.changed.push("saved the settings and history");
  }
}

function visibilityOf(v: Excel.SheetVisibility | string): SheetInfo["visibility"] {
  return v === "VeryHidden" ? "veryHidden" : v === "Hidden" ? "hidden" : "visible";
}
