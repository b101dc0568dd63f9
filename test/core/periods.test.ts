import { parsePeriod, formatPeriod, previousPeriod, samePeriodLastYear, periodEnd, longPeriodName, quarterOf, Period } from "../../src/core";

function period(text: string): Period {
  const r = parsePeriod(text);
  if (!r.ok || !r.value) throw new Error(`did not parse ${text}`);
  return r.value;
}

describe("periods on the UK financial year", () => {
  it.each([
    ["Q1 2021/22", "Q1 2021/22"],
    ["Q1 21/22", "Q1 2021/22"],
    ["2021/22 Q1", "Q1 2021/22"],
    ["q4 2020-21", "Q4 2020/21"],
    ["Quarter One 2021/22", "Q1 2021/22"],
    ["Quarter 3 2021/2022", "Q3 2021/22"],
    ["2020/21", "2020/21"],
    ["FY 2020/21", "2020/21"],
    ["Jun 2021", "Jun 2021"],
    ["September 2021", "Sep 2021"],
    ["Jun-21", "Jun 2021"],
  ])("reads %s as %s", (text, label) => {
    expect(formatPeriod(period(text))).toBe(label);
  });

  it.each(["Q5 2021/22", "Q1 2021/23", "Q1", "last quarter", "2021", "Jux 2021"])("refuses %s with a problem", (text) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain(text);
  });

  it("treats a blank cell as no period", () => {
    expect(parsePeriod("  ")).toEqual({ ok: true, value: null });
  });

  it("steps back across the financial year boundary", () => {
    expect(formatPeriod(previousPeriod(period("Q1 2021/22")))).toBe("Q4 2020/21");
    expect(formatPeriod(previousPeriod(period("Jan 2022")))).toBe("Dec 2021");
    expect(formatPeriod(samePeriodLastYear(period("Q1 2021/22")))).toBe("Q1 2020/21");
    expect(formatPeriod(samePeriodLastYear(period("2021/22")))).toBe("2020/21");
  });

  it("knows when each quarter ends and names it as the report does", () => {
    expect(periodEnd(period("Q1 2021/22"))).toEqual({ year: 2021, month: 6, day: 30 });
    expect(periodEnd(period("Q4 2020/21"))).toEqual({ year: 2021, month: 3, day: 31 });
    expect(longPeriodName(period("Q1 2021/22"))).toBe("Quarter One 2021/22");
  });

  it("places a date in its financial quarter", () => {
    expect(formatPeriod(quarterOf({ year: 2022, month: 3, day: 31 }))).toBe("Q4 2021/22");
    expect(formatPeriod(quarterOf({ year: 2021, month: 4, day: 1 }))).toBe("Q1 2021/22");
  });
});
