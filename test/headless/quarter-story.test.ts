/**
 * A quarter told honestly, end to end on the command line and on files of
 * our own: templates go out, one return comes back before the report and
 * one after, the commentary is checked against its figures, Q1 is restated
 * when a late return and a corrected figure arrive, and Q2's report says so.
 * The same Q2 workbook run inside Excel (the strict fake) gives the same.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { readFileSync } from "fs";
import { tempDir, load, sheetValues } from "../helpers/workbooks";
import { quarterStory, QuarterStory, cli } from "../helpers/quarter-story";
import { SummaryJson } from "../../src/workbook/summarise";
import { CollectJson } from "../../src/workbook/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise as summariseOn } from "../../src/workbook/summarise";
import { fakeExcelRun } from "../fakes/excel-fake";
import { fakeFromXlsx } from "../fakes/load-xlsx";
import { parseSettings, itemsObject } from "../../src/core";
import { paneOutcome } from "../../src/taskpane/pane-results";

jest.setTimeout(600_000);

const dir = tempDir();
const values = (wb: ExcelJS.Workbook, sheet: string) => sheetValues(wb.getWorksheet(sheet)!);
const column = (wb: ExcelJS.Workbook, sheet: string, header: string) => {
  const rows = values(wb, sheet);
  const head = rows.findIndex((r) => r?.includes(header));
  const col = rows[head].indexOf(header);
  return rows.slice(head + 1).filter((r) => r?.length).map((r) => r[col] ?? null);
};
const lines = (wb: ExcelJS.Workbook, sheet: string) => values(wb, sheet).map((r) => String(r?.[0] ?? "")).filter(Boolean);
/** A sheet's first column as one text: a long note is wrapped over several rows. */
const text = (wb: ExcelJS.Workbook, sheet: string) => lines(wb, sheet).join(" ");

async function summarise(input: string, name: string, period: string, today: string) {
  const out = join(dir, name);
  const r = await cli(["summarise", input, "--out", out, "--json", "--period", period, "--today", today]);
  return { out, json: JSON.parse(r.stdout) as SummaryJson, wb: await load(out), readable: (await cli(["summarise", input, "--out", join(dir, `readable-${name}`), "--period", period, "--today", today])).stdout };
}

describe("a quarter with returns, commentary and a restatement", () => {
  let q1: Awaited<ReturnType<typeof summarise>>;
  let late: Awaited<ReturnType<typeof summarise>>;
  let q2: Awaited<ReturnType<typeof summarise>>;
  let story: QuarterStory;
  let collected: CollectJson;

  beforeAll(async () => {
    story = await quarterStory(dir);
    collected = JSON.parse(story.collected);
    q1 = await summarise(story.beforeQ1, "run-q1.xlsx", "Q1 2021/22", "2021-07-12");
    late = await summarise(story.lateInput, "run-q1-late.xlsx", "Q1 2021/22", "2021-07-20");
    q2 = await summarise(story.q2Input, "run-q2.xlsx", "Q2 2021/22", "2021-10-12");
  });

  describe("outstanding returns", () => {
    it("records which returns went out and which came back, and collect says which are still out", () => {
      expect(collected.outstanding.map((x) => [x.directorate, x.dataset, x.sheet])).toEqual([["Regeneration", "Workplan", "Regeneration Workplan"], ["Place", "Workplan", "Place Workplan"]]);
    });

    it("gives the headline's range and the returns that decide the standard, in --json, the readable lines, the Summary and the Commentary", () => {
      const w = q1.json.datasets.find((d) => d.sheet === "Workplan")!;
      // 10 of 12 on target now (Finance's budget went Red, as its return said); Regeneration's 3 and Place's 7 could come back any way.
      expect(w.standard).toMatchObject({ percent: 83.3, achieved: false });
      // Regeneration's return alone could lift it to 11 of 12; Place's alone could not (its seven are Green already).
      expect(w.outstanding).toMatchObject({ range: { min: 1, max: 11, base: 12 }, verdict: "depends", deciding: ["Regeneration"] });
      const headline = "1–11 of 12 Green or Complete (8–92%) — standard 90% depends on 2 outstanding returns, from Regeneration (3 items) and Place (7 items); "
        + "the one from Regeneration decides it";
      expect(w.outstanding!.text).toBe(headline);
      expect(q1.readable).toContain(`    Returns outstanding: ${headline}`);
      expect(text(q1.wb, "Summary")).toContain(`Workplan: ${headline}.`);
      expect(lines(q1.wb, "Commentary")).toContain("Until all returns are in, the figure could be anywhere between 1 and 11 of 12 (8% to 92%): "
        + "the returns from Regeneration (three items) and Place (seven items) are still outstanding; the one from Regeneration decides whether the standard is met.");
    });

    it("narrows once a late return is collected: the range is of the workbook as it stands, the housing scheme now Green", () => {
      const w = late.json.datasets.find((d) => d.sheet === "Workplan")!;
      expect(w.outstanding).toMatchObject({ range: { min: 4, max: 11, base: 12 }, verdict: "depends", deciding: ["Place"], returns: [{ directorate: "Place", items: 7 }] });
    });
  });

  describe("commentary checks", () => {
    it("finds figures quoted that differ, and Red items with cheerful commentary, each a data issue with its cell", () => {
      const found = q1.json.issues.filter((i) => /commentary/.test(i.message) && i.severity === "warning").map((i) => `${i.sheet}!${i.cell}`);
      expect(found).toEqual(["Outcomes!H3", "Outcomes!H4", "Workplan!E3"]);
      const o = q1.json.datasets.find((d) => d.sheet === "Outcomes")!;
      expect(o.commentary).toMatchObject({ checked: 4, figures: 1, unacknowledged: 1, copied: 0, comparedWith: null, notChecked: "no results are stored for Q4 2020/21" });
      expect(o.commentary!.findings.map((f) => [f.item, f.cell, f.check])).toEqual([
        ["Adults physically active (%)", "H3", "figures"], ["Household waste recycled (%)", "H4", "unacknowledged"],
      ]);
    });

    it("shows a Commentary check column on the results sheets and counts on the Summary", () => {
      expect(column(q1.wb, "Indicator results", "Commentary check")).toEqual([
        "Checked: nothing found", "Quotes 'rose to 75 per cent': not in the data", "Red Red: no concern or action said", "Checked: nothing found",
      ]);
      expect(column(q1.wb, "By directorate", "Commentary check").slice(0, 5)).toEqual([
        "Checked: nothing found", "Red: no concern or action said", "Checked: nothing found", "Checked: nothing found", "Checked: nothing found",
      ]);
      expect(text(q1.wb, "Summary")).toContain("Commentary of 4 items checked: 1 commentary quotes figures that differ from the data; 1 commentary on a Red item does not acknowledge "
        + "its status (no word of concern, shortfall or action); not compared with last period's commentary: no results are stored for Q4 2020/21. "
        + "Each is on the Data issues sheet with its cell; the commentary is left as written.");
    });

    it("never changes the commentary", async () => {
      const input = await load(story.beforeQ1);
      expect(values(q1.wb, "Outcomes")).toEqual(values(input, "Outcomes"));
      expect(values(q1.wb, "Workplan")).toEqual(values(input, "Workplan"));
    });

    it("finds commentary copied from the stored quarter", () => {
      const copied = q2.json.issues.filter((i) => /word for word/.test(i.message));
      expect(copied.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["Outcomes!H2", "Workplan!E2", "Workplan!E4", "Workplan!E5", "Workplan!E6"]);
      expect(copied[0].message).toBe("'Pupils in good schools (%)': its commentary is the same, word for word, as the commentary stored for Q1 2021/22 (on 12/07/2021): it may not have been updated");
    });
  });

  describe("restatements", () => {
    it("a re-run of Q1 after a late return reprints what was published and lists the difference as a data change, with the day published", () => {
      expect(late.json.stored!.action).toBe("reprinted");
      expect(late.json.restated.map((x) => [x.dataset, x.text, x.publishedOn])).toEqual([["Workplan", "Q1 2021/22 restated: 1 action changed status (data corrected)", "12/07/2021"]]);
      expect(late.json.restated[0].items).toEqual([{
        item: "Deliver the housing scheme", sheet: "Workplan", cell: "D3", change: "data", was: "Red", now: "Green", statusWas: "Red", statusNow: "Green", publishedOn: "12/07/2021", newPublishedOn: null,
      }]);
      // Published results are not overwritten: the reprint shows Q1 as published.
      expect(late.json.datasets.find((d) => d.sheet === "Workplan")!.statusCounts).toEqual(q1.json.datasets.find((d) => d.sheet === "Workplan")!.statusCounts);
    });

    it("the next quarter's Summary and Commentary say Q1 was restated, and a Restatements sheet lists each difference", () => {
      expect(q2.json.restated.map((x) => x.text)).toEqual(["Q1 2021/22 restated: 1 outcome changed status (data corrected); 1 other value corrected without a change of status"]);
      expect(text(q2.wb, "Summary")).toContain("Outcomes: Q1 2021/22 restated: 1 outcome changed status (data corrected); 1 other value corrected without a change of status; "
        + "the results published on 12/07/2021 stand as published. Each difference is on the 'Restatements' sheet.");
      const commentary = lines(q2.wb, "Commentary");
      expect(commentary[commentary.indexOf("Outcomes") + 1]).toBe("Q1 2021/22 restated: one outcome changed status (data corrected); one other value corrected without a change of status.");
      const table = values(q2.wb, "Restatements");
      const head = table.findIndex((r) => r?.[0] === "Period");
      expect(table[head]).toEqual(["Period", "Dataset", "Item", "Change", "As published", "Now", "Status published", "Status now", "Published on", "New result published", "Cell"]);
      expect(table.slice(head + 1)).toEqual([
        ["Q1 2021/22", "Outcomes", "Adults physically active (%)", "Data change", "72", "66", "Green", "Red", "12/07/2021", "Not published", "E3"],
        ["Q1 2021/22", "Outcomes", "Household waste recycled (%)", "Data change", "28.6", "30", "Red", "Red", "12/07/2021", "Not published", "E4"],
      ]);
    });

    it("keeps Q1 as published in the history", async () => {
      const stored = await (await XlsxWorkbook.open(new Uint8Array(readFileSync(q2.out)))).readSettings();
      const q1Stored = parseSettings(stored).settings.history.Outcomes["Q1 2021/22"];
      expect([itemsObject(q1Stored.items).O2.value, itemsObject(q1Stored.items).O2.status, q1Stored.storedAt, q1Stored.superseded]).toEqual([72, "Green", "2021-07-12", undefined]);
    });
  });

  it("inside Excel (the strict fake), Q2 gives the same --json, the same Restatements sheet and the pane's headlines and checks", async () => {
    const data = new Uint8Array(readFileSync(story.q2Input));
    const state = await fakeFromXlsx(data);
    const inside = await fakeExcelRun(state)((ctx) => summariseOn(new OfficeWorkbook(ctx, { mergedAreas: true }), { period: "Q2 2021/22", today: "2021-10-12" }));
    const fromFile = await summariseOn(await XlsxWorkbook.open(data), { period: "Q2 2021/22", today: "2021-10-12" });
    expect(inside.json).toEqual(fromFile.json);
    const { lost: _lost, ...cliJson } = q2.json as SummaryJson & { lost: unknown };
    expect(inside.json).toEqual(cliJson);
    const restated = (r: typeof inside) => r.plans.find((p) => p.purpose === "restatements")!.cells;
    expect(restated(inside)).toEqual(restated(fromFile));
    expect(state.sheets.map((s) => s.name)).toContain("Restatements");
    const view = paneOutcome(inside).view;
    expect(view.restated).toEqual(["Outcomes: Q1 2021/22 restated: 1 outcome changed status (data corrected); 1 other value corrected without a change of status; "
      + "the results published on 12/07/2021 stand as published."]);
    expect(view.commentary.map((c) => [c.label, c.found])).toEqual([["Outcomes", 1], ["Workplan", 4]]);
  });
});
