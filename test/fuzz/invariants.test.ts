/**
 * Generated workbooks through the whole calculation and planning, checking
 * the promises that hold for any input: nothing throws; every data row is
 * either counted or flagged, and each flagged row has an error issue with a
 * cell address; the same input gives the same output; no input text becomes a
 * formula. FUZZ_RUNS sets the case count (a few hundred here; the nightly
 * script runs 10,000).
 */
import fc from "fast-check";
import { buildReport, emptySettings, planReport, parseRange } from "../../src/core";
import { workbookArb } from "./workbooks";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

describe("any workbook", () => {
  it("is read, calculated and planned without losing a row or throwing", () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        const grids = sheets.map((s) => s.grid);
        const built = buildReport(grids, emptySettings());
        for (const d of built.report.datasets) {
          // Every data row is counted (rated or not rated), flagged with an error, or set aside with a reason.
          expect(d.rowsIn).toBe(d.rowsCalculated + d.rowsFlagged + (d.rowsSetAside ?? 0));
          if (d.kind === "actions" || d.kind === "priorities") {
            expect(Object.values(d.statusCounts).reduce((a, b) => a + b, 0)).toBe(d.rowsCalculated);
            if ((d.statusCounts["Not rated"] ?? 0) > 0) expect(d.standard?.achieved).toBe(false);
          }
          const errorRows = new Set(built.report.issues.filter((i) => i.sheet === d.sheet && i.severity === "error").map((i) => parseRange(i.cell)!.top));
          expect(errorRows.size).toBeGreaterThanOrEqual(d.rowsFlagged);
        }
        for (const i of built.report.issues) {
          expect(i.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          expect(grids.map((g) => g.name)).toContain(i.sheet);
          expect(i.message.length).toBeGreaterThan(10);
        }
        const plans = planReport(built.report, null);
        for (const p of plans) {
          for (const row of p.cells) for (const v of row) if (v && typeof v === "object") expect("formula" in v).toBe(false);
          for (const row of p.cells) for (const v of row) if (v && typeof v === "object" && "link" in v) expect(v.link).toMatch(/^#'.*'![A-Z]+\d+$/);
        }
        // Same input, same output.
        const again = planReport(buildReport(grids, emptySettings()).report, null);
        expect(again).toEqual(plans);
      }),
      { numRuns: RUNS },
    );
  });
});
