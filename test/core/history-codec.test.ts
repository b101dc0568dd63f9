/** The stored history's compact form: every field back as it was stored, whatever form the encoder chose for it. */
import { parseSettings, serialiseSettings, emptySettings, PeriodRecord, PublishedItem, itemsOfObject } from "../../src/core";
import { packKeys, unpackKeys } from "../../src/core/history-codec";

type ByKey = Record<string, PublishedItem>;

function record(period: string, items: ByKey): PeriodRecord {
  return { period, summary: { base: 0, counted: 0, percent: null, statusCounts: {} }, items: itemsOfObject(items), rules: { standard: null }, storedAt: "2021-07-10" };
}

function roundTrip(history: PeriodRecord[]): Record<string, PeriodRecord> {
  const s = { ...emptySettings(), history: { D: Object.fromEntries(history.map((r) => [r.period, r])) } };
  const back = parseSettings(serialiseSettings(s, "2021-07-10"));
  expect(back.problem).toBeNull();
  return back.settings.history.D;
}

describe("the key table, front-coded", () => {
  it("gives back every key: shared prefixes, none shared, empty, and keys longer than a cell", () => {
    const keys = ["PI-00001", "PI-00002", "PI-00010", "Another", "", "A|B", "x".repeat(70), "x".repeat(5000) + "é\"\\", "PI-00001#2"];
    expect(unpackKeys(packKeys(keys))).toEqual(keys);
    expect(packKeys(["PI-00001", "PI-00002"]).length).toBeLessThan("PI-00001PI-00002".length);
  });

  it("a key table cut short is damage, not a crash", () => {
    const text = packKeys(["PI-00001", "PI-00002"]);
    expect(() => unpackKeys(text.slice(0, -2))).toThrow("has a damaged key table");
  });
});

describe("items stored column by column", () => {
  it("statuses of a few words, with items lacking one or holding none, come back as stored", () => {
    const items: ByKey = {};
    const words = ["Green", "Amber", "Red", "Complete", "In progress"];
    for (let i = 0; i < 101; i++) items[`K${i}`] = { status: words[i % 5], ...(i % 7 === 0 ? {} : { trend: i % 3 ? "Improving" : "Worsening" }) };
    expect(roundTrip([record("Q1 2021/22", items)])["Q1 2021/22"].items).toEqual(itemsOfObject(items));
  });

  it("a column of more than 63 words keeps every word", () => {
    const items: ByKey = {};
    for (let i = 0; i < 200; i++) items[`K${i}`] = { status: `Word ${i % 80}` };
    expect(roundTrip([record("Q1 2021/22", items)])["Q1 2021/22"].items).toEqual(itemsOfObject(items));
  });

  it("commentary fingerprints are stored end to end, an item without commentary keeping none", () => {
    const items: ByKey = {};
    for (let i = 0; i < 150; i++) items[`K${i}`] = { status: "Green", ...(i % 4 ? { commentaryHash: `h${String(i).padStart(5, "0")}` } : {}) };
    expect(roundTrip([record("Q1 2021/22", items)])["Q1 2021/22"].items).toEqual(itemsOfObject(items));
  });

  it("targets that repeat the quarter before are stored once, the changed ones and new items beside them, and read back whole", () => {
    const q1: ByKey = {};
    const q2: ByKey = {};
    for (let i = 0; i < 100; i++) {
      q1[`K${i}`] = { status: "Green", value: i, target: 50 };
      q2[`K${i}`] = { status: "Green", value: i + 1, target: i === 3 ? 55 : i === 4 ? null : 50 };
    }
    q2.NEW = { status: "Red", value: 1, target: 60 };
    const s = { ...emptySettings(), history: { D: { "Q1 2021/22": record("Q1 2021/22", q1), "Q2 2021/22": record("Q2 2021/22", q2) } } };
    const text = serialiseSettings(s, "2021-10-10");
    const stored = JSON.parse(text).history.D["Q2 2021/22"].items.cols.target;
    expect(stored.ref).toBe("Q1 2021/22");
    expect(stored.x).toEqual([[3, 55], [4, null], [100, 60]]);
    const back = parseSettings(text).settings.history.D;
    expect(back["Q1 2021/22"].items).toEqual(itemsOfObject(q1));
    expect(back["Q2 2021/22"].items).toEqual(itemsOfObject(q2));
  });

  it("a column repeating a period that is not stored before it is damage, said as such", () => {
    const text = serialiseSettings({ ...emptySettings(), history: { D: {
      "Q1 2021/22": record("Q1 2021/22", { A: { status: "Green", target: 5 } }), "Q2 2021/22": record("Q2 2021/22", { A: { status: "Green", target: 5 } }),
    } } }, "2021-10-10");
    const damaged = text.replace('"ref":"Q1 2021/22"', '"ref":"Q4 2020/21"');
    expect(damaged).not.toBe(text);
    expect(parseSettings(damaged).problem).toEqual({ kind: "damaged", detail: "its history has a column repeating 'Q4 2020/21', which is not stored before it" });
  });

  it("history stored in format 2 (keys listed, statuses as arrays of places) is read as it was", () => {
    const v2 = JSON.stringify({
      version: 2, datasets: {}, riskMatrix: null, ownedSheets: {}, sourceFormats: [],
      historyKeys: { D: ["PI-1", "PI-2", "PI-3"] },
      history: { D: { "Q1 2021/22": { period: "Q1 2021/22", summary: { base: 3, counted: 1, percent: 33.3, statusCounts: { Green: 1, Red: 2 } }, rules: { standard: null },
        items: { keys: [[0, 3]], cols: { status: { dict: ["Green", "Red"], i: [0, 1, 1] }, value: { v: [1, 2, null] } } } } } },
    });
    const back = parseSettings(v2);
    expect(back.problem).toBeNull();
    expect(back.settings.history.D["Q1 2021/22"].items).toEqual(itemsOfObject({ "PI-1": { status: "Green", value: 1 }, "PI-2": { status: "Red", value: 2 }, "PI-3": { status: "Red", value: null } }));
  });
});
