import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetGrid, SheetPlan } from "../../core";
import { WorkbookPort, SheetInfo, SourceFormat, OwnedRuleRef, SETTINGS_SHEET, chunkSettings, CellUpdate } from "../port";
import { readGrid } from "./read-grid";
import { writePlan, toXlsxRule, toXlsxValue } from "./write-plan";
import { inspectPackage, lostParts, PackageParts } from "./parts";

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

/** The ExcelJS adapter: an .xlsx file in memory, in Node or the browser. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly wb: ExcelJS.Workbook, private readonly partsBefore: PackageParts) {}

  static async open(data: Uint8Array): Promise<XlsxWorkbook> {
    const zip = await checkPackage(data);
    const parts = await inspectPackage(zip);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookFileError(`the workbook could not be read: ${(e as Error).message.split("\n")[0]}`);
    }
    return new XlsxWorkbook(wb, parts);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), { sheets: {}, workbook: {} });
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
    }
  }

  async deleteSheets(names: string[]): Promise<void> {
    for (const name of names) {
      const ws = this.wb.getWorksheet(name);
      if (ws) this.wb.removeWorksheet(ws.id);
    }
  }

  async formatSourceSheets(add: SourceFormat[], remove: OwnedRuleRef[]): Promise<void> {
    for (const r of remove) {
      const ws = this.wb.getWorksheet(r.sheet);
      if (!ws) continue;
      ws.removeConditionalFormatting((cf: { ref: string; rules: { formulae?: unknown[] }[] }) => {
        const formulas = cf.rules.flatMap((x) => (x.formulae ?? []).map(String));
        const ours = cf.ref === r.ref && formulas.length === r.formulas.length && formulas.every((f, i) => f === r.formulas[i]);
        return !ours;
      });
    }
    for (const f of add) {
      const ws = this.wb.getWorksheet(f.sheet);
      if (!ws) continue;
      const byRef = new Map<string, ReturnType<typeof toXlsxRule>[]>();
      for (const cf of f.rules) byRef.set(cf.ref, [...(byRef.get(cf.ref) ?? []), toXlsxRule(cf)]);
      for (const [ref, rules] of byRef) ws.addConditionalFormatting({ ref, rules });
    }
  }

  async updateCells(sheet: string, updates: CellUpdate[]): Promise<void> {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`there is no sheet called '${sheet}'`);
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
    const ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    chunkSettings(json).forEach((chunk, i) => (ws.getCell(i + 1, 1).value = chunk));
  }

  /** The file, and what it lacks compared with the one opened (charts, pivot tables…), by sheet. */
  async save(): Promise<{ data: Uint8Array; lost: string[] }> {
    // A faster deflate level: the file is a little larger, the save several times quicker on big workbooks.
    const options = { zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
    const data = new Uint8Array(await this.wb.xlsx.writeBuffer(options));
    const after = await inspectPackage(await JSZip.loadAsync(data));
    return { data, lost: lostParts(this.partsBefore, after) };
  }
}
