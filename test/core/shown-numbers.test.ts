/**
 * Numbers as Excel shows them: a percent-formatted cell is a percentage
 * (0.8 shown as 80% is 80), compared on that scale with targets typed either
 * way, a value and target on scales that cannot be reconciled said so, and
 * reasons printed as the sheet shows the numbers, with the council's
 * decimals.
 */
import { buildReport, emptySettings, SheetGrid, CellValue, IndicatorsReport, formatShown, suppressionSymbol, planReport, parseRange, SheetPlan } from "../../src/core";
import { CellNumbers } from "../../src/core/datasets/cell-numbers";

const run = (g: SheetGrid) => buildReport([g], emptySettings()).report;

/** The number formats a plan gives one cell (0-based row and column). */
const formatsAt = (plan: SheetPlan, row: number, col: number) => plan.styles.filter((g) => {
  const r = parseRange(g.ref);
  return g.style.numberFormat && r && r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;
}).map((g) => g.style.numberFormat);

describe("CellNumbers: a cell's number as the sheet shows it", () => {
  const grid: SheetGrid = { name: "KPIs", rows: [[0.755, 0.8, 12.5, "80%", "x", "n/a", "soon"]], formats: [["0.0%", "0%", "#,##0.00"]] };
  const n = new CellNumbers(grid);
  const read = (col: number) => n.read(grid.rows[0][col], 0, col);

  it("reads a percent-formatted fraction as a percentage, with the format's decimals", () => {
    expect(read(0)).toEqual({ value: 75.5, percent: true, decimals: 1 });
    expect(read(1)).toEqual({ value: 80, percent: true, decimals: 0 });
    expect(read(2)).toEqual({ value: 12.5, percent: false, decimals: 2 });
    expect(read(3)).toEqual({ value: 80, percent: true, decimals: null });
  });

  it("reads a suppression symbol as no value and tallies it; anything else unreadable is a problem", () => {
    expect([read(4), read(5)]).toEqual([null, null]);
    expect(n.symbols.get("x")).toEqual({ count: 1, cells: ["E1"], firstRow: 0, firstCol: 4 });
    expect(read(6)).toMatchObject({ code: "number.invalid" });
  });

  it("suppressionSymbol: the symbols ONS, DfE and the NHS write for a figure not given", () => {
    for (const s of ["x", "X", "z", "u", "c", "low", "*", "-", "..", ":", "n/a", "[c]", "[x]", "[z]", "[low]"]) expect(suppressionSymbol(s)).toBe(s);
    for (const s of ["12", "Green", "xx", "c.", "none"]) expect(suppressionSymbol(s)).toBeNull();
  });

  it("formatShown: a percentage with its sign, the council's decimals kept, never fewer than the value needs", () => {
    expect(formatShown(75.5, { percent: true, decimals: 0 })).toBe("75.5%");
    expect(formatShown(80, { percent: true, decimals: 1 })).toBe("80.0%");
    expect(formatShown(12.5, { percent: false, decimals: 2 })).toBe("12.50");
    expect(formatShown(0.04, null)).toBe("0.04");
  });
});

describe("percent-formatted values and their targets", () => {
  const sheet = (value: CellValue, target: CellValue, formats: (string | undefined)[]): SheetGrid => ({
    name: "KPIs",
    rows: [["KPI", "Polarity", "Actual", "Target"], ["Invoices paid within 30 days", "Higher is better", value, target]],
    formats: [[], [undefined, undefined, ...formats]],
  });

  it.each([
    ["a target in a % cell", 0.8, ["0.0%", "0%"]],
    ["a target typed as 80", 80, ["0.0%", undefined]],
    ["a target typed as '80%'", "80%", ["0.0%", undefined]],
  ])("compares 75.5%% with %s on one scale, and prints both as the sheet shows them", (_, target, formats) => {
    const r = run(sheet(0.755, target, formats as (string | undefined)[]));
    const x = (r.datasets[0] as IndicatorsReport).items[0];
    expect([x.assessment.status, x.assessment.value, x.item.target, x.item.percent]).toEqual(["Red", 75.5, 80, true]);
    expect(x.assessment.why).toBe("Red: 75.5% against target 80%, 6% adrift, tolerance 5%");
    expect(r.issues).toEqual([]);
  });

  it("keeps the council's decimals in the reason and in the output's number format", () => {
    const r = run(sheet(0.9, 0.85, ["0.0%", "0.0%"]));
    const x = (r.datasets[0] as IndicatorsReport).items[0];
    expect(x.assessment.why).toBe("Green: 90.0% beats target 85.0%");
    const results = planReport(r, null).find((p) => p.purpose === "indicator-results")!;
    const row = results.cells.find((c) => c[2] === "Invoices paid within 30 days")!;
    // Written as the fraction Excel keeps, under the council's percent format, so it sorts and charts.
    expect(row[4]).toBe(0.9);
    const at = results.cells.indexOf(row);
    expect(formatsAt(results, at, 4)).toEqual(["0.0%"]);
  });

  it("says so, with both cells, when a value and its target are on scales that cannot both be right", () => {
    // 75.5% against a plain 0.8: 0.8% or 80%? Either could be meant; neither is guessed.
    const r = run(sheet(0.755, 0.8, ["0.0%", undefined]));
    const d = r.datasets[0] as IndicatorsReport;
    expect(d.items[0].assessment.status).toBe("Check");
    expect(d.items[0].assessment.why).toBe("Check: 75.5% against target 0.8: the value and the target are on different scales (a percentage and a plain number of 1 or less)");
    expect(r.issues.filter((i) => i.code !== "reading.doubtful").map((i) => [i.cell, i.code, i.message])).toEqual([["D2", "indicator.scale-mismatch",
      "'Invoices paid within 30 days': the value 75.5% (C2) and the target 0.8 (D2) are on different scales, so its RAG was not worked out: write the target as a percentage (80%) or format its cell as %"]]);
    // The target is shown as it was given (0.8), not on the values' scale (0.8%); a value with no period belongs to no period.
    const results = planReport(r, null).find((p) => p.purpose === "indicator-results")!;
    const row = results.cells.find((c) => c[2] === "Invoices paid within 30 days")!;
    expect([row[4], row[5], row[12]]).toEqual([0.755, 0.8, ""]);
    const at = results.cells.indexOf(row);
    expect(formatsAt(results, at, 5)).toEqual(["0.0"]);
    expect(d.reading.confidence).toBe("doubtful");
    expect(d.reading.reasons).toEqual(["1 indicator has a value and a target on different scales (a percentage against a plain number of 1 or less), so its RAG was not worked out"]);
    // The other way round: plain fractions against an 80% target.
    const other = run(sheet(0.755, 0.8, [undefined, "0%"]));
    expect((other.datasets[0] as IndicatorsReport).items[0].assessment.status).toBe("Check");
    expect(other.issues[0].message).toMatch(/the value 0\.755 \(C2\) and the target 80% \(D2\) are on different scales.*give the values as percentages/);
  });

  it("reads plain values on a percentage target's scale as percentages", () => {
    const r = run(sheet(75.5, 0.8, [undefined, "0%"]));
    const x = (r.datasets[0] as IndicatorsReport).items[0];
    expect([x.assessment.status, x.item.percent, x.assessment.why]).toEqual(["Red", true, "Red: 75.5% against target 80%, 6% adrift, tolerance 5%"]);
  });

  it("doubts a series whose values are given on two scales", () => {
    const g: SheetGrid = {
      name: "Monthly",
      rows: [["Indicator", "Month", "Value"], ["Staff turnover", "Apr 2023", 0.12], ["Staff turnover", "May 2023", 0.11], ["Staff turnover", "Jun 2023", 0.1]],
      formats: [[], [undefined, undefined, "0%"], [undefined, undefined, "0%"]],
    };
    const d = run(g).datasets[0] as IndicatorsReport;
    expect(d.reading.reasons).toEqual(["1 series mix values formatted as percentages with plain numbers of 1 or less (such as 'Staff turnover'), so their values may be on two scales"]);
  });
});
