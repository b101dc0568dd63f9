import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetGrid, SheetPlan } from "../../core";
import { WorkbookPort, SheetInfo, SourceFormat, OwnedRuleRef, SETTINGS_SHEET, chunkSettings, CellUpdate } from "../port";
import { readGrid } from "./read-grid";
import { writePlan, addRules, toXlsxValue } from "./write-plan";
import { inspectPackage, lostParts, PackageParts } from "./parts";
import { splice } from "./splice";
import { repairRewrite } from "./rewrite-fixes";
import { UnsupportedPackage } from "./style-book";

/** A file the product cannot use, with one plain sentence saying why. */
export class WorkbookFileError extends Error {}

/** Guards against zip bombs: a real council workbook is far below these. */
export const LIMITS = { totalUncompressed: 1_500_000_000, singlePart: 600_000_000 };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

async function checkPackage(data: Uint8Array): Promise<JSZip> {
  if (CFB_SIGNATURE.every((b, i) => data[i] === b)) {
    throw new WorkbookFileError("the file is password-protected or an old-style .xls workbook: save it as an unprotected .xlsx workbook and try again");
  }
  if (data[0] !== 0x50 || data[1] !== 0x4b) throw new WorkbookFileError("the file is not an .xlsx workbook");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new WorkbookFileError("the file is damaged or not an .xlsx workbook (its zip structure cannot be read)");
  }
  if (!zip.file("xl/workbook.xml")) throw new WorkbookFileError("the file is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml)");
  let total = 0;
  for (const f of Object.values(zip.files)) {
    // JSZip reads sizes from the central directory without inflating anything.
    const raw = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    // JSZip reads the 32-bit size as signed: a declared 3.9 GB arrives negative and would slip past.
    const size = raw < 0 ? raw + 2 ** 32 : raw;
    total += size;
    if (size > LIMITS.singlePart || total > LIMITS.totalUncompressed) {
      throw new WorkbookFileError(`the file expands to more than ${Math.round((size > LIMITS.singlePart ? LIMITS.singlePart : LIMITS.totalUncompressed) / 1e6)} MB (part ${f.name}), far beyond any real workbook, so it was not opened`);
    }
  }
  return zip;
}

// A faster deflate level: the file is a little larger, the save several times quicker on big workbooks.
const DEFLATE_FAST = { zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } } as const;

/** Whether a rule block on a council sheet is one the product wrote (same range, same formulas). */
function isOwned(block: { ref: string; formulas: string[] }, owned: OwnedRuleRef[]): boolean {
  return owned.some((r) => r.ref === block.ref && r.formulas.length === block.formulas.length && r.formulas.every((f, i) => f === block.formulas[i]));
}

/**
 * The ExcelJS adapter: an .xlsx file in memory, in Node or the browser.
 * ExcelJS reads the cells; on save the product's sheets are spliced into the
 * package as opened (see splice.ts), and only when that cannot be done is the
 * whole workbook re-saved by ExcelJS, with what that loses listed.
 */
export class XlsxWorkbook implements WorkbookPort {
  /** Sheets this session wrote, as plans: they go into the package whole. */
  private readonly written = new Map<string, SheetPlan>();
  private readonly removed = new Set<string>();
  private readonly rules = new Map<string, { add: SourceFormat["rules"]; drop: OwnedRuleRef[] }>();
  /** Cells written into sheets this session did not write (collected returns): spliced into those sheets' parts. */
  private readonly cellEdits = new Map<string, CellUpdate[]>();

  private constructor(readonly wb: ExcelJS.Workbook, private readonly partsBefore: PackageParts, private readonly zip: JSZip | null) {}

  static async open(data: Uint8Array): Promise<XlsxWorkbook> {
    const zip = await checkPackage(data);
    const parts = await inspectPackage(zip);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookFileError(`the workbook could not be read: ${(e as Error).message.split("\n")[0]}`);
    }
    return new XlsxWorkbook(wb, parts, zip);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), { sheets: {}, workbook: {} }, null);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state }));
  }

  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    return this.wb.worksheets.filter((ws) => !names || names.includes(ws.name)).map(readGrid);
  }

  async writeSheets(plans: { plan: SheetPlan; replace: boolean }[]): Promise<void> {
    for (const { plan, replace } of plans) {
      const existing = this.wb.getWorksheet(plan.name);
      if (existing) {
        if (!replace) throw new Error(`refusing to overwrite sheet '${plan.name}', which this product did not create`);
        this.wb.removeWorksheet(existing.id);
      }
      writePlan(this.wb, plan);
      this.written.set(plan.name, plan);
    }
  }

  async deleteSheets(names: string[]): Promise<void> {
    for (const name of names) {
      const ws = this.wb.getWorksheet(name);
      if (ws) this.wb.removeWorksheet(ws.id);
      this.written.delete(name);
      this.removed.add(name);
    }
  }

  async formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void> {
    const entry = (sheet: string) => this.rules.get(sheet) ?? this.rules.set(sheet, { add: [], drop: [] }).get(sheet)!;
    for (const r of remove) {
      const ws = this.wb.getWorksheet(r.sheet);
      if (!ws) continue;
      ws.removeConditionalFormatting((cf: { ref: string; rules: { formulae?: unknown[] }[] }) => !isOwned({ ref: cf.ref, formulas: cf.rules.flatMap((x) => (x.formulae ?? []).map(String)) }, [r]));
      const e = entry(r.sheet);
      e.drop.push(r);
      e.add = e.add.filter((cf) => !isOwned({ ref: cf.ref, formulas: [cf.rule.type === "expression" ? cf.rule.formula : ""] }, [r]));
    }
    for (const f of add) {
      const ws = this.wb.getWorksheet(f.sheet);
      if (!ws) continue;
      // Priorities are unique per sheet: the added rules come after the council's own (a full re-save writes these).
      const existing = (ws as unknown as { conditionalFormattings: { rules: { priority?: number }[] }[] }).conditionalFormattings;
      const taken = Math.max(0, ...existing.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
      addRules(ws, f.rules.map((r, i) => ({ ...r, priority: taken + i + 1 })));
      entry(f.sheet).add.push(...f.rules);
    }
  }

  async updateCells(sheet: string, updates: CellUpdate[]): Promise<void> {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`there is no sheet called '${sheet}'`);
    if (!this.written.has(sheet)) this.cellEdits.set(sheet, [...(this.cellEdits.get(sheet) ?? []), ...updates]);
    for (const u of updates) {
      const cell = ws.getCell(u.row + 1, u.col + 1);
      cell.value = toXlsxValue(u.value);
      if (u.value && typeof u.value === "object" && "date" in u.value) cell.numFmt = "dd/mm/yyyy";
    }
  }

  async readSettings(): Promise<string | null> {
    const ws = this.wb.getWorksheet(SETTINGS_SHEET);
    if (!ws) return null;
    const parts: string[] = [];
    ws.getColumn(1).eachCell((cell) => parts.push(typeof cell.value === "string" ? cell.value : ""));
    return parts.join("") || null;
  }

  async writeSettings(json: string): Promise<void> {
    const existing = this.wb.getWorksheet(SETTINGS_SHEET);
    if (existing) this.wb.removeWorksheet(existing.id);
    const plan: SheetPlan = {
      purpose: "settings", name: SETTINGS_SHEET, cells: chunkSettings(json).map((chunk) => [chunk]), styles: [], columnWidths: [],
      conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [],
    };
    writePlan(this.wb, plan).state = "veryHidden";
    this.written.set(SETTINGS_SHEET, plan);
  }

  /**
   * The file, how it was made, and what it lacks compared with the one opened
   * (charts, pivot tables…), by sheet — checked on the result either way.
   */
  async save(): Promise<{ data: Uint8Array; lost: string[]; method: "spliced" | "rewritten" }> {
    let data: Uint8Array | null = null;
    if (this.zip) {
      try {
        data = await this.spliced(this.zip);
      } catch (e) {
        if (!(e instanceof UnsupportedPackage)) throw e;
      }
    }
    const method = data ? "spliced" : "rewritten";
    data ??= await repairRewrite(new Uint8Array(await this.wb.xlsx.writeBuffer(DEFLATE_FAST as Partial<ExcelJS.XlsxWriteOptions>)), this.zip);
    const after = await inspectPackage(await JSZip.loadAsync(data));
    let lost = lostParts(this.partsBefore, after);
    if (method === "rewritten") {
      // A whole re-save cannot draw the product's own charts: say so once per sheet, in place of the old ones' loss.
      const charted = [...this.written.values()].filter((p) => p.charts?.length);
      lost = lost.filter((line) => !charted.some((p) => line.startsWith(`Sheet '${p.name}': `)));
      for (const p of charted) lost.push(`Sheet '${p.name}': ${p.charts!.length} charts not drawn (the whole file had to be re-saved)`);
    }
    return { data, lost, method };
  }

  /** The package as opened with this session's sheets and colour rules put in; the council's parts untouched. */
  private async spliced(opened: JSZip): Promise<Uint8Array> {
    // Work on a copy so a refusal half-way leaves the opened package intact for a full re-save.
    // Deflated parts are copied as they are, without inflating them.
    const zip = await JSZip.loadAsync(await opened.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const sheets = this.wb.worksheets.filter((ws) => this.written.has(ws.name)).map((ws) => ({ plan: this.written.get(ws.name)!, state: ws.state as "visible" | "hidden" | "veryHidden" }));
    const rules = [...this.rules].map(([sheet, r]) => ({ sheet, add: r.add, drop: (block: { ref: string; formulas: string[] }) => isOwned(block, r.drop) }));
    const cells = [...this.cellEdits].map(([sheet, updates]) => ({ sheet, updates }));
    await splice(zip, { sheets, remove: [...this.removed], rules, cells });
    return zip.generateAsync({ type: "uint8array", ...DEFLATE_FAST.zip } as JSZip.JSZipGeneratorOptions<"uint8array">);
  }
}
