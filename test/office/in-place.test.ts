/**
 * A council links to the output: a cover sheet says ='Summary'!B3, a chart
 * reads the Indicator results. Re-running must keep each output sheet —
 * its name, its place among the tabs, and so every reference to it — while
 * a run that fails still leaves the last output as it was.
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeFromGrids, normaliseFake } from "../fakes/conformance";
import { SAMPLE } from "../helpers/workbooks";

const CAPS = { mergedAreas: true };

async function sampleRunOnce(): Promise<FakeWorkbookState> {
  const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
  await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS)));
  // The council adds a cover sheet whose formulas point at two output sheets.
  const cover = state.addSheet("Cover");
  cover.cell(0, 0).formula = "='Summary'!A1";
  cover.cell(1, 0).formula = "='Risk heat map'!B3+'Indicator results'!A2";
  return state;
}

const order = (state: FakeWorkbookState) => state.sheets.map((s) => s.name);

describe("re-running over the add-in's own sheets", () => {
  it("keeps each output sheet, its tab position and formulas pointing at it", async () => {
    const state = await sampleRunOnce();
    const before = order(state);
    const ids = state.sheets.map((s) => s.id);
    const summaryBefore = normaliseFake(state, "Summary");
    const breaks = () => state.sheets.map((s) => ({ sheet: s.name, rowBreaks: s.rowBreaks }));
    const breaksBefore = breaks();
    expect(state.sheet("Summary")!.rowBreaks.length).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS)));
    // The same page breaks, not the same ones twice over.
    expect(breaks()).toEqual(breaksBefore);
    expect(order(state)).toEqual(before);
    expect(state.sheets.map((s) => s.id)).toEqual(ids);
    const cover = state.sheet("Cover")!;
    expect([cover.peek(0, 0)!.formula, cover.peek(0, 0)!.error]).toEqual(["='Summary'!A1", undefined]);
    expect([cover.peek(1, 0)!.formula, cover.peek(1, 0)!.error]).toEqual(["='Risk heat map'!B3+'Indicator results'!A2", undefined]);
    // Redrawn, not added to: the same cells, formats and rules as the first run drew; only the line saying what the
    // run did with the stored quarter differs (stored first, then found the same).
    const summaryAfter = normaliseFake(state, "Summary");
    expect(String((summaryBefore.values as unknown[][])[2][0])).toMatch(/^Q1 2021\/22: results stored today/);
    expect(String((summaryAfter.values as unknown[][])[2][0])).toMatch(/^Q1 2021\/22: results as stored on \d\d\/\d\d\/\d{4}; this run gives the same\.$/);
    const statementLess = (n: typeof summaryBefore) => ({ ...n, values: (n.values as unknown[][]).filter((_, i) => i !== 2) });
    expect(statementLess(summaryAfter)).toEqual(statementLess(summaryBefore));
  });

  it("is what the fake catches: deleting an output sheet breaks the cover sheet's formula", async () => {
    const state = await sampleRunOnce();
    await fakeExcelRun(state)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Summary").delete();
      await ctx.sync();
    });
    expect(state.sheet("Cover")!.peek(0, 0)).toMatchObject({ formula: "=#REF!A1", error: "#REF!" });
  });

  it("leaves the last output whole when a re-run fails while drawing", async () => {
    const state = await sampleRunOnce();
    const before = new Map(state.sheets.map((s) => [s.name, normaliseFake(state, s.name)]));
    class FailingMidWrite extends OfficeWorkbook {
      override async writeSheets(plans: Parameters<OfficeWorkbook["writeSheets"]>[0]): Promise<void> {
        state.failOnSync = state.syncs + 2;
        return super.writeSheets(plans);
      }
    }
    const err = await fakeExcelRun(state)((ctx) => summarise(new FailingMidWrite(ctx, CAPS))).catch((e) => e);
    state.failOnSync = null;
    expect(err.code).toBe("GeneralException");
    expect(order(state)).toEqual([...before.keys()]);
    for (const [name, sheet] of before) expect({ name, sheet: normaliseFake(state, name) }).toEqual({ name, sheet });
  });

  it("redraws protected return sheets in place on the next templates run", async () => {
    const state = await sampleRunOnce();
    const { makeTemplates } = await import("../../src/workbook/templates");
    await fakeExcelRun(state)((ctx) => makeTemplates(new OfficeWorkbook(ctx, CAPS), { directorate: "Finance" }));
    const before = order(state);
    const first = normaliseFake(state, "Finance Directorate priorities");
    await fakeExcelRun(state)((ctx) => makeTemplates(new OfficeWorkbook(ctx, CAPS), { directorate: "Finance" }));
    expect(order(state)).toEqual(before);
    expect(normaliseFake(state, "Finance Directorate priorities")).toEqual(first);
    const ws = state.sheet("Finance Directorate priorities")!;
    expect(ws.protected).toBe(true);
    expect(ws.validations.map((v) => v.ref)).toEqual(["D8:D36", "C8:C36"]);
  });
});

describe("a workbook whose structure is protected", () => {
  it("is explained before anything is written", async () => {
    const state = await sampleRunOnce();
    state.structureProtected = true;
    const before = order(state);
    const err = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS))).catch((e) => e);
    expect(err.message).toMatch(/structure is protected \(Review > Protect Workbook\).*Unprotect it for the run/);
    expect(order(state)).toEqual(before);
  });
});

describe("a failure while the new sheets are put in place", () => {
  it("says they may be part-updated and to run again, never that nothing changed", async () => {
    const state = await sampleRunOnce();
    const { explainExcelError } = await import("../../src/workbook/office/capabilities");
    class FailingSwap extends OfficeWorkbook {
      constructor(ctx: Excel.RequestContext) {
        super(ctx, CAPS);
        const send = this.batch.sync.bind(this.batch);
        this.batch.sync = async () => {
          if (this.changed.some((c) => c.startsWith("started putting"))) throw Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
          return send();
        };
      }
    }
    let port: OfficeWorkbook | null = null;
    const err = await fakeExcelRun(state)((ctx) => summarise((port = new FailingSwap(ctx)))).catch((e) => e);
    expect(explainExcelError(err, port!.changed)).toMatch(/already started putting the new summary sheets in place \(run again to complete them\)/);
  });
});
