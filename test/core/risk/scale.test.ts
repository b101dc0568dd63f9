/**
 * A register's likelihood and impact scales on its own terms: its points,
 * its words, and levels written between two of them (src/core/risk/scale.ts).
 */
import { inferScale, readLevel, levelOnScale, writtenLike, Scale } from "../../../src/core/risk/scale";

const HML: Scale = { size: 3, labels: ["Low", "Medium", "High"], source: "test" };

describe("inferScale", () => {
  it("keeps a numbered scale's own points and words: '1 - Low' … '4 - Almost Certain' is four points", () => {
    const s = inferScale("Likelihood", ["1 - Low", "3 - High", "4 - Almost Certain", "2 - Medium", "3 - High"], "likelihood");
    expect(s.size).toBe(4);
    expect(s.labels).toEqual(["Low", "Medium", "High", "Almost Certain"]);
    expect(s.source).toBe("its numbered levels (1 - Low … 4 - Almost Certain)");
  });

  it("reads 'Word (n)' the same way, and fills a number the register does not use from a usual scale that agrees", () => {
    expect(inferScale("Impact", ["Minor (2)", "Major (4)", "Extreme (5)"], "impact").labels).toEqual(["Insignificant", "Minor", "Moderate", "Major", "Extreme"]);
    // No usual scale agrees with these words: the number stands for the missing level.
    expect(inferScale("Impact", ["1 - Tiny", "3 - Big"], "impact").labels).toEqual(["Tiny", "2", "Big"]);
  });

  it("keeps a plain 1–6 impact at six points, never five-point words", () => {
    const s = inferScale("Impact", [1, 6, 3, 5], "impact");
    expect(s.size).toBe(6);
    expect(s.labels).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("takes the size a header states ('Likelihood (1-3)', 'Impact_1_4')", () => {
    expect(inferScale("Likelihood (1-3)", [1, 2], "likelihood").size).toBe(3);
    expect(inferScale("Impact_1_4", [1, 2], "impact").size).toBe(4);
  });

  it("uses the default 1–5 scale when plain numbers say nothing more", () => {
    expect(inferScale("Likelihood", [1, 3, 4], "likelihood")).toMatchObject({ size: 5, source: "the default 1–5 scale" });
  });

  it("never lets an in-between word add a point: H / M / L with 'M to H' stays three points", () => {
    const s = inferScale("Impact (H/M/L)", ["H", "M", "L", "M to H", "Medium-High", "L - M"], "impact");
    expect(s.labels).toEqual(["Low", "Medium", "High"]);
  });

  it("finds the word scale that covers every word, the configured five-point one first", () => {
    expect(inferScale("Impact", ["High", "Critical", "Low", "Medium"], "impact").labels).toEqual(["Low", "Medium", "High", "Critical"]);
    expect(inferScale("Likelihood", ["Likely", "Possible", "Unlikely"], "likelihood").labels).toEqual(["Rare", "Unlikely", "Possible", "Likely", "Almost Certain"]);
  });
});

describe("readLevel", () => {
  it("reads numbers, numbered words, words and initials", () => {
    expect(readLevel(2, HML)).toEqual({ level: 2 });
    expect(readLevel("3 - High", HML)).toEqual({ level: 3 });
    expect(readLevel("High (3)", HML)).toEqual({ level: 3 });
    expect(readLevel("h", HML)).toEqual({ level: 3 });
    expect(readLevel("Med", HML)).toEqual({ level: 2 });
  });

  it("places a level written between two others at the higher, and says which two", () => {
    expect(readLevel("M to H", HML)).toEqual({ level: 3, between: [2, 3] });
    expect(readLevel("Medium-High", HML)).toEqual({ level: 3, between: [2, 3] });
    expect(readLevel("L/M", HML)).toEqual({ level: 2, between: [1, 2] });
    expect(readLevel("2-3", HML)).toEqual({ level: 3, between: [2, 3] });
  });

  it("reads nothing off the scale, and nothing from a blank", () => {
    expect(readLevel(4, HML)).toBeNull();
    expect(readLevel("7 - Dire", HML)).toBeNull();
    expect(readLevel("Sometimes", HML)).toBeNull();
    expect(readLevel(2.5, HML)).toBeNull();
    expect(readLevel(null, HML)).toBeNull();
    expect(readLevel("M to M", HML)).toBeNull();
  });
});

describe("levelOnScale", () => {
  it("is the level readLevel gives, or null", () => {
    expect(levelOnScale("M to H", HML)).toBe(3);
    expect(levelOnScale("Low", HML)).toBe(1);
    expect(levelOnScale("Sometimes", HML)).toBeNull();
  });
});

describe("writtenLike", () => {
  const labels = ["Low", "Medium", "High", "Almost Certain"];
  it("writes a level back as the register writes its levels", () => {
    expect(writtenLike(2, 4, labels)).toBe(4);
    expect(writtenLike("2", 4, labels)).toBe("4");
    expect(writtenLike("2 - Medium", 4, labels)).toBe("4 - Almost Certain");
    expect(writtenLike("2. Medium", 1, labels)).toBe("1. Low");
    expect(writtenLike("Medium (2)", 3, labels)).toBe("High (3)");
    expect(writtenLike("Medium", 3, labels)).toBe("High");
    expect(writtenLike(null, 3, labels)).toBe("High");
  });
});
