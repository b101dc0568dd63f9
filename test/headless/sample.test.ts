/**
 * The README's main job: summarise the bundled sample and check the figures
 * of ../shared/seed-data/EXPECTED.md in the JSON and in the output workbook.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createHash } from "crypto";
import { SAMPLE, tempDir, runCli, load, sheetValues, internalLinks } from "../helpers/workbooks";
import { SummaryJson } from "../../src/workbook/summarise";
import { parseSettings, RiskMatrix, itemsObject } from "../../src/core";

describe("summarise on the sample workbook", () => {
  const dir = tempDir();
  const out = join(dir, "summary.xlsx");
  let json: SummaryJson;
  const before = createHash("sha256").update(readFileSync(SAMPLE)).digest("hex");

  beforeAll(async () => {
    const r = await runCli(["summarise", SAMPLE, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  const dataset = (sheet: string) => json.datasets.find((d) => d.sheet === sheet)!;

  it("prints exactly one JSON object with the contract's fields", () => {
    expect(Object.keys(json).sort()).toEqual(["datasets", "issues", "lost", "notes", "outputSheets", "period", "restated", "skipped", "stored"]);
    for (const d of json.datasets) {
      // A risk register also says how its risks stand against their targets and how they moved; a list with commentary, what checking it found.
      const extra = [...(d.kind === "risks" ? ["risks"] : []), ...(["Workplan", "Executive actions"].includes(d.sheet) ? ["commentary"] : [])];
      expect(Object.keys(d).sort()).toEqual(["dataRows", "kind", "notRated", "reading", ...extra, "rows", "setAside", "sheet", "standard", "statusCounts"].sort());
      // The sample is read with no doubt: its figures are published as plain headlines.
      expect(d.reading).toEqual({ confidence: "sure", reasons: [] });
    }
    expect(json.period).toBe("Q1 2021/22");
  });

  it("reproduces the risk register: 35 risks, 20 High, 14 Medium, 1 Low", () => {
    expect(dataset("Strategic risks")).toMatchObject({ kind: "risks", rows: 35, statusCounts: { High: 20, Medium: 14, Low: 1 }, standard: null });
  });

  it("reproduces the priorities: 108, 67 Green, 40 Amber, 1 Complete, 90% standard achieved", () => {
    expect(dataset("Directorate priorities")).toMatchObject({
      kind: "priorities", rows: 108, statusCounts: { Green: 67, Amber: 40, Complete: 1 }, standard: { expected: 90, percent: 100, achieved: true },
    });
  });

  it("reproduces the outcomes: 15/24 Green (62.5%) against 75%, not achieved", () => {
    expect(dataset("Outcomes")).toMatchObject({ kind: "outcomes", rows: 24, statusCounts: { Green: 15, Amber: 3, Red: 6 }, standard: { expected: 75, percent: 62.5, achieved: false } });
  });

  it("reproduces the workplan, Executive actions and programmes standards", () => {
    expect(dataset("Workplan")).toMatchObject({ statusCounts: { Green: 20, Complete: 1, Red: 1 }, standard: { expected: 90, achieved: true } });
    expect(dataset("Executive actions")).toMatchObject({ statusCounts: { Green: 58, Red: 1 }, standard: { percent: 98.3, achieved: true } });
    expect(dataset("Programmes")).toMatchObject({ statusCounts: { Green: 20, Amber: 7 }, standard: { percent: 100, achieved: true } });
  });

  it("treats the locality indicators, which have no targets, as Data only", () => {
    expect(dataset("Locality indicators")).toMatchObject({ kind: "indicators", statusCounts: { "Data only": 6 }, standard: null });
  });

  it("reports the two impossible due dates with their cells, and nothing else", () => {
    expect(json.issues).toEqual([
      { sheet: "Directorate priorities", cell: "C48", severity: "error", message: "Due date '31/10021' in 'Directorate priorities'!C48 is not a date: expected dd/mm/yy or dd/mm/yyyy" },
      { sheet: "Directorate priorities", cell: "C88", severity: "error", message: "Due date '31/0322' in 'Directorate priorities'!C88 is not a date: expected dd/mm/yy or dd/mm/yyyy" },
    ]);
  });

  it("never modifies the input file", () => {
    expect(createHash("sha256").update(readFileSync(SAMPLE)).digest("hex")).toBe(before);
  });

  describe("the output workbook", () => {
    let wb: Awaited<ReturnType<typeof load>>;
    let outData: Uint8Array;
    beforeAll(async () => {
      wb = await load(out);
      outData = new Uint8Array(readFileSync(out));
    });
    const text = (sheet: string) => sheetValues(wb.getWorksheet(sheet)!).map((r) => (r ?? []).map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : v)));

    it("has the output sheets the JSON names, after the council's own", () => {
      expect(json.outputSheets).toEqual(["Summary", "Commentary", "Exceptions", "Risk register", "Risk heat map", "By directorate", "Indicator results", "Indicator appendix", "Indicator charts", "Data issues"]);
      for (const s of json.outputSheets) expect(wb.getWorksheet(s)).toBeDefined();
    });

    it("writes the outcomes standards table and the status × trend breakdown as the report prints them", () => {
      const rows = text("Summary");
      expect(rows).toContainEqual(["Number (%) GREEN", "15/24 (62.5%)", "N/A", 0.75, "No", "No history yet"]);
      expect(rows).toContainEqual(["Number (%) AMBER", "3/24 (12.5%)", "N/A", "N/A", "N/A", "N/A"]);
      expect(rows).toContainEqual(["Of GREEN", "5/15 (33%)", "1/15 (7%)", 0, "9/15 (60%)"]);
      expect(rows).toContainEqual(["Of RED", "1/6 (17%)", 0, "3/6 (50%)", "2/6 (33%)"]);
      expect(rows).toContainEqual(["GREEN/COMPLETE", "91% / 4.5% (21/22)", "N/A", 0.9, "Yes", "No history yet"]);
    });

    it("lists the three Red Red outcomes", () => {
      const titles = text("Exceptions").filter((r) => r[1] === "Outcomes").map((r) => r[0]);
      expect(titles).toEqual(["SP-20 Crime and anti-social behaviour rate per 1000 people", "SP-21 Town centre vacancy rate (%)", "SP-22 Household waste recycled (%)"]);
    });

    it("orders the risk register by severity with score, level and movement", () => {
      const rows = text("Risk register").filter((r) => typeof r[0] === "number");
      expect(rows).toHaveLength(35);
      expect(rows[0]).toEqual([1, "Failure to control expenditure within Children's Services (MFTP pressure).", "Likely", "Extreme", 20, "High", "Unchanged"]);
      expect(rows.filter((r) => r[6] === "Increased").map((r) => r[1])).toEqual(["Retail market distress impacting Middlesbrough town centre."]);
      expect(rows.filter((r) => r[6] === "Decreased").map((r) => r[1])).toEqual(["UK / EU Trade and Security Deal adversely affecting Council operations."]);
    });

    it("draws the heat map with likelihood 5 at the top and the published counts", () => {
      const rows = text("Risk heat map");
      const map = rows.filter((r) => typeof r[0] === "string" && /^\d /.test(r[0] as string)).map((r) => r.slice(0, 6));
      expect(map).toEqual([
        ["5 Almost Certain", 0, 0, 0, 1, 0],
        ["4 Likely", 0, 0, 1, 2, 1],
        ["3 Possible", 0, 1, 4, 12, 2],
        ["2 Unlikely", 0, 0, 3, 3, 1],
        ["1 Rare", 0, 0, 0, 1, 3],
      ]);
    });

    it("counts priorities per directorate", () => {
      const rows = text("By directorate");
      expect(rows).toContainEqual(["Finance", 24, 9, 15, 0, 0, 1]);
      expect(rows).toContainEqual(["Public Health", 7, 7, 0, 0, 0, 1]);
    });

    it("links every data issue to its cell, inside the workbook", async () => {
      expect(Object.values(await internalLinks(outData, "Data issues"))).toEqual(["'Directorate priorities'!C48", "'Directorate priorities'!C88"]);
    });

    it("colours status columns with native conditional formats on data-body ranges", () => {
      const cfs = (wb.getWorksheet("Summary") as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
      expect(cfs.length).toBeGreaterThan(0);
      for (const cf of cfs) expect(cf.ref).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      expect(cfs.flatMap((c) => c.rules).some((r) => r.type === "expression" && r.formulae?.[0]?.includes('="Yes"'))).toBe(true);
      const icons = (wb.getWorksheet("Indicator results") as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
      expect(icons.flatMap((c) => c.rules).some((r) => r.type === "iconSet")).toBe(true);
    });

    it("keeps settings and history in a very hidden sheet, each period with every rule it was worked out with", () => {
      const ws = wb.getWorksheet("CPE_Settings")!;
      expect(ws.state).toBe("veryHidden");
      const chunks: string[] = [];
      ws.getColumn(1).eachCell((c) => chunks.push(String(c.value)));
      const stored = JSON.parse(chunks.join(""));
      expect(stored.version).toBe(3);
      const { settings } = parseSettings(chunks.join(""));
      const outcomes = settings.history.Outcomes["Q1 2021/22"];
      expect(outcomes.summary).toMatchObject({ counted: 15, base: 24, percent: 62.5 });
      // The defaults are written out, so a reprint needs nothing from the settings of the day.
      expect(outcomes.rules).toEqual({
        standard: { expected: 75, counts: ["Green"] }, tolerance: { kind: "percent", value: 5 }, staticBand: { kind: "absolute", value: 0 },
        longTrend: "same-period-last-year", spc: true,
      });
      expect(itemsObject(outcomes.items)["SP-20"]).toEqual({ status: "Red", value: 55.07, trend: "Worsening", target: 43.6 });
      const risks = settings.history["Strategic risks"]["Q1 2021/22"].rules;
      expect(risks.levelsSource).toBe("the register's own 'Risk Level' column");
      const matrix = risks.matrix as RiskMatrix;
      expect(matrix.bands.map((b) => [b.name, b.minScore])).toEqual([["High", 10], ["Medium", 5], ["Low", 1]]);
      expect(matrix.likelihoodLabels).toEqual(["Rare", "Unlikely", "Possible", "Likely", "Almost Certain"]);
      expect(settings.history.Workplan["Q1 2021/22"].rules).toEqual({ standard: { expected: 90, counts: ["Green", "Complete"] } });
      expect(settings.datasets["Strategic risks"].mapping?.columns).toMatchObject({ likelihood: "Likelihood", impact: "Impact", level: "Risk Level" });
    });

    it("leaves every input sheet value-for-value unchanged", async () => {
      const input = await load(SAMPLE);
      for (const ws of input.worksheets) expect(sheetValues(wb.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));
    });
  });
});
