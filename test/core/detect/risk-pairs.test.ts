/**
 * Roles for a register's several likelihood × impact pairs: the current
 * pair scored, the others beside it, each with its own score column
 * (src/core/detect/risk-pairs.ts).
 */
import { settleRiskPairs, holdsLevels, HeaderColumn } from "../../../src/core/detect/risk-pairs";
import { headerWords } from "../../../src/core/detect/roles";
import { profileColumn } from "../../../src/core/detect/profile";
import { assignRoles } from "../../../src/core/detect/assign";
import { CellValue } from "../../../src/core/values";

/** A header row over columns of values, as detection sees it (column 0 = A). */
function columns(headers: string[], context: string[], values: CellValue[][]): HeaderColumn[] {
  return headers.map((h, col) => ({ col, header: headerWords(h, context[col] ?? ""), profile: profileColumn(values.map((row) => row[col])) }));
}

function settle(headers: string[], values: CellValue[][], context: string[] = []) {
  const cols = columns(headers, context, values);
  const assignment = assignRoles(cols);
  const got = settleRiskPairs(cols, assignment, headers, context.length ? context : headers.map(() => ""), 0);
  const named = Object.fromEntries(Object.entries(assignment.columns).map(([role, col]) => [role, headers[col as number] + (context[col as number] ? ` under ${context[col as number]}` : "")]));
  return { got, named, assignment };
}

describe("settleRiskPairs", () => {
  const rows: CellValue[][] = [["R1", "Flood", 5, 5, 25, 2, 3, 6, "Owner A"], ["R2", "Fire", 4, 3, 12, 1, 3, 3, "Owner B"]];

  it("gives the current pair the residual roles and the inherent pair the plain ones, each with its own score", () => {
    const context = ["", "", "Pre-mitigation", "Pre-mitigation", "Pre-mitigation", "Post-mitigation", "Post-mitigation", "Post-mitigation", ""];
    const { got, named } = settle(["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"], rows, context);
    expect(got).toMatchObject({ scored: "current", doubt: null });
    expect(named).toMatchObject({
      likelihood: "Likelihood under Pre-mitigation", impact: "Impact under Pre-mitigation", score: "Score under Pre-mitigation",
      residualLikelihood: "Likelihood under Post-mitigation", residualImpact: "Impact under Post-mitigation", residualScore: "Score under Post-mitigation",
    });
  });

  it("gives a pair named current but no inherent pair the plain roles, and a target pair the target roles", () => {
    const { got, named } = settle(["Ref", "Risk", "Current L", "Current I", "Current score", "Target L", "Target I", "Target score", "Owner"], rows);
    expect(got?.scored).toBe("current");
    expect(named).toMatchObject({ likelihood: "Current L", impact: "Current I", score: "Current score", targetLikelihood: "Target L", targetImpact: "Target I", targetScore: "Target score" });
    expect(named.residualLikelihood).toBeUndefined();
  });

  it("records a doubt where only the columns' places tell the pairs apart", () => {
    const { got } = settle(["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"], rows);
    expect(got?.doubt).toBe("two likelihood × impact pairs ('Likelihood' C and 'Likelihood' F) and no word says which is current: scored on 'Likelihood' F, the later one");
    expect(got?.pairs.map((p) => [p.stage, p.by])).toEqual([["inherent", "position"], ["current", "position"]]);
  });

  it("changes nothing for a register with one pair", () => {
    const { got, named } = settle(["Ref", "Risk", "Likelihood", "Impact", "Score"], rows.map((r) => r.slice(0, 5)));
    expect(got).toBeNull();
    expect(named).toMatchObject({ likelihood: "Likelihood", impact: "Impact", score: "Score" });
  });

  it("does not take a text column that merely mentions impact ('Impact description') as a pair", () => {
    const text: CellValue[][] = [["R1", "Flood", 5, 5, "Homes flooded across the borough", 2, 3], ["R2", "Fire", 4, 3, "Depot out of use for weeks", 1, 3]];
    const { got } = settle(["Ref", "Risk", "Inherent likelihood", "Inherent impact", "Impact description", "Residual likelihood", "Residual impact"], text);
    expect(got?.pairs.map((p) => [p.stage, p.likelihood, p.impact])).toEqual([["inherent", 2, 3], ["current", 5, 6]]);
  });
});

describe("holdsLevels", () => {
  it("is true for a column of level words, false for scores", () => {
    expect(holdsLevels(profileColumn(["High", "Medium", "High", "Low"]))).toBe(true);
    expect(holdsLevels(profileColumn([12, 20, 6]))).toBe(false);
  });
});

describe("settleRiskPairs and last quarter's pair", () => {
  it("does not take last quarter's likelihood and impact as the inherent pair, nor score on them", () => {
    const rows: CellValue[][] = [["R1", "Flood", 4, 4, 3, 4], ["R2", "Fire", 2, 3, 2, 2]];
    const { got, named } = settle(["Ref", "Risk", "Previous likelihood", "Previous impact", "Likelihood", "Impact"], rows);
    expect(got).toBeNull();
    expect(named).toMatchObject({ likelihood: "Likelihood", impact: "Impact" });
    expect(named.residualLikelihood).toBeUndefined();
  });

  it("scores on the pair now where last quarter's carries the same headers under a group label", () => {
    const rows: CellValue[][] = [["R1", "Flood", 4, 4, 3, 4], ["R2", "Fire", 2, 3, 2, 2]];
    const context = ["", "", "Last quarter", "Last quarter", "This quarter", "This quarter"];
    const { got, named } = settle(["Ref", "Risk", "Likelihood", "Impact", "Likelihood", "Impact"], rows, context);
    expect(got).toBeNull();
    expect(named).toMatchObject({ likelihood: "Likelihood under This quarter", impact: "Impact under This quarter" });
  });
});
