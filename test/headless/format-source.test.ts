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

  it("colours every level column of a register in the register's own level words (Red / Amber / Green), before and after mitigation", async () => {
    const wb = new ExcelJS.Workbook();
    const risks = wb.addWorksheet("Register");
    risks.addRow(["Ref", "Risk", "Inherent likelihood", "Inherent impact", "Inherent RAG", "Residual likelihood", "Residual impact", "Residual RAG"]);
    risks.addRow(["R1", "Flooding", 5, 5, "Red", 4, 4, "Red"]);
    risks.addRow(["R2", "Fraud", 4, 3, "Amber", 2, 3, "Amber"]);
    risks.addRow(["R3", "Strike", 2, 2, "Green", 1, 2, "Green"]);
    const out = join(dir, "register-out.xlsx");
    expect((await runCli(["summarise", await saveWorkbook(wb, dir, "register.xlsx"), "--out", out, "--format-source"])).code).toBe(0);
    const rules = cfs((await load(out)).getWorksheet("Register")!);
    expect(rules.flatMap((c) => c.rules.map((x) => [c.ref, x.formulae![0]]))).toEqual([
      ["E2:E4", 'LOWER(TRIM($E2))="red"'], ["E2:E4", 'LOWER(TRIM($E2))="amber"'], ["E2:E4", 'LOWER(TRIM($E2))="green"'],
      ["H2:H4", 'LOWER(TRIM($H2))="red"'], ["H2:H4", 'LOWER(TRIM($H2))="amber"'], ["H2:H4", 'LOWER(TRIM($H2))="green"'],
    ]);
  });

  it("leaves source sheets without rules unless asked", async () => {
    const out = join(dir, "source-plain.xlsx");
    await runCli(["summarise", input, "--out", out]);
    expect(cfs((await load(out)).getWorksheet("Priorities")!)).toHaveLength(1);
  });
});
