/**
 * Colour rules on a council's own sheets (--format-source in the pane):
 * the product removes only the rules it added. Excel hands back every rule
 * that merely intersects a range, with formulas relative to the range they
 * were fetched through (office-js #5194), and inserted rows move rules away
 * from where they were recorded.
 */
import { readFileSync } from "fs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";
import { updateSettings } from "../../src/workbook/settings-store";
import { anchoredForm } from "../../src/workbook/office/owned-rules";
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState, FakeRule } from "../fakes/excel-state";
import { fakeFromGrids } from "../fakes/conformance";
import { SAMPLE } from "../helpers/workbooks";
import { parseRange, a1 } from "../../src/core";

const CAPS = { mergedAreas: true };
const SHEET = "Workplan";

const run = (state: FakeWorkbookState) =>
  fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, CAPS), { formatSource: true }));

async function formattedOnce(): Promise<{ state: FakeWorkbookState; ours: FakeRule[]; users: FakeRule[] }> {
  const state = fakeFromGrids(await (await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)))).readSheets());
  await run(state);
  const ws = state.sheet(SHEET)!;
  const ours = ws.rules.map((r) => ({ ...r }));
  const r = parseRange(ours[0].ref)!;
  const wideRef = `${a1(r.top, 0)}:${a1(r.bottom, r.right + 3)}`;
  // The council's own rules: one on the very same range, and one over the whole table
  // whose formula, read through the product's range, looks exactly like the product's.
  const users: FakeRule[] = [
    { id: 9001, ref: ours[0].ref, type: "Custom", priority: 0, formula: `=$${ours[0].ref.replace(/\d.*/, "")}${r.top + 1}="Overdue"`, fill: "#FF0000" },
    { id: 9002, ref: wideRef, type: "Custom", priority: 1, formula: ours[0].formula, fill: "#FFFF00" },
  ];
  for (const u of users) ws.rules.push({ ...u });
  return { state, ours, users };
}

const userRules = (state: FakeWorkbookState) => state.sheet(SHEET)!.rules.filter((r) => r.id >= 9000).map((r) => r.id).sort();
const ownedRules = (state: FakeWorkbookState) => state.sheet(SHEET)!.rules.filter((r) => r.id < 9000);

describe("the product's colour rules on a council's sheet", () => {
  it("reads rules as Excel gives them: every rule intersecting the range, formulas relative to it", async () => {
    const { state, ours } = await formattedOnce();
    const r = parseRange(ours[0].ref)!;
    const formulas = await fakeExcelRun(state)(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem(SHEET).getRange(a1(r.top + 1, r.left)).conditionalFormats.load("items/type");
      await ctx.sync();
      const rules = cfs.items.map((c) => c.custom.rule.load("formula"));
      await ctx.sync();
      return rules.map((x) => x.formula);
    });
    expect(formulas.length).toBe(ours.length + 2);
    // Fetched one row down, the product's "$D6" reads as "$D7".
    expect(formulas[0]).toContain(`${r.top + 2}))`);
  });

  it("keeps a council's own rules, even one that reads like the product's, run after run", async () => {
    const { state, ours, users } = await formattedOnce();
    for (let i = 0; i < 3; i++) await run(state);
    expect(userRules(state)).toEqual(users.map((u) => u.id));
    expect(ownedRules(state).map((r) => [r.ref, r.formula])).toEqual(ours.map((r) => [r.ref, r.formula]));
  });

  it("never leaves its rules twice after rows are inserted above the data", async () => {
    const { state, ours } = await formattedOnce();
    const ws = state.sheet(SHEET)!;
    const rows = parseRange(ours[0].ref)!.bottom + 2;
    ws.insertRows(0, rows);
    // The officer moves the header row in the pane's mapping, as the header has moved too.
    await fakeExcelRun(state)((ctx) => updateSettings(new OfficeWorkbook(ctx, CAPS), (s) => {
      const id = Object.keys(s.datasets).find((k) => k === SHEET || k.startsWith(`${SHEET}|`))!;
      const m = s.datasets[id].mapping!;
      s.datasets[id] = { ...s.datasets[id], mapping: { ...m, headerRow: (m.headerRow ?? 1) + rows } };
    }));
    await run(state);
    const owned = ownedRules(state);
    expect(owned.length).toBe(ours.length);
    // The new rules sit where the data now is, with the same formulas anchored there.
    const now = parseRange(owned[0].ref)!;
    expect(now.top).toBe(parseRange(ours[0].ref)!.top + rows);
    expect(owned.map((r) => anchoredForm(r.formula!, now.top, now.left)).sort())
      .toEqual(ours.map((r) => anchoredForm(r.formula!, parseRange(r.ref)!.top, parseRange(r.ref)!.left)).sort());
    expect(userRules(state)).toEqual([9001, 9002]);
  });
});

describe("anchoredForm", () => {
  it("gives the same form for a formula wherever its rule is anchored, and another for another test", () => {
    expect(anchoredForm('=LOWER(TRIM($D6))="g"', 5, 3)).toBe(anchoredForm('=lower( trim($D106)) = "g"', 105, 3));
    expect(anchoredForm('=$D6="G"', 5, 3)).not.toBe(anchoredForm('=$D6="g"', 5, 3));
    expect(anchoredForm("=E2>F$1", 1, 4)).toBe("R[0]C[0]>R0C[1]");
  });
});
