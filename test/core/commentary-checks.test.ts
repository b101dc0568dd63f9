/** Reading commentary: the figures it quotes as its row's, and whether it owns up to a Red status. */
import { quotedFigures, figureFound, RowFigures } from "../../src/core/commentary/figures";
import { acknowledgesConcern } from "../../src/core/commentary/concern";
import { commentaryFingerprint } from "../../src/core";

const texts = (t: string, scope: "measure" | "risk" = "measure") => quotedFigures(t, scope).map((q) => q.text);

describe("figures a commentary quotes as its row's", () => {
  it("takes percentages however written, and numbers after words of change, comparison or target", () => {
    expect(texts("Performance was 45% this quarter, 45 per cent of residents, or 45 percent.")).toEqual(["Performance was 45%", "45 per cent", "45 percent"]);
    expect(texts("The rate is up from 40 and rose to 52.3, against a target of 50.")).toEqual(["up from 40", "rose to 52.3", "target of 50"]);
    expect(texts("Complaints fell from 120 to 95 compared with 130 last year.")).toEqual(["fell from 120", "from 120 to 95", "compared with 130"]);
    expect(texts("It improved by 3.5 percentage points; spend stands at £1.2m.")).toEqual(["improved by 3.5 percentage points", "stands at £1.2m"]);
  });

  it("passes over dates, periods, codes, names of things, counts in passing and hedged figures", () => {
    expect(texts("By 31 March 2022 in Q1 2021/22 (EX-059, phase 2, A66 scheme, priority 3), 3 new staff joined on 01/04/2021 at 10:30.")).toEqual([]);
    expect(texts("Around 40% responded; over 45% agreed; nearly 50 per cent of schools.")).toEqual([]);
    expect(texts("Covid-19 cases and the 2021 census.")).toEqual([]);
  });

  it("for a risk, only numbers said to be its score, rating, likelihood or impact", () => {
    expect(texts("The risk score reduced from 16 to 12; 5% budget overspend; 3 controls added.", "risk")).toEqual(["reduced from 16", "from 16 to 12"]);
    expect(texts("Rated 20 at the last review.", "risk")).toEqual(["Rated 20"]);
  });

  const row: RowFigures = {
    named: [{ name: "value 52.3%", value: 52.3 }, { name: "target 50%", value: 50 }, { name: "previous 48%", value: 48 }],
    earlier: [40, 44, 48, 52.3], percentages: [((52.3 - 50) / 50) * 100, ((52.3 - 48) / 48) * 100, (52.3 / 50) * 100], differences: [2.3, 4.3],
  };
  const found = (t: string) => quotedFigures(t, "measure").map((q) => [q.text, figureFound(q, row)]);

  it("finds a quoted figure among the row's within the rounding it is written to", () => {
    expect(found("Now 52%, above the 50% target, up from 48%; 52.3 per cent.")).toEqual([["Now 52%", true], ["50%", true], ["up from 48%", true], ["52.3 per cent", true]]);
    // 40 is an earlier value of the series: said as one ("up from"), it is found; said as the figure now, it is not.
    expect(found("Up from 40% two years ago. Performance is 40%.")).toEqual([["Up from 40%", true], ["Performance is 40%", false]]);
    expect(found("Up 4.3 percentage points on last quarter, 4.6% above target.")).toEqual([["Up 4.3 percentage points", true], ["4.6%", true]]);
  });

  it("does not find a figure the row does not give, nor one rounded wrongly", () => {
    expect(found("Performance reached 55% against a target of 45%.")).toEqual([["reached 55%", false], ["target of 45%", false]]);
    expect(found("52.4% this quarter")).toEqual([["52.4%", false]]);
  });

  it("a plain fraction's percentage and a measure's share of its target count as worked out from the row", () => {
    const plain: RowFigures = { named: [{ name: "value 0.87", value: 0.87 }, { name: "target 0.9", value: 0.9 }], earlier: [], percentages: [(0.87 / 0.9) * 100], differences: [] };
    expect(quotedFigures("87% of calls answered, 97% of target, 12% of something else", "measure").map((q) => figureFound(q, plain))).toEqual([true, true, false]);
  });
});

describe("whether commentary acknowledges a Red status", () => {
  it.each([
    "Performance is below target due to staff shortages.",
    "Target not met this quarter.",
    "A recovery plan is in place and progress is being monitored monthly.",
    "Alternative provision is being explored regionally; a pilot is to be carried out in 21/22.",
    "(R) Evolving pressure of mandatory vaccinations.",
    "Delays in the supply chain have pushed completion back.",
    "We are working with partners to tackle the backlog.",
  ])("acknowledges: %s", (t) => expect(acknowledgesConcern(t)).toBe(true));

  it.each([
    "Excellent progress this quarter; the team is delighted with performance.",
    "Everything is going well and on track. No concerns.",
    "Another strong quarter without any issues to report.",
    "No action needed at this time.",
  ])("does not: %s", (t) => expect(acknowledgesConcern(t)).toBe(false));
});

describe("commentary copied from one period to the next", () => {
  it("is the same fingerprint whatever the spacing or capitals, and another for other words", () => {
    expect(commentaryFingerprint("On track.  Work continues ")).toBe(commentaryFingerprint("on track. work continues"));
    expect(commentaryFingerprint("On track. Work continues")).not.toBe(commentaryFingerprint("On track. Work continued"));
    expect(commentaryFingerprint("x")).toMatch(/^[A-Za-z0-9_-]{6}$/);
  });
});
