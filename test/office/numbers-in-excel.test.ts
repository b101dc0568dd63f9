/**
 * Inside Excel too, the output's numbers are numbers with number formats:
 * the Office adapter on the strict fake writes the Red Red figures, shares
 * and standards as numbers, and icons only on RAG rows.
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromGrids, normaliseFake } from "../fakes/conformance";
import { SAMPLE } from "../helpers/workbooks";

describe("numbers written through Office.js", () => {
  let values: (name: string) => unknown[][];
  let formats: (name: string) => Record<string, { numberFormat?: string }>;
  let rules: (name: string) => { ref: string; formula: string }[];

  beforeAll(async () => {
    const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, { mergedAreas: true }), {}));
    values = (name) => normaliseFake(state, name).values as unknown[][];
    formats = (name) => normaliseFake(state, name).formats;
    rules = (name) => normaliseFake(state, name).rules;
  });

  it("writes the Red Red value, target and previous value as numbers with their formats", () => {
    const rows = values("Exceptions");
    const r = rows.findIndex((row) => String(row[0]).startsWith("SP-20 "));
    expect([2, 3, 5].map((c) => rows[r][c])).toEqual([55.07, 43.6, 44.1]);
    expect([2, 3, 5].map((c) => formats("Exceptions")[`${r},${c}`]?.numberFormat)).toEqual(["0.00", "0.0", "0.0"]);
  });

  it("writes the expected standard as a percentage and a zero share as the number 0", () => {
    const rows = values("Summary");
    const green = rows.find((row) => row[0] === "Number (%) GREEN" && row[1] === "15/24 (62.5%)")!;
    expect(green[3]).toBe(0.75);
    const amber = rows.find((row) => row[0] === "Number (%) AMBER" && row[3] === "N/A" && row[1] === 0);
    expect(amber).toBeDefined();
  });

  it("puts icon rules only on rows whose status code is a RAG judgement", () => {
    const rows = values("Indicator results");
    const icons = rules("Indicator results").filter((r) => r.formula.startsWith("IconSet:"));
    expect(icons.length).toBeGreaterThan(0);
    for (const { ref } of icons) {
      const [, from, to] = /^H(\d+):H(\d+)$/.exec(ref)!;
      for (let r = Number(from); r <= Number(to); r++) expect(rows[r - 1][7]).toBeGreaterThanOrEqual(1);
    }
    expect(rows.filter((row) => row[6] === "Data only")).toHaveLength(6);
  });
});
