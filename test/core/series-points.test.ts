/**
 * A dataset's points held as typed columns give each series exactly the
 * points an array of objects per series gave: in sheet order (row, then
 * column), a period given again replacing the earlier value, values, nothing
 * and unreadable values kept apart, a row's own year to date where it has one.
 */
import fc from "fast-check";
import { SeriesBuilder, PointList, IndicatorPoint } from "../../src/core/datasets/series-points";
import { Period, samePeriod } from "../../src/core/periods";

const periods: Period[] = [
  { kind: "quarter", fy: 2021, quarter: 1 }, { kind: "quarter", fy: 2021, quarter: 2 }, { kind: "quarter", fy: 2020, quarter: 4, calendar: true },
  { kind: "month", year: 2021, month: 4 }, { kind: "year", fy: 2021 },
];

const point = fc.record({
  series: fc.nat(4),
  period: fc.option(fc.constantFrom(...periods)),
  value: fc.oneof(fc.double({ noNaN: true }), fc.constant(null), fc.constant("invalid" as const)),
  row: fc.nat(50),
  col: fc.nat(16_383),
  ytd: fc.option(fc.option(fc.double({ noNaN: true })), { nil: undefined }),
});

describe("series points in typed columns", () => {
  it("give each series the points an array of objects gave", () => {
    fc.assert(fc.property(fc.array(point, { maxLength: 60 }), (added) => {
      const builder = new SeriesBuilder();
      const model: IndicatorPoint[][] = Array.from({ length: 5 }, () => []);
      for (const p of added) {
        // As a long extract is read: a period already given is taken out, and the later row's value put in.
        if (p.period && builder.has(p.series, p.period)) builder.remove(p.series, p.period);
        const given = p.period;
        if (given) model[p.series] = model[p.series].filter((q) => !(q.period && samePeriod(q.period, given)));
        expect(builder.has(p.series, p.period ?? periods[0])).toBe(model[p.series].some((q) => q.period && samePeriod(q.period, p.period ?? periods[0])));
        builder.add(p.series, p.period, p.value, p.row, p.col, p.ytd);
        model[p.series].push({ period: p.period, value: p.value, row: p.row, col: p.col, ...(p.ytd !== undefined ? { ytd: p.ytd } : {}) });
      }
      const lists = builder.finish(5);
      for (let s = 0; s < 5; s++) {
        const expected = model[s].slice().sort((a, b) => (a.row - b.row) || (a.col - b.col));
        expect(lists[s].toArray()).toEqual(expected);
        expect(lists[s].length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) {
          expect(lists[s].number(i)).toBe(typeof expected[i].value === "number" ? expected[i].value : null);
          expect(lists[s].period(i)).toBe(expected[i].period);
        }
      }
    }), { numRuns: 300 });
  });

  it("keeps points that came series after series, in sheet order, where they lie (a wide sheet), giving the same", () => {
    const row = fc.array(fc.record({ period: fc.constantFrom(...periods), value: fc.oneof(fc.double({ noNaN: true }), fc.constant(null)) }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
      const builder = new SeriesBuilder(4);
      rows.forEach((cells, r) => cells.forEach((c, k) => builder.add(r, c.period, c.value, r + 1, k + 3)));
      const lists = builder.finish(rows.length + 1);
      rows.forEach((cells, r) => expect(lists[r].toArray()).toEqual(cells.map((c, k) => ({ period: c.period, value: c.value, row: r + 1, col: k + 3 }))));
      expect(lists[rows.length].length).toBe(0);
    }), { numRuns: 200 });
  });

  it("makes a list from objects, as tests and benchmarks give series", () => {
    const given = [{ period: periods[0], value: 3 }, { period: periods[1], value: null }];
    expect(PointList.of(given).toArray()).toEqual([{ ...given[0], row: 0, col: 0 }, { ...given[1], row: 0, col: 0 }]);
    expect(PointList.of([]).length).toBe(0);
  });
});
