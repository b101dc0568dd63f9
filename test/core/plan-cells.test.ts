import fc from "fast-check";
import { measureCell, measureFormat, percentCell, decimalsOf, wrappedLines, statusAndVariation, runChartWords, anhojRules, SheetBuilder, MAX_ICON_RULES } from "../../src/core";

describe("numbers as the council wrote them", () => {
  it("keeps a value's own decimals in its format", () => {
    expect([55.07, 43.6, 44, 0.1325].map((v) => decimalsOf(v))).toEqual([2, 1, 0, 4]);
    expect([measureFormat(55.07, false), measureFormat(44, false), measureFormat(null, false)]).toEqual(["0.00", "0", null]);
  });

  it("counts the decimals the value shows when written to four places, for any number", () => {
    // What a reader sees: the shortest text of the value rounded to four decimals, and its digits after the point.
    const shown = (v: number) => {
      const text = String(Math.round(v * 1e4) / 1e4);
      const dot = text.indexOf(".");
      return dot < 0 || /e/i.test(text) ? 0 : text.length - dot - 1;
    };
    const values = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000), fc.constantFrom(0.1 + 0.2, 1.005, 2.675, 1e15, 1e-7, -0.00005, 123456.78905));
    fc.assert(fc.property(values, (v) => expect(decimalsOf(v)).toBe(shown(v))), { numRuns: 5000 });
  });

  it("writes a percentage as its fraction, shown with a percent format", () => {
    expect(measureCell(17.8, true)).toBe(0.178);
    expect(measureFormat(17.8, true)).toBe("0.0%");
    expect(measureCell(69, false)).toBe(69);
    expect(measureCell(null, true)).toBeNull();
  });

  it("shows a standard's percentage the way the report prints it (62.5%, 91%)", () => {
    expect(percentCell(62.5)).toEqual({ value: 0.625, format: "0.0%" });
    expect(percentCell((21 / 22) * 100).format).toBe("0.0%"); // 95.5%
    expect(percentCell((20 / 22) * 100).format).toBe("0%"); // 91%
    expect(percentCell(null)).toEqual({ value: null, format: null });
  });
});

describe("row heights for wrapped text", () => {
  it("counts lines by whole words", () => {
    expect(wrappedLines("No trend data", 11)).toBe(2);
    expect(wrappedLines("Standard against last quarter", 13)).toBe(3);
    expect(wrappedLines("Previous quarter", 17)).toBe(1);
    expect(wrappedLines("one\ntwo", 40)).toBe(2);
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("abcdefghijklmnopqrstuvwxy", 10)).toBe(3);
  });
});

describe("status and variation in words", () => {
  it("says the two together", () => {
    expect(statusAndVariation("Red", "Special cause concern")).toBe("Red, and a significant deterioration");
    expect(statusAndVariation("Red", "Common cause")).toBe("Red, within normal variation");
  });

  it("labels run-chart signals as run-chart signals", () => {
    const r = anhojRules([3, 4, 3, 4, 3, 4, 3, 4, 8, 9, 8, 9, 8, 9, 8, 9])!;
    expect(runChartWords(r, 16)).toMatch(/^Run chart \(16 points\): a shift: a run of 8 on one side of the median \(more than 7 is unusual\); too few crossings/);
  });
});

describe("icon rules", () => {
  it("cover only the accepted rows, one rule per run, and none at all when the runs would be too many", () => {
    const rule = { type: "iconSet" as const, iconSet: "3Symbols" as const, thresholds: [0, 2, 3], showValue: true };
    const plan = (codes: number[]) => {
      const b = new SheetBuilder("t", "T", [10]);
      b.table("t", ["Code"], codes.map((c) => [c]), { iconSets: [{ col: 0, rule, where: (i) => codes[i] >= 1 }] });
      return b.build().conditionalFormats.map((c) => c.ref);
    };
    expect(plan([3, 1, 0, 0, 2, -1])).toEqual(["A2:A3", "A6:A6"]);
    expect(plan(Array.from({ length: 2 * MAX_ICON_RULES + 2 }, (_, i) => (i % 2 ? 0 : 3)))).toEqual([]);
  });
});
