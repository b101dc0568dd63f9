/**
 * A corporate workbook and a directorate's return that both carry what
 * councils put on their sheets: a drop-down over the whole sheet
 * (A1:XFD1048576) and a style on each of the 16,384 columns. `collect` must
 * read them through the streaming reader and splice its changes in; a
 * library that expands such ranges cell by cell hangs on them.
 * (No jest globals: the corpus benchmark builds the same files.)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildPackage, priorityRows } from "./xlsx-fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { makeTemplates } from "../../src/workbook/templates";

export const WHOLE_SHEET_LIST = `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"Green,Amber,Red,Complete"</formula1></dataValidation>`;

/** A style on every one of the sheet's 16,384 columns, as one `<col>` each. */
export function everyColumnStyled(): string {
  const cols: string[] = [];
  for (let c = 1; c <= 16_384; c++) cols.push(`<col min="${c}" max="${c}" width="12.5" style="1" customWidth="1"/>`);
  return `<cols>${cols.join("")}</cols>`;
}

export interface HostileCollectCase {
  corporate: Uint8Array;
  /** One directorate's return, with the RAG of its first item changed to `newRag`. */
  ret: Uint8Array;
  returnSheet: string;
  /** The first item's title and its RAG before and after. */
  item: string;
  oldRag: string;
  newRag: string;
}

/**
 * The corporate workbook is a priorities list of `rows` rows. The return is
 * made as a council makes it (the template command's sheet for one
 * directorate, filled in by Excel), then given the same whole-sheet rules.
 */
export async function hostileCollectCase(rows = 20): Promise<HostileCollectCase> {
  const data = priorityRows(rows);
  const sheet = { name: "Priorities", rows: data };
  const corporate = await buildPackage({ sheets: [{ ...sheet, before: everyColumnStyled(), after: `<dataValidations count="1">${WHOLE_SHEET_LIST}</dataValidations>` }], xfs: [0] });

  // The template is made from a plain copy, so the return can be filled in by a library that reads rules cell by cell.
  const plain = await XlsxWorkbook.open(await buildPackage({ sheets: [sheet] }));
  const made = await makeTemplates(plain);
  if (made.error || !made.sheets.length) throw new Error(`no template: ${made.error}`);
  const returnSheet = made.sheets[0].name;
  const filled = new ExcelJS.Workbook();
  await filled.xlsx.load((await plain.save()).data as unknown as ArrayBuffer);
  for (const ws of [...filled.worksheets]) if (ws.name !== returnSheet) filled.removeWorksheet(ws.id);
  const ws = filled.getWorksheet(returnSheet)!;
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(1).value === "Key") header = r;
  });
  const titleCol = (ws.getRow(header).values as unknown[]).indexOf("Title");
  const ragCol = (ws.getRow(header).values as unknown[]).indexOf("RAG");
  const item = String(ws.getCell(header + 1, titleCol).value);
  const oldRag = String(ws.getCell(header + 1, ragCol).value);
  const newRag = oldRag === "Red" ? "Green" : "Red";
  ws.getCell(header + 1, ragCol).value = newRag;
  const zip = await JSZip.loadAsync(await filled.xlsx.writeBuffer());
  const part = Object.keys(zip.files).find((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))!;
  let xml = await zip.file(part)!.async("string");
  xml = xml.replace(/<cols>[\s\S]*?<\/cols>/, "").replace(/(<sheetData)/, `${everyColumnStyled()}$1`);
  xml = xml.replace(/<dataValidations count="(\d+)">/, (_, n: string) => `<dataValidations count="${Number(n) + 1}">${WHOLE_SHEET_LIST}`);
  if (!xml.includes("A1:XFD1048576")) throw new Error("the return sheet has no drop-downs to add to");
  zip.file(part, xml);
  const ret = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { corporate, ret, returnSheet, item, oldRag, newRag };
}
