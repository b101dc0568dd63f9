/**
 * The period labels councils, the NHS and statistical releases really write,
 * and the one rule for a quarter with a single year: it is a calendar quarter.
 */
import fc from "fast-check";
import {
  parsePeriod, periodFromDate, periodOfDate, PeriodGrain, compareDates, formatPeriod, longPeriodName, periodEnd, previousPeriod, samePeriodLastYear, periodKey,
  samePeriod, periodIndex, toSerial, Period, QuarterPeriod, quarterMonths, periodStart, parsePeriodLabel,
} from "../../src/core";

function period(v: Parameters<typeof parsePeriod>[0]): Period {
  const r = parsePeriod(v);
  if (!r.ok || !r.value) throw new Error(`did not parse ${String(v)}: ${r.ok ? "blank" : r.problem.message}`);
  return r.value;
}

describe("financial quarters and years", () => {
  it.each([
    ["Q1 2024/25", "Q1 2024/25"],
    ["Q1 FY2024/25", "Q1 2024/25"],
    ["Q3 - 2021/22", "Q3 2021/22"],
    ["FY2023/24 Q2", "Q2 2023/24"],
    ["FY2023/24", "2023/24"],
    ["FY 2023-24", "2023/24"],
    ["2016-17", "2016/17"],
    ["2023/24", "2023/24"],
    ["2016–17", "2016/17"], // en dash, as Word and Excel autocorrect write it
    ["Financial year 2019/20", "2019/20"],
  ])("reads %s as %s", (text, label) => {
    expect(formatPeriod(period(text))).toBe(label);
  });

  it("reads the forms it always read the same way", () => {
    for (const text of ["Q1 2021/22", "Q1 21/22", "2021/22 Q1", "Quarter One 2021-22", "Q1 FY 2021/22"]) {
      expect(period(text)).toEqual({ kind: "quarter", fy: 2021, quarter: 1 });
    }
  });

  it("refuses a financial year whose halves do not follow", () => {
    const r = parsePeriod("FY2023/25");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("second year must follow the first");
  });
});

describe("a quarter written with a single year is a calendar quarter", () => {
  it.each([
    ["Q1'15", 2015, 1],
    ["Q1 '15", 2015, 1],
    ["Q1\u201915", 2015, 1], // a curly apostrophe
    ["Q1 2015", 2015, 1],
    ["2024 Q1", 2024, 1],
    ["2024-Q3", 2024, 3],
    ["2024Q4", 2024, 4],
    ["Quarter 2 2019", 2019, 2],
  ])("%s is calendar Q%i of its year, and keeps its label", (text, year, q) => {
    const p = period(text);
    expect(formatPeriod(p)).toBe(`Q${q} ${year}`);
    // The period ends on the last day of the quarter's third calendar month.
    const endMonth = q * 3;
    expect(periodEnd(p)).toMatchObject({ year, month: endMonth });
  });

  it("Q1 2015 is January to March 2015: the same three months as Q4 2014/15, never Q1 2015/16", () => {
    const calendar = period("Q1 2015");
    expect(periodEnd(calendar)).toEqual({ year: 2015, month: 3, day: 31 });
    expect(samePeriod(calendar, period("Q4 2014/15"))).toBe(true);
    expect(samePeriod(calendar, period("Q1 2015/16"))).toBe(false);
    expect(periodKey(calendar)).toBe(periodKey(period("Q4 2014/15")));
    expect(samePeriod(period("Jan-Mar 2015"), calendar)).toBe(true);
    expect(quarterMonths(calendar as QuarterPeriod)).toBe("January to March 2015");
    expect(quarterMonths(period("Q1 2015/16") as QuarterPeriod)).toBe("April to June 2015");
  });

  it("steps through calendar quarters in its own labels", () => {
    expect(formatPeriod(previousPeriod(period("Q1'15")))).toBe("Q4 2014");
    expect(formatPeriod(previousPeriod(period("Q3 2015")))).toBe("Q2 2015");
    expect(formatPeriod(samePeriodLastYear(period("2024 Q2")))).toBe("Q2 2023");
    expect(longPeriodName(period("Q1'15"))).toBe("Quarter One 2015");
  });

  it("orders calendar and financial quarters by the months they cover", () => {
    const labels = ["Q2 2015", "Q4 2014/15", "Q1 2015/16", "Q4 2014"];
    const sorted = labels.map((l) => period(l)).sort((a, b) => periodIndex(a) - periodIndex(b)).map(formatPeriod);
    expect(sorted).toEqual(["Q4 2014", "Q4 2014/15", "Q2 2015", "Q1 2015/16"]);
  });

  it("reads a quarter named by its months as that quarter", () => {
    expect(formatPeriod(period("Apr-Jun 2021"))).toBe("Q1 2021/22");
    expect(formatPeriod(period("Jan to Mar 2022"))).toBe("Q4 2021/22");
    expect(parsePeriod("Feb-Apr 2022").ok).toBe(false);
  });

  it.each(["Q1 FY15", "FY15", "FY2015"])("refuses %s as ambiguous, with the forms to write", (text) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/ambiguous.*'2014\/15'.*'Q1 2015'/);
  });

  it("refuses a bare year, saying how to write one", () => {
    const r = parsePeriod("2021");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("'2021/22'");
  });

  it("gives back every label it writes", () => {
    for (const text of ["Q1 2015", "Q4 2014", "Q2 2021/22", "Apr 2021", "2019/20"]) {
      expect(formatPeriod(period(formatPeriod(period(text))))).toBe(formatPeriod(period(text)));
    }
  });
});

describe("months", () => {
  it.each(["April 2021", "Apr-21", "Apr 2021", "Apr '21", "Apr21", "apr. 2021", "30/04/2021", "2021-04-30", "1 Apr 2021"])("reads %s as Apr 2021", (text) => {
    expect(formatPeriod(period(text))).toBe("Apr 2021");
  });

  it("refuses a date that does not exist rather than moving it to another month", () => {
    const r = parsePeriod("31/04/2021");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("not a real date");
  });
});

describe("real dates", () => {
  const monthEnd = new Date(Date.UTC(2021, 3, 30));
  it("reads a date cell or an Excel serial as its month", () => {
    expect(formatPeriod(period(monthEnd))).toBe("Apr 2021");
    expect(formatPeriod(period(toSerial({ year: 2021, month: 4, day: 30 })))).toBe("Apr 2021");
  });

  it("absorbs a time-zone offset: 1 May at midnight BST is May, not April", () => {
    expect(formatPeriod(period(new Date(Date.UTC(2021, 3, 30, 23))))).toBe("May 2021");
  });

  it("places a date in its month, financial quarter, calendar quarter or financial year as asked", () => {
    const grains = { month: "Apr 2021", quarter: "Q1 2021/22", "calendar-quarter": "Q2 2021", year: "2021/22" } as const;
    for (const [grain, label] of Object.entries(grains)) {
      const r = periodFromDate(monthEnd, grain as keyof typeof grains);
      expect(r.ok && r.value && formatPeriod(r.value)).toBe(label);
    }
    const march = periodFromDate(toSerial({ year: 2022, month: 3, day: 31 }), "quarter");
    expect(march.ok && march.value && formatPeriod(march.value)).toBe("Q4 2021/22");
  });

  it("treats an empty date cell as no period", () => {
    expect(periodFromDate(null)).toEqual({ ok: true, value: null });
  });

  it("refuses a whole number that reads as a year instead of making it a day in 1905", () => {
    for (const v of [2015, "2015"]) {
      const r = parsePeriod(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.message).toContain("'2015/16'");
    }
    expect(periodFromDate(2015, "quarter").ok).toBe(false);
  });

  it("refuses text that is not a date", () => {
    const r = periodFromDate("soon");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("'soon' is not a date");
  });
});

describe("properties of every period", () => {
  const quarter = fc.record({ fy: fc.integer({ min: 1990, max: 2080 }), quarter: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), calendar: fc.boolean() })
    .map(({ fy, quarter: q, calendar }): Period => (calendar ? { kind: "quarter", fy, quarter: q, calendar: true } : { kind: "quarter", fy, quarter: q }));
  const month = fc.record({ year: fc.integer({ min: 1990, max: 2080 }), month: fc.integer({ min: 1, max: 12 }) }).map((m): Period => ({ kind: "month", ...m }));
  const year = fc.integer({ min: 1990, max: 2080 }).map((fy): Period => ({ kind: "year", fy }));
  const calendarYear = fc.integer({ min: 1990, max: 2080 }).map((y): Period => ({ kind: "calendarYear", year: y }));
  const anyPeriod = fc.oneof(quarter, month, year);
  const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2080, 11, 31)), noInvalidDate: true })
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

  it("reads back every label it writes as the same period, under the same label", () => {
    fc.assert(fc.property(anyPeriod, (p) => {
      const back = period(formatPeriod(p));
      expect(back).toEqual(p);
      expect(periodKey(back)).toBe(periodKey(p));
    }), { numRuns: 500 });
  });

  it("reads back every label the product writes, calendar years included, as the same period", () => {
    fc.assert(fc.property(fc.oneof(anyPeriod, calendarYear), (p) => {
      expect(parsePeriodLabel(formatPeriod(p))).toEqual(p);
    }), { numRuns: 300 });
  });

  it("begins every period the day after the previous one ends", () => {
    fc.assert(fc.property(fc.oneof(anyPeriod, calendarYear), (p) => {
      const end = periodEnd(previousPeriod(p));
      const start = periodStart(p);
      expect(toSerial(start) - toSerial(end)).toBe(1);
    }), { numRuns: 500 });
  });

  it("places every day in a period that ends on or after it and begins after the previous one ends", () => {
    fc.assert(fc.property(day, fc.constantFrom<PeriodGrain>("month", "quarter", "calendar-quarter", "year"), (d, grain) => {
      const p = periodOfDate(d, grain);
      expect(compareDates(periodEnd(p), d)).toBeGreaterThanOrEqual(0);
      expect(compareDates(periodEnd(previousPeriod(p)), d)).toBeLessThan(0);
    }), { numRuns: 500 });
  });

  it("gives a calendar quarter and the financial quarter of the same months one key and one end", () => {
    fc.assert(fc.property(day, (d) => {
      const [fin, cal] = [periodOfDate(d, "quarter"), periodOfDate(d, "calendar-quarter")];
      expect(periodKey(cal)).toBe(periodKey(fin));
      expect(periodEnd(cal)).toEqual(periodEnd(fin));
    }), { numRuns: 300 });
  });
});

describe("statistical releases' forms", () => {
  it("reads a year before its month or quarter, separated by a semicolon (LGBF)", () => {
    expect(period("2010;April")).toEqual({ kind: "month", year: 2010, month: 4 });
    expect(period("2023 December")).toEqual({ kind: "month", year: 2023, month: 12 });
    expect(period("2018-19;Q1")).toEqual({ kind: "quarter", fy: 2018, quarter: 1 });
  });

  it("refuses several years pooled as one figure as a span, not a bad financial year", () => {
    for (const [text, from, to] of [["2010-14", 2010, 2014], ["2017 - 19", 2017, 2019], ["2015/2018", 2015, 2018]] as const) {
      const r = parsePeriod(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ code: "period.span", message: `'${text}' covers several years (${from} to ${to}), not one period` });
    }
    // Said to be one financial year, its halves must follow.
    const fy = parsePeriod("FY2010/14");
    expect(!fy.ok && fy.problem.code).toBe("period.invalid");
  });

  it("reads a bare year as a calendar year only where the column allows it; elsewhere it stays ambiguous", () => {
    const calendar = { bareYear: "calendar" } as const;
    for (const v of [2019, "2019", " 2019 "]) expect(parsePeriod(v, calendar)).toEqual({ ok: true, value: { kind: "calendarYear", year: 2019 } });
    // A year and the next written together (DfE's time_period) is that year.
    expect(parsePeriod(202223, calendar)).toEqual({ ok: true, value: { kind: "year", fy: 2022 } });
    expect(parsePeriod(2019).ok).toBe(false);
    expect(parsePeriod("2019").ok).toBe(false);
    // Said in words, it is a calendar year anywhere.
    expect(period("CY2023")).toEqual({ kind: "calendarYear", year: 2023 });
    expect(period("Calendar year 2023")).toEqual({ kind: "calendarYear", year: 2023 });
  });

  it("labels a calendar year as the sheet writes it, January to December", () => {
    const p: Period = { kind: "calendarYear", year: 2019 };
    expect(formatPeriod(p)).toBe("2019");
    expect(longPeriodName(p)).toBe("the calendar year 2019");
    expect([periodStart(p), periodEnd(p)]).toEqual([{ year: 2019, month: 1, day: 1 }, { year: 2019, month: 12, day: 31 }]);
    expect(formatPeriod(previousPeriod(p))).toBe("2018");
    // Never the same period as the financial year that begins in it.
    expect(samePeriod(p, { kind: "year", fy: 2019 })).toBe(false);
  });
});
