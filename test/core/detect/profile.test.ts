import { profileColumn, isScaleWord } from "../../../src/core/detect/profile";

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
    expect(profileColumn(["x", "x", "y", "z"]).distinct).toBe(0.75);
  });

  it("isScaleWord: short words of a rating scale only", () => {
    expect(isScaleWord("Medium")).toBe(true);
    expect(isScaleWord("almost certain")).toBe(true);
    expect(isScaleWord("3 - Likely")).toBe(false);
    expect(isScaleWord("Flooding of the depot")).toBe(false);
  });
});
