/**
 * The Office adapter's own conformance, run inside Excel by
 * `npm run test:excel` on a scratch workbook: settings saved again and
 * again on the very hidden sheet, an output sheet redrawn in place while a
 * formula elsewhere points at it, text that must stay text, validation and
 * colour rules. (The pane's Diagnostics runs only the capability checks,
 * which leave nothing behind.)
 */
import { SheetPlan } from "../../core";
import { SETTINGS_SHEET } from "../port";
import { OfficeWorkbook } from "./office-workbook";
import { Capabilities } from "./capabilities";
import { Check } from "./diagnostics";

type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const OUT = "CPE selftest";
const POINTER = "CPE selftest links";
const TEXT = ["0012", "55.07", "90%", "TRUE", "1-2", "Mar-22", "=SUM(A1)", "- note"];

function plan(round: number): SheetPlan {
  return {
    purpose: "selftest", name: OUT,
    cells: [["Code", "Round"], ...TEXT.map((t) => [t, round])],
    styles: [{ ref: "A1:B1", style: { bold: true, fill: "#D55E00", border: true } }],
    columnWidths: [12, 8],
    conditionalFormats: [{ ref: "B2:B9", priority: 1, rule: { type: "expression", formula: "$B2>1", style: { fill: "#56B4E9" } } }],
    validations: [
      { ref: "C2:C9", type: "date", min: 36526, max: 73050, allowBlank: true },
      { ref: "D2:D9", type: "list", values: ["Low, some risk", "High"], allowBlank: true },
    ],
    rowHeights: {}, hiddenColumns: [], tables: [], freeze: { rows: 1, columns: 0 },
  };
}

async function check(name: string, work: () => Promise<string>): Promise<Check> {
  try {
    return { name, passed: true, detail: await work() };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { name, passed: false, detail: err.message ?? String(e), code: err.code };
  }
}

export async function runAdapterChecks(run: Run, caps: Capabilities): Promise<Check[]> {
  const port = <T>(work: (p: OfficeWorkbook, ctx: Excel.RequestContext) => Promise<T>) => run((ctx) => work(new OfficeWorkbook(ctx, caps), ctx));
  const checks: Check[] = [];
  checks.push(await check("Settings saved three times on the very hidden sheet", async () => {
    for (let i = 1; i <= 3; i++) {
      const json = JSON.stringify({ version: 1, selftest: i, padding: "x".repeat(40_000 * i) });
      await port((p) => p.writeSettings(json));
      const back = await port((p) => p.readSettings());
      if (back !== json) throw new Error(`save ${i} read back ${back?.length ?? 0} characters, not ${json.length}`);
    }
    return "each save read back whole";
  }));
  checks.push(await check("An output sheet redrawn in place keeps formulas pointing at it", async () => {
    await port((p) => p.writeSheets([{ plan: plan(1), replace: false }]));
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(POINTER);
      ws.getRange("A1").formulas = [[`='${OUT}'!B2`]];
      await ctx.sync();
    });
    await port((p) => p.writeSheets([{ plan: plan(2), replace: true }]));
    return run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem(POINTER).getRange("A1").load("formulas,values");
      const out = ctx.workbook.worksheets.getItem(OUT).getRange("A2:A9").load("values");
      await ctx.sync();
      if (String(cell.formulas[0][0]).includes("#REF!")) throw new Error(`the formula became ${cell.formulas[0][0]}`);
      if (cell.values[0][0] !== 2) throw new Error(`the formula shows ${cell.values[0][0]}, not the redrawn value 2`);
      const text = out.values.map((r) => r[0]);
      if (JSON.stringify(text) !== JSON.stringify(TEXT)) throw new Error(`text changed: ${JSON.stringify(text)}`);
      return "formula intact, showing the redrawn value; text kept as written";
    });
  }));
  checks.push(await check("Scratch sheets removed", () => run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    for (const ws of sheets.items) {
      if (ws.name === SETTINGS_SHEET) ws.visibility = "Hidden"; // a very hidden sheet must be unhidden to be deleted
      if ([OUT, POINTER, SETTINGS_SHEET].includes(ws.name)) ws.delete();
    }
    await ctx.sync();
    return "removed";
  })));
  return checks;
}
