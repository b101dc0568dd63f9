/**
 * The product against real public workbooks nobody here made
 * (../shared/real-workbooks, with what a careful performance officer expects
 * of each in its README). Each file is summarised as a user would, and the
 * reading is checked against those expectations. Skipped, with a printed
 * note, where the folder is not beside the project.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise, SummariseResult } from "../../src/workbook/summarise";
import { DatasetReport, RisksReport, IndicatorsReport, ActionsReport } from "../../src/core";

const DIR = join(__dirname, "..", "..", "..", "shared", "real-workbooks");
const present = existsSync(DIR);
if (!present) console.warn(`Real-workbook checks skipped: ${DIR} is not there (it sits beside the project in CI and on developers' machines).`);
const maybe = present ? describe : describe.skip;
// Some of these files are slow to open with whole-column validation; the reader's own limits are tested elsewhere.
jest.setTimeout(180_000);

async function run(file: string, options: { area?: string } = {}): Promise<SummariseResult & { saved: Uint8Array }> {
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(join(DIR, file))));
  const result = await summarise(wb, options);
  const saved = (await wb.save()).data;
  return { ...result, saved };
}

function only<T extends DatasetReport>(r: SummariseResult, sheet: string): T {
  const found = r.report.datasets.filter((d) => d.sheet === sheet);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

function columnHeader(d: DatasetReport, role: string): string | undefined {
  const col = (d.detected.columns as Record<string, number>)[role];
  return col === undefined ? undefined : d.detected.headers[col - d.detected.left];
}

/** Rows in = rows counted (rated or not) + rows flagged + rows set aside with a reason. */
function everyRowAccounted(d: DatasetReport): void {
  expect(d.rowsIn).toBe(d.rowsCalculated + d.rowsFlagged + (d.rowsSetAside ?? 0));
}

maybe("real workbooks other people made", () => {
  it("infra_Risk_Register: a risk register banded by its own RAG, closed risks out of the live register and listed", async () => {
    const r = await run("infra_Risk_Register.xlsx");
    const d = only<RisksReport>(r, "Risk_Register");
    expect(d.kind).toBe("risks");
    expect(columnHeader(d, "level")).toBe("RAG_Status");
    expect(columnHeader(d, "lifecycle")).toBe("Current_Status");
    expect(d.levelsSource).toMatch(/RAG_Status/);
    // Levels agree with the register's own RAG, or one warning says where they differ.
    const mismatches = r.report.issues.filter((i) => i.code === "risk.level-mismatch");
    expect(mismatches.length).toBeLessThanOrEqual(1);
    for (const x of d.risks) if (mismatches.length === 0) expect(x.band).toBe(x.item.publishedLevel);
    expect(d.closedNow.length).toBeGreaterThan(0);
    const closed = new Set(d.closedNow.map((c) => c.key));
    expect(d.risks.some((x) => closed.has(x.key))).toBe(false);
    expect(d.heatMap.flat().reduce((s, c) => s + c.count, 0)).toBe(d.risks.length);
    everyRowAccounted(d);
  });

  it("infra_Programme_Milestones: all 80 milestones counted, due date from Planned_End, title not the priority", async () => {
    const r = await run("infra_Programme_Milestones.xlsx", {});
    const d = only<ActionsReport>(r, "Programme_Milestones");
    expect(d.kind).toBe("actions");
    expect(columnHeader(d, "due")).toBe("Planned_End");
    expect(columnHeader(d, "title")).toBe("Milestone_Name");
    expect(columnHeader(d, "title")).not.toBe("Priority");
    const total = Object.values(d.statusCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(80);
    expect(d.standard?.base).toBe(80);
    // Overdue and At Risk are understood: nothing is left unrated.
    expect(d.statusCounts["Not rated"] ?? 0).toBe(0);
    expect(d.statusCounts.Red).toBeGreaterThan(0);
    expect(d.statusCounts.Amber).toBeGreaterThan(0);
    everyRowAccounted(d);
  });

  it("infra_Data_Quality_Log: a sensible indicator reading, or a refusal that names the sheet and what was missing", async () => {
    const r = await run("infra_Data_Quality_Log.xlsx").catch(() => null);
    const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(join(DIR, "infra_Data_Quality_Log.xlsx"))));
    const result = r ?? (await summarise(wb));
    const d = result.report.datasets.find((x) => x.sheet === "Data_Quality_Log");
    if (d) {
      expect(d.kind).toBe("indicators");
      expect((d as IndicatorsReport).items.every((i) => i.item.points.length > 1)).toBe(true);
    } else {
      const skipped = result.report.skipped.find((s) => s.sheet === "Data_Quality_Log");
      expect(skipped?.reason).toMatch(/header row 1 has 'Log_ID'.*needs/);
    }
  });

  it("adele_Risk_Register: a risk register on its H/M/L scale, scored on the reviewed (residual) risk with the initial risk beside it", async () => {
    const r = await run("adele_Risk_Register.xlsx");
    const d = only<RisksReport>(r, "1. Risk Assessment");
    expect(d.kind).toBe("risks");
    // "M to H" in an impact cell is placed at High, never a point of its own: both axes stay 3-point.
    expect(d.matrix.likelihoodLabels).toEqual(["Low", "Medium", "High"]);
    expect(d.matrix.impactLabels).toEqual(["Low", "Medium", "High"]);
    expect(r.report.issues.filter((i) => i.code === "risk.level.between").map((i) => i.cell)).toContain("D35");
    expect(columnHeader(d, "level")).toBe("Initial Risk");
    expect(columnHeader(d, "residualLevel")).toBe("Reviewed Risk");
    expect(d.detected.riskPairs?.scored).toBe("current");
    expect(d.levelsSource).toMatch(/Reviewed Risk/);
    expect(d.risks.length).toBeGreaterThanOrEqual(15);
    expect(d.risks.every((x) => x.item.inherent !== null && x.item.inherent.level !== "" && x.item.inherent.score !== null)).toBe(true);
    // The control rows merged under one risk give their own reviewed levels: the reading says which row was used.
    expect(d.reading.confidence).toBe("doubtful");
    // Rows merged under one risk are that risk, not new ones; the references under the table are not risks.
    expect(new Set(d.risks.map((x) => x.item.code)).size).toBe(d.risks.length);
    expect(d.risks.some((x) => /Rudegeair|References/.test(x.title))).toBe(false);
    everyRowAccounted(d);
  });

  it("ariel_Risk_Register: levels as the register rates them, inherent and residual scores, appetite flags", async () => {
    const r = await run("ariel_Risk_Register.xlsx");
    const d = only<RisksReport>(r, "Risk Register");
    expect(d.bandCounts).toMatchObject({ High: 6, Medium: 4 });
    expect(r.report.issues.filter((i) => i.code === "risk.level-mismatch")).toHaveLength(0);
    expect(d.risks.every((x) => x.item.publishedScore === x.score)).toBe(true);
    expect(d.risks.every((x) => x.item.residual.score !== null)).toBe(true);
    expect(d.risks.filter((x) => x.exceedsAppetite === true).map((x) => x.key).sort()).toEqual(["R-001", "R-007", "R-010"]);
    // The legend is where the levels came from, not a dataset of its own.
    expect(d.levelsSource).toMatch(/Legend/);
    expect(r.report.datasets.map((x) => x.sheet)).toEqual(["Risk Register"]);
  });

  it("nhsr_spc_increase_target: one indicator, a 25-month series, polarity from improvement_direction, SPC run", async () => {
    const r = await run("nhsr_spc_increase_target.xlsx");
    const d = only<IndicatorsReport>(r, "spc_xmr_sample_dataset_rebase");
    expect(d.items).toHaveLength(1);
    const [x] = d.items;
    expect(x.item.points).toHaveLength(25);
    expect(x.item.polarity).toBe("Maximise");
    expect(x.item.target).toBe(30);
    expect(x.assessment.spc).not.toBeNull();
    everyRowAccounted(d);
  });

  it("trafford_claimant_count: one series per indicator and area; the council's own area with the others as comparators", async () => {
    const all = only<IndicatorsReport>(await run("trafford_claimant_count.xlsx"), "claimant_count");
    const indicators = new Set(all.items.map((i) => i.item.title));
    expect(all.items.length).toBe(indicators.size * all.areas.length);
    // Every row is a point of exactly one series (wards come as one month's snapshot, areas as monthly series).
    expect(all.items.reduce((n, i) => n + i.item.points.length, 0)).toBe(all.rowsIn);
    expect(all.items.some((i) => i.item.points.length > 12)).toBe(true);
    const own = only<IndicatorsReport>(await run("trafford_claimant_count.xlsx", { area: "Trafford" }), "claimant_count");
    expect(own.ownArea).toBe("Trafford");
    expect(own.items).toHaveLength(indicators.size);
    for (const i of own.items) {
      expect(i.item.area).toBe("Trafford");
      expect(i.comparators?.areas).toBe(all.areas.length - 1);
      expect(i.assessment.trends.short).not.toBe("No trend data");
    }
  });

  it("oflog_ASC_data: series per measure and authority across financial years, values used", async () => {
    const d = only<IndicatorsReport>(await run("oflog_ASC_data.xlsx"), "ASC_data");
    expect(d.areas.length).toBeGreaterThan(100);
    expect(d.items.filter((i) => i.item.points.length > 1).length).toBeGreaterThan(d.items.length / 2);
    expect(d.statusCounts["No data"] ?? 0).toBeLessThan(d.items.length / 10);
    everyRowAccounted(d);
  });

  it("mwci_KPIs: every row counted with its unknown words shown, or a refusal that names the sheet", async () => {
    const r = await run("mwci_KPIs.xlsx").catch(() => null);
    if (!r || r.report.datasets.length === 0) return;
    for (const d of r.report.datasets) {
      everyRowAccounted(d);
      if ((d.statusCounts["Not rated"] ?? 0) > 0) {
        expect(d.standard?.achieved).toBe(false);
        expect(Object.values(d.notRatedWords).reduce((a, b) => a + b, 0)).toBe(d.statusCounts["Not rated"]);
      }
    }
  });

  it("pmo_RAID_Log: only the Risk rows in the register, on a High/Medium/Low scale", async () => {
    const r = await run("pmo_RAID_Log.xlsx");
    const d = only<RisksReport>(r, "Raid Log");
    expect(d.risks).toHaveLength(1);
    expect(d.risks[0].title).toBe("Delay in stakeholder approval");
    expect(d.matrix.impactLabels).toEqual(["Low", "Medium", "High"]);
    expect(d.setAside.map((s) => s.reason)).toEqual(["Issue, not a risk", "Assumption, not a risk", "Dependency, not a risk"]);
    everyRowAccounted(d);
  });
});
