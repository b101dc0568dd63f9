/**
 * --format-source colours the council's own status and level columns with
 * native rules; only the product's own rules are ever removed or replaced,
 * and no value in those sheets changes.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";

const dir = tempDir();
type Cf = { ref: string; rules: { type: string; formulae?: string[] }[] };
const cfs = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;

describe("colouring the source sheets", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Priorities");
    ws.addRow(["Directorate", "Priority", "Due Date", "RAG"]);
    ws.addRow(["Finance", "Balanced budget", "31/03/22", "G"]);
    ws.addRow(["Finance", "Unqualified accounts", "31/03/22", "Amber"]);
    ws.addRow(["Legal", "Elections", "06/05/21", "Off track"]);
    // The council's own rule, which must survive every run.
    ws.addConditionalFormatting({ ref: "C2:C4", rules: [{ type: "expression", priority: 1, formulae: ["$C2<TODAY()"], style: { font: { italic: true } } }] });
    const risks = wb.addWorksheet("Risks");
    risks.addRow(["Risk", "Likelihood", "Impact", "Risk Level"]);
    risks.addRow(["Flooding", "Likely", "Major", "High"]);
    input = await saveWorkbook(wb, dir, "source.xlsx");
  });

  it("adds one rule per status over the status column's data body, and keeps the council's rule", async () => {
    const out = join(dir, "source-out.xlsx");
    expect((await runCli(["summarise", input, "--out", out, "--format-source"])).code).toBe(0);
    const wb = await load(out);
    const rules = cfs(wb.getWorksheet("Priorities")!);
    expect(rules.find((c) => c.ref === "C2:C4")?.rules[0].formulae).toEqual(["$C2<TODAY()"]);
    const ours = rules.filter((c) => c.ref === "D2:D4").flatMap((c) => c.rules);
    expect(ours).toHaveLength(4);
    expect(ours[0].formulae![0]).toMatch(/^OR\(LOWER\(TRIM\(\$D2\)\)="g",/);
    expect(cfs(wb.getWorksheet("Risks")!).flatMap((c) => c.rules).map((r) => r.formulae![0])).toEqual([
      'LOWER(TRIM($D2))="high"', 'LOWER(TRIM($D2))="medium"', 'LOWER(TRIM($D2))="low"',
    ]);
  });

  it("replaces its own rules on a re-run instead of piling them up", async () => {
    const first = join(dir, "source-out-1.xlsx");
    const second = join(dir, "source-out-2.xlsx");
    await runCli(["summarise", input, "--out", first, "--format-source"]);
    await runCli(["summarise", first, "--out", second, "--format-source"]);
    const [a, b] = [await load(first), await load(second)];
    expect(cfs(b.getWorksheet("Priorities")!)).toEqual(cfs(a.getWorksheet("Priorities")!));
    expect(sheetValues(b.getWorksheet("Priorities")!)).toEqual(sheetValues((await load(input)).getWorksheet("Priorities")!));
  });

  it("leaves source sheets without rules unless asked", async () => {
    const out = join(dir, "source-plain.xlsx");
    await runCli(["summarise", input, "--out", out]);
    expect(cfs((await load(out)).getWorksheet("Priorities")!)).toHaveLength(1);
  });
});
