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
