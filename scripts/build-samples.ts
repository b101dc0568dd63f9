/**
 * Builds assets/samples/council-performance-q1-2021-22.xlsx from the seed
 * CSVs in test/fixtures: a workbook laid out the way councils keep theirs
 * (title rows, notes, an Excel table, a wide quarter-per-column sheet, a long
 * series sheet), with the seed data's real flaws left in.
 *   npm run samples
 */
import ExcelJS from "exceljs";
import { readFileSync, mkdirSync } from "fs";
import { join } from "path";
import { parse } from "csv-parse/sync";
import { parseUkDate } from "../src/core";

const FIXTURES = join(__dirname, "..", "..", "test", "fixtures");
const OUT = join(__dirname, "..", "..", "assets", "samples");

function csv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(FIXTURES, file), "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

/** A valid dd/mm/yy due date becomes a real date cell, as Excel would store it; anything else stays as typed. */
function dueCell(text: string): Date | string {
  const d = parseUkDate(text);
  return d.ok && d.value ? new Date(Date.UTC(d.value.year, d.value.month - 1, d.value.day)) : text;
}

function header(ws: ExcelJS.Worksheet, row: number): void {
  ws.getRow(row).font = { bold: true };
}

export async function buildSample(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Council Performance for Excel (sample)";

  // Risk register: title and note rows above the header, merged title cell.
  const risks = wb.addWorksheet("Strategic risks");
  risks.getCell("A1").value = "Strategic Risk Register: Quarter One 2021/22";
  risks.mergeCells("A1:E1");
  risks.getCell("A2").value = "High and medium risks in order of severity. Trend against Quarter Four 2020/21.";
  risks.addRow([]);
  risks.addRow(["Risk Level", "Risk", "Likelihood", "Impact", "Trend"]);
  header(risks, 4);
  for (const r of csv("seed/strategic-risk-register-q1-2021-22.csv")) risks.addRow([r["Risk Level"], r.Risk, r.Likelihood, r.Impact, r.Trend]);
  risks.columns.forEach((c, i) => (c.width = [12, 70, 16, 14, 12][i]));

  // Directorate priorities as an Excel table.
  const pri = wb.addWorksheet("Directorate priorities");
  pri.getCell("A1").value = "Directorate priorities 2021/22: progress at Quarter One";
  const rows = csv("seed/directorate-priorities-q1-2021-22.csv").map((r) => [r.Directorate, r.Priority, dueCell(r["Due Date"]), r["RAG at Q1"]]);
  pri.addTable({
    name: "Priorities",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Directorate" }, { name: "Priority" }, { name: "Due Date" }, { name: "RAG at Q1" }],
    rows,
  });
  pri.getColumn(3).numFmt = "dd/mm/yy";
  pri.columns.forEach((c, i) => (c.width = [34, 80, 12, 11][i]));

  // Outcomes: one column per quarter, the layout of a performance officer's tracker.
  const out = wb.addWorksheet("Outcomes");
  out.getCell("A1").value = "Strategic Plan 2021-24 outcome measures";
  out.addRow([]);
  out.addRow(["Code", "Outcome", "Polarity", "Q4 2020/21", "Q1 2021/22", "Target 2024"]);
  header(out, 3);
  for (const r of csv("sample/outcomes-q1-2021-22.csv")) {
    const n = (s: string) => (s === "" ? null : Number(s));
    out.addRow([r.Code, r.Outcome, r.Polarity, n(r["Q4 2020/21"]), n(r["Q1 2021/22"]), n(r["Target 2024"])]);
  }
  out.columns.forEach((c, i) => (c.width = [8, 60, 11, 12, 12, 12][i]));

  const simple = (name: string, file: string, cols: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(cols);
    header(ws, 1);
    for (const r of csv(file)) ws.addRow(cols.map((c) => (/due date/i.test(c) ? dueCell(r[c]) : r[c])));
    ws.columns.forEach((c, i) => (c.width = widths[i]));
    cols.forEach((c, i) => /due date/i.test(c) && (ws.getColumn(i + 1).numFmt = "dd/mm/yy"));
  };
  // The report's own table of off-target actions (paragraph 23, Appendix 1): reason for or impact of delay, and a proposed revised date.
  simple("Workplan", "sample/workplan-q1-2021-22.csv", ["Action", "Owner", "Due Date", "Status", "Reason for (R) / Impact (I) of delay", "Proposed Revised Due Date"], [70, 34, 12, 10, 50, 14]);
  simple("Executive actions", "sample/executive-actions-q1-2021-22.csv", ["Ref", "Action", "Owner", "Agreed Due Date", "Status", "Commentary", "Proposed Revised Due Date"], [9, 70, 34, 14, 10, 50, 14]);
  simple("Programmes", "sample/programmes-q1-2021-22.csv", ["Programme", "Directorate", "RAG"], [40, 20, 8]);

  // Locality indicators: one row per indicator and quarter, as exported from a performance system.
  const loc = wb.addWorksheet("Locality indicators");
  loc.addRow(["Code", "Title", "Aim", "Unit", "Period", "Value"]);
  header(loc, 1);
  for (const r of csv("seed/newport-pmf-indicator-series.csv")) loc.addRow([r.Code, r.Title, `Aim to ${r.Aim}`, r.Unit, r.Period, r.Value === "" ? null : Number(r.Value)]);
  loc.columns.forEach((c, i) => (c.width = [12, 60, 16, 8, 12, 8][i]));

  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, "council-performance-q1-2021-22.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

if (require.main === module) {
  buildSample().then((p) => console.log(`Wrote ${p}`), (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
