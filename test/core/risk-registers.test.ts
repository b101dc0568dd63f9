/**
 * Risk registers on their own terms, end to end through the core: fixtures
 * of our own for each way a register was misread — several likelihood ×
 * impact pairs (named in headers, in a group row above, or only by their
 * place), numbered scales with the register's own words, in-between levels,
 * direction-of-travel words and arrows, a misspelt header, a "Risk Score"
 * of level words, and a scoring key that is no register.
 */
import { buildReport, emptySettings, planReport, SheetGrid, CellValue, RisksReport, Report, PlanValue } from "../../src/core";

function grid(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, ...extra };
}

function build(grids: SheetGrid[]): Report {
  return buildReport(grids, emptySettings()).report;
}

function register(r: Report, sheet?: string): RisksReport {
  const found = r.datasets.filter((d): d is RisksReport => d.kind === "risks" && (!sheet || d.sheet === sheet));
  expect(found).toHaveLength(1);
  return found[0];
}

const byKey = (reg: RisksReport, key: string) => reg.risks.find((x) => x.key === key)!;

/** The register table of the Risk register sheet, as rows of cells keyed by its header. */
function registerTable(r: Report): Record<string, PlanValue>[] {
  const plan = planReport(r, null).find((p) => p.purpose === "risk-register")!;
  const at = plan.cells.findIndex((row) => row[0] === "Rank");
  const header = plan.cells[at] as string[];
  const rows: Record<string, PlanValue>[] = [];
  for (let i = at + 1; i < plan.cells.length && typeof plan.cells[i]?.[0] === "number"; i++) {
    rows.push(Object.fromEntries(header.map((h, c) => [h, plan.cells[i][c] ?? null])));
  }
  return rows;
}

describe("a register with pre- and post-mitigation likelihood × impact", () => {
  // One risk got worse after mitigation: 3 × 3 before, 5 × 5 now. It is the only High risk on the current scores.
  const data: [string, string, number, number, number, number][] = [
    ["R1", "Funding gap", 5, 5, 2, 2], ["R2", "Cyber attack", 4, 5, 2, 3], ["R3", "Flooding", 4, 4, 1, 3],
    ["R4", "Supplier collapse", 3, 3, 5, 5], ["R5", "Staff turnover", 3, 4, 2, 2],
  ];
  const expectCurrent = (r: Report) => {
    const reg = register(r);
    expect(byKey(reg, "R4")).toMatchObject({ likelihood: 5, impact: 5, score: 25, band: "High" });
    expect(reg.bandCounts).toEqual({ High: 1, Medium: 1, Low: 3 });
    expect(reg.risks[0].key).toBe("R4");
    // The pre-mitigation score is beside it, never in a "Residual score" column.
    expect(byKey(reg, "R4").item.inherent).toMatchObject({ likelihood: 3, impact: 3, score: 9 });
    const table = registerTable(r);
    expect(table[0]).toMatchObject({ Risk: "Supplier collapse", Score: 25, Level: "High", "Inherent score": 9 });
    expect(Object.keys(table[0])).not.toContain("Residual score");
    expect(r.notes.find((n) => /^Risk register/.test(n))).toMatch(/scored on the current pair \('Likelihood' F × 'Impact' G\), with the inherent pair \('Likelihood' C × 'Impact' D\) beside it/);
    expect(reg.reading.confidence).toBe("sure");
  };

  it("scores and bands on the post-mitigation pair when a merged group row names both", () => {
    const rows: CellValue[][] = [
      ["", "", "Pre-mitigation", null, null, "Post-mitigation", null, null, ""],
      ["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"],
      ...data.map(([ref, risk, l, i, cl, ci]) => [ref, risk, l, i, l * i, cl, ci, cl * ci, "Chief executive"]),
    ];
    expectCurrent(build([grid("Strategic risks", rows, { merges: ["C1:E1", "F1:H1"] })]));
  });

  it("does the same when the group labels are typed over the first column of each block, unmerged", () => {
    const rows: CellValue[][] = [
      ["", "", "Pre-mitigation", null, null, "Post-mitigation", null, null, ""],
      ["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"],
      ...data.map(([ref, risk, l, i, cl, ci]) => [ref, risk, l, i, l * i, cl, ci, cl * ci, "Chief executive"]),
    ];
    expectCurrent(build([grid("Strategic risks", rows)]));
  });

  it("does the same when each header carries the qualifier itself, and the Residual score is the current one", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Pre-mitigation Likelihood", "Pre-mitigation Impact", "Inherent score", "Post-mitigation Likelihood", "Post-mitigation Impact", "Residual score", "Owner"],
      ...data.map(([ref, risk, l, i, cl, ci]) => [ref, risk, l, i, l * i, cl, ci, cl * ci, "Chief executive"]),
    ];
    const r = build([grid("Strategic risks", rows)]);
    const reg = register(r);
    expect(byKey(reg, "R4")).toMatchObject({ score: 25, band: "High" });
    expect(byKey(reg, "R1").item.inherent?.score).toBe(25);
    expect(byKey(reg, "R1").score).toBe(4);
    expect(reg.bandCounts).toEqual({ High: 1, Medium: 1, Low: 3 });
  });
});

describe("three pairs told apart only by their place", () => {
  const rows: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"]];
  const data: [string, number, number, number, number, number, number][] = [
    ["A1", 5, 5, 4, 4, 2, 2], ["A2", 4, 4, 3, 2, 1, 2], ["A3", 3, 5, 3, 3, 2, 3],
  ];
  for (const [ref, ...v] of data) rows.push([ref, `Risk ${ref}`, v[0], v[1], v[0] * v[1], v[2], v[3], v[2] * v[3], v[4], v[5], v[4] * v[5], "Director"]);
  const r = build([grid("Register", rows)]);
  const reg = register(r);

  it("reads them as inherent, current and target, and scores on the middle (current) pair", () => {
    expect(reg.detected.riskPairs?.pairs.map((p) => [p.stage, p.by])).toEqual([["inherent", "position"], ["current", "position"], ["target", "position"]]);
    expect(reg.risks.map((x) => [x.key, x.score, x.item.inherent?.score, x.target?.score])).toEqual([["A1", 16, 25, 4], ["A3", 9, 15, 6], ["A2", 6, 16, 2]]);
  });

  it("puts the reading in doubt, naming the three pairs and the one scored", () => {
    expect(reg.reading.confidence).toBe("doubtful");
    expect(reg.reading.reasons).toContainEqual(
      "three likelihood × impact pairs ('Likelihood' C, 'Likelihood' F and 'Likelihood' I) and no word says which is current: scored on 'Likelihood' F, "
      + "read by position as inherent ('Likelihood' C), current ('Likelihood' F), target ('Likelihood' I)");
  });

  it("names both pairs when there are two and no word says which is current, scoring the later", () => {
    const two: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact", "Likelihood", "Impact"], ["B1", "Outage", 4, 4, 2, 3], ["B2", "Fraud", 3, 3, 1, 1]];
    const got = register(build([grid("Register", two)]));
    expect(got.risks.map((x) => [x.key, x.score])).toEqual([["B1", 6], ["B2", 1]]);
    expect(got.reading.reasons).toContainEqual(
      "two likelihood × impact pairs ('Likelihood' C and 'Likelihood' E) and no word says which is current: scored on 'Likelihood' E, the later one");
  });

  it("is sure where words name the pairs", () => {
    const named: CellValue[][] = [["Ref", "Risk", "Inherent L", "Inherent I", "Current L", "Current I", "Target L", "Target I"], ["C1", "Outage", 5, 4, 3, 4, 2, 2]];
    const got = register(build([grid("Register", named)]));
    expect(got.risks[0]).toMatchObject({ score: 12, target: { score: 4 } });
    expect(got.risks[0].item.inherent?.score).toBe(20);
    expect(got.reading.confidence).toBe("sure");
  });
});

describe("numbered scales keep the register's own points and words", () => {
  const likelihood = ["1 - Low", "2 - Medium", "3 - High", "4 - Almost Certain"];
  const impact = ["1 - Negligible", "2 - Minor", "3 - Moderate", "4 - Serious", "5 - Major impact", "6 - Critical"];
  const rows: CellValue[][] = [["Risk ID", "Risk", "Likelihood", "Impact"],
    ["N1", "Data breach", likelihood[2], impact[4]], ["N2", "Budget overspend", likelihood[3], impact[5]], ["N3", "Office move delay", likelihood[0], impact[1]],
    ["N4", "Key supplier exit", likelihood[1], impact[2]], ["N5", "Legal challenge", likelihood[2], impact[3]], ["N6", "Minor outage", likelihood[0], impact[0]]];
  const r = build([grid("Risks", rows)]);
  const reg = register(r);

  it("reads a 4-point likelihood and a 6-point impact with the register's words", () => {
    expect(reg.matrix.likelihoodLabels).toEqual(["Low", "Medium", "High", "Almost Certain"]);
    expect(reg.matrix.impactLabels).toEqual(["Negligible", "Minor", "Moderate", "Serious", "Major impact", "Critical"]);
    expect(byKey(reg, "N2")).toMatchObject({ likelihood: 4, impact: 6, score: 24 });
    expect(r.notes.find((n) => /^Risk register/.test(n))).toMatch(/likelihood 4-point \(Low, Medium, High, Almost Certain\); impact 6-point/);
  });

  it("shows '3 - High' as High and '5 - Major impact' as Major impact, never a five-point word such as Extreme", () => {
    const row = registerTable(r).find((x) => x.Risk === "Data breach")!;
    expect(row).toMatchObject({ Likelihood: "High", Impact: "Major impact", Score: 15 });
    expect(JSON.stringify(registerTable(r))).not.toMatch(/Extreme|Almost certain"/);
  });

  it("keeps a plain 1–6 impact at six points", () => {
    const plain: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact"], ["P1", "Outage", 3, 6], ["P2", "Fraud", 2, 5], ["P3", "Strike", 1, 2]];
    const got = register(build([grid("Risks", plain)]));
    expect(got.matrix.impactLabels).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(got.risks[0]).toMatchObject({ key: "P1", impact: 6, score: 18 });
  });
});

describe("an H/M/L register with one level in between", () => {
  const rows: CellValue[][] = [["ID", "Risk", "Likelihood (H/M/L)", "Impact (H/M/L)"],
    ["H1", "Server failure", "M", "M"], ["H2", "Phishing", "H", "M to H"], ["H3", "Fire", "L", "H"], ["H4", "Strike", "L", "L"], ["H5", "Fraud", "H", "H"]];
  const r = build([grid("Risks", rows)]);
  const reg = register(r);

  it("keeps both axes at three points, so Medium × Medium stays Medium", () => {
    expect(reg.matrix.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(reg.matrix.impactLabels).toEqual(["Low", "Medium", "High"]);
    expect(byKey(reg, "H1")).toMatchObject({ likelihood: 2, impact: 2, score: 4, band: "Medium" });
  });

  it("places 'M to H' at the higher level and says so once, naming the cell", () => {
    expect(byKey(reg, "H2")).toMatchObject({ impact: 3, score: 9, band: "High" });
    const between = r.issues.filter((i) => i.code === "risk.level.between");
    expect(between).toHaveLength(1);
    expect(between[0]).toMatchObject({ sheet: "Risks", cell: "D3", severity: "warning" });
    expect(between[0].message).toMatch(/^1 impact level lies between two points of the register's 3-point scale \(Low, Medium, High\) in 'Impact \(H\/M\/L\)' \(D3\): each is scored at the higher point \('M to H' as High\)/);
  });

  it("takes a stated level written between two of the register's levels at the higher", () => {
    const stated: CellValue[][] = [["ID", "Risk", "Likelihood", "Impact", "Risk level"],
      ["S1", "Outage", "High", "High", "High"], ["S2", "Fraud", "Medium", "Medium", "Medium"], ["S3", "Fire", "Medium", "High", "Medium-High"], ["S4", "Strike", "Low", "Low", "Low"]];
    const got = build([grid("Risks", stated)]);
    expect(register(got).bandCounts).toEqual({ High: 2, Medium: 1, Low: 1 });
    expect(got.issues.find((i) => i.code === "risk.level.between")?.message).toMatch(/'Medium-High' as High/);
  });
});

describe("direction of travel as the register writes it", () => {
  const trends = ["Increasing", "Decreasing", "Stable", "Same", "New", "▲", "▼", "►", "↑ Increased", "Volatile", "Volatile", "-"];
  const rows: CellValue[][] = [["Ref", "Risk", "Likelihood", "Impact", "Direction of travel"]];
  trends.forEach((t, i) => rows.push([`T${i + 1}`, `Risk number ${i + 1}`, 3, 3, t]));
  const r = build([grid("Risks", rows)]);
  const reg = register(r);

  it("reads words and arrows as movement", () => {
    const moved = trends.map((_, i) => byKey(reg, `T${i + 1}`).movementShown);
    expect(moved).toEqual(["Increased", "Decreased", "Unchanged", "Unchanged", "New", "Increased", "Decreased", "Unchanged", "Increased", "N/A", "N/A", "N/A"]);
  });

  it("reports an unknown word once, with its cells, and nothing for a dash", () => {
    const unknown = r.issues.filter((i) => i.code === "risk.trend.unknown");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ cell: "E11", severity: "warning" });
    expect(unknown[0].message).toMatch(/^'Volatile' \(2 rows\) in the 'Direction of travel' column is not a direction of travel the product reads \(E11, E12\)/);
  });
});

describe("registers whose headers and columns are their own", () => {
  it("reads a misspelt 'Likelhood', impact words up to Critical, and a 'Risk Score' of levels as the register's level", () => {
    const rows: CellValue[][] = [["ID", "Risk Description", "Asset", "Impact", "Likelhood", "Risk Score", "Status", "Owner"],
      ["R1", "Data breach through web form", "Database", "High", "Likely", "High", "Open", "IT"],
      ["R2", "Card data stored in clear", "Payments", "Critical", "Unlikely", "Medium", "In Progress", "Finance"],
      ["R3", "Outdated plugins", "Website", "Low", "Likely", "High", "Mitigated", "Web team"],
      ["R4", "Staff leak", "HR system", "Medium", "Possible", "Medium", "Not Started", "HR"],
      ["R5", "Platform crash", "Shop", "Low", "Unlikely", "Low", "Open", "Ops"]];
    const r = build([grid("Sheet1", rows)]);
    const reg = register(r);
    expect(reg.detected.headers[(reg.detected.columns.likelihood as number)]).toBe("Likelhood");
    expect(reg.matrix.impactLabels).toEqual(["Low", "Medium", "High", "Critical"]);
    // The register rates each risk itself and scores only in words: its own levels stand.
    expect(reg.bandCounts).toEqual({ High: 2, Medium: 2, Low: 1 });
    expect(byKey(reg, "R3").band).toBe("High");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.datasets.map((d) => d.kind)).toEqual(["risks"]);
  });

  it("reads 'Frequency (F)' as the likelihood and 'Risk Factor= I*F' as the score", () => {
    const rows: CellValue[][] = [["Risk ID", "Risk Name", "Description", "Impact (I)", "Frequency (F)", "Risk Factor= I*F", "Person Responsible"],
      ["R1", "Absence", "A team member is ill", 4, 2, 8, "Lead"], ["R2", "Scope", "Work grows", 3, 2, 6, "Lead"], ["R3", "Sales", "Nobody buys", 1, 1, 1, "Team"]];
    const reg = register(build([grid("Sheet2", rows)]));
    expect(reg.risks.map((x) => [x.key, x.likelihood, x.impact, x.score, x.item.publishedScore])).toEqual([["R1", 2, 4, 8, 8], ["R2", 2, 3, 6, 6], ["R3", 1, 1, 1, 1]]);
  });

  it("does not read a scoring key, which lists every likelihood × impact and names no risk, as a register", () => {
    const words = ["Low (1)", "Medium (2)", "High (3)"];
    const rows: CellValue[][] = [["Probability", "Impact", "Risk Score"]];
    for (let i = 0; i < 3; i++) for (let p = 0; p < 3; p++) rows.push([words[p], words[i], `${["Low", "Low", "Medium", "Medium", "High"][p + i]} (${p + i + 2})`]);
    const r = build([grid("Scorecard", rows)]);
    expect(r.datasets).toEqual([]);
    expect(r.skipped[0].reason).toMatch(/a risk register needs a likelihood, an impact and something that names each risk/);
  });
});
