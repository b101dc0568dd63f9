import { periodStated, statedPeriods, buildReport, emptySettings, formatPeriod, SheetGrid } from "../../src/core";

const label = (v: unknown) => {
  const p = periodStated(v as string);
  return p ? formatPeriod(p) : null;
};

describe("the reporting period a return states", () => {
  it("periodStated: labels, date ranges, period-ending dates", () => {
    expect(label("Q2 2023/24")).toBe("Q2 2023/24");
    expect(label("1 April – 30 September 2023")).toBe("Q2 2023/24");
    expect(label("01/04/2023 - 30/09/2023")).toBe("Q2 2023/24");
    expect(label("April to June 2023")).toBe("Q1 2023/24");
    expect(label("1 May 2023 to 31 May 2023")).toBe("May 2023");
    expect(label(new Date(Date.UTC(2023, 11, 31)))).toBe("Q3 2023/24");
    expect(label("2023/24")).toBe("2023/24");
    expect(label("next quarter")).toBeNull();
  });

  const data: SheetGrid = {
    name: "Indicators",
    rows: [
      ["Indicator", "Target", "Q1 2023/24", "Q2 2023/24", "Q3 2023/24"],
      ["Missed bins per 100,000", 50, 40, 45, 60],
      ["Calls answered in 20 s (%)", 80, 82, 79, 70],
    ],
  };

  it("a return's stated period is reported, not the latest quarter the data reaches, and the run says where it read it", () => {
    const cover: SheetGrid = { name: "Start", rows: [["Quarterly performance return"], [], ["Reporting period:", "1 April – 30 September 2023"]] };
    const { report } = buildReport([cover, data], emptySettings());
    expect(report.period).toBe("Q2 2023/24");
    expect(report.notes.join(" ")).toContain("The workbook states its reporting period, 'Reporting period: 1 April – 30 September 2023' ('Start'!B3), so Q2 2023/24 is reported.");
  });

  it("a chosen quarter beside a financial year on a start sheet", () => {
    const start: SheetGrid = { name: "Start", rows: [["Financial year", "2023/24"], ["Select quarter", "Q1"]] };
    expect(statedPeriods([start], []).map((s) => [formatPeriod(s.period), s.cell])).toEqual([["Q1 2023/24", "B2"]]);
    expect(buildReport([start, data], emptySettings()).report.period).toBe("Q1 2023/24");
  });

  it("never reads a table's own cells as a statement, and states nothing when two statements disagree", () => {
    const long: SheetGrid = { name: "Long", rows: [["Period", "Indicator", "Value"], ["Q1 2023/24", "Bins", 40], ["Q2 2023/24", "Bins", 45]] };
    const { report } = buildReport([long], emptySettings());
    expect(report.period).toBe("Q2 2023/24");
    const a: SheetGrid = { name: "A", rows: [["Reporting period: Q1 2023/24"]] };
    const b: SheetGrid = { name: "B", rows: [["Quarter ending", "31/12/2023"]] };
    const both = buildReport([a, b, data], emptySettings()).report;
    expect(both.period).toBe("Q3 2023/24");
    expect(both.notes.join(" ")).toContain("states more than one reporting period");
  });
});
