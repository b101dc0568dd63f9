/**
 * The Office adapter against the strict fake, and the conformance of both
 * adapters: the same input and plans give the same values, rules, links and
 * settings in the fake Excel as in the .xlsx file.
 */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise, SummariseResult } from "../../src/workbook/summarise";
import { SETTINGS_SHEET } from "../../src/workbook/port";
import { explainExcelError } from "../../src/workbook/office/capabilities";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeFromGrids, normaliseFake, normaliseXlsx } from "../fakes/conformance";
import { SAMPLE, internalLinks } from "../helpers/workbooks";

const CAPS = { mergedAreas: true };

async function sampleBoth(): Promise<{ xlsx: XlsxWorkbook; state: FakeWorkbookState }> {
  const data = new Uint8Array(readFileSync(SAMPLE));
  const xlsx = await XlsxWorkbook.open(data);
  const state = fakeFromGrids(await (await XlsxWorkbook.open(data)).readSheets());
  return { xlsx, state };
}

describe("the Office adapter on the strict fake", () => {
  let state: FakeWorkbookState;
  let office: SummariseResult;
  let file: SummariseResult;
  let wb: ExcelJS.Workbook;
  let data: Uint8Array;
  let inputBefore: Map<string, unknown[][]>;

  beforeAll(async () => {
    const both = await sampleBoth();
    state = both.state;
    inputBefore = new Map(state.sheets.map((s) => [s.name, s.values()]));
    office = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), { formatSource: true }));
    file = await summarise(both.xlsx, { formatSource: true });
    wb = new ExcelJS.Workbook();
    data = (await both.xlsx.save()).data;
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  });

  it("reports the same figures and issues as the file path", () => {
    expect(office.json).toEqual(file.json);
    expect(office.json.datasets.find((d) => d.sheet === "Outcomes")!.standard).toEqual({ expected: 75, percent: 62.5, achieved: false });
  });

  it("writes every output sheet with the same values, formats, rules and links as the .xlsx adapter", async () => {
    for (const name of office.outputSheets) {
      const a = normaliseFake(state, name);
      const b = normaliseXlsx(wb, name, await internalLinks(data, name));
      expect({ name, values: a.values }).toEqual({ name, values: b.values });
      expect({ name, formats: a.formats }).toEqual({ name, formats: b.formats });
      expect(Object.keys(a.formats).length).toBeGreaterThan(0);
      expect({ name, rules: a.rules }).toEqual({ name, rules: b.rules });
      expect({ name, links: a.links }).toEqual({ name, links: b.links });
    }
  });

  it("colours the source sheets with the same rules, and changes none of their values", () => {
    for (const [name, values] of inputBefore) expect(state.sheet(name)!.values()).toEqual(values);
    expect(normaliseFake(state, "Directorate priorities").rules).toEqual(normaliseXlsx(wb, "Directorate priorities").rules);
    expect(normaliseFake(state, "Directorate priorities").rules.length).toBe(4);
  });

  it("keeps the same settings in a very hidden sheet", () => {
    expect(normaliseFake(state, SETTINGS_SHEET).visibility).toBe("VeryHidden");
    const fromFake = JSON.parse(normaliseFake(state, SETTINGS_SHEET).values.map((r) => r[0]).join(""));
    const fromFile = JSON.parse(normaliseXlsx(wb, SETTINGS_SHEET).values.map((r) => r[0]).join(""));
    expect(fromFake).toEqual(fromFile);
  });

  it("never writes a formula, and leaves no temporary sheet behind", () => {
    for (const s of state.sheets) for (const c of s.cells.values()) expect(c.formula).toBeUndefined();
    expect(state.sheets.filter((s) => s.name.startsWith("~cpe"))).toEqual([]);
  });

  it("suspends calculation and screen updating while writing", () => {
    expect(state.calculationSuspensions).toBeGreaterThan(0);
    expect(state.screenSuspensions).toBeGreaterThan(0);
  });

  it("reads its own settings back on the next run and replaces its sheets in place", async () => {
    const before = state.sheets.map((s) => s.name);
    const again = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), { formatSource: true }));
    expect(again.outputSheets).toEqual(office.outputSheets);
    expect([...state.sheets.map((s) => s.name)].sort()).toEqual([...before].sort());
    expect(normaliseFake(state, "Directorate priorities").rules.length).toBe(4);
    // The same sheets, but for the Summary's line on the stored quarter: the file's run stored it, this one found it the same.
    const withoutStatement = (name: string, v: unknown[][]) => (name === "Summary" ? v.filter((_, i) => i !== 2) : v);
    expect(String((normaliseFake(state, "Summary").values as unknown[][])[2][0])).toMatch(/results as stored on .*; this run gives the same\.$/);
    for (const name of office.outputSheets) {
      expect(withoutStatement(name, normaliseFake(state, name).values as unknown[][])).toEqual(withoutStatement(name, normaliseXlsx(wb, name).values as unknown[][]));
    }
  });
});

describe("when Excel fails part-way", () => {
  it("drops the half-drawn sheets, so no output sheet is half-written", async () => {
    const { state } = await sampleBoth();
    const before = new Map(state.sheets.map((s) => [s.name, s.values()]));
    class FailingMidWrite extends OfficeWorkbook {
      override async writeSheets(plans: Parameters<OfficeWorkbook["writeSheets"]>[0]): Promise<void> {
        state.failOnSync = state.syncs + 2; // after the first sheets are drawn, before the swap
        return super.writeSheets(plans);
      }
    }
    const err = await fakeExcelRun(state)((ctx) => summarise(new FailingMidWrite(ctx, CAPS))).then(() => null, (e) => e);
    expect(err?.code).toBe("GeneralException");
    expect(explainExcelError(err)).toMatch(/Nothing in your workbook was changed/);
    expect(state.sheets.map((s) => s.name)).toEqual([...before.keys()]);
    for (const s of state.sheets) expect(s.values()).toEqual(before.get(s.name));
  });

  it("explains a protected sheet in plain words", async () => {
    const { state } = await sampleBoth();
    state.sheet("Directorate priorities")!.protected = true;
    const err = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), { formatSource: true })).then(() => null, (e) => e);
    expect(err?.code).toBe("AccessDenied");
    expect(explainExcelError(err)).toMatch(/protected.*Unprotect/);
  });
});

describe("templates through the Office adapter", () => {
  it("draws the same return sheets with validation, unlocked inputs, formulas and protection", async () => {
    const { state } = await sampleBoth();
    const { makeTemplates } = await import("../../src/workbook/templates");
    const result = await fakeExcelRun(state)((ctx) => makeTemplates(new OfficeWorkbook(ctx, CAPS), { directorate: "Finance" }));
    expect(result.sheets.map((s) => s.name)).toEqual(["Finance Directorate priorities", "Finance Workplan", "Finance Executive actions"]);
    const ws = state.sheet("Finance Directorate priorities")!;
    expect(ws.protection).toEqual({ password: undefined });
    expect(ws.validations.map((v) => [v.ref, Object.keys(v.rule as object)[0]])).toEqual([["D8:D36", "list"], ["C8:C36", "date"]]);
    expect(ws.peek(7, 3)!.format.locked).toBe(false);
    expect(ws.peek(7, 1)!.format.locked).toBeUndefined();
    expect(ws.hiddenColumns.has(0)).toBe(true);
    expect(ws.peek(0, 0)!.value).toBe("CPE-TEMPLATE v2");
    expect(ws.hiddenColumns.has(6)).toBe(true);
  });

  it("writes the risk score as a formula, and user text never as one", async () => {
    const { state } = await sampleBoth();
    const { makeTemplates } = await import("../../src/workbook/templates");
    await fakeExcelRun(state)((ctx) => makeTemplates(new OfficeWorkbook(ctx, CAPS)));
    const ws = state.sheet("Strategic risks return")!;
    expect(ws.peek(7, 4)!.formula).toMatch(/^=IFERROR\(MATCH\(C8,/);
    const formulas = [...ws.cells.values()].filter((c) => c.formula).length;
    expect(formulas).toBe(35 + 5); // one per risk and per blank row, nothing else
  });
});
