/** Storing a period's results: never over what is there unless asked, and never losing the old record. */
import { storeHistory, parseSettings, serialiseSettings, emptySettings, PeriodRecord, itemsOfObject, itemsObject } from "../../src/core";

function record(status: string, percent: number): PeriodRecord {
  return {
    period: "Q1 2021/22",
    summary: { base: 1, counted: percent === 100 ? 1 : 0, percent, statusCounts: { [status]: 1 } },
    items: itemsOfObject({ O1: { status, value: 96 } }),
    rules: { standard: { expected: 75, counts: ["Green"] }, tolerance: { kind: "percent", value: 5 } },
  };
}

const labels = { Outcomes: "Strategic Plan outcomes" };

describe("storing history", () => {
  it("stores a new period with the day it was stored", () => {
    const r = storeHistory({}, { Outcomes: record("Amber", 0) }, "Q1 2021/22", { replace: false, today: "2021-07-10", labels });
    expect(r.history.Outcomes["Q1 2021/22"]).toEqual({ ...record("Amber", 0), storedAt: "2021-07-10" });
    expect(r.note).toBeNull();
  });

  it("claims nothing stored where there was nothing to store (a period stated, no dataset reported on)", () => {
    const r = storeHistory({}, {}, "Q1 2021/22", { replace: false, today: "2021-07-10", labels });
    expect(r).toEqual({ history: {}, note: null, warning: false });
  });

  it("keeps a record stored before dates were kept, and says so without a date", () => {
    const old = { Outcomes: { "Q1 2021/22": record("Amber", 0) } };
    const r = storeHistory(old, { Outcomes: record("Red", 0) }, "Q1 2021/22", { replace: false, today: "2021-10-12", labels });
    expect(r.history).toEqual(old);
    expect(r.warning).toBe(true);
    expect(r.note).toBe("Q1 2021/22 was already stored; its stored results were kept (this run's differ for 'Strategic Plan outcomes'). Use --replace-history to replace them.");
  });

  it("tells a task-pane user how to replace in the pane's own words", () => {
    const old = { Outcomes: { "Q1 2021/22": record("Amber", 0) } };
    const r = storeHistory(old, { Outcomes: record("Red", 0) }, "Q1 2021/22",
      { replace: false, today: "2021-10-12", labels, howToReplace: "Tick 'Replace stored results' and run again to replace them." });
    expect(r.note).toMatch(/kept \(this run's differ for 'Strategic Plan outcomes'\)\. Tick 'Replace stored results' and run again to replace them\.$/);
  });

  it("stores other datasets' new records while keeping a stored one", () => {
    const old = { Outcomes: { "Q1 2021/22": { ...record("Amber", 0), storedAt: "2021-07-10" } } };
    const r = storeHistory(old, { Outcomes: record("Red", 0), Risks: record("High", 0) }, "Q1 2021/22", { replace: false, today: "2021-10-12", labels });
    expect(r.history.Outcomes).toEqual(old.Outcomes);
    expect(r.history.Risks["Q1 2021/22"].storedAt).toBe("2021-10-12");
    expect(r.note).toContain("already stored on 10/07/2021");
  });

  it("keeps every replaced record, oldest first, through a settings round trip", () => {
    let history = storeHistory({}, { Outcomes: record("Amber", 0) }, "Q1 2021/22", { replace: true, today: "2021-07-10", labels }).history;
    history = storeHistory(history, { Outcomes: record("Red", 0) }, "Q1 2021/22", { replace: true, today: "2021-10-12", labels }).history;
    const third = storeHistory(history, { Outcomes: record("Green", 100) }, "Q1 2021/22", { replace: true, today: "2022-01-15", labels });
    expect(third.warning).toBe(false);
    expect(third.note).toBe("Q1 2021/22's stored results on 12/10/2021 were replaced for 'Strategic Plan outcomes', as asked; the old results are kept in the history.");
    const settings = { ...emptySettings(), history: third.history };
    const stored = parseSettings(serialiseSettings(settings)).settings.history.Outcomes["Q1 2021/22"];
    expect(itemsObject(stored.items).O1.status).toBe("Green");
    expect(stored.superseded!.map((s) => [itemsObject(s.items).O1.status, s.storedAt, s.replacedAt])).toEqual([
      ["Amber", "2021-07-10", "2021-10-12"],
      ["Red", "2021-10-12", "2022-01-15"],
    ]);
  });

  it("keeps the commentary as published when a replacement changes no result, only the commentary", () => {
    const said = (hash: string): PeriodRecord => ({ ...record("Amber", 0), items: itemsOfObject({ O1: { status: "Amber", value: 96, commentaryHash: hash } }) });
    const old = { Outcomes: { "Q1 2021/22": { ...said("aaaaaa"), storedAt: "2021-07-10" } } };
    const r = storeHistory(old, { Outcomes: said("bbbbbb") }, "Q1 2021/22", { replace: true, today: "2021-10-12", labels });
    expect(r.history).toEqual(old);
    expect(r.statement?.action).toBe("matched");
  });

  it("does not add a superseded copy when a replacement changes nothing", () => {
    const old = { Outcomes: { "Q1 2021/22": { ...record("Amber", 0), storedAt: "2021-07-10" } } };
    const r = storeHistory(old, { Outcomes: record("Amber", 0) }, "Q1 2021/22", { replace: true, today: "2021-10-12", labels });
    expect(r.history).toEqual(old);
    expect(r.note).toBeNull();
  });
});
