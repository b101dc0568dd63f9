/**
 * The Office adapter within Excel's limits and alongside the person using
 * Excel: reads Excel on the web refuses as too large are sent again in
 * smaller blocks, settings larger than one response are read in blocks,
 * charts and print settings are drawn, another run's temporary sheets are
 * left alone, a run waits while a cell is being edited, and the undo stack
 * is cleared (which the pane says before a run).
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook, isLeftover } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { explainExcelError } from "../../src/workbook/office/capabilities";
import { fakeExcelRun, REQUEST_LIMIT } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeFromGrids } from "../fakes/conformance";
import { fakeFromXlsx } from "../fakes/load-xlsx";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";
import { SAMPLE, SIXTEEN_QUARTERS } from "../helpers/workbooks";

const CAPS = { mergedAreas: true };
const within = (state: FakeWorkbookState) => state.requests.filter((r) => r.bytes > REQUEST_LIMIT || r.responseBytes > REQUEST_LIMIT).length;

describe("a text-heavy workbook on Excel on the web", () => {
  it("about 5.2 MB of commentary over ten sheets: a read refused as too large is sent again in smaller blocks, and gives the file's grids", async () => {
    const note = (s: number, i: number) => `Sheet ${s} row ${i}: ${"commentary a performance officer writes at length about progress this quarter. ".repeat(5)}`;
    const sheets = Array.from({ length: 10 }, (_, s) => ({
      name: `Commentary ${s + 1}`,
      rows: [["Ref", "Commentary", "Owner"] as Value[], ...Array.from({ length: 1_250 }, (_, i): Value[] => [`C${i + 1}`, note(s, i), ["Finance", "Housing"][i % 2]])],
    }));
    const data = await buildPackage({ sheets });
    const state = await fakeFromXlsx(data);
    const grids = await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).readSheets());
    const file = await (await XlsxWorkbook.open(data)).readSheets();
    expect(grids.map((g) => g.rows)).toEqual(file.map((g) => g.rows));
    const refusedOnce = state.requests.filter((r) => r.responseBytes > REQUEST_LIMIT).length;
    expect(refusedOnce).toBeGreaterThan(0);
    // Every request after the refusals fitted: the read finished.
    expect(state.requests[state.requests.length - 1].responseBytes).toBeLessThanOrEqual(REQUEST_LIMIT);
  }, 120_000);
});

describe("settings past Excel on the web's 5 MB response", () => {
  it("are written in several requests and read back whole, in blocks", async () => {
    const state = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["x"]] }]);
    // History as JSON text, with its quotes: escaped again in a response, each becomes two characters.
    const json = JSON.stringify({ version: 1, history: Array.from({ length: 60_000 }, (_, i) => ({ id: `KPI ${i}`, period: "Q1 2021/22", status: "Green", note: "n".repeat(40) })) });
    expect(json.length).toBeGreaterThan(5_500_000);
    await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).writeSettings(json));
    const before = state.requests.length;
    const back = await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).readSettings());
    expect(back).toBe(json);
    expect(within(state)).toBe(0);
    expect(state.requests.length - before).toBeGreaterThan(3);
  }, 120_000);
});

/** Indicators with sixteen quarters (SPC) and one Red Red item, in a workbook of their own. */
function spcWorkbook(): FakeWorkbookState {
  const rows: (string | number)[][] = [["Code", "Indicator", "Polarity", "Target", ...SIXTEEN_QUARTERS]];
  rows.push(["KPI1", "Homes built", "Maximise", 50, ...SIXTEEN_QUARTERS.map((_, i) => 40 + ((i * 7) % 11))]);
  rows.push(["KPI2", "Missed bins per 100k", "Minimise", 30, ...SIXTEEN_QUARTERS.map((_, i) => 28 + ((i * 5) % 9) + (i > 12 ? 10 : 0))]);
  return FakeWorkbookState.fromGrids([{ name: "KPIs", rows }]);
}

describe("charts and print settings through Office.js", () => {
  it("draws each indicator's chart from its table, with the plan's series, and sets A4, landscape, one page across and the header row on every page", async () => {
    const state = spcWorkbook();
    const run = await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    expect(run.outputSheets).toContain("Indicator charts");
    const sheet = state.sheet("Indicator charts")!;
    expect(sheet.charts.length).toBe(2);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ type: "LineMarkers", title: "KPI1 Homes built", seriesBy: "Columns" });
    expect(chart.series.map((s) => s.name).slice(0, 5)).toEqual(["Value", "Target", "Mean", "Upper process limit", "Lower process limit"]);
    expect(chart.series[0]).toMatchObject({ line: { color: "#595959", style: "Continuous" }, marker: { style: "Circle" } });
    expect(chart.series[1].line).toEqual({ color: "#C00000", style: "Dash" });
    // The categories are the period labels beside the values.
    const top = Number(/\d+/.exec(chart.source)![0]) - 1;
    expect(sheet.peek(top + 1, 0)!.value).toBe(SIXTEEN_QUARTERS[0]);
    for (const name of run.outputSheets) {
      expect({ name, layout: state.sheet(name)!.pageLayout }).toMatchObject({ name, layout: { paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } } });
    }
    expect(state.sheet("Indicator results")!.pageLayout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
  });

  it("redraws the charts on a second run rather than adding to them", async () => {
    const state = spcWorkbook();
    for (let i = 0; i < 2; i++) await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    expect(state.sheet("Indicator charts")!.charts.length).toBe(2);
  });

  it("where Excel refuses 'one page across, any number down', the sheets still get A4, orientation and their header rows", async () => {
    const state = spcWorkbook();
    state.refuseFitToZeroPages = true;
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    expect(state.sheet("Indicator results")!.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: expect.stringMatching(/^\$\d+:\$\d+$/) });
    expect(state.sheet("Indicator results")!.pageLayout.zoom).toBeUndefined();
  });
});

describe("two runs at once (the ribbon's and the pane's, or two co-authors')", () => {
  it("leave each other's temporary sheets alone; a leftover from an interrupted run over an hour ago is removed", async () => {
    const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
    const now = Date.now();
    const live = `~cpe ${(now - 60_000).toString(36)} 0`;
    const old = `~cpe ${(now - 2 * 3_600_000).toString(36)} 0`;
    state.addSheet(live);
    state.addSheet(old);
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    const names = state.sheets.map((s) => s.name);
    expect(names).toContain(live);
    expect(names).not.toContain(old);
    expect(names.filter((n) => n.startsWith("~cpe ") && n !== live)).toEqual([]);
    expect(isLeftover(live, now)).toBe(false);
    expect(isLeftover("~cpe garbled", now)).toBe(true);
  });
});

describe("the person at the keyboard", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("a run started while a cell is being edited waits for the edit to finish, then runs", async () => {
    const state = spcWorkbook();
    state.editingCell = true;
    Object.assign(globalThis, { Excel: { run: fakeExcelRun(state) }, Office: { context: { requirements: { isSetSupported: (s: string, v: string) => state.isSetSupported(s, v) } } } });
    const { withExcelWorkbook } = await import("../../src/workbook/office/excel-run");
    await withExcelWorkbook((port) => summarise(port, {}));
    expect(state.delayedForCellEdit).toBe(1);
    expect(state.sheet("Summary")).toBeDefined();
  });

  it("Excel's refusals while a cell is edited are explained, whichever of its two codes it gives", () => {
    for (const code of ["InvalidOperationInCellEditMode", "InvalidOperation"]) {
      expect(explainExcelError({ code }, [])).toMatch(/press Enter or Esc/i);
    }
  });

  it("a run clears Excel's undo stack (it names and deletes its temporary sheets), so the pane says so before a run", async () => {
    const state = spcWorkbook();
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    expect(state.undoCleared).toContain("Worksheet.name");
    state.platform = "web";
    state.undoCleared = [];
    await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), {}));
    expect(state.undoCleared).toContain("Worksheet.delete");
    const { RUN_CLEARS_UNDO } = await import("../../src/taskpane/messages");
    expect(RUN_CLEARS_UNDO).toMatch(/cannot be undone with Ctrl\+Z/);
  });
});

describe("drop-downs whose labels are descriptions", () => {
  it("keep their error message within Excel's 225 characters, so Excel takes the template", async () => {
    const { updateSettings } = await import("../../src/workbook/settings-store");
    const { makeTemplates } = await import("../../src/workbook/templates");
    const { DEFAULT_MATRIX } = await import("../../src/core");
    const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
    const described = (words: string[]) => words.map((w, i) => `${i + 1} - ${w}: judged against the council's own risk appetite statement`);
    const matrix = { ...DEFAULT_MATRIX, likelihoodLabels: described(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]), impactLabels: described(["Insignificant", "Minor", "Moderate", "Major", "Extreme"]) };
    await fakeExcelRun(state)((ctx) => updateSettings(new OfficeWorkbook(ctx, CAPS), (s) => void (s.riskMatrix = matrix)));
    await fakeExcelRun(state)((ctx) => makeTemplates(new OfficeWorkbook(ctx, CAPS)));
    const rules = state.sheet("Strategic risks return")!.validations;
    const alerts = rules.map((v) => v.errorAlert as { title: string; message: string }).filter(Boolean);
    expect(alerts.length).toBe(2);
    for (const a of alerts) {
      expect(a.message.length).toBeLessThanOrEqual(225);
      expect(a.title.length).toBeLessThanOrEqual(32);
    }
    expect(alerts[0].message).toBe("Choose one from the drop-down list.");
  });
});
