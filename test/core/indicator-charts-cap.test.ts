/**
 * The Indicator charts sheet draws a chart for each 'Red Red' item and each
 * indicator with SPC, but not thousands of them: past MAX_CHARTS the most
 * pressing come first (Red Red, then special-cause concern) and the sheet
 * says how many were left to the Indicator results sheet.
 */
import { buildReport, planReport, emptySettings, SheetGrid, CellValue } from "../../src/core";
import { MAX_CHARTS } from "../../src/core/plan/sheets/indicator-charts";

const QUARTERS = ["Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22", "Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23",
  "Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24", "Q1 2024/25", "Q2 2024/25"];

function grid(stable: number, redRed: number): SheetGrid {
  const rows: CellValue[][] = [["Code", "Indicator", "Polarity", "Target", ...QUARTERS]];
  // Steady series on target: SPC, common cause, Green — charted only when there is room.
  for (let i = 0; i < stable; i++) rows.push([`S${i}`, `Steady ${i}`, "Maximise", 50, ...QUARTERS.map((_, q) => 60 + (q % 3))]);
  // Falling below target: Red and worsening.
  for (let i = 0; i < redRed; i++) rows.push([`R${i}`, `Falling ${i}`, "Maximise", 90, ...QUARTERS.map((_, q) => 80 - q * 2 - (q === QUARTERS.length - 1 ? 10 : 0))]);
  return { name: "Indicators", rows, hiddenRows: [], merges: [], tables: [], visibility: "visible" };
}

function chartsSheet(stable: number, redRed: number) {
  const { report } = buildReport([grid(stable, redRed)], emptySettings());
  return planReport(report, null).find((p) => p.purpose === "indicator-charts")!;
}

const text = (plan: ReturnType<typeof chartsSheet>) => plan.cells.flat().filter((v): v is string => typeof v === "string");

describe("Indicator charts: how many", () => {
  it("charts every qualifying indicator when there are few, and says nothing about a limit", () => {
    const plan = chartsSheet(3, 4);
    expect(plan.charts).toHaveLength(7);
    expect(text(plan).some((t) => /Charts for \d+ of/.test(t))).toBe(false);
  });

  it(`stops at ${MAX_CHARTS}, Red Red items first, and says how many were left out`, () => {
    const plan = chartsSheet(10, MAX_CHARTS + 10);
    expect(plan.charts).toHaveLength(MAX_CHARTS);
    expect(plan.charts!.every((c) => c.title.startsWith("R"))).toBe(true);
    expect(plan.charts![0].title).toBe("R0 Falling 0");
    // A long note runs on over as many rows as the sheet's width needs.
    expect(text(plan).join(" ")).toContain(`Charts for ${MAX_CHARTS} of the ${MAX_CHARTS + 20} indicators that qualify (${MAX_CHARTS + 10} 'Red Red'): 'Red Red' items first, then special-cause concern, then the others, in the report's order. The rest are on the Indicator results sheet.`);
  });
});
