/**
 * Target columns in real registers nobody here made: a review date is not a
 * target date, and target dates without target scores judge nothing.
 * Skipped where ../shared/real-workbooks is not beside the project.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { RisksReport } from "../../src/core";

const DIR = join(__dirname, "..", "..", "..", "shared", "real-workbooks");
const maybe = existsSync(DIR) ? describe : describe.skip;
jest.setTimeout(120_000);

async function register(file: string): Promise<{ d: RisksReport; sheet: string[][] }> {
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(join(DIR, file))));
  const r = await summarise(wb, { period: "Q1 2024/25" });
  const d = r.report.datasets.find((x) => x.kind === "risks") as RisksReport;
  const plan = r.plans.find((p) => p.purpose === "risk-register")!;
  return { d, sheet: plan.cells.map((row) => row.map((v) => (v === null ? "" : String(v)))) };
}

maybe("target columns in real registers", () => {
  it("ariel_Risk_Register: 'Review Date' is when the risk is next reviewed, not a target; no target columns are printed", async () => {
    const { d, sheet } = await register("ariel_Risk_Register.xlsx");
    const header = (role: string) => {
      const col = (d.detected.columns as Record<string, number | undefined>)[role];
      return col === undefined ? undefined : d.detected.headers[col - d.detected.left];
    };
    expect(header("due")).toBe("Review Date");
    expect(header("targetDate")).toBeUndefined();
    expect(d.risks.every((x) => x.course.course === "No target")).toBe(true);
    expect(sheet.flat()).not.toContain("On course for target?");
  });

  it("infra_Risk_Register: 'Target_Resolution' is a target date, but with no target score nothing is judged, and the sheet says so", async () => {
    const { d, sheet } = await register("infra_Risk_Register.xlsx");
    expect(d.detected.headers[(d.detected.columns.targetDate as number) - d.detected.left]).toBe("Target_Resolution");
    expect(d.risks.some((x) => x.item.targetDate !== null)).toBe(true);
    expect(d.risks.every((x) => x.course.course === "No target")).toBe(true);
    expect(sheet.flat()).toContain("The register gives target dates but no target scores, so no risk is judged on course for a target.");
    expect(sheet.flat()).not.toContain("On course for target?");
  });
});
