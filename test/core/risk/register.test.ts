/** Scoring a register: score, band, movement, appetite, order of severity (src/core/risk/register.ts). */
import { movementOf, scoreRisk, bySeverity, scoreRegister, bandCounts, movementCounts, closedRisks, Risk } from "../../../src/core/risk/register";
import { DEFAULT_MATRIX } from "../../../src/core/risk/matrix";

const risk = (key: string, likelihood: number, impact: number, more: Partial<Risk> = {}): Risk => ({ key, title: `Risk ${key}`, likelihood, impact, ...more });

describe("movementOf", () => {
  it("compares the score with last quarter's, and calls a risk with none new", () => {
    expect([movementOf(12, 9), movementOf(6, 9), movementOf(9, 9), movementOf(9, null)]).toEqual(["Increased", "Decreased", "Unchanged", "New"]);
  });
});

describe("scoreRisk", () => {
  it("scores likelihood × impact, bands it and judges appetite on the score", () => {
    expect(scoreRisk(risk("A", 4, 5, { previousScore: 16, appetite: 15 }), 0)).toMatchObject({ score: 20, band: "High", movement: "Increased", exceedsAppetite: true });
    expect(scoreRisk(risk("B", 1, 3), 1)).toMatchObject({ score: 3, band: "Low", exceedsAppetite: null, inputIndex: 1 });
  });

  it("keeps the level the register states where it is one of the bands, and the score's band otherwise", () => {
    expect(scoreRisk(risk("C", 1, 3, { statedBand: "High" }), 0).band).toBe("High");
    expect(scoreRisk(risk("D", 1, 3, { statedBand: "Severe" }), 0).band).toBe("Low");
  });
});

describe("bySeverity and scoreRegister", () => {
  it("orders by score, then impact, then likelihood, ties in the register's order", () => {
    const got = scoreRegister([risk("a", 2, 3), risk("b", 3, 2), risk("c", 1, 5), risk("d", 5, 1), risk("e", 3, 2)]);
    expect(got.map((r) => r.key)).toEqual(["a", "b", "e", "c", "d"]);
    expect([...got].reverse().sort(bySeverity).map((r) => r.key)).toEqual(["a", "b", "e", "c", "d"]);
  });
});

describe("bandCounts and movementCounts", () => {
  const scored = scoreRegister([risk("a", 5, 5, { previousScore: 20 }), risk("b", 2, 3), risk("c", 1, 1, { previousScore: 1 })]);

  it("counts risks per band, every band listed highest first", () => {
    expect(bandCounts(scored, DEFAULT_MATRIX)).toEqual({ High: 1, Medium: 1, Low: 1 });
    expect(Object.keys(bandCounts([], DEFAULT_MATRIX))).toEqual(["High", "Medium", "Low"]);
  });

  it("counts risks per movement", () => {
    expect(movementCounts(scored)).toEqual({ Increased: 1, Decreased: 0, Unchanged: 1, New: 1 });
  });
});

describe("closedRisks", () => {
  it("lists last quarter's risks that are gone from the register now", () => {
    expect(closedRisks(["R1", "R2", "R3"], [risk("R1", 1, 1), risk("R3", 2, 2)])).toEqual(["R2"]);
  });
});
