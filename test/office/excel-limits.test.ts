/**
 * The Office adapter within Excel's limits and alongside the person using
 * Excel: reads Excel on the web refuses as too large are sent again in
 * smaller blocks, settings larger than one response are read in blocks,
 * charts, their icons, page breaks and print settings are drawn (and drawn
 * afresh, not added to, by the next run), another run's temporary sheets are
 * left alone, a run waits while a cell is being edited, and the undo stack
 * is cleared (which the pane says before a run).
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook, isLeftover } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { explainExcelError } from "../../src/workbook/office/capabilities";
import { fakeExcelRun, REQUEST_LIMIT } from "../fakes/excel-fake";
import { FakeWorkbookState, FakeSheet, FakeShape } from "../fakes/excel-state";
import { fakeFromGrids } from "../fakes/conformance";
import { fakeFromXlsx } from "../fakes/load-xlsx";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";
import { SAMPLE, SIXTEEN_QUARTERS } from "../helpers/workbooks";
import { SheetPlan, ICON_NAME, columnPoints, parseRange, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "../../src/core";

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

/** Indicators with sixteen quarters (SPC) and one Red Red item, in a workbook of their own; `more` adds indicators with SPC. */
function spcWorkbook(more = 0): FakeWorkbookState {
  const rows: (string | number)[][] = [["Code", "Indicator", "Polarity", "Target", ...SIXTEEN_QUARTERS]];
  rows.push(["KPI1", "Homes built", "Maximise", 50, ...SIXTEEN_QUARTERS.map((_, i) => 40 + ((i * 7) % 11))]);
  rows.push(["KPI2", "Missed bins per 100k", "Minimise", 30, ...SIXTEEN_QUARTERS.map((_, i) => 28 + ((i * 5) % 9) + (i > 12 ? 10 : 0))]);
  for (let k = 3; k < 3 + more; k++) rows.push([`KPI${k}`, `Measure ${k}`, "Maximise", 50, ...SIXTEEN_QUARTERS.map((_, i) => 40 + ((i * k) % 11))]);
  return FakeWorkbookState.fromGrids([{ name: "KPIs", rows }]);
}

/** A run through the Office host that keeps the sheet plans it was given to draw. */
async function planned(state: FakeWorkbookState): Promise<Map<string, SheetPlan>> {
  const plans = new Map<string, SheetPlan>();
  class Recording extends OfficeWorkbook {
    override async writeSheets(list: Parameters<OfficeWorkbook["writeSheets"]>[0]): Promise<void> {
      for (const { plan } of list) plans.set(plan.name, plan);
      return super.writeSheets(list);
    }
  }
  const run = await fakeExcelRun(state)((ctx) => summarise(new Recording(ctx, CAPS), {}));
  expect(run.error).toBeUndefined();
  return plans;
}

/** Where a chart lies on its sheet, in points, from the sheet's own column widths and row heights. */
function chartArea(sheet: FakeSheet, position: { start: string; end?: string }): { left: number; top: number; right: number; bottom: number } {
  const from = parseRange(position.start)!;
  const to = parseRange(position.end ?? position.start)!;
  const x = (col: number) => Array.from({ length: col }, (_, c) => (sheet.hiddenColumns.has(c) ? 0 : sheet.columnWidths.get(c) ?? columnPoints(DEFAULT_COLUMN_WIDTH))).reduce((a, b) => a + b, 0);
  const y = (row: number) => Array.from({ length: row }, (_, r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT).reduce((a, b) => a + b, 0);
  return { left: x(from.left), top: y(from.top), right: x(to.right + 1), bottom: y(to.bottom + 1) };
}

const ownIcons = (sheet: FakeSheet) => sheet.shapes.filter((s) => s.name.startsWith(ICON_NAME));
const seen = (s: FakeShape) => ({ letter: s.text, fill: s.fill, meaning: s.altTextDescription });

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

  it("puts each chart's Making Data Count icons at its top right, once, and a second run redraws them, leaving a shape the council added", async () => {
    const state = spcWorkbook();
    const plan = (await planned(state)).get("Indicator charts")!;
    const sheet = state.sheet("Indicator charts")!;
    const wanted = plan.charts!.flatMap((c) => (c.icons ?? []).map((i) => ({ letter: i.letter, fill: i.fill, meaning: i.label })));
    // Both charts have SPC: a variation and an assurance icon each.
    expect(wanted.map((w) => w.meaning.split(":")[0])).toEqual(["Variation", "Assurance", "Variation", "Assurance"]);
    expect(ownIcons(sheet).map(seen)).toEqual(wanted);
    // Each chart's two icons lie inside it, in its top right corner.
    sheet.charts.forEach((chart, i) => {
      const area = chartArea(sheet, chart.position!);
      for (const icon of ownIcons(sheet).slice(i * 2, i * 2 + 2)) {
        expect(icon.left! >= (area.left + area.right) / 2 && icon.left! + icon.width! <= area.right).toBe(true);
        expect(icon.top! >= area.top && icon.top! + icon.height! <= area.top + (area.bottom - area.top) / 4).toBe(true);
      }
    });
    // The council puts a note of its own on the sheet; the next run leaves it and draws the icons afresh.
    const note: FakeShape = { id: "council-1", name: "Rectangle 1", geometricShapeType: "Rectangle", left: 10, top: 10, width: 200, height: 40, text: "Draft: not for publication" };
    sheet.shapes.push(note);
    await planned(state);
    expect(sheet.shapes).toContainEqual(note);
    expect(ownIcons(sheet).map(seen)).toEqual(wanted);
    expect(sheet.shapes).toHaveLength(wanted.length + 1);
  });

  it("puts page breaks where the plan puts them, and a later run with fewer charts keeps none of the earlier run's", async () => {
    const state = spcWorkbook(3);
    const breaksOf = (plans: Map<string, SheetPlan>) => [...plans.values()].map((p) => ({ sheet: p.name, breaks: p.print?.rowBreaks ?? [] }));
    const drawn = (plans: Map<string, SheetPlan>) => [...plans.keys()].map((name) => ({ sheet: name, breaks: state.sheet(name)!.rowBreaks }));
    const first = await planned(state);
    expect(drawn(first)).toEqual(breaksOf(first));
    const before = state.sheet("Indicator charts")!.rowBreaks;
    expect(before.length).toBeGreaterThan(1);
    // The council drops the three added indicators: two charts are left, on fewer pages.
    const kpis = state.sheet("KPIs")!;
    for (const key of [...kpis.cells.keys()]) if (Number(key.split(",")[0]) >= 3) kpis.cells.delete(key);
    const second = await planned(state);
    expect(second.get("Indicator charts")!.charts).toHaveLength(2);
    expect(drawn(second)).toEqual(breaksOf(second));
    expect(state.sheet("Indicator charts")!.rowBreaks.length).toBeLessThan(before.length);
    expect(ownIcons(state.sheet("Indicator charts")!)).toHaveLength(4);
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
