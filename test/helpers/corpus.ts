/**
 * The named hostile workbooks of the corpus check: each is a shape that made
 * the old reader hang, run out of memory or answer in a library's words.
 * Built by the corpus test and the corpus benchmark alike.
 */
import { buildPackage, priorityRows, declareSize, bigSheetPackage, Value } from "./xlsx-fixtures";

export interface CorpusFile {
  name: string;
  data: Uint8Array;
}

const listRule = (sqref: string) =>
  `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>"Green,Amber,Red,Complete"</formula1></dataValidation>`;

export async function corpus(): Promise<CorpusFile[]> {
  const rows = priorityRows(20);
  const merges: string[] = [];
  for (let i = 0; i < 5_000; i++) merges.push(`<mergeCell ref="F${i + 1}:G${i + 1}"/>`);
  const cols: string[] = [];
  for (let c = 1; c <= 16_384; c++) cols.push(`<col min="${c}" max="${c}" width="12.5" style="1" customWidth="1"/>`);
  const wide: [number, number, Value][] = [];
  const sparse: Value[][] = [];
  for (let r = 0; r < 8_000; r++) {
    sparse.push([`item ${r}`]);
    wide.push([r, 16_383, `note ${r}`]);
  }
  // A council's list in A:D with a note on each row in the sheet's last column (XFD).
  const noted = priorityRows(8_000);
  const notes: [number, number, Value][] = noted.map((_, r) => [r, 16_383, r ? `note on row ${r + 1}` : "Notes"]);
  return [
    { name: "whole-sheet validation", data: await buildPackage({ sheets: [{ name: "Priorities", rows, after: `<dataValidations count="1">${listRule("A1:XFD1048576")}</dataValidations>` }] }) },
    {
      name: "drop-downs on five whole columns",
      data: await buildPackage({ sheets: [{ name: "Risk register", rows: priorityRows(2), after: `<dataValidations count="1">${listRule("D:H")}</dataValidations>` }] }),
    },
    { name: "16,384 column styles", data: await buildPackage({ sheets: [{ name: "Priorities", rows, before: `<cols>${cols.join("")}</cols>` }], xfs: [0] }) },
    { name: "5,000 merged ranges", data: await buildPackage({ sheets: [{ name: "Priorities", rows, after: `<mergeCells count="5000">${merges.join("")}</mergeCells>` }] }) },
    { name: "prefixed SpreadsheetML", data: await buildPackage({ prefix: "x", sheets: [{ name: "Priorities", rows }] }) },
    { name: "Strict Open XML", data: await buildPackage({ strict: true, sheets: [{ name: "Priorities", rows }] }) },
    { name: "rows and cells without r", data: await buildPackage({ sheets: [{ name: "Priorities", rows, refs: false }] }) },
    { name: "inline strings", data: await buildPackage({ sheets: [{ name: "Priorities", rows, strings: "inline" }] }) },
    { name: "Sheet1.xml part names", data: await buildPackage({ sheets: [{ name: "Priorities", rows }], sheetEntry: (i) => `xl/worksheets/Sheet${i + 1}.xml` }) },
    { name: "values in A and XFD over 8,000 rows", data: await buildPackage({ sheets: [{ name: "Notes", rows: sparse, far: wide }] }) },
    { name: "a list in A:D with a note in XFD on each of 8,000 rows", data: await buildPackage({ sheets: [{ name: "Priorities", rows: noted, far: notes }] }) },
    { name: "declares 2,000 bytes, inflates to 60 MB", data: declareSize(await bigSheetPackage(600_000), "xl/worksheets/sheet1.xml", 2_000) },
  ];
}
