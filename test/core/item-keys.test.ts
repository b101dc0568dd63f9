/**
 * Each item's key in the stored history: a code, and "#2", "#3" for its
 * repeats. A code that itself reads like a repeat's key ("PI-1#2" beside two
 * "PI-1"s) must not make two items share a key, or the history would keep
 * one of them and lose the other's results.
 */
import { buildReport, emptySettings, CellValue } from "../../src/core";
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
    const stored = Object.values(records).flatMap((r) => Object.values(r.items));
    expect(stored).toHaveLength(3);
  });
});
