/**
 * What a run hands the pane: the head of each long list with its true total
 * and the sheet that lists every item, and the same counts as the full report.
 */
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { paneOutcome, PANE_LIST_LIMIT } from "../../src/taskpane/pane-results";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";

const QUARTERS = ["Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

/** `n` indicators off target and worse than last quarter ('Red Red'), and one with a value that is not a number. */
async function redRedWorkbook(n: number, sheets: { name: string; rows: Value[][] }[] = []): Promise<XlsxWorkbook> {
  const rows: Value[][] = [["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]];
  for (let i = 0; i < n; i++) rows.push([`IND-${i}`, `Indicator ${i}`, "Maximise", 60, 55, 50, 40, 80]);
  rows.push(["IND-X", "Indicator X", "Maximise", 60, 55, 50, "forty", 80]);
  return XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Indicators", rows }, ...sheets] }));
}

describe("the pane's share of a run", () => {
  it("holds the first items of a long list, with the full count and the sheet that lists them all", async () => {
    const n = PANE_LIST_LIMIT + 150;
    const r = await summarise(await redRedWorkbook(n));
    const out = paneOutcome(r);
    expect(out.view.redRed.total).toBe(n);
    expect(out.view.redRed.items).toHaveLength(PANE_LIST_LIMIT);
    expect(out.view.redRed.items[0].title).toBe("Indicator 0");
    expect(out.view.redRed.sheet).toBe("Exceptions");
    const exceptions = r.plans.find((p) => p.purpose === "exceptions")!;
    expect(JSON.stringify(exceptions)).toContain(`'Red Red' items: ${n}`);
    expect(out.issues).toBeGreaterThan(0);
    expect(out.issues).toBe(r.json.issues.length);
    expect(out.view.issues.total).toBe(r.json.issues.length);
    expect(out.sheets).toBe(r.json.outputSheets.length);
    expect(out.view.headlines).toEqual(expect.arrayContaining([expect.objectContaining({ counts: r.json.datasets[0].statusCounts })]));
  }, 600_000);

  it("names the sheet the lists were written to when a council sheet had the usual name", async () => {
    const r = await summarise(await redRedWorkbook(3, [{ name: "Exceptions", rows: [["Our own notes"]] }]));
    const out = paneOutcome(r);
    expect(out.view.redRed.sheet).not.toBe("Exceptions");
    expect(r.outputSheets).toContain(out.view.redRed.sheet);
    expect(out.view.redRed.items).toHaveLength(3);
    expect(out.view.redRed.total).toBe(3);
  }, 600_000);
});

describe("status words not yet rated, in the pane", () => {
  it("holds the commonest words first, as many as the pane takes, with how many there are", async () => {
    // A large action plan where hundreds of rows say something of their own in the status column.
    const n = PANE_LIST_LIMIT + 40;
    const due = { style: 1, value: 44286 };
    const rows: Value[][] = [["Ref", "Priority", "Lead officer", "Due date", "Status"]];
    for (let i = 0; i < 1200; i++) rows.push([`C${i}`, `Deliver C${i}`, "Team", due, i % 2 ? "Complete" : "In progress"]);
    for (let i = 0; i < n; i++) rows.push([`A${i}`, `Deliver A${i}`, "Team", due, `Waiting on partner ${i}`]);
    for (let i = 0; i < 3; i++) rows.push([`B${i}`, `Deliver B${i}`, "Team", due, "Paused"]);
    const r = await summarise(await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Actions", rows }] })));
    expect(r.json.datasets[0].statusCounts["Not rated"]).toBe(n + 3);
    const entry = paneOutcome(r).view.notRated[0];
    expect(entry.wordsTotal).toBe(n + 1);
    expect(entry.words).toHaveLength(PANE_LIST_LIMIT);
    expect(entry.words[0]).toEqual({ word: "Paused", count: 3 });
  }, 600_000);
});

describe("what the pane says instead of a misleading figure", () => {
  it("warns above the headlines when the period has no values, and never headlines 0% for it", async () => {
    const r = await summarise(await redRedWorkbook(3), { period: "Q3 2021/22" });
    const view = paneOutcome(r).view;
    expect(view.warnings).toEqual([expect.stringMatching(/^No indicator or outcome has a value for Q3 2021\/22/)]);
    expect(view.notes.some((n) => n.startsWith("No indicator or outcome has a value"))).toBe(false);
    expect(view.headlines[0].text).toBe("Indicators: no values for Q3 2021/22 — none of the 4 indicators has a figure for the period, so nothing is rated");
    expect(view.headlines[0].achieved).toBeNull();
  }, 60_000);

  it("says overdue items were not checked when no period was given or found, and names no command-line option", async () => {
    const rows: Value[][] = [["Ref", "Priority", "Lead officer", "Due date", "Status"], ["A1", "Deliver A1", "Team", "Overdue", "Red"], ["A2", "Deliver A2", "Team", "", "Green"]];
    const r = await summarise(await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Actions", rows }] })));
    const view = paneOutcome(r).view;
    expect(r.report.period).toBeNull();
    expect(view.overdueChecked).toBe(false);
    expect(JSON.stringify(view.notes)).not.toMatch(/pass a period|--/);
  }, 60_000);

  it("counts long data by indicator and area until an area is chosen, then shows that area's value, trend, median and rank", async () => {
    const rows: Value[][] = [["area_name", "period", "indicator", "value"]];
    const values: Record<string, number[]> = { Trafford: [100, 104, 110], Salford: [90, 95, 98], Bury: [120, 118, 125] };
    for (const [area, v] of Object.entries(values)) ["April 2021", "May 2021", "June 2021"].forEach((p, i) => { rows.push([area, p, "Claimant count", v[i]]); rows.push([area, p, "Claimant rate", v[i] / 10]); });
    const data = await buildPackage({ sheets: [{ name: "claimants", rows }] });
    const open = await paneOutcome(await summarise(await XlsxWorkbook.open(data))).view;
    expect(open.headlines[0].text).toBe("claimants: 2 indicators for each of 3 areas — choose your area to see its figures beside the others'");
    expect(open.areaChoice).toEqual({ label: "claimants", areas: ["Bury", "Salford", "Trafford"], indicators: 2 });
    expect(JSON.stringify(open)).not.toContain("--area");
    const chosen = paneOutcome(await summarise(await XlsxWorkbook.open(data), { area: "Trafford" })).view;
    expect(chosen.areaChoice).toBeNull();
    expect(chosen.headlines[0].label).toBe("claimants (Trafford)");
    expect(chosen.areaResults).toHaveLength(1);
    expect(chosen.areaResults[0].area).toBe("Trafford");
    expect(chosen.areaResults[0].rows.find((x) => x.title === "Claimant count")).toEqual(expect.objectContaining({
      value: "110", period: "Jun 2021", median: "111.5", rank: 2, areas: 3,
    }));
  }, 60_000);
});
