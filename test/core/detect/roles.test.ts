import { headerWords, headerScores, kindHint, nearSpelling, ROLES, KINDS } from "../../../src/core/detect/roles";

const best = (header: string, context = "") => {
  const scores = [...headerScores(headerWords(header, context))].sort((a, b) => b[1] - a[1]);
  return scores[0] ?? null;
};

describe("roles: what a header names", () => {
  it("headerWords: underscores, camel case, brackets and scale suffixes dropped; qualifiers noted", () => {
    expect(headerWords("Likelihood_1_5")).toMatchObject({ base: "likelihood", residual: false, inherent: false });
    expect(headerWords("Impact (H/M/L)")).toMatchObject({ base: "impact" });
    expect(headerWords("Residual Likelihood")).toMatchObject({ base: "likelihood", residual: true });
    expect(headerWords("Likelihood", "Inherent risk")).toMatchObject({ base: "likelihood", inherent: true });
    expect(headerWords("PlannedEnd").base).toBe("planned end");
    expect(headerWords("Target score").targetWord).toBe(true);
  });

  it("headerScores: an exact spelling 1, a phrase at an edge 0.75, inside 0.6; qualifiers move the role", () => {
    expect(best("Status")).toEqual(["status", 1]);
    expect(best("RAG at Q1")?.[0]).toBe("status");
    expect(best("Residual Impact")).toEqual(["residualImpact", 1]);
    expect(best("Target Likelihood")).toEqual(["targetLikelihood", 1]);
    expect(best("Likelihood", "Target")).toEqual(["targetLikelihood", 1]);
    expect(best("Planned_End")).toEqual(["due", 1]);
    // Titles as scorecards and KPI sheets head them; a directionality column is the polarity.
    for (const h of ["Metric", "KPI description", "Measure description", "Metrics"]) expect(best(h)).toEqual(["title", 1]);
    expect(best("Key Business Metrics")).toEqual(["title", 0.75]);
    expect(best("Directionality")).toEqual(["polarity", 1]);
    expect(best("improvement_direction")).toEqual(["polarity", 1]);
    // Organisations, ICBs and their codes are areas.
    expect(best("ICB name")).toEqual(["area", 1]);
    expect(best("Provider code")).toEqual(["areaCode", 1]);
    expect(best("Colour of the sky")).toBeNull();
  });

  it("kindHint: the words that say which kind of list a title or sheet names", () => {
    expect(kindHint("Strategic Plan outcomes")).toBe("outcomes");
    expect(kindHint("Directorate priorities")).toBe("priorities");
    expect(kindHint("Milestones")).toBe("actions");
    expect(kindHint("Programme_Milestones")).toBe("priorities");
    expect(kindHint("RAID log")).toBe("risks");
    expect(kindHint("KPIs")).toBe("indicators");
    expect(kindHint("Key Business Metrics")).toBe("indicators");
    expect(kindHint("Sheet1")).toBeNull();
  });

  it("ROLES and KINDS list every role and kind once", () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
    expect(ROLES).toEqual(expect.arrayContaining(["title", "likelihood", "residualLikelihood", "targetDate"]));
    expect(KINDS).toEqual(["indicators", "outcomes", "priorities", "actions", "risks"]);
  });
});

describe("nearSpelling: a header word misspelt by one slip", () => {
  it("reads a word one letter away from a known one, or with two letters swapped", () => {
    expect(nearSpelling("likelhood")).toBe("likelihood");
    expect(nearSpelling("probabilty")).toBe("probability");
    expect(nearSpelling("impcat")).toBe("impact");
    expect(nearSpelling("residul")).toBe("residual");
  });

  it("leaves known, short and far words alone, and a word near two known ones", () => {
    expect(nearSpelling("likelihood")).toBeNull();
    expect(nearSpelling("rsik")).toBeNull();
    expect(nearSpelling("quarterly")).toBeNull();
    expect(nearSpelling("assessment")).toBeNull();
    expect(nearSpelling("mikelihood")).toBeNull();
    // One letter from both "mitigation" and "mitigating": which is meant cannot be told.
    expect(nearSpelling("mitigatin")).toBeNull();
  });

  it("makes headerWords read the header as the spelling, on weaker evidence than the spelling itself", () => {
    expect(headerWords("Likelhood")).toMatchObject({ base: "likelihood", corrected: true });
    expect(best("Likelhood")).toEqual(["likelihood", 0.9]);
    expect(headerWords("Residul Impact")).toMatchObject({ base: "impact", residual: true });
  });
});
