/** A register's direction of travel, as it writes it (src/core/risk/movement.ts). */
import { readMovement } from "../../../src/core/risk/movement";

describe("readMovement", () => {
  it("reads the words registers use", () => {
    expect(["Increasing", "Increased", "Rising", "Up", "Worsening", "Escalated"].map(readMovement)).toEqual(Array(6).fill("Increased"));
    expect(["Decreasing", "Reduced", "Falling", "Down", "Improving", "Lower"].map(readMovement)).toEqual(Array(6).fill("Decreased"));
    expect(["Stable", "Same", "Unchanged", "No change", "Static", "Steady"].map(readMovement)).toEqual(Array(6).fill("Unchanged"));
    expect(["New", "New risk", "Emerging"].map(readMovement)).toEqual(Array(3).fill("New"));
  });

  it("reads arrows and triangles, alone or with a word that agrees", () => {
    expect(["▲", "↑", "⬆", "↗"].map(readMovement)).toEqual(Array(4).fill("Increased"));
    expect(["▼", "↓", "⬇", "↘"].map(readMovement)).toEqual(Array(4).fill("Decreased"));
    expect(["►", "→", "↔", "▶"].map(readMovement)).toEqual(Array(4).fill("Unchanged"));
    expect(readMovement("↑ Increased")).toBe("Increased");
    expect(readMovement("▼ improving")).toBe("Decreased");
  });

  it("gives nothing for a cell that says nothing, and null for a word it does not know or an arrow and word that disagree", () => {
    expect(["", "-", "n/a", "N/A"].map(readMovement)).toEqual(Array(4).fill("none"));
    expect(readMovement("Volatile")).toBeNull();
    expect(readMovement("?")).toBeNull();
    expect(readMovement("↑ Decreased")).toBeNull();
  });
});
