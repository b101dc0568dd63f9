import fc from "fast-check";
import { countWord, groupDigits, listSome } from "../../src/core/words";

// Counts in the report's sentences and notes ("50,000 indicators") are grouped by hand rather than by
// toLocaleString, whose first call starts the locale library: the two must always agree.
describe("whole numbers grouped in threes, as en-GB writes them", () => {
  test("agrees with toLocaleString('en-GB') for every safe integer", () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })), (n) => groupDigits(n) === n.toLocaleString("en-GB")));
  });

  test("the edges of each group of three, negatives, and what is not a safe integer", () => {
    const edges = [0, -0, 1, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000, -1000, -999_999, 2 ** 53 - 1, 2 ** 53, 1.5, -2.25, NaN, Infinity, -Infinity, 1e21];
    for (const n of edges) expect(groupDigits(n)).toBe(n.toLocaleString("en-GB"));
  });

  test("counts in prose use it", () => {
    expect(countWord(50_000)).toBe("50,000");
    expect(countWord(7)).toBe("seven");
    expect(listSome(Array.from({ length: 12 }, (_, i) => `I${i}`), 1_234_567)).toMatch(/ and 1,234,557 others$/);
  });
});
