/**
 * Each item's key in the stored history: a code, and "#2", "#3" for its
 * repeats. A code that itself reads like a repeat's key ("PI-1#2" beside two
 * "PI-1"s) must not make two items share a key, or the history would keep
 * one of them and lose the other's results.
 */
import { buildReport, emptySettings, CellValue, serialiseSettings, parseSettings, periodItems, PublishedItem } from "../../src/core";
import { unpackKeys } from "../../src/core/history-codec";
import { KeyMaker } from "../../src/core/datasets/read";

describe("item keys", () => {
  it("never gives two items the same key, whatever order the codes come in", () => {
    for (const bases of [["A", "A", "A#2"], ["A#2", "A", "A"], ["A", "A#2", "A", "A#2#2", "A#2"], ["B", "B", "B", "B#3", "B#2"]]) {
      const keys = new KeyMaker();
      const made = bases.map((b) => keys.make(b));
      expect(new Set(made).size).toBe(bases.length);
      // The first of each code keeps it as it is written.
      expect(made[0]).toBe(bases[0]);
    }
    const plain = new KeyMaker();
    expect(["A", "A", "A", "B"].map((b) => plain.make(b))).toEqual(["A", "A#2", "A#3", "B"]);
  });

  it("stores a result for every indicator when one code reads like another's repeat", () => {
    const rows: CellValue[][] = [["Code", "Indicator", "Polarity", "Q1 2021/22", "Target"]];
    rows.push(["PI-1", "Missed bins", "Smaller is better", 40, 50], ["PI-1", "Missed bins (trade)", "Smaller is better", 60, 50], ["PI-1#2", "Fly-tipping", "Smaller is better", 10, 20]);
    const { records } = buildReport([{ name: "Indicators", rows }], emptySettings(), { period: "Q1 2021/22" });
    const stored = Object.values(records).flatMap((r) => r.items.values);
    expect(stored).toHaveLength(3);
  });

  it("stores items in the order an object keyed by them lists them: keys that read as whole numbers first, in numeric order", () => {
    const rows: CellValue[][] = [["Code", "Indicator", "Polarity", "Q1 2021/22", "Target"]];
    for (const code of ["PI-1", "12", "3", "012", "4294967295", "0", "4294967294", "-1"]) rows.push([code, `Indicator ${code}`, "Smaller is better", 40, 50]);
    const { records } = buildReport([{ name: "Indicators", rows }], emptySettings(), { period: "Q1 2021/22" });
    const order = ["0", "3", "12", "4294967294", "PI-1", "012", "4294967295", "-1"];
    const record = Object.values(records)[0];
    expect(record.items.keys).toEqual(order);
    expect(record.items.values.map((x) => x.status)).toHaveLength(order.length);
    const text = serialiseSettings({ ...emptySettings(), history: { D: { "Q1 2021/22": { ...record, storedAt: "2021-07-10" } } } }, "2021-07-10");
    expect(unpackKeys(JSON.parse(text).historyKeys.D)).toEqual(order);
    expect(parseSettings(text).settings.history.D["Q1 2021/22"].items).toEqual(record.items);
  });

  it("holds items as an object keyed by them would: whole-number keys first, a repeated key in its first place with its last value, no '__proto__'", () => {
    const item = (status: string): PublishedItem => ({ status });
    const keys = ["B", "12", "A", "3", "B", "__proto__"];
    const values = ["b1", "twelve", "a", "three", "b2", "proto"].map(item);
    const o: Record<string, PublishedItem> = {};
    keys.forEach((k, i) => (o[k] = values[i]));
    const expected = { keys: Object.keys(o), values: Object.values(o) };
    expect(expected.keys).toEqual(["3", "12", "B", "A"]);
    expect(periodItems(keys, values, false)).toEqual(expected);
    expect(periodItems(["B", "A", "C"], ["b", "a", "c"].map(item), true)).toEqual({ keys: ["B", "A", "C"], values: ["b", "a", "c"].map(item) });
  });
});
