/**
 * Shapes of indicator data as public bodies and councils publish them, each
 * a fixture of our own reproducing a class of workbook: periods as rows and
 * measures as columns, suppressed figures, long data over organisations
 * within ICBs within regions, polarity words, numerator and denominator
 * rows, an annual sheet beside monthly ones, forecasts and periods still to
 * come, bare years, and a scorecard that states its own rule.
 */
import { buildReport, emptySettings, SheetGrid, CellValue, IndicatorsReport, ActionsReport, seriesTitle } from "../../src/core";

const grid = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, rows, ...extra });
const run = (grids: SheetGrid[], options: { period?: string; area?: string; today?: string } = {}) => buildReport(grids, emptySettings(), options).report;
const indicators = (r: ReturnType<typeof run>, sheet?: string) => r.datasets.find((d) => !sheet || d.sheet === sheet) as IndicatorsReport;
const byTitle = (d: IndicatorsReport, title: string) => {
  const found = d.items.find((x) => seriesTitle(x.item) === title);
  if (!found) throw new Error(`no series '${title}' among ${d.items.map((x) => seriesTitle(x.item)).join(", ")}`);
  return found;
};
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const monthLabel = (i: number) => `${MONTHS[i % 12]} ${2022 + Math.floor((i + 3) / 12)}`;

describe("periods as rows, measures as columns", () => {
  // Monthly friends-and-family totals: a row per month, a column per count; suppressed figures written as ONS and NHS write them.
  const rows: CellValue[][] = [["Friends and family test, inpatients"], [], ["Month", "Responses", "Positive", "Negative"]];
  for (let i = 0; i < 14; i++) rows.push([monthLabel(i), 400 + i * 3, 370 + i * 2, i === 4 ? "x" : i === 7 ? "[c]" : i === 9 ? ".." : 10 + (i % 3)]);
  const r = run([grid("FFT", rows)]);
  const d = indicators(r);

  it("reads each numeric column as a series titled by its header, the month column as the axis", () => {
    expect(d.kind).toBe("indicators");
    expect(d.items.map((x) => x.item.title)).toEqual(["Responses", "Positive", "Negative"]);
    expect(d.items.map((x) => x.item.points.length)).toEqual([14, 14, 14]);
    expect(r.period).toBe("May 2023");
    expect(byTitle(d, "Responses").assessment.value).toBe(439);
    expect(byTitle(d, "Negative").assessment.value).toBe(11);
    // 14 points: the statistics run on each series.
    expect(byTitle(d, "Responses").assessment.spc).not.toBeNull();
  });

  it("reads suppression symbols as no value, never errors, and says so once per symbol", () => {
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(byTitle(d, "Negative").item.points.toArray().filter((p) => p.value === null).map((p) => p.row + 1)).toEqual([8, 11, 13]);
    const said = r.notes.filter((n) => /suppression or missing-value symbol/.test(n));
    expect(said).toEqual([
      "'x' in 1 cell of 'FFT' (D8) is a suppression or missing-value symbol, so those cells have no value.",
      "'[c]' in 1 cell of 'FFT' (D11) is a suppression or missing-value symbol, so those cells have no value.",
      "'..' in 1 cell of 'FFT' (D13) is a suppression or missing-value symbol, so those cells have no value.",
    ]);
    expect(d.reading.confidence).toBe("sure");
  });
});

describe("a statistical release: one row per period and area, many measure columns", () => {
  const header = ["time_period", "time_identifier", "geographic_level", "region_name", "la_name", "new_la_code", "Pupils", "Exclusions", "Exclusion rate", "Suspensions"];
  const areas: [string, string, string, string][] = [
    ["National", "", "", ""], ["Regional", "North West", "", ""], ["Local authority", "North West", "Trafford", "E08000009"],
    ["Local authority", "North West", "Stockport", "E08000007"], ["Local authority", "North West", "Wigan", "E08000010"],
  ];
  const rows: CellValue[][] = [header];
  for (const [y, year] of [[2019, "201920"], [2020, "202021"], [2021, "202122"], [2022, "202223"]] as const) {
    areas.forEach(([level, region, la, code], i) => {
      const pupils = 10000 * (5 - i) + (y - 2019) * 100;
      rows.push([year, "Academic year", level, region, la, code, pupils, i === 3 && y === 2021 ? "c" : 40 + i + (y - 2019), i === 4 ? "z" : 0.4 + i / 10, i === 2 && y === 2022 ? "low" : 200 + i]);
    });
  }
  rows[1][1] = "Academic year";
  // The national and regional rows name no authority, so the region and country columns are their areas.
  const r = run([grid("Exclusions", rows)], { area: "Trafford" });
  const d = indicators(r);

  it("keys each series on its measure and the most specific area a row names", () => {
    expect(d.kind).toBe("indicators");
    expect(d.detected.measures?.map((m) => m.title)).toEqual(["Pupils", "Exclusions", "Exclusion rate", "Suspensions"]);
    // 4 measures × 5 areas (England's rows have no area at all: the measure alone), reported for Trafford with the others beside it.
    expect(d.series).toBe(20);
    expect(d.ownArea).toBe("Trafford");
    expect(d.items.map((x) => x.item.title)).toEqual(["Pupils", "Exclusions", "Exclusion rate", "Suspensions"]);
    expect(r.period).toBe("2022/23");
    expect(r.issues.filter((i) => i.code === "indicator.duplicate-period")).toEqual([]);
  });

  it("reads 'c', 'z' and 'low' as no value, said once each", () => {
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(byTitle(d, "Suspensions — Trafford").assessment.value).toBeNull();
    expect(r.notes.filter((n) => /suppression/.test(n)).map((n) => n.slice(0, 12))).toEqual(["'z' in 4 cel", "'c' in 1 cel", "'low' in 1 c"]);
  });

  it("ranks the own area among the other authorities on the same measure, not against its region or the country", () => {
    const pupils = byTitle(d, "Pupils — Trafford");
    expect(pupils.assessment.value).toBe(30300);
    expect(pupils.comparators).toEqual({ areas: 2, median: 15300, rank: 1, quartile: 1 });
  });
});

describe("eight financial years of four measures, with a target for one and forecasts after them", () => {
  const rows: CellValue[][] = [["Financial year", "Households assisted", "Households assisted target", "Average days to decide", "Spend (£k)", "Complaints"]];
  for (let y = 2016; y < 2024; y++) rows.push([`${y}/${String(y + 1).slice(2)}`, 500 + (y - 2016) * 20, 600, 40 - (y - 2016), 1200 + (y - 2016) * 50, 30 + (y % 3)]);
  rows.push(["2024/25 (forecast)", 700, 650, 30, 1700, 25]);
  rows.push(["2025/26", 720, 650, 29, 1750, 24]);
  const r = run([grid("Housing", rows)], { today: "2025-01-15" });
  const d = indicators(r);

  it("reads four series of eight years, the target column as its measure's target", () => {
    expect(d.items.map((x) => x.item.title)).toEqual(["Households assisted", "Average days to decide", "Spend (£k)", "Complaints"]);
    expect(d.items.map((x) => x.item.points.length)).toEqual([8, 8, 8, 8]);
    expect(byTitle(d, "Households assisted").item.target).toBe(600);
  });

  it("never reports a forecast or a year still to come as the latest, and says so once each", () => {
    expect(r.period).toBe("2023/24");
    expect(byTitle(d, "Households assisted").assessment.value).toBe(640);
    expect(d.rowsSetAside).toBe(2);
    expect(r.notes).toContain("1 row of 'Housing' (row 10) gives a forecast or plan, so it is never reported as current values or chosen as the reporting period.");
    expect(r.notes).toContain("'Housing' gives 1 row (11) for periods that have not begun yet (such as 2025/26): a plan or forecast, not reported as current values or chosen as the reporting period.");
  });
});

describe("rows marked as forecasts", () => {
  it("sets aside a row its Type column marks Forecast, but not an estimated actual or a row whose status is Planned", () => {
    const rows: CellValue[][] = [["Indicator", "Quarter", "Type", "Status", "Value"]];
    for (let q = 1; q <= 4; q++) rows.push(["Homes built", `Q${q} 2023/24`, q === 3 ? "Estimated" : "Actual", q === 2 ? "Planned" : "Green", 100 + q]);
    rows.push(["Homes built", "Q1 2024/25", "Forecast", "", 150]);
    const r = run([grid("Housing", rows)]);
    const d = indicators(r);
    expect(r.period).toBe("Q4 2023/24");
    expect(d.items[0].item.points.toArray().map((p) => p.value)).toEqual([101, 102, 103, 104]);
    expect(d.rowsSetAside).toBe(1);
    expect(r.notes).toContain("1 row of 'Housing' (row 6) gives a forecast or plan, so it is never reported as current values or chosen as the reporting period.");
  });
});

describe("long data over organisations within ICBs within regions", () => {
  const orgs: [string, string, string, string][] = [
    ["North West", "NHS Greater Manchester ICB", "RBV", "The Christie"], ["North West", "NHS Greater Manchester ICB", "R0A", "Manchester University"],
    ["North West", "NHS Greater Manchester ICB", "RM3", "Northern Care Alliance"], ["North West", "NHS Cheshire and Merseyside ICB", "REM", "Liverpool University Hospitals"],
    ["North West", "NHS Cheshire and Merseyside ICB", "RBL", "Wirral University Teaching Hospital"],
  ];
  const rows: CellValue[][] = [["Region", "ICB", "Org code", "Organisation", "Period", "Indicator", "Value"]];
  for (let m = 0; m < 6; m++) orgs.forEach(([region, icb, code, org], i) => rows.push([region, icb, code, org, monthLabel(m), "Cancer 62-day performance", 70 + i + m]));

  it("keys each series on the organisation, so no two rows of one series and period collide", () => {
    const r = run([grid("Cancer", rows)], { area: "The Christie" });
    const d = indicators(r);
    expect(d.series).toBe(5);
    expect(r.issues.filter((i) => i.code === "indicator.duplicate-period")).toEqual([]);
    expect(d.items.map((x) => seriesTitle(x.item))).toEqual(["Cancer 62-day performance — The Christie"]);
    expect(d.items[0].assessment.value).toBe(75);
    expect(d.reading.confidence).toBe("sure");
  });

  it("where rows still collide, says so as an issue and as a doubt on the reading", () => {
    const twice = [...rows, ["North West", "NHS Greater Manchester ICB", "RBV", "The Christie", monthLabel(5), "Cancer 62-day performance", 99]];
    const r = run([grid("Cancer", twice)]);
    expect(r.issues.filter((i) => i.code === "indicator.duplicate-period").map((i) => i.cell)).toEqual(["G32"]);
    expect(indicators(r).reading).toMatchObject({ confidence: "doubtful", reasons: [expect.stringMatching(/^1 row repeated a series and period already given/)] });
  });
});

describe("polarity as public data writes it", () => {
  it.each([
    ["directionality", "Over", "Under"], ["Direction", "Higher is better", "Lower is better"], ["improvement_direction", "increase", "decrease"],
    ["Polarity", "Up", "Down"], ["Good is", "higher", "lower"],
  ])("reads a '%s' column of %s / %s", (header, up, down) => {
    const r = run([grid("KPIs", [["KPI", header, "Target", "Actual"], ["Appointments kept", up, 90, 88], ["Days to assess", down, 28, 25]])]);
    const d = indicators(r);
    expect(d.items.map((x) => [x.item.polarity, x.assessment.status])).toEqual([["Maximise", "Amber"], ["Minimise", "Green"]]);
  });
});

describe("numerator and denominator given one row per period", () => {
  const rows: CellValue[][] = [["Indicator", "Quarter", "Numerator", "Denominator"]];
  for (let q = 1; q <= 4; q++) {
    rows.push(["% of calls answered within 60 seconds", `Q${q} 2023/24`, 800 + q * 10, 1000]);
    rows.push(["Repeat callers per call", `Q${q} 2023/24`, 50 + q, 1000]);
  }
  const r = run([grid("Calls", rows)]);
  const d = indicators(r);

  it("groups the rows of each indicator into one series", () => {
    expect(d.series).toBe(2);
    expect(d.items.map((x) => x.item.points.length)).toEqual([4, 4]);
  });

  it("is a percentage where the sheet says so, the plain ratio where it does not", () => {
    expect(d.items.map((x) => [x.item.percent, x.assessment.value])).toEqual([[true, 84], [false, 0.054]]);
  });
});

describe("an annual sheet beside monthly ones", () => {
  const monthly: CellValue[][] = [["Indicator", "Month", "Value"]];
  for (let m = 0; m < 12; m++) monthly.push(["Missed bins per 100,000", monthLabel(m), 40 + m]);
  const annual: CellValue[][] = [["Indicator", "Year", "Value", "Target", "Polarity"]];
  for (const [y, v] of [["2020/21", 61], ["2021/22", 63], ["2022/23", 66]] as const) annual.push(["Residents satisfied with the area", y, v, 65, "Maximise"]);
  const r = run([grid("Monthly", monthly), grid("Annual", annual)]);

  it("reports the annual sheet at its latest year, not 'No data', and says why", () => {
    expect(r.period).toBe("Mar 2023");
    const a = indicators(r, "Annual").items[0];
    expect([a.assessment.status, a.assessment.period, a.assessment.value]).toEqual(["Green", "2022/23", 66]);
    expect(r.notes).toContain("1 series on 'Annual' is financial-year, not monthly like the reporting period Mar 2023, so each is reported at its own latest period to have ended by then (2022/23 for 1).");
  });

  it("never reports a year that ends after the reporting period", () => {
    const early = run([grid("Monthly", monthly), grid("Annual", annual)], { period: "Jan 2023" });
    expect(indicators(early, "Annual").items[0].assessment.period).toBe("2021/22");
  });
});

describe("bare years and titles as scorecards write them", () => {
  it("reads numbers in a Year column as calendar years, kept under the sheet's label, and says so", () => {
    const rows: CellValue[][] = [["Metric", "Year", "Value"]];
    for (let y = 2019; y <= 2023; y++) rows.push(["16-17 year olds not in education, employment or training (%)", y, 3 - (y - 2019) * 0.2]);
    const r = run([grid("NEET", rows)]);
    expect(r.period).toBe("2023");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(indicators(r).items[0].latest).toEqual({ value: 2.2, period: "2023" });
    expect(r.notes).toContain("'NEET' gives bare years in its 'Year' column, so they are read as calendar years: 2019 is January to December 2019, kept under the label the sheet uses. Financial years are written with both years, as in '2019/20'.");
  });

  it.each([["KPI description"], ["Measure description"], ["Metric"]])("takes '%s' as the title", (h) => {
    const r = run([grid("Sheet1", [[h, "Actual", "Target", "Polarity"], ["Invoices paid in 30 days", 92, 95, "Higher is better"]])]);
    expect(indicators(r).items[0].item.title).toBe("Invoices paid in 30 days");
  });

  it("leaves a bare year in a date column ambiguous", () => {
    const r = run([grid("Sheet1", [["Indicator", "Date", "Value"], ["Fly-tips", 2021, 300], ["Fly-tips", 2022, 280]])]);
    expect(r.issues.filter((i) => i.code === "period.year-number").map((i) => i.cell)).toEqual(["B2", "B3"]);
  });
});

describe("a quarterly scorecard that states its own rule", () => {
  // Quarter blocks (Goal / Fcst / Actual) under merged quarter labels, a Status band over Current and FYF, a section
  // heading, metrics with no figures yet, and the rules merged across the foot of the table.
  const q = (goal: CellValue, fcst: CellValue, actual: CellValue) => [goal, fcst, actual];
  const rules = "Status Conditions: Green >=100% of Goal, Yellow 95%-99% of Goal, Red <95% of Goal";
  const note = "Status Rules: current status based on forecast against goal for future periods";
  const g = grid("Scorecard", [
    ["Corporation scorecard"],
    ["Status", null, null, "Q1'15", null, null, "Q2'15", null, null, "Q3'15", null, null, "Full Year 2015", null, null],
    ["Current", "FYF", "Key Business Metrics", "Goal", "Fcst", "Actual", "Goal", "Fcst", "Actual", "Goal", "Fcst", "Actual", "Goal", "Fcst", "Actual"],
    [1.16, 0.97, "Operating expense reduction", ...q(15, 12, 8), ...q(25, 25, 29), ...q(35, 36, null), ...q(100, 97, null)],
    [0.97, { error: "#DIV/0!" }, "Customer satisfaction", ...q(61, 58, 57), ...q(61, 58, 59), ...q(61, 59, 59), ...q(null, null, null)],
    [0, 1.05, "Order turnaround", ...q(null, null, null), ...q(10, 10, 0), ...q(10, 10, 13.1), ...q(60, 63, null)],
    [null, null, "Operating metrics"],
    [3, 3, "Recall open cases"],
    [3, 3, "Legacy open cases"],
    Array(15).fill(note),
    Array(15).fill(rules),
  ], { merges: ["A2:B2", "D2:F2", "G2:I2", "J2:L2", "M2:O2", "A10:O10", "A11:O11"] });
  const r = run([g]);
  const d = indicators(r);

  it("reads the metrics, not the section heading or the notes", () => {
    expect(d.items.map((x) => x.item.title)).toEqual(["Operating expense reduction", "Customer satisfaction", "Order turnaround", "Recall open cases", "Legacy open cases"]);
    expect(d.items[3].item.group).toBe("Operating metrics");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("judges the latest quarter's actual against its own goal, higher being better as the sheet's rule says", () => {
    expect(r.period).toBe("Q3 2015");
    expect(d.items.slice(0, 3).map((x) => [x.assessment.status, x.assessment.value])).toEqual([["No data", null], ["Amber", 59], ["Green", 13.1]]);
    // The target shown is the one judged against: the quarter's goal, not the full year's.
    expect(d.items.slice(0, 3).map((x) => x.target)).toEqual([35, 61, 10]);
    expect(r.notes).toContain("'Scorecard' states its rule 'Green >=100% of Goal' (Scorecard!A11), so higher is better for the 5 indicators with no polarity of their own.");
    expect(r.notes.some((n) => /forecast columns \('Q1'15 Fcst', 'Q2'15 Fcst', 'Q3'15 Fcst'\)/.test(n))).toBe(true);
  });
});

describe("a project list rated by its RAG, beside a KPI list with a word for a figure", () => {
  const r = run([
    grid("Dashboard Overview", [
      ["Project Name", "Status", "Progress %", "Budget", "Actual Spend", "Risk Level", "Owner"],
      ["CRM upgrade", "Green", 0.85, 50000, 46000, "Low", "Divya"],
      ["Reporting automation", "Amber", 0.65, 30000, 28000, "Medium", "Divya"],
      ["Process improvement", "Red", 0.4, 20000, 21000, "High", "Divya"],
    ]),
    grid("KPI Tracking", [
      ["KPI", "Target", "Actual", "Status"],
      ["Budget control", "<10% variance", "8% variance", "Green"],
      ["Reporting accuracy", 0.95, 0.96, "Green"],
    ]),
  ]);

  it("reads the projects as priorities rated by their own RAG", () => {
    const p = r.datasets.find((d) => d.sheet === "Dashboard Overview") as ActionsReport;
    expect([p.kind, p.statusCounts]).toEqual(["priorities", { Green: 1, Amber: 1, Red: 1 }]);
  });

  it("uses the sheet's own status where a figure is not a number, and says so as a warning", () => {
    const k = indicators(r, "KPI Tracking");
    expect(k.items.map((x) => x.assessment.status)).toEqual(["Green", "Green"]);
    expect(k.items[0].assessment.why).toBe("Green: as the sheet gives it ('Green'); its value is not a number (see Data issues)");
    expect(r.issues.filter((i) => i.sheet === "KPI Tracking" && i.cell === "C2").map((i) => [i.severity, i.message]))
      .toEqual([["warning", "Value for 'Budget control' '8% variance' in 'KPI Tracking'!C2 is not a number: the sheet's own status 'Green' is used"]]);
  });
});

describe("figures for several years pooled", () => {
  it("sets aside a multi-year figure with one note, never an error per row", () => {
    const rows: CellValue[][] = [["Code", "Period", "Value"]];
    for (let y = 2015; y < 2020; y++) rows.push(["HSE 01", `${y}-${String(y + 1).slice(2)}`, 10 + y - 2015]);
    rows.push(["HSE 01", "2015-19", 12], ["HSE 01", "2016-20", 13], ["HSE 02", "2015-19", 40]);
    const r = run([grid("Averages", rows)]);
    const d = indicators(r);
    expect(d.items[0].item.points).toHaveLength(5);
    expect(d.rowsSetAside).toBe(3);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.notes).toContain("3 rows of 'Averages' (rows 7, 8, 9) give a figure for several years together (such as '2015-19'): not one period, so they are not part of any series.");
    // A series with nothing but pooled figures says why it has no value.
    expect(d.items[1].assessment.why).toBe("No data: its rows are forecasts, periods still to come or several years together, none of them a current value (see notes)");
  });

  it("keys a statistical extract's series on its code and data type, never on a key column unique to each row", () => {
    const rows: CellValue[][] = [["Key_CodePeriodDType", "Code", "Period", "DataType", "Value_Scot_Mean"]];
    for (const code of ["C&L 01", "C&L 02"]) {
      for (let y = 2018; y < 2023; y++) {
        for (const type of ["Cash_Annual", "Real_Annual"]) rows.push([`${code}${y}-${String(y + 1).slice(2)}${type}`, code, `${y}-${String(y + 1).slice(2)}`, type, 3 + y - 2018]);
      }
      for (const [m, month] of ["April", "May", "June"].entries()) rows.push([`${code}2022;${month}Cash_Monthly`, code, `2022;${month}`, "Cash_Monthly", 1 + m]);
      rows.push([`${code}2022-23;Q1Cash_Quarterly`, code, "2022-23;Q1", "Cash_Quarterly", 0.9]);
    }
    const r = run([grid("Averages", rows)]);
    const d = indicators(r);
    expect(d.series).toBe(8);
    expect(d.items.map((x) => seriesTitle(x.item)).slice(0, 4)).toEqual(["C&L 01 — Cash_Annual", "C&L 01 — Real_Annual", "C&L 01 — Cash_Monthly", "C&L 01 — Cash_Quarterly"]);
    // The quarter is the reporting period; the monthly and annual series are each reported at their own grain.
    expect(r.period).toBe("Q1 2022/23");
    expect(byTitle(d, "C&L 01 — Cash_Monthly").assessment.period).toBe("Jun 2022");
    expect(byTitle(d, "C&L 01 — Cash_Annual").assessment.period).toBe("2021/22");
  });
});
