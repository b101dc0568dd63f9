/**
 * Run after run, as a council does every quarter: the settings sheet is very
 * hidden, and Excel refuses to delete a very hidden sheet, so the add-in
 * must keep it and rewrite it. Settings saved from the pane between runs
 * must survive too.
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { updateSettings } from "../../src/workbook/settings-store";
import { SETTINGS_SHEETS, isSettingsSheet } from "../../src/workbook/port";
import { OWN_SHEET_NAME } from "../../src/workbook/own-sheets";
import { explainExcelError } from "../../src/workbook/office/capabilities";
import { parseSettings, serialiseSettings } from "../../src/core";
import { fakeExcelRun, OfficeError } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeFromGrids } from "../fakes/conformance";
import { SAMPLE } from "../helpers/workbooks";

const CAPS = { mergedAreas: true };

async function sample(): Promise<FakeWorkbookState> {
  return fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
}

const stored = (state: FakeWorkbookState) => fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).readSettings());

describe("consecutive runs on the strict fake", () => {
  it("refuses to delete a very hidden sheet, as Excel does", async () => {
    const state = await sample();
    state.addSheet("Hidden store", "VeryHidden");
    const err = await fakeExcelRun(state)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Hidden store").delete();
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toBeInstanceOf(OfficeError);
    expect(err.code).toBe("InvalidOperation");
  });

  it.each([2, 3, 10])("summarises %i times in a row, saving settings and history from the pane between runs", async (runs) => {
    const state = await sample();
    const sheetsBefore = state.sheets.length;
    let outputs = 0;
    let outputNames: string[] = [];
    for (let i = 1; i <= runs; i++) {
      const result = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), { formatSource: true }));
      expect(result.error).toBeUndefined();
      outputs = result.outputSheets.length;
      outputNames = result.outputSheets;
      const afterRun = parseSettings(await stored(state)).settings;
      expect(afterRun).toEqual(result.settings);
      expect(Object.keys(afterRun.history.outcomes ?? afterRun.history[Object.keys(afterRun.history)[0]])).toContain("Q1 2021/22");
      // The pane saves a changed tolerance between runs.
      await fakeExcelRun(state)((ctx) => updateSettings(new OfficeWorkbook(ctx, CAPS), (s) => {
        const id = Object.keys(s.datasets)[0];
        s.datasets[id] = { ...s.datasets[id], tolerance: { kind: "percent", value: i } } as typeof s.datasets[string];
      }));
      const afterSave = parseSettings(await stored(state)).settings;
      expect((afterSave.datasets[Object.keys(afterSave.datasets)[0]] as { tolerance?: unknown }).tolerance).toEqual({ kind: "percent", value: i });
      expect(afterSave.history).toEqual(result.settings.history);
    }
    // The settings and their last good copy, still very hidden, and one of each output sheet.
    expect(state.sheets.filter((s) => isSettingsSheet(s.name)).map((s) => [s.name, s.visibility])).toEqual([
      [SETTINGS_SHEETS.current, "VeryHidden"], [SETTINGS_SHEETS["last-good"], "VeryHidden"],
    ]);
    expect(state.sheets.length).toBe(sheetsBefore + 2 + outputs);
    // Each output sheet carries the add-in's marker, so it is never read as data.
    for (const name of outputNames) expect([...state.sheet(name)!.names.keys()]).toEqual([OWN_SHEET_NAME]);
  }, 600_000);
});

describe("saving settings", () => {
  it("leaves the old settings whole when the save fails part-way", async () => {
    const state = await sample();
    await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).writeSettings(serialiseSettings(parseSettings(null).settings)));
    const before = await stored(state);
    const big = JSON.stringify({ ...parseSettings(null).settings, padding: "x".repeat(200_000) });
    // A small request budget makes the save take several requests; the second one fails.
    state.failOnSync = state.syncs + 3;
    const err = await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS, 100_000).writeSettings(big)).catch((e) => e);
    expect(err.code).toBe("GeneralException");
    state.failOnSync = null;
    expect(await stored(state)).toBe(before);
    // The next save clears the leftover and succeeds.
    await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS, 100_000).writeSettings(big));
    expect(await stored(state)).toBe(big);
  });

  it("says what was already written when saving settings fails after the sheets were written", async () => {
    const state = await sample();
    class FailingSave extends OfficeWorkbook {
      override async writeSettings(json: string): Promise<void> {
        state.failOnSync = state.syncs + 1;
        return super.writeSettings(json);
      }
    }
    let port: OfficeWorkbook | null = null;
    const err = await fakeExcelRun(state)((ctx) => summarise((port = new FailingSave(ctx, CAPS)))).catch((e) => e);
    state.failOnSync = null;
    const message = explainExcelError(err, port!.changed);
    expect(state.sheet("Summary")).toBeDefined();
    expect(message).not.toMatch(/unchanged|Nothing in your workbook was changed/);
    expect(message).toMatch(/already written the sheets 'Summary', 'Commentary'/);
  });

  it("says nothing was changed when nothing was", () => {
    expect(explainExcelError({ code: "GeneralException" }, [])).toMatch(/Nothing in your workbook was changed/);
  });
});
