/**
 * History is not recoloured: re-running an earlier quarter after the
 * thresholds changed keeps what was stored for it, unless the user asks
 * (--replace-history), and then the old record is kept beside the new one.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { updateSettings } from "../../src/workbook/settings-store";
import { PeriodRecord, parseSettings, itemsObject } from "../../src/core";

const dir = tempDir();

type History = Record<string, Record<string, PeriodRecord>>;

function historyOf(wb: ExcelJS.Workbook): History {
  const ws = wb.getWorksheet("CPE_Settings")!;
  const parts: string[] = [];
  ws.getColumn(1).eachCell((c) => parts.push(String(c.value)));
  // Stored compact; read back as the product reads it.
  return parseSettings(parts.join("")).settings.history;
}

async function summarise(input: string, name: string, period: string, ...flags: string[]) {
  const out = join(dir, name);
  const r = await runCli(["summarise", input, "--out", out, "--period", period, "--json", ...flags]);
  expect(r.code).toBe(0);
  return { out, stderr: r.stderr, wb: await load(out) };
}

/** The performance officer tightens the amber tolerance from 5% to 2%, as the pane's Settings step would. */
async function tightenTolerance(path: string, name: string): Promise<string> {
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(path)));
  await updateSettings(wb, (s) => {
    s.datasets.Outcomes = { ...s.datasets.Outcomes, tolerance: { kind: "percent", value: 2 } };
  });
  const out = join(dir, name);
  writeFileSync(out, (await wb.save()).data);
  return out;
}

describe("re-running an earlier quarter with different thresholds", () => {
  let q2: { out: string; wb: ExcelJS.Workbook };
  let tightened: string;
  let storedQ1: PeriodRecord;
  let storedQ2: PeriodRecord;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Outcomes");
    ws.addRow(["Code", "Outcome", "Polarity", "Target", "Q1 2021/22", "Q2 2021/22"]);
    // 96 against 100 misses by 4%: Amber at 5% tolerance, Red at 2%.
    ws.addRow(["O1", "Recycling rate", "Maximise", 100, 96, 101]);
    ws.addRow(["O2", "Employment rate", "Maximise", 70, 71, 72]);
    const input = await saveWorkbook(wb, dir, "outcomes.xlsx");
    const q1 = await summarise(input, "q1.xlsx", "Q1 2021/22");
    q2 = await summarise(q1.out, "q2.xlsx", "Q2 2021/22");
    storedQ1 = historyOf(q2.wb).Outcomes["Q1 2021/22"];
    storedQ2 = historyOf(q2.wb).Outcomes["Q2 2021/22"];
    tightened = await tightenTolerance(q2.out, "q2-tightened.xlsx");
  });

  it("stored Q1 as Amber at the tolerance of the day, with the day it was stored", () => {
    expect(itemsObject(storedQ1.items).O1.status).toBe("Amber");
    expect(storedQ1.storedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(storedQ1.superseded).toBeUndefined();
  });

  it("keeps Q1's stored record unchanged without --replace-history, and says so once", async () => {
    const again = await summarise(tightened, "q1-again.xlsx", "Q1 2021/22");
    const history = historyOf(again.wb);
    expect(history.Outcomes["Q1 2021/22"]).toEqual(storedQ1);
    expect(history.Outcomes["Q2 2021/22"]).toEqual(storedQ2);

    const stored = storedQ1.storedAt!.split("-").reverse().join("/");
    const note = `Q1 2021/22 was already stored on ${stored}; its stored results were kept, with the rules stored then. `
      + "This run's differ for 'Outcomes': amber tolerance now 2% of target, stored 5% of target. Use --replace-history to replace them.";
    expect(again.stderr.split("\n").filter((l) => l.startsWith("Warning:"))).toEqual([`Warning: ${note}`]);
    // Said once on the Data issues sheet, over as many lines as the sheet's width needs.
    const lines = sheetValues(again.wb.getWorksheet("Data issues")!).filter((r) => r.length === 1).map((r) => String(r[0])).join(" ");
    expect(lines.split(note)).toHaveLength(2);
  });

  it("reprints Q1 as stored: the stored rules and colours, and the Summary says so", async () => {
    const again = await summarise(tightened, "q1-reprint.xlsx", "Q1 2021/22");
    const stored = storedQ1.storedAt!.split("-").reverse().join("/");
    const summary = sheetValues(again.wb.getWorksheet("Summary")!);
    // The statement under the title, over as many lines as it takes.
    const lines: string[] = [];
    for (let i = 2; summary[i]?.length; i++) lines.push(String(summary[i][0]));
    expect(lines.join(" ")).toBe(`Q1 2021/22: reprinted as stored on ${stored}, with the rules stored then; the stored results are shown. `
      + "This run's differ for 'Outcomes': amber tolerance now 2% of target, stored 5% of target. Use --replace-history to replace them.");
    expect(summary).toContainEqual(["Number (%) GREEN", "1/2 (50%)", "N/A", 0.75, "No", "No history yet"]);
    expect(summary).toContainEqual(["Number (%) AMBER", "1/2 (50%)", "N/A", "N/A", "N/A", "N/A"]);
    const results = sheetValues(again.wb.getWorksheet("Indicator results")!);
    const o1 = results.find((r) => r[1] === "O1")!;
    expect(o1.slice(4, 8)).toEqual([96, 100, "Amber", 2]);
    expect(o1[8]).toBe("Amber: 96 against target 100, 4% adrift, within tolerance 5%");
  });

  it("replaces it with --replace-history and keeps the old record in the history", async () => {
    const replaced = await summarise(tightened, "q1-replaced.xlsx", "Q1 2021/22", "--replace-history");
    const record = historyOf(replaced.wb).Outcomes["Q1 2021/22"];
    expect(itemsObject(record.items).O1.status).toBe("Red");
    expect(record.rules.tolerance).toEqual({ kind: "percent", value: 2 });
    expect(record.storedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { storedAt, ...old } = storedQ1;
    expect(record.superseded).toEqual([{ ...old, storedAt, replacedAt: record.storedAt }]);
    expect(historyOf(replaced.wb).Outcomes["Q2 2021/22"]).toEqual(storedQ2);
    expect(replaced.stderr).not.toContain("Warning:");
  });

  it("changes nothing and says nothing when a re-run gives the same results", async () => {
    const same = await summarise(q2.out, "q2-again.xlsx", "Q2 2021/22");
    expect(historyOf(same.wb)).toEqual(historyOf(q2.wb));
    expect(same.stderr).not.toContain("Warning:");
  });
});
