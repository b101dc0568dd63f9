import { profileColumn, isScaleWord, isYearNumber } from "../../../src/core/detect/profile";

describe("profile: what a column's cells look like", () => {
  it("profileColumn: shares of numbers, small whole numbers, dates, periods, scale and status words", () => {
    expect(profileColumn([1, 2, 5, 4])).toMatchObject({ filled: 1, numbers: 1, smallInts: 1 });
    expect(profileColumn(["High", "Medium", "Low", "H"])).toMatchObject({ scaleWords: 1, text: 1 });
    expect(profileColumn(["Green", "Complete", "Off track"])).toMatchObject({ statusWords: 1 });
    expect(profileColumn(["Q1 2021/22", "Q2 2021/22"])).toMatchObject({ periods: 1 });
    expect(profileColumn([new Date(Date.UTC(2021, 5, 30)), "31/03/2022"])).toMatchObject({ dates: 1 });
    expect(profileColumn(["Open", "Closed"])).toMatchObject({ lifecycleWords: 1 });
    expect(profileColumn(["Risk", "Issue", "Assumption", "Dependency"])).toMatchObject({ raidWords: 1 });
    expect(profileColumn(["Higher is better", "Lower is better"])).toMatchObject({ polarityWords: 1 });
    expect(profileColumn(["a", null, null, "b"]).filled).toBe(0.5);
    expect(profileColumn(["p", "p", "q", "r"]).distinct).toBe(0.75);
    expect(profileColumn(["Over", "Under", "increase", "decrease"])).toMatchObject({ polarityWords: 1 });
  });

  it("profileColumn: suppression symbols say nothing of what a column holds; bare years are counted as years", () => {
    // A measure column of a statistical release: numbers with "x", "[c]" and ".." where figures are suppressed.
    expect(profileColumn([12, "x", 15, "[c]", "..", 9])).toMatchObject({ filled: 1, numbers: 1, text: 0 });
    expect(profileColumn([2019, 2020, "2021", 202223])).toMatchObject({ numbers: 1, years: 1 });
    expect(profileColumn([12.5, 2019, 40]).years).toBeCloseTo(1 / 3);
  });

  it("isYearNumber: a year, or a year and the next written together", () => {
    expect([2019, 1900, 2100, 202223, 199900].map(isYearNumber)).toEqual([true, true, true, true, true]);
    expect([1899, 2019.5, 202224, 12, 201922].map(isYearNumber)).toEqual([false, false, false, false, false]);
  });

  it("isScaleWord: short words of a rating scale only", () => {
    expect(isScaleWord("Medium")).toBe(true);
    expect(isScaleWord("almost certain")).toBe(true);
    expect(isScaleWord("3 - Likely")).toBe(false);
    expect(isScaleWord("Flooding of the depot")).toBe(false);
  });
});
