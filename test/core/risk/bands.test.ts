/** A register's levels as it states them: a legend, its own level column, in-between levels (src/core/risk/bands.ts). */
import { levelRank, colourBands, inferBands, rangeMin, bandsFromLegend, settleBetweenLevels } from "../../../src/core/risk/bands";
import { BAND_COLOURS } from "../../../src/core/risk/matrix";

describe("levelRank", () => {
  it("orders level words by severity, whatever the register calls them", () => {
    expect(["Critical", "High", "Amber", "Low", "Negligible"].map(levelRank)).toEqual([5, 4, 3, 2, 1]);
    expect(levelRank("R")).toBe(levelRank("Red"));
    expect(levelRank("Sometimes")).toBeNull();
  });
});

describe("colourBands", () => {
  it("colours the most severe band vermillion, then orange, then blue", () => {
    expect(colourBands([{ name: "High", minScore: 10 }, { name: "Medium", minScore: 5 }, { name: "Low", minScore: 1 }]).map((b) => b.colour))
      .toEqual([BAND_COLOURS.high, BAND_COLOURS.medium, BAND_COLOURS.low]);
  });
});

describe("inferBands", () => {
  it("finds the score boundaries the register's own levels follow, and the rows that disagree", () => {
    const pairs = [{ score: 20, level: "Red", row: 1 }, { score: 16, level: "Red", row: 2 }, { score: 12, level: "Amber", row: 3 }, { score: 9, level: "Amber", row: 4 },
      { score: 4, level: "Green", row: 5 }, { score: 3, level: "Red", row: 6 }];
    const got = inferBands(pairs)!;
    expect(got.bands.map((b) => [b.name, b.minScore])).toEqual([["Red", 13], ["Amber", 5], ["Green", 1]]);
    expect(got.disagree).toEqual([6]);
  });

  it("needs two levels at least", () => {
    expect(inferBands([{ score: 4, level: "High", row: 1 }])).toBeNull();
  });
});

describe("rangeMin", () => {
  it("reads the lowest score of a band as legends write it", () => {
    expect(["16–25", "16-25", "16 to 25", ">= 16", "16+", "16 and above", "> 15"].map(rangeMin)).toEqual(Array(7).fill(16));
    expect(rangeMin("< 8")).toBe(1);
    expect(rangeMin("High")).toBeNull();
  });
});

describe("bandsFromLegend", () => {
  it("takes the levels a key sheet states, with where they came from", () => {
    const got = bandsFromLegend([{ name: "Legend", rows: [["Risk Level", "Score Range"], ["High", "16–25"], ["Medium", "9–15"], ["Low", "1–8"]] }]);
    expect(got?.source).toBe("the 'Legend' sheet");
    expect(got?.bands.map((b) => [b.name, b.minScore])).toEqual([["High", 16], ["Medium", 9], ["Low", 1]]);
  });

  it("finds nothing in a sheet with no level beside a range", () => {
    expect(bandsFromLegend([{ name: "Notes", rows: [["High", "see notes"], ["Low", "ok"]] }])).toBeNull();
  });
});

describe("settleBetweenLevels", () => {
  it("takes a level written between two of the register's own levels at the higher, and lists the rows", () => {
    const got = settleBetweenLevels([{ score: 9, level: "H", row: 3 }, { score: 4, level: "M", row: 4 }, { score: 6, level: "M - H", row: 5 }, { score: 2, level: "L to M", row: 6 }, { score: 1, level: "L", row: 7 }]);
    expect(got.pairs.map((p) => p.level)).toEqual(["H", "M", "H", "M", "L"]);
    expect(got.moved).toEqual([{ row: 5, from: "M - H", to: "H" }, { row: 6, from: "L to M", to: "M" }]);
  });

  it("leaves a level alone when the register does not use both ends as levels", () => {
    const got = settleBetweenLevels([{ score: 9, level: "High", row: 1 }, { score: 6, level: "Medium-High", row: 2 }, { score: 1, level: "Low", row: 3 }]);
    expect(got.moved).toEqual([]);
  });
});
