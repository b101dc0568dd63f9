/**
 * The capability checks the pane's Diagnostics and `npm run test:excel` run
 * inside Excel, here against the strict fake: every check must pass where
 * the fake follows Excel's documentation, and the scratch sheets go.
 */
import { runDiagnostics, reportText } from "../../src/workbook/office/diagnostics";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";

const env = (state: FakeWorkbookState) => ({ platform: "PC", version: "16.0.fake", addin: "1.1.0", isSetSupported: (s: string, v: string) => state.isSetSupported(s, v) });

describe("diagnostics on the strict fake", () => {
  it("passes every check and leaves the workbook as it was", async () => {
    const state = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code"], ["A1"]] }]);
    state.apiVersion = "1.9";
    const report = await runDiagnostics(fakeExcelRun(state), env(state));
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.checks.length).toBe(11);
    expect(state.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(report.requirementSets["ExcelApi 1.9"]).toBe(true);
    const text = reportText(report);
    expect(text).toMatch(/^Council Performance diagnostics\nWhen: .*\nAdd-in version: 1\.1\.0\nExcel: PC 16\.0\.fake\nRequirement sets: ExcelApi 1\.9: yes, ExcelApi 1\.11: no.*\n11 of 11 checks passed\n/);
    expect(text).toMatch(/PASS {2}A very hidden sheet cannot be deleted: refused with InvalidOperation, as documented/);
  });

  it("passes a refusal the add-in does not depend on whatever its code, and reports the code (Excel for Mac gave another, office-js #365)", async () => {
    const state = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code"]] }]);
    const fake = fakeExcelRun(state);
    // An Excel that refuses with another code than the documented one.
    const otherCodes = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => fake<T>((ctx) => {
      const c = ctx as unknown as { sync: () => Promise<void> };
      const sync = c.sync.bind(c);
      c.sync = () => sync().catch((e) => {
        if (e.code === "InvalidOperation" || e.code === "InvalidArgument") e.code = "GeneralException";
        throw e;
      });
      return batch(ctx);
    });
    const report = await runDiagnostics(otherCodes, env(state));
    const hidden = report.checks.find((c) => c.name === "A very hidden sheet cannot be deleted")!;
    expect(hidden).toMatchObject({ passed: true, detail: "refused with GeneralException (documented: InvalidOperation)" });
    expect(report.checks.find((c) => c.name === "Date validation refuses a bare number")).toMatchObject({ passed: true });
  });

  it("skips what an older Excel cannot do, and reports a failure with Excel's code", async () => {
    const state = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code"]] }]);
    state.apiVersion = "1.7";
    const report = await runDiagnostics(fakeExcelRun(state), env(state));
    expect(report.checks.find((c) => c.name === "Copying cells carries colour rules")!.detail).toBe("skipped: needs ExcelApi 1.9");
    state.apiVersion = "1.9";
    state.structureProtected = true;
    const err = await runDiagnostics(fakeExcelRun(state), env(state)).catch((e) => e);
    expect(err.code).toBe("AccessDenied");
  });
});

describe("the adapter's own checks, as npm run test:excel runs them", () => {
  it("pass on the strict fake and leave the scratch workbook empty again", async () => {
    const { runAdapterChecks } = await import("../../src/workbook/office/adapter-checks");
    const state = FakeWorkbookState.fromGrids([{ name: "Sheet1", rows: [] }]);
    const checks = await runAdapterChecks(fakeExcelRun(state), { mergedAreas: true });
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual(["Settings saved three times on the very hidden sheet", "An output sheet redrawn in place keeps formulas pointing at it", "Scratch sheets removed"]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
