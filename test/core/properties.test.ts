import fc from "fast-check";
import {
  countStatuses, STATUSES, Status, statusTrendBreakdown, percentOf, formatPercent, formatShare, TREND_WORDS, Trend,
  trendBetween, flipPolarity, Polarity, parseUkDate, parsePeriod, parseMeasure, normaliseStatus, parsePolarity,
  parseLevel, DEFAULT_MATRIX, ragStatus, analyseSpc, anhojRules, scoreRegister, heatMap, assessStandard, CellValue,
} from "../../src/core";

const status = fc.constantFrom<Status>(...STATUSES);
const trend = fc.constantFrom<Trend>(...TREND_WORDS);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(), fc.string({ unit: "grapheme" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
  fc.date({ noInvalidDate: false }), fc.record({ error: fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!") }),
  fc.constantFrom("31/10021", "31/0322", "Q1 2021/22", "2021/22 Q5", "69%", "1,234", "Green", "G", "=SUM(A1)", "\u2191"),
);

describe("invariants of the core", () => {
  it("status counts always add up to N", () => {
    fc.assert(fc.property(fc.array(status), (list) => {
      const c = countStatuses(list);
      expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(list.length);
    }));
  });

  it("the shares of a complete status × trend row add to 100% before rounding, and within rounding after", () => {
    fc.assert(fc.property(fc.array(fc.record({ status: fc.constantFrom<Status>("Green", "Amber", "Red"), trend })), (items) => {
      for (const row of statusTrendBreakdown(items)) {
        if (row.total === 0) continue;
        const exact = row.cells.reduce((s, c) => s + percentOf(c.count, row.total), 0);
        expect(exact).toBeCloseTo(100, 9);
        const shown = row.cells.reduce((s, c) => s + Number(formatPercent(percentOf(c.count, row.total)).replace("%", "")), 0);
        expect(Math.abs(shown - 100)).toBeLessThanOrEqual(0.5 * row.cells.length);
      }
    }));
  });

  it("flipping the polarity swaps Improving and Worsening", () => {
    const swap: Record<string, string> = { Improving: "Worsening", Worsening: "Improving" };
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.constantFrom<Polarity>("Maximise", "Minimise"), (a, b, p) => {
      const t = trendBetween(a, b, p);
      expect(trendBetween(a, b, flipPolarity(p))).toBe(swap[t] ?? t);
    }));
  });

  it("a percentage is written with at most one decimal and never a trailing .0", () => {
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), (n, extra) => {
      const text = formatShare(n, n + extra);
      expect(text).not.toMatch(/\.0%|\.\d\d+%/);
    }));
  });

  it("no input makes a parser throw: every bad value is a problem", () => {
    fc.assert(fc.property(cell, (v) => {
      for (const parse of [parseUkDate, parsePeriod, parseMeasure, normaliseStatus, parsePolarity]) {
        const r = parse(v);
        if (!r.ok) expect(r.problem.message.length).toBeGreaterThan(0);
      }
      parseLevel(v, DEFAULT_MATRIX, "likelihood");
      parseLevel(v, DEFAULT_MATRIX, "impact");
    }), { numRuns: 2000 });
  });

  it("no number makes the RAG, SPC or risk calculations throw", () => {
    const num = fc.oneof(fc.double(), fc.constant(null));
    fc.assert(fc.property(num, num, fc.option(fc.constantFrom<Polarity>("Maximise", "Minimise", "Goldilocks")), num, (value, target, polarity, threshold) => {
      const r = ragStatus({ value, target, polarity, redThreshold: threshold });
      expect(STATUSES).toContain(r.status);
      expect(r.why.length).toBeGreaterThan(0);
    }));
    fc.assert(fc.property(fc.array(fc.double()), (values) => {
      analyseSpc(values, { polarity: "Maximise", target: values[0] ?? null });
      anhojRules(values.filter(Number.isFinite));
    }));
    fc.assert(fc.property(fc.array(fc.record({ key: fc.string(), title: fc.string(), likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) })), (risks) => {
      const scored = scoreRegister(risks);
      expect(heatMap(scored).flat().reduce((s, c) => s + c.count, 0)).toBe(risks.length);
    }));
  });

  it("a standard is achieved exactly when the unrounded share reaches it", () => {
    fc.assert(fc.property(fc.array(status, { minLength: 1 }), fc.integer({ min: 0, max: 100 }), (list, expected) => {
      const s = assessStandard(countStatuses(list), { expected, counts: ["Green"] });
      // Never achieved while any row in the base is not rated.
      expect(s.achieved).toBe(s.base > 0 && !list.includes("Not rated") && (s.counted / s.base) * 100 >= expected);
    }));
  });
});
