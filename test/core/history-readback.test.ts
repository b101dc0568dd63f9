/**
 * History stored column by column reads back as it was stored, whatever the
 * items hold; text that cannot be read back (a record pointing outside its
 * key table, a column repeating a period not stored before it) is damaged,
 * and the check made before a save, which builds no items, says so exactly
 * as a read would.
 */
import fc from "fast-check";
import { parseSettings, readBackProblem, serialiseSettings, emptySettings, WorkbookSettings, PublishedItem, itemsOfObject } from "../../src/core";

const item = fc.record({
  status: fc.constantFrom("Green", "Amber", "Red", "Data only", "No data", "Not rated"),
  value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  score: fc.integer({ min: 1, max: 25 }),
}, { requiredKeys: ["status"] });

const items = fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 999 }).map(String)), item, { maxKeys: 30 });

function settingsWith(periods: Record<string, Record<string, PublishedItem>>): WorkbookSettings {
  const history: WorkbookSettings["history"] = { Indicators: {} };
  for (const [period, its] of Object.entries(periods)) {
    history.Indicators[period] = { period, summary: { base: 0, counted: 0, percent: null, statusCounts: {} }, items: itemsOfObject(its), rules: { standard: null } };
  }
  return { ...emptySettings(), history };
}

describe("history read back before a save", () => {
  it("reads back every item of the recent periods as stored", () => {
    fc.assert(fc.property(items, items, (q1, q2) => {
      const s = settingsWith({ "Q1 2021/22": q1, "Q2 2021/22": q2 });
      const text = serialiseSettings(s, "2021-10-01");
      expect(readBackProblem(text)).toBeNull();
      const back = parseSettings(text);
      expect(back.problem).toBeNull();
      // JSON keeps -0 as 0, as it always did.
      expect(back.settings.history).toEqual(JSON.parse(JSON.stringify(s.history)));
      expect(serialiseSettings(back.settings, "2021-10-01")).toBe(text);
    }), { numRuns: 200 });
  });

  it("calls a record that names an item outside its key table damaged, before a save as on a read", () => {
    const text = serialiseSettings(settingsWith({ "Q1 2021/22": { A: { status: "Green" }, B: { status: "Red" } } }), "2021-10-01");
    const stored = JSON.parse(text) as { history: { Indicators: Record<string, { items: { keys: [number, number][] } }> } };
    stored.history.Indicators["Q1 2021/22"].items.keys = [[0, 3]];
    const damaged = JSON.stringify(stored);
    expect(parseSettings(damaged).problem).toEqual({ kind: "damaged", detail: "its history item 2 is not in the key table" });
    expect(readBackProblem(damaged)).toEqual({ kind: "damaged", detail: "its history item 2 is not in the key table" });
  });

  it("calls a column repeating a period not stored before it damaged, before a save as on a read", () => {
    const items = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`I${i}`, { status: "Green", value: i }]));
    const text = serialiseSettings(settingsWith({ "Q1 2021/22": items, "Q2 2021/22": items }), "2021-10-01");
    const stored = JSON.parse(text) as { history: { Indicators: Record<string, unknown> } };
    // The second period's values repeat the first's; stored in the other order, the first it names comes after it.
    expect(JSON.stringify(stored.history.Indicators["Q2 2021/22"])).toContain('"ref":"Q1 2021/22"');
    const periods = stored.history.Indicators;
    stored.history.Indicators = { "Q2 2021/22": periods["Q2 2021/22"], "Q1 2021/22": periods["Q1 2021/22"] };
    const damaged = JSON.stringify(stored);
    const expected = { kind: "damaged", detail: "its history has a column repeating 'Q1 2021/22', which is not stored before it" };
    expect(parseSettings(damaged).problem).toEqual(expected);
    expect(readBackProblem(damaged)).toEqual(expected);
  });
});
