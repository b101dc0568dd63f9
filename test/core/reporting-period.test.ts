/**
 * The reporting period a run chooses by itself, and what it says when the
 * period asked for has no values.
 */
import { buildReport, choosePeriod, emptySettings, findDatasets, formatPeriod, planReport, SheetGrid } from "../../src/core";

function chosen(grids: SheetGrid[]): string | null {
  const p = choosePeriod(grids, findDatasets(grids, emptySettings()));
  return p ? formatPeriod(p) : null;
}

/** One column per quarter, Q3 and Q4 not yet filled in: the sheet as it stands in October. */
const wide: SheetGrid = {
  name: "KPIs",
  rows: [
    ["Code", "Indicator", "Polarity", "Target", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"],
    ["K1", "Household waste recycled", "Maximise", 45, 43.1, 44.2, null, null],
    ["K2", "Days to process benefit claims", "Minimise", 20, 22, 19, "", null],
  ],
};

/** One row per indicator and quarter; the Q3 rows are there but empty. */
const long: SheetGrid = {
  name: "Long",
  rows: [
    ["Code", "Indicator", "Period", "Value", "Target"],
    ["K1", "Household waste recycled", "Q1 2021/22", 43.1, 45],
    ["K1", "Household waste recycled", "Q2 2021/22", 44.2, 45],
    ["K1", "Household waste recycled", "Q3 2021/22", null, 45],
    ["K2", "Days to process claims", "Q1 2021/22", 22, 20],
    ["K2", "Days to process claims", "Q2 2021/22", 19, 20],
    ["K2", "Days to process claims", "Q3 2021/22", null, 20],
  ],
};

describe("the default reporting period is the latest one with values", () => {
  it("chooses Q2 when Q3 and Q4 columns are empty (wide layout)", () => {
    expect(chosen([wide])).toBe("Q2 2021/22");
    const built = buildReport([wide], emptySettings());
    expect(built.report.period).toBe("Q2 2021/22");
    expect(built.warnings).toEqual([]);
    const report = built.report.datasets[0];
    // Assessed on Q2 (44.2 against 45 is within 5%), not "No data" for an empty quarter.
    expect(report.statusCounts).toEqual({ Amber: 1, Green: 1 });
  });

  it("chooses Q2 when the Q3 rows have no values (long layout)", () => {
    expect(chosen([long])).toBe("Q2 2021/22");
  });

  it("takes the latest period any dataset has a value for", () => {
    const later: SheetGrid = {
      name: "Outcomes",
      rows: [["Code", "Outcome", "Polarity", "Target", "Q3 2021/22"], ["O1", "Employment rate", "Maximise", 70, 71]],
    };
    expect(chosen([wide, later])).toBe("Q3 2021/22");
  });

  it("chooses the latest month with values when no dataset has quarters", () => {
    const monthly: SheetGrid = {
      name: "Monthly",
      rows: [
        ["Code", "Indicator", "Period", "Value", "Target"],
        ["A1", "A&E within four hours", new Date(Date.UTC(2024, 2, 31)), 71.2, 76],
        ["A1", "A&E within four hours", new Date(Date.UTC(2024, 3, 30)), 72.5, 76],
        ["A1", "A&E within four hours", new Date(Date.UTC(2024, 4, 31)), null, 76],
      ],
    };
    expect(chosen([monthly])).toBe("Apr 2024");
  });

  it("reports each monthly or annual series at its own latest value when they end in different periods", () => {
    // Measures published on different schedules, as in Oflog or LG Inform extracts.
    const annual: SheetGrid = {
      name: "Oflog",
      rows: [
        ["Code", "Measure", "Financial year", "Value"],
        ["ASC1", "Carer quality of life", "2021-22", 7.5], ["ASC1", "Carer quality of life", "2022-23", 7.6],
        ["ASC2", "Permanent admissions", "2020-21", 540], ["ASC2", "Permanent admissions", "2021-22", 560],
      ],
    };
    const built = buildReport([annual], emptySettings());
    expect(built.report.period).toBeNull();
    expect(built.report.notes).toContain(
      "The series end in different periods (2022/23 for 1, 2021/22 for 1), so each is reported at its own latest value; choose a period (such as '2022/23') to report one period for all.",
    );
    const latest = built.report.datasets[0].kind === "indicators" ? built.report.datasets[0].items.map((i) => i.latest?.period) : [];
    expect(latest).toEqual(["2022/23", "2021/22"]);
  });

  it("chooses the latest month when nearly every series has reached it", () => {
    const rows: unknown[][] = [["Code", "Indicator", "Period", "Value", "Target"]];
    for (let i = 1; i <= 10; i++) for (const m of ["Mar 2024", "Apr 2024"]) rows.push([`M${i}`, `Measure ${i}`, m, 50 + i, 60]);
    rows.push(["M11", "Measure 11", "Mar 2024", 40, 60]);
    const grid: SheetGrid = { name: "Monthly", rows: rows as SheetGrid["rows"] };
    expect(chosen([grid])).toBe("Apr 2024");
  });

  it("chooses the latest financial year with values in an annual dataset", () => {
    const annual: SheetGrid = {
      name: "Annual",
      rows: [
        ["Code", "Indicator", "Polarity", "Target", "2019-20", "2020-21", "2021-22"],
        ["A1", "Net additional homes", "Maximise", 600, 610, 580, null],
        ["A2", "Affordable homes delivered", "Maximise", 100, 110, 95, null],
      ],
    };
    expect(chosen([annual])).toBe("2020/21");
  });

  it("prefers quarters to months and years when both are present", () => {
    const annual: SheetGrid = {
      name: "Annual",
      rows: [["Code", "Indicator", "Target", "2022/23"], ["A1", "Net additional homes", 600, 610], ["A2", "Affordable homes delivered", 100, 110]],
    };
    expect(findDatasets([annual, wide], emptySettings())).toHaveLength(2);
    expect(chosen([annual, wide])).toBe("Q2 2021/22");
  });

  it("finds no period when nothing has a value", () => {
    const empty: SheetGrid = { name: "KPIs", rows: [wide.rows[0], ["K1", "Household waste recycled", "Maximise", 45, null, null, null, null]] };
    expect(chosen([empty])).toBeNull();
  });
});

describe("a default period few indicators have reached", () => {
  const early: SheetGrid = {
    name: "KPIs",
    rows: [
      ...wide.rows,
      ["K3", "Rent collected (%)", "Maximise", 97, 96.5, 97.2, 97.9, null],
      ["K4", "Missed bins per 100,000", "Minimise", 50, 48, 51, null, null],
    ],
  };

  it("is still the latest with values, and the run says how few values it has", () => {
    const built = buildReport([early], emptySettings());
    expect(built.report.period).toBe("Q3 2021/22");
    expect(built.report.notes).toContain(
      "Q3 2021/22 is the latest period with values, so it is reported, but only 1 value is given for it (Q2 2021/22 has 4): choose another period if it is not the one to report.",
    );
    expect(built.warnings).toEqual([]);
  });

  it("says nothing when the period was asked for, or when most indicators have it", () => {
    expect(buildReport([early], emptySettings(), { period: "Q3 2021/22" }).report.notes).toEqual([]);
    expect(buildReport([wide], emptySettings()).report.notes).toEqual([]);
  });
});

describe("a chosen period with no values", () => {
  const built = buildReport([wide], emptySettings(), { period: "Q4 2021/22" });

  it("is a warning the command line writes to stderr, and a note", () => {
    expect(built.warnings).toEqual([
      "No indicator or outcome has a value for Q4 2021/22, so every one is reported as 'No data': the latest period with values is Q2 2021/22.",
    ]);
    expect(built.report.notes).toContain(built.warnings[0]);
  });

  it("is a data issue on the period's own column header, so it has a link", () => {
    expect(built.report.issues).toContainEqual({
      sheet: "KPIs", cell: "H1", severity: "warning", code: "period.no-values",
      message: "No indicator on 'KPIs' has a value for the reporting period Q4 2021/22 (its column H is empty); the latest period with values is Q2 2021/22.",
    });
  });

  it("never lets the Data issues sheet say no issues were found", () => {
    const plan = planReport(built.report, null).find((p) => p.purpose === "data-issues")!;
    const texts = JSON.stringify(plan);
    expect(texts).not.toContain("No data issues were found");
    expect(texts).toContain("Q4 2021/22");
  });

  it("points at the period column of long data that has no rows for it", () => {
    const b = buildReport([long], emptySettings(), { period: "Q1 2022/23" });
    expect(b.report.issues.filter((i) => i.code === "period.no-values")).toEqual([expect.objectContaining({ sheet: "Long", cell: "C1" })]);
    expect(b.warnings[0]).toContain("the latest period with values is Q2 2021/22");
  });

  it("says nothing when the period has values", () => {
    const b = buildReport([wide], emptySettings(), { period: "Q1 2021/22" });
    expect(b.warnings).toEqual([]);
    expect(b.report.issues.filter((i) => i.code === "period.no-values")).toEqual([]);
  });

  it("says nothing when values without a period are taken as the chosen period's", () => {
    const plain: SheetGrid = { name: "Plain", rows: [["KPI", "Target", "Actual"], ["Complaints answered in 10 days", 90, 93]] };
    const b = buildReport([plain], emptySettings(), { period: "Q3 2021/22" });
    expect(b.warnings).toEqual([]);
  });
});

describe("quarters written with a single year", () => {
  it("are read as calendar quarters, and the run says so once per dataset", () => {
    const grid: SheetGrid = {
      name: "ONS",
      rows: [["Code", "Indicator", "Target", "Q4'14", "Q1'15", "Q2'15"], ["E1", "Employment rate", 70, 71, 72, null]],
    };
    const built = buildReport([grid], emptySettings());
    expect(built.report.period).toBe("Q1 2015");
    expect(built.report.periodLong).toBe("Quarter One 2015");
    const notes = built.report.notes.filter((n) => n.includes("calendar quarters"));
    expect(notes).toEqual([
      "'ONS' labels its quarters with a single year, so they are read as calendar quarters: Q4 2014 is October to December 2014. "
      + "Financial quarters are written with both years, as in 'Q1 2021/22'.",
    ]);
  });
});
