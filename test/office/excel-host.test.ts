/**
 * The pane's Excel host (src/taskpane/excel.ts) on the strict fake, with the
 * Office and Excel globals it uses swapped in, as the Office React template's
 * tests do: clicking an issue must select its cell in Excel.
 */
import { isUserError } from "../../src/core/user-error";
import { readFileSync } from "fs";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromGrids } from "../fakes/conformance";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { excelHost } from "../../src/taskpane/excel";
import { SAMPLE } from "../helpers/workbooks";
import { FakeWorkbookState } from "../fakes/excel-state";

async function withFakeExcel(apiVersion = "1.9"): Promise<FakeWorkbookState> {
  const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
  state.apiVersion = apiVersion;
  Object.assign(globalThis, {
    Excel: { run: fakeExcelRun(state) },
    Office: { context: { requirements: { isSetSupported: (set: string, v: string) => state.isSetSupported(set, v) } } },
  });
  return state;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("the pane's Excel host", () => {
  it("inspects, runs and selects an issue's cell in Excel", async () => {
    const state = await withFakeExcel();
    const host = excelHost();
    const found = await host.inspect();
    expect(found.datasets.map((d) => d.sheet)).toContain("Directorate priorities");
    expect(found.period).toBe("Q1 2021/22");
    const steps: string[] = [];
    const outcome = await host.run({ period: null, formatSource: false }, (s) => steps.push(s), () => false);
    expect(steps[steps.length - 1]).toBe("Done");
    const issue = outcome.view.issues.items[0];
    await host.selectCell(issue.sheet, issue.cell);
    expect(state.activeSheet).toBe("Directorate priorities");
    expect(state.selection).toBe("Directorate priorities!C48");
  });

  it("saves a corrected column mapping that the next inspection uses", async () => {
    await withFakeExcel();
    const host = excelHost();
    const before = (await host.inspect()).datasets.find((d) => d.sheet === "Workplan")!;
    await host.saveDataset(before.id, { mapping: { kind: "actions", headerRow: before.headerRow, columns: { ...before.columns, group: null } } });
    const after = (await host.inspect()).datasets.find((d) => d.sheet === "Workplan")!;
    expect(before.columns.group).toBe("Owner");
    expect(after.columns.group).toBeUndefined();
  });

  it("stops a cancelled run before anything is written", async () => {
    const state = await withFakeExcel();
    const sheets = state.sheets.map((s) => s.name);
    const err = await excelHost().run({ period: null, formatSource: false }, () => undefined, () => true).catch((e) => e);
    expect(isUserError(err, "cancelled")).toBe(true);
    expect(state.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it("says where this Excel cannot report merged cells (before ExcelApi 1.13), and not where it can", async () => {
    await withFakeExcel("1.9");
    expect((await excelHost().inspect()).notes.filter((n) => /cannot tell the add-in which cells are merged/.test(n))).toHaveLength(1);
    await withFakeExcel("1.13");
    expect((await excelHost().inspect()).notes.filter((n) => /which cells are merged/.test(n))).toEqual([]);
  });

  it("says plainly when Excel is too old", async () => {
    await withFakeExcel("1.8");
    await expect(excelHost().inspect()).rejects.toThrow(/too old.*Microsoft 365, Office 2021 or later, Excel on the web, or Excel for Mac 16\.24/);
  });
});

describe("the ribbon's Refresh summaries command", () => {
  it("writes the summary sheets with the saved settings and tells Office it has finished", async () => {
    const state = await withFakeExcel();
    const associated: Record<string, unknown> = {};
    Object.assign((globalThis as unknown as { Office: Record<string, unknown> }).Office, {
      onReady: (cb: () => void) => cb(),
      actions: { associate: (name: string, fn: unknown) => (associated[name] = fn) },
    });
    await import("../../src/commands/commands");
    // The ribbon calls what was associated with the manifest's function name, and waits for completed().
    const command = associated.refreshSummaries as (event: Office.AddinCommands.Event) => void;
    expect(typeof command).toBe("function");
    const completed = new Promise<void>((resolve) => command({ completed: () => resolve() } as unknown as Office.AddinCommands.Event));
    await completed;
    expect(state.sheet("Summary")).toBeDefined();
    expect(state.sheet("CPE_Settings")!.visibility).toBe("VeryHidden");
  });
});

describe("going to a cell on a hidden sheet", () => {
  it("says how to unhide the sheet instead of failing", async () => {
    const state = await withFakeExcel();
    state.sheet("Directorate priorities")!.visibility = "Hidden";
    await expect(excelHost().selectCell("Directorate priorities", "C48")).rejects.toThrow(/'Directorate priorities'!C48 is on a hidden sheet\. Right-click any sheet tab, choose Unhide/);
    expect(state.selection).toBeNull();
  });
});

describe("the pane's Diagnostics", () => {
  it("runs the capability checks in Excel and gives a report to copy", async () => {
    const state = await withFakeExcel();
    const sheets = state.sheets.map((s) => s.name);
    const report = await excelHost().diagnose!();
    expect(report).toMatch(/11 of 11 checks passed/);
    expect(state.sheets.map((s) => s.name)).toEqual(sheets);
  });
});
