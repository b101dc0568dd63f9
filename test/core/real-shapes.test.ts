/**
 * Fixtures of our own for each way real workbooks were misread: status
 * words nobody listed, columns named otherwise, long data, values with no
 * period, a register's own risk scheme, two-row headers, footers. Each
 * reproduces a class of workbook, not one file.
 */
import { draftNarrative, planReport, buildReport, emptySettings, SheetGrid, CellValue, RisksReport, IndicatorsReport, ActionsReport, DatasetReport, detectSheet } from "../../src/core";

function grid(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, ...extra };
}

function report(grids: SheetGrid[], options: { period?: string; area?: string } = {}) {
  return buildReport(grids, emptySettings(), options).report;
}

function header(d: DatasetReport, role: string): string | undefined {
  const col = (d.detected.columns as Record<string, number>)[role];
  return col === undefined ? undefined : d.detected.headers[col - d.detected.left];
}

const d = (day: number, month: number, year: number) => new Date(Date.UTC(year, month - 1, day));

describe("status words councils and programme offices write", () => {
  const statuses = ["On Track", "Complete", "Overdue", "At Risk", "Done", "In Progress", "Not started", "Pending", "Closed", "Paused", "Paused", "Awaiting info"];
  const rows: CellValue[][] = [["Milestone_ID", "Milestone_Name", "Priority", "Planned_End", "Status"]];
  statuses.forEach((s, i) => rows.push([`MS-${100 + i}`, `Milestone number ${i + 1}`, i % 2 ? "High" : "Low", d(1, 6, 2024), s]));
  const r = report([grid("Milestones", rows)], { period: "Q1 2024/25" });
  const m = r.datasets[0] as ActionsReport;

  it("keeps every row in the denominator, the unknown words counted as not rated under their own word", () => {
    expect(m.kind).toBe("actions");
    expect(Object.values(m.statusCounts).reduce((a, b) => a + b, 0)).toBe(statuses.length);
    expect(m.statusCounts).toMatchObject({ Green: 1, Complete: 3, Red: 1, Amber: 1, "In progress": 2, "Not started": 1, "Not rated": 3 });
    expect(m.notRatedWords).toEqual({ Paused: 2, "Awaiting info": 1 });
    expect(m.standard?.base).toBe(statuses.length);
  });

  it("never says a standard is achieved while rows are unrated", () => {
    expect(m.standard?.achieved).toBe(false);
    expect(m.standard?.notRated).toBe(3);
  });

  it("says in the Commentary and on the Summary how many rows were not rated, by word", () => {
    const sentences = draftNarrative(r).flatMap((p) => p.sentences);
    expect(sentences).toContainEqual(expect.stringMatching(/^.*4 of 12 \(33%\) .* \(9 of 12 rated; 3 not rated: 'Paused' 2, 'Awaiting info' 1; the standard cannot be met until they are rated\)\.$/));
    const summary = planReport(r, null).find((p) => p.purpose === "summary")!;
    expect(summary.cells.flat()).toContainEqual(expect.stringMatching(/^Milestones: 9 of 12 rated; 3 not rated: 'Paused' 2, 'Awaiting info' 1\./));
  });

  it("reports each unknown word once, with its cells", () => {
    const unknown = r.issues.filter((i) => i.code === "status.unknown");
    expect(unknown.map((i) => i.message)).toEqual([
      expect.stringMatching(/^'Paused' \(2 rows\) is not in the status vocabulary \(E11, E12\)/),
      expect.stringMatching(/^'Awaiting info' \(1 row\)/),
    ]);
  });

  it("takes the milestone name as the title, not the High/Low priority, and Planned_End as the due date", () => {
    expect(header(m, "title")).toBe("Milestone_Name");
    expect(header(m, "importance")).toBe("Priority");
    expect(header(m, "due")).toBe("Planned_End");
  });
});

describe("a risk register's own scheme", () => {
  it("reads a RAG_Status register as risks, banded by its own levels, with closed risks listed and out of the heat map", () => {
    const rows: CellValue[][] = [["Risk_ID", "Risk_Description", "Likelihood_1_5", "Impact_1_5", "Risk_Score", "RAG_Status", "Current_Status"]];
    const data: [number, number, string, string][] = [[5, 5, "Red", "Open"], [4, 4, "Red", "Open"], [3, 4, "Amber", "Open"], [2, 3, "Amber", "Closed"], [1, 2, "Green", "Open"], [2, 2, "Green", "Open"]];
    data.forEach(([l, i, rag, st], n) => rows.push([`R${n + 1}`, `Risk ${n + 1} description`, l, i, l * i, rag, st]));
    const r = report([grid("Register", rows)]);
    const reg = r.datasets[0] as RisksReport;
    expect(reg.kind).toBe("risks");
    expect(reg.levelsSource).toMatch(/RAG_Status/);
    expect(reg.bandCounts).toEqual({ Red: 2, Amber: 1, Green: 2 });
    expect(reg.closedNow.map((c) => c.key)).toEqual(["R4"]);
    expect(reg.heatMap.flat().reduce((s, c) => s + c.count, 0)).toBe(5);
    expect(r.notes.some((n) => /levels from the register's own 'RAG_Status' column/.test(n))).toBe(true);
  });

  it("uses the levels a register states rather than fixed bands (6 High, 4 Medium), and says once where scores disagree", () => {
    const rows: CellValue[][] = [["Risk ID", "Description", "Likelihood", "Impact", "Risk Rating (Text)"]];
    const data: [number, number, string][] = [[5, 5, "High"], [4, 5, "High"], [4, 4, "High"], [3, 5, "High"], [4, 4, "High"], [5, 4, "High"], [3, 3, "Medium"], [2, 5, "Medium"], [3, 4, "Medium"], [2, 4, "Medium"], [2, 2, "High"]];
    data.forEach(([l, i, level], n) => rows.push([`R-${n + 1}`, `Risk ${n + 1}`, l, i, level]));
    const r = report([grid("Risks", rows)]);
    const reg = r.datasets[0] as RisksReport;
    expect(reg.bandCounts).toEqual({ High: 6, Medium: 5 });
    const mismatch = r.issues.filter((i) => i.code === "risk.level-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0].message).toMatch(/row 12\b/);
  });

  it("takes the bands from a legend or key sheet (16–25 / 9–15 / 1–8)", () => {
    const rows: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact"]];
    [[5, 5], [4, 4], [3, 5], [3, 3], [2, 4], [1, 5], [2, 2]].forEach(([l, i], n) => rows.push([`K${n}`, `Key risk ${n}`, l, i]));
    const legend = grid("Key", [["Risk scoring key"], [], ["Level", "Score"], ["High", "16–25"], ["Medium", "9–15"], ["Low", "1–8"]]);
    const r = report([grid("Register", rows), legend]);
    const reg = r.datasets.find((x) => x.sheet === "Register") as RisksReport;
    expect(reg.levelsSource).toBe("the 'Key' sheet");
    expect(reg.bandCounts).toEqual({ High: 2, Medium: 2, Low: 3 });
  });

  it("says which default bands it used when the register states none", () => {
    const rows: CellValue[][] = [["Ref", "Risk", "L", "I"], ["A", "Flood", 4, 4], ["B", "Fire", 1, 2]];
    const r = report([grid("Risk register", rows)]);
    expect(r.notes.find((n) => /default bands/.test(n))).toMatch(/High 10 and above, Medium 5–9, Low 4 and below/);
  });

  it("reads High/Medium/Low and H/M/L likelihood and impact on a 3-point scale", () => {
    const rows: CellValue[][] = [["ID", "Risk Name", "Likelihood (H/M/L)", "Impact (I)"], [1, "Supplier failure", "H", "High"], [2, "Data loss", "m", "Low"], [3, "Strike", "Low", "medium"]];
    const reg = report([grid("Risks", rows)]).datasets[0] as RisksReport;
    expect(reg.matrix.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(reg.risks.map((x) => [x.key, x.likelihood, x.impact]).sort()).toEqual([["1", 3, 3], ["2", 2, 1], ["3", 1, 2]]);
  });

  it("keeps the usual five-point scale when a register's words fit it, even if a shorter scale would too", () => {
    const rows: CellValue[][] = [["Risk", "Likelihood", "Impact"], ["Flood", "Likely", "Major"], ["Fire", "Rare", "Minor"], ["Strike", "Possible", "Moderate"]];
    const reg = report([grid("Risks", rows)]).datasets[0] as RisksReport;
    expect(reg.matrix.impactLabels).toEqual(["Insignificant", "Minor", "Moderate", "Major", "Extreme"]);
    expect(reg.risks[0].score).toBe(16);
  });

  it("puts only a RAID log's Risk rows in the register, listing the others", () => {
    const rows: CellValue[][] = [["ID", "Type", "Description", "Impact", "Probability", "Status"], [1, "Risk", "Vendor late", "High", "Medium", "Open"], [2, "Issue", "Staff off", "Medium", "High", "Open"], [3, "Assumption", "Budget holds", "Low", "Low", "Open"]];
    const r = report([grid("RAID", rows)]);
    const reg = r.datasets[0] as RisksReport;
    expect(reg.risks.map((x) => x.title)).toEqual(["Vendor late"]);
    expect(reg.rowsIn).toBe(3);
    expect(reg.rowsSetAside).toBe(2);
    expect(r.issues.filter((i) => i.code === "risk.not-a-risk")).toHaveLength(2);
  });

  it("scores the current risk where the register gives inherent and current pairs, and reads the inherent beside it", () => {
    const rows: CellValue[][] = [
      ["", "", "Inherent risk", "Inherent risk", "Current risk", "Current risk"],
      ["Ref", "Risk", "Likelihood", "Impact", "Likelihood", "Impact"],
      ["SR1", "Funding gap", 5, 5, 3, 4], ["SR2", "Cyber attack", 4, 5, 2, 5],
    ];
    const reg = report([grid("Strategic risks", rows, { merges: ["C1:D1", "E1:F1"] })]).datasets[0] as RisksReport;
    expect(reg.risks.map((x) => [x.key, x.score, x.item.inherent && x.item.inherent.likelihood! * x.item.inherent.impact!])).toEqual([["SR1", 12, 25], ["SR2", 10, 20]]);
  });

  it("reads inherent and residual scores and the register's appetite verdict", () => {
    const rows: CellValue[][] = [["Risk ID", "Description", "Likelihood", "Impact", "Risk Score (Inherent)", "Residual Risk Score", "Residual Risk vs Appetite"],
      ["R1", "Breach", 5, 5, 25, 10, "Exceeds Appetite"], ["R2", "Outage", 3, 4, 12, 4, "Within Appetite"]];
    const reg = report([grid("Risk Register", rows)]).datasets[0] as RisksReport;
    expect(reg.risks.map((x) => [x.key, x.score, x.item.residual.score, x.exceedsAppetite])).toEqual([["R1", 25, 10, true], ["R2", 12, 4, false]]);
  });
});

describe("long data: one row per indicator, period and area", () => {
  const rows: CellValue[][] = [["area_name", "period", "indicator", "value"]];
  for (const area of ["Trafford", "Salford", "Bury"]) {
    ["April 2021", "May 2021", "June 2021", "July 2021"].forEach((p, i) => rows.push([area, p, "Claimant count", 100 + i + area.length]));
  }
  it("builds one series per indicator and area", () => {
    const ind = report([grid("claimants", rows)]).datasets[0] as IndicatorsReport;
    expect(ind.items.map((i) => [i.item.area, i.item.points.length])).toEqual([["Trafford", 4], ["Salford", 4], ["Bury", 4]]);
    expect(ind.items[0].assessment.trends.short).not.toBe("No trend data");
  });

  it("names each series with its area on the Indicator results sheet", () => {
    const r = report([grid("claimants", rows)]);
    const results = planReport(r, null).find((p) => p.purpose === "indicator-results")!;
    const names = results.cells.flat().filter((v) => typeof v === "string" && v.startsWith("Claimant count"));
    expect(names).toEqual(["Claimant count — Trafford", "Claimant count — Salford", "Claimant count — Bury"]);
  });

  it("reports the council's own area with the others beside it as comparators", () => {
    const ind = report([grid("claimants", rows)], { area: "trafford" }).datasets[0] as IndicatorsReport;
    expect(ind.ownArea).toBe("Trafford");
    expect(ind.items).toHaveLength(1);
    expect(ind.items[0].comparators).toEqual({ areas: 2, median: 108.5, rank: 1, quartile: 1 });
  });

  it("keeps breakdowns (sex, age) apart as series of their own instead of letting rows collide", () => {
    const fingertips: CellValue[][] = [["Indicator ID", "Indicator Name", "Area Code", "Area Name", "Sex", "Age", "Time period", "Value", "Count", "Denominator"]];
    for (const sex of ["Persons", "Male", "Female"]) {
      ["2019/20", "2020/21", "2021/22"].forEach((p, i) => fingertips.push([90366, "Life expectancy at birth", "E08000009", "Trafford", sex, "All ages", p, 80 + i + sex.length / 10, null, null]));
    }
    const r = report([grid("fingertips", fingertips)]);
    const ind = r.datasets[0] as IndicatorsReport;
    expect(ind.items.map((i) => [i.item.breakdown, i.item.points.length])).toEqual([["Persons", 3], ["Male", 3], ["Female", 3]]);
    expect(r.issues.filter((i) => i.code === "indicator.duplicate-period")).toHaveLength(0);
  });

  it("reads NHS Making Data Count columns: what, improvement_direction, date, value, target", () => {
    const nhs: CellValue[][] = [["what", "improvement_direction", "date", "value", "target"]];
    for (let m = 1; m <= 14; m++) nhs.push(["KPI-1 Clients seen", "increase", d(28, m <= 12 ? m : m - 12, m <= 12 ? 2022 : 2023), 10 + m, 30]);
    const ind = report([grid("spc", nhs)]).datasets[0] as IndicatorsReport;
    expect(ind.items).toHaveLength(1);
    expect(ind.items[0].item.points).toHaveLength(14);
    expect(ind.items[0].item.polarity).toBe("Maximise");
    expect(ind.items[0].assessment.spc).not.toBeNull();
  });
});

describe("values with no period", () => {
  it("takes a plain KPI / Target / Actual / Status table's values as the reporting period's, not 'No data'", () => {
    const rows: CellValue[][] = [["KPI", "Polarity", "Target", "Actual", "Status"], ["Calls answered", "Higher is better", 90, 92, "G"], ["Complaints", "Lower is better", 10, 14, "R"]];
    const ind = report([grid("Scorecard", rows)], { period: "Q2 2024/25" }).datasets[0] as IndicatorsReport;
    expect(ind.items.map((i) => i.assessment.status)).toEqual(["Green", "Red"]);
  });

  it("uses the sheet's typed status where no polarity says which way is good, and says so once for the dataset", () => {
    const rows: CellValue[][] = [["KPI", "Target", "Actual", "RAG"], ["Calls answered", 90, 92, "Green"], ["Complaints", 10, 14, "Amber"], ["Visits", 5, 4, ""]];
    const r = report([grid("Scorecard", rows)], { period: "Q2 2024/25" });
    const ind = r.datasets[0] as IndicatorsReport;
    expect(ind.items.map((i) => i.assessment.status)).toEqual(["Green", "Amber", "Not rated"]);
    const polarity = r.issues.filter((i) => i.code === "rag.no-polarity");
    expect(polarity).toHaveLength(1);
    expect(polarity[0].message).toMatch(/^3 indicators have a target but nothing says whether higher or lower is better/);
  });
});

describe("headers over two rows, and what lies below a table", () => {
  it("reads a period group row over Goal / Forecast / Actual as one series per measure", () => {
    const rows: CellValue[][] = [
      ["", "", "Q1 2021/22", "Q1 2021/22", "Q1 2021/22", "Q2 2021/22", "Q2 2021/22", "Q2 2021/22"],
      ["Code", "Indicator", "Goal", "Fcst", "Actual", "Goal", "Fcst", "Actual"],
      ["P1", "Homes built", 100, 95, 90, 100, 110, 120],
    ];
    const r = report([grid("Housing", rows, { merges: ["C1:E1", "F1:H1"] })], { period: "Q2 2021/22" });
    const ind = r.datasets[0] as IndicatorsReport;
    expect(ind.items[0].item.points.toArray().map((p) => p.value)).toEqual([90, 120]);
    expect(ind.items[0].assessment.value).toBe(120);
    expect(ind.items[0].item.targets?.get("Q2 2021/22")).toBe(100);
    // No polarity: the Goal is read, but a target alone is no judgement, so the row is counted as not rated.
    expect(ind.items[0].assessment.status).toBe("Not rated");
  });

  it("finds a table of just code, indicator and financial-year columns (2019-20, 2020-21)", () => {
    const rows: CellValue[][] = [["Code", "Indicator", "2019-20", "2020-21", "2021-22"], ["A1", "Homes built", 100, 120, 130], ["A2", "Jobs created", 50, 45, 60]];
    const ind = report([grid("Yearly", rows)]).datasets[0] as IndicatorsReport;
    expect(ind.items.map((i) => i.item.points.length)).toEqual([3, 3]);
    expect(ind.items[0].assessment.value).toBe(130);
  });

  it("judges each period against that period's own Goal where a polarity is given", () => {
    const rows: CellValue[][] = [
      ["", "", "", "Q1 2021/22", "Q1 2021/22", "Q2 2021/22", "Q2 2021/22"],
      ["Code", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual"],
      ["P1", "Homes built", "Maximise", 100, 90, 130, 120],
    ];
    const ind = report([grid("Housing", rows, { merges: ["D1:E1", "F1:G1"] })], { period: "Q2 2021/22" }).datasets[0] as IndicatorsReport;
    expect(ind.items[0].assessment.why).toMatch(/^Red: 120 against target 130/);
  });

  it("ends a table at notes, sources and totals, and lists them rather than reading them as data", () => {
    const rows: CellValue[][] = [["Action", "Owner", "Status"], ["Open archive", "Culture", "Green"], ["Fix roof", "Estates", "Red"], [], ["Source: corporate tracker, June"], ["© Example Council"]];
    const det = detectSheet(grid("Actions", rows)).datasets[0];
    expect(det.lastRow).toBe(2);
    expect(det.footerRows).toEqual([4, 5]);
    const withTotal: CellValue[][] = [["Indicator", "Value"], ["Total households in temporary accommodation", 41], ["Homeless approaches", 9], ["Total", 50]];
    expect(detectSheet(grid("Housing", withTotal)).datasets[0].lastRow).toBe(2);
  });

  it("says why a sheet was not used, naming the header it saw and what each kind needs", () => {
    const r = report([grid("Projects", [["Notes for the board"], [], ["Project Name", "RAG", "Owner"], ["Depot", "", "Estates"]]), grid("Actions", [["Action", "Status"], ["Do it", "Green"]])]);
    const skipped = r.skipped.find((s) => s.sheet === "Projects");
    expect(skipped?.reason).toMatch(/^header row 3 has 'Project Name', 'RAG', 'Owner'/);
    expect(r.notes).toContainEqual(expect.stringMatching(/^Sheet 'Projects' was not used: header row 3/));
  });
});

describe("status words written with a code", () => {
  it("reads 'G - On track' and 'Red (overdue)' where the parts agree, and leaves 'Amber/Red' unrated", () => {
    const rows: CellValue[][] = [["Action", "Status"], ["One", "G - On track"], ["Two", "Red (overdue)"], ["Three", "Amber/Red"], ["Four", "Green - overdue"]];
    const a = report([grid("Actions", rows)]).datasets[0] as ActionsReport;
    expect(a.items.map((i) => i.status)).toEqual(["Green", "Red", "Not rated", "Not rated"]);
  });
});
