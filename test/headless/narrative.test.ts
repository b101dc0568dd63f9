/**
 * The draft commentary for the sample reproduces the figures of the seed
 * report's sentences (EXPECTED.md), drafted from the data.
 */
import { join } from "path";
import { SAMPLE, tempDir, runCli, load } from "../helpers/workbooks";
import { countWord, listWords } from "../../src/core";

describe("draft commentary", () => {
  let text: string[];
  beforeAll(async () => {
    const out = join(tempDir(), "summary.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out])).code).toBe(0);
    text = [];
    (await load(out)).getWorksheet("Commentary")!.eachRow((r) => text.push(String(r.getCell(1).value)));
  });
  const sentence = (re: RegExp) => text.find((t) => re.test(t)) ?? "";

  it("states the outcomes standard as the report does", () => {
    expect(sentence(/Strategic Plan 2021-24 outcome measures/)).toBe("At the end of Quarter One, 15 of 24 (62.5%) Strategic Plan 2021-24 outcome measures were on target, against the corporate standard of 75%.");
  });

  it("names the three Red Red outcomes with their figures", () => {
    const s = sentence(/'Red Red' outcomes/);
    expect(s).toMatch(/^There were three 'Red Red' outcomes, i\.e\. those not currently projected to meet target and with performance worsening: /);
    expect(s).toContain("crime and anti-social behaviour rate per 1000 people (55.07, from 44.1, against a target of 43.6)");
    expect(s).toContain("town centre vacancy rate (17.8%, from 16.4%, against a target of 13.25%)");
    expect(s).toContain("household waste recycled (28.6%, from 33.1%, against a target of 35%)");
  });

  it("summarises the risk register with 35 risks, 20 high, 14 medium and one low, and the two movements the register itself reports", () => {
    // A first run has no history: the count is stated, not said to have "remained", and movement is the register's own.
    expect(sentence(/risks on the register/)).toBe(
      "There are 35 risks on the register, comprising 20 high risks, 14 medium and one low risk; " +
      "according to the register's own trend column, one risk increased in severity, this being retail market distress impacting Middlesbrough town centre; " +
      "one risk reduced in severity, this being UK / EU Trade and Security Deal adversely affecting Council operations.",
    );
  });

  it("gives the workplan, Executive actions, priorities and programmes standards", () => {
    expect(sentence(/workplan actions were/)).toMatch(/21 of 22 \(95\.5%\) workplan actions were rated Green or Complete, meeting the corporate standard of 90%/);
    expect(sentence(/executive actions were/)).toMatch(/58 of 59 \(98%\) executive actions/);
    expect(sentence(/directorate priorities were/)).toMatch(/108 of 108 \(100%\) directorate priorities were rated Green, Amber or Complete/);
    expect(sentence(/Of the 27 programmes/)).toBe("Of the 27 programmes, 20 were Green and seven Amber.");
  });

  it("writes numbers below ten as words", () => {
    expect([0, 1, 9, 10, 35].map(countWord)).toEqual(["no", "one", "nine", "10", "35"]);
    expect(listWords(["a", "b", "c"])).toBe("a, b and c");
  });
});
