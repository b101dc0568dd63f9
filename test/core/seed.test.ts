/**
 * The core against the seed report's own tables and figures
 * (../shared/seed-data/EXPECTED.md, copied into test/fixtures/seed).
 */
import { readCsv } from "../helpers/csv";
import {
  DEFAULT_MATRIX, parseLevel, scoreRegister, bandCounts, heatMap, movementOf, parseUkDate, normaliseStatus,
  countStatuses, assessStandard, formatShare, formatPercent, percentOf, statusTrendBreakdown, ragStatus, trendBetween,
  isRedRed, parsePolarity, groupBy, Status, Trend, Polarity, Risk, parsePeriod, Period, assessIndicator, IndicatorSeries,
  isOverdue, periodEnd,
} from "../../src/core";

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("expected a value");
  return r.value;
}

describe("strategic risk register (Appendix 2)", () => {
  const rows = readCsv("seed/strategic-risk-register-q1-2021-22.csv");
  const risks: Risk[] = rows.map(({ row }) => ({
    key: row.Risk,
    title: row.Risk,
    likelihood: value(parseLevel(row.Likelihood, DEFAULT_MATRIX, "likelihood")) as number,
    impact: value(parseLevel(row.Impact, DEFAULT_MATRIX, "impact")) as number,
  }));
  const scored = scoreRegister(risks);

  it("recomputes the published level of all 35 risks from likelihood × impact", () => {
    expect(rows).toHaveLength(35);
    for (const { row } of rows) {
      const s = scored.find((r) => r.key === row.Risk)!;
      expect(`${row.Risk}: ${s.band}`).toBe(`${row.Risk}: ${row["Risk Level"]}`);
    }
  });

  it("counts 20 High, 14 Medium and 1 Low", () => {
    expect(bandCounts(scored)).toEqual({ High: 20, Medium: 14, Low: 1 });
  });

  it("reproduces the heat map", () => {
    const label = (l: number, i: number) => `${DEFAULT_MATRIX.likelihoodLabels[l - 1]}×${DEFAULT_MATRIX.impactLabels[i - 1]}`;
    const cells = Object.fromEntries(heatMap(scored).flat().filter((c) => c.count > 0).map((c) => [label(c.likelihood, c.impact), c.count]));
    expect(cells).toEqual({
      "Likely×Extreme": 1, "Almost Certain×Major": 1, "Possible×Extreme": 2, "Likely×Major": 2, "Possible×Major": 12,
      "Unlikely×Extreme": 1, "Likely×Moderate": 1, "Unlikely×Major": 3, "Possible×Moderate": 4, "Rare×Extreme": 3,
      "Unlikely×Moderate": 3, "Possible×Minor": 1, "Rare×Major": 1,
    });
  });

  it("orders the register by score, then impact, then likelihood, ties in register order", () => {
    // The published appendix is grouped by level but not strictly by score (Possible×Extreme, 15,
    // is printed above Likely×Major, 16); the product applies the documented order.
    expect(scored.slice(0, 4).map((r) => [r.score, r.impact, r.likelihood])).toEqual([[20, 5, 4], [20, 4, 5], [16, 4, 4], [16, 4, 4]]);
    for (let i = 1; i < scored.length; i++) {
      const [a, b] = [scored[i - 1], scored[i]];
      expect(a.score > b.score || (a.score === b.score && (a.impact > b.impact || (a.impact === b.impact && (a.likelihood > b.likelihood || a.inputIndex < b.inputIndex))))).toBe(true);
    }
    const ties = scored.filter((r) => r.score === 12 && r.impact === 4).map((r) => r.inputIndex);
    expect(ties).toEqual([...ties].sort((x, y) => x - y));
    expect(ties).toHaveLength(12);
  });

  it("finds one increased and one decreased risk against last quarter's scores", () => {
    // Last quarter's score follows from this quarter's and the published trend word.
    const previous = (r: typeof scored[number], trend: string) =>
      trend === "Increased" ? r.score - 1 : trend === "Decreased" ? r.score + 1 : r.score;
    const moves = rows.map(({ row }) => {
      const r = scored.find((s) => s.key === row.Risk)!;
      return { risk: row.Risk, movement: movementOf(r.score, previous(r, row.Trend)) };
    });
    expect(moves.filter((m) => m.movement === "Increased").map((m) => m.risk)).toEqual(["Retail market distress impacting Middlesbrough town centre."]);
    expect(moves.filter((m) => m.movement === "Decreased").map((m) => m.risk)).toEqual(["UK / EU Trade and Security Deal adversely affecting Council operations."]);
    expect(moves.filter((m) => m.movement === "Unchanged")).toHaveLength(33);
  });
});

describe("directorate priorities (Appendix 3)", () => {
  const rows = readCsv("seed/directorate-priorities-q1-2021-22.csv");
  const statuses = rows.map(({ row }) => value(normaliseStatus(row["RAG at Q1"])));

  it("counts 108 priorities: 67 Green, 40 Amber, 1 Complete, 0 Red", () => {
    const c = countStatuses(statuses);
    expect(rows).toHaveLength(108);
    expect([c.Green, c.Amber, c.Complete, c.Red]).toEqual([67, 40, 1, 0]);
  });

  it("achieves the 90% Green, Amber or Complete standard at 100%", () => {
    const s = assessStandard(countStatuses(statuses), { expected: 90, counts: ["Green", "Amber", "Complete"] });
    expect(s).toMatchObject({ counted: 108, base: 108, achieved: true });
    expect(formatPercent(s.percent)).toBe("100%");
  });

  it("counts priorities per directorate", () => {
    const groups = groupBy(rows, (r) => r.row.Directorate);
    const sizes = Object.fromEntries([...groups].map(([k, v]) => [k, v.length]));
    expect(sizes).toEqual({
      Finance: 24, "Legal and Governance Services": 19, "Adult Social Care and Health Integration": 17,
      "Regeneration and Culture": 13, "Environment and Community Services": 12, "Children's Care": 8,
      "Education and Partnerships": 8, "Public Health": 7,
    });
  });

  it("reports the two impossible due dates with their row and accepts 31/05/2021", () => {
    const bad = rows
      .map(({ line, row }) => ({ line, row, parsed: parseUkDate(row["Due Date"]) }))
      .filter((r) => !r.parsed.ok);
    expect(bad.map((b) => [b.row["Due Date"], b.row.Directorate, b.line])).toEqual([
      ["31/10021", "Finance", expect.any(Number)],
      ["31/0322", "Education and Partnerships", expect.any(Number)],
    ]);
    expect(bad[0].row.Priority).toMatch(/section 75/);
    expect(bad[1].row.Priority).toMatch(/Community Learning Strategy/);
    const four = rows.find(({ row }) => row["Due Date"] === "31/05/2021")!;
    expect(value(parseUkDate(four.row["Due Date"]))).toEqual({ year: 2021, month: 5, day: 31 });
  });

  it("keeps repeated titles across directorates as distinct priorities", () => {
    const values = rows.filter(({ row }) => row.Priority.startsWith("Embed our Values"));
    expect(new Set(values.map((v) => v.row.Directorate)).size).toBe(values.length);
    expect(values.length).toBeGreaterThan(1);
  });

  it("lists as overdue only priorities whose due date passed by the end of the quarter and are not complete", () => {
    const asAt = periodEnd(value(parsePeriod("Q1 2021/22")) as Period);
    const overdue = rows.filter(({ row }, i) => {
      const due = parseUkDate(row["Due Date"]);
      return due.ok && isOverdue({ status: statuses[i], due: due.value }, asAt);
    });
    for (const { row } of overdue) expect(value(parseUkDate(row["Due Date"]))!.year).toBeLessThanOrEqual(2021);
  });
});

describe("Strategic Plan outcomes (report paragraphs 12–14)", () => {
  const rows = readCsv("sample/outcomes-q1-2021-22.csv");
  const items = rows.map(({ row }) => {
    const polarity = value(parsePolarity(row.Polarity)) as Polarity;
    const now = Number(row["Q1 2021/22"]);
    const before = row["Q4 2020/21"] === "" ? null : Number(row["Q4 2020/21"]);
    const target = Number(row["Target 2024"]);
    return { title: row.Outcome, status: ragStatus({ value: now, target, polarity }).status, trend: trendBetween(now, before, polarity) };
  });
  const counts = countStatuses(items.map((i) => i.status));

  it("gives 15/24 (62.5%) Green, 3/24 (12.5%) Amber, 6/24 (25%) Red, standard 75% not achieved", () => {
    expect(formatShare(counts.Green, 24)).toBe("15/24 (62.5%)");
    expect(formatShare(counts.Amber, 24)).toBe("3/24 (12.5%)");
    expect(formatShare(counts.Red, 24)).toBe("6/24 (25%)");
    expect(assessStandard(counts, { expected: 75, counts: ["Green"] }).achieved).toBe(false);
  });

  it("breaks status down by trend with 1/15 (7%), not the report's typo 1/5", () => {
    const table = statusTrendBreakdown(items);
    const text = Object.fromEntries(table.map((r) => [r.status, r.cells.map((c) => c.text)]));
    expect(text).toEqual({
      Green: ["5/15 (33%)", "1/15 (7%)", "0%", "9/15 (60%)"],
      Amber: ["0%", "1/3 (33%)", "0%", "2/3 (67%)"],
      Red: ["1/6 (17%)", "0%", "3/6 (50%)", "2/6 (33%)"],
    });
  });

  it("finds the three Red Red outcomes", () => {
    expect(items.filter((i) => isRedRed(i.status, i.trend)).map((i) => i.title)).toEqual([
      "Crime and anti-social behaviour rate per 1000 people",
      "Town centre vacancy rate (%)",
      "Household waste recycled (%)",
    ]);
  });
});

describe("workplan, Executive actions and programmes (paragraphs 9, 22, 28)", () => {
  const statusesOf = (file: string, column: string): Status[] => readCsv(file).map(({ row }) => value(normaliseStatus(row[column])));

  it("workplan: 91% / 4.5% Green/Completed, 0% Amber, 4.5% Red, 90% standard achieved", () => {
    const c = countStatuses(statusesOf("sample/workplan-q1-2021-22.csv", "Status"));
    const s = assessStandard(c, { expected: 90, counts: ["Green", "Complete"] });
    expect(s.shares).toBe("91% / 4.5%");
    expect(formatPercent(percentOf(c.Amber, s.base))).toBe("0%");
    expect(formatPercent(percentOf(c.Red, s.base))).toBe("4.5%");
    expect(s.achieved).toBe(true);
  });

  it("Executive actions: 58 of 59 on target (98%) against 90%", () => {
    const c = countStatuses(statusesOf("sample/executive-actions-q1-2021-22.csv", "Status"));
    const s = assessStandard(c, { expected: 90, counts: ["Green", "Complete"] });
    expect([s.counted, s.base, formatPercent(s.percent), s.achieved]).toEqual([58, 59, "98%", true]);
  });

  it("programmes: 20 of 27 Green, 7 Amber, Green or Amber 100% against 90%", () => {
    const c = countStatuses(statusesOf("sample/programmes-q1-2021-22.csv", "RAG"));
    const s = assessStandard(c, { expected: 90, counts: ["Green", "Amber"] });
    expect([c.Green, c.Amber, formatPercent(s.percent), s.achieved]).toEqual([20, 7, "100%", true]);
  });
});

describe("locality indicators (scrutiny pack)", () => {
  const rows = readCsv("seed/newport-pmf-indicator-series.csv");
  const period = (t: string) => value(parsePeriod(t)) as Period;
  const byCode = groupBy(rows, (r) => r.row.Code);
  const series = (code: string): IndicatorSeries => {
    const list = byCode.get(code)!;
    return {
      key: code,
      title: list[0].row.Title,
      polarity: value(parsePolarity(list[0].row.Aim)),
      target: null,
      points: list.map(({ row }) => ({ period: period(row.Period), value: row.Value === "" ? null : Number(row.Value) })),
    };
  };

  it("NP-CF-017: Data only, short trend Improving (48 → 69), long trend Improving (30 → 69)", () => {
    const a = assessIndicator(series("NP-CF-017"), period("Q1 2021/22"));
    expect(a.status).toBe("Data only");
    expect(a.trends).toMatchObject({ short: "Improving", previous: 48, long: "Improving", comparator: 30 });
  });

  it("NP-CF-024: short trend Improving (75 → 58), long trend Worsening (42 → 58)", () => {
    const a = assessIndicator(series("NP-CF-024"), period("Q1 2021/22"));
    expect(a.trends).toMatchObject({ short: "Improving", previous: 75, long: "Worsening", comparator: 42 });
  });

  it("has no long trend where last year's value was left blank (NP-CF-019)", () => {
    const a = assessIndicator(series("NP-CF-019"), period("Q1 2021/22"));
    expect(a.trends.long).toBe<Trend>("No trend data");
    expect(a.trends.short).toBe<Trend>("Worsening"); // 0 → 1, lower is better
  });

  it("reports an indicator's latest value for the period it belongs to, never as current", () => {
    const latest = readCsv("seed/newport-pmf-latest-q1-2021-22.csv");
    const q1 = period("Q1 2021/22");
    const stale = latest.filter(({ row }) => {
      const p = parsePeriod(row["Last Update"]);
      return !p.ok || p.value === null || !(p.value.kind === q1.kind && formatPeriodKey(p.value) === formatPeriodKey(q1));
    });
    expect(stale.map(({ row }) => row.Code)).toContain("NP-CASP-071"); // Q4 2020/21
    expect(stale.map(({ row }) => row.Code)).toContain("NP-CF-026"); // financial year 2020/21
    expect(stale.map(({ row }) => row.Code)).toContain("NP-CF-016"); // no value, no period
    expect(latest.length - stale.length).toBe(7);
  });
});

function formatPeriodKey(p: Period): string {
  return JSON.stringify(p);
}
