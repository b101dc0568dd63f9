import { trendBetween, trendsAt, seriesFrom, parsePeriod, Period } from "../../src/core";

const q = (t: string) => (parsePeriod(t) as { ok: true; value: Period }).value;
const quarters = ["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

describe("direction of travel", () => {
  it("is polarity-aware", () => {
    expect(trendBetween(69, 48, "Maximise")).toBe("Improving");
    expect(trendBetween(69, 48, "Minimise")).toBe("Worsening");
    expect(trendBetween(48, 48, "Maximise")).toBe("Static");
    expect(trendBetween(48, null, "Maximise")).toBe("No trend data");
  });

  it("uses plain direction words without a polarity", () => {
    expect(trendBetween(5, 4, null)).toBe("Increasing");
    expect(trendBetween(4, 5, null)).toBe("Decreasing");
    expect(trendBetween(4, 4, null)).toBe("No change");
  });

  it("counts changes within a configured band as Static", () => {
    expect(trendBetween(50.4, 50, "Maximise", { kind: "absolute", value: 0.5 })).toBe("Static");
    expect(trendBetween(51, 50, "Maximise", { kind: "percent", value: 2 })).toBe("Static");
    expect(trendBetween(51, 50, "Maximise", { kind: "percent", value: 1.9 })).toBe("Improving");
    expect(trendBetween(51.5, 50, "Maximise", { kind: "percent", value: 2 })).toBe("Improving");
  });

  it("treats moving towards the target as Improving for Goldilocks", () => {
    expect(trendBetween(98, 90, "Goldilocks", undefined, 100)).toBe("Improving");
    expect(trendBetween(110, 104, "Goldilocks", undefined, 100)).toBe("Worsening");
  });

  it("gives short and long trends for NP-CF-017 and NP-CF-024 as the pack shows", () => {
    const s017 = seriesFrom([30, 25, 39, 48, 69].map((v, i) => ({ period: q(quarters[i]), value: v })));
    expect(trendsAt(s017, q("Q1 2021/22"), "Maximise")).toMatchObject({ short: "Improving", long: "Improving", previous: 48, comparator: 30 });
    const s024 = seriesFrom([42, 52, 89, 75, 58].map((v, i) => ({ period: q(quarters[i]), value: v })));
    expect(trendsAt(s024, q("Q1 2021/22"), "Minimise")).toMatchObject({ short: "Improving", long: "Worsening" });
  });

  it("offers the Pentana long trend against the mean of the previous four periods", () => {
    const s = seriesFrom([30, 25, 39, 48, 69].map((v, i) => ({ period: q(quarters[i]), value: v })));
    const t = trendsAt(s, q("Q1 2021/22"), "Maximise", { longMethod: "mean-of-previous-4" });
    expect(t.comparator).toBeCloseTo(35.5);
    expect(t.long).toBe("Improving");
  });

  it("has no trend when the comparison period is missing", () => {
    const s = seriesFrom([{ period: q("Q1 2021/22"), value: 5 }]);
    expect(trendsAt(s, q("Q1 2021/22"), "Maximise")).toMatchObject({ short: "No trend data", long: "No trend data" });
  });
});
