/**
 * Workbooks whose reading depends on what only Excel's cell formats, sheet
 * states and merged cells say — the layouts the Office host must read as the
 * file reader does: months typed as dates across the top, a dated Month
 * column, percentages and decimals, hidden and very hidden sheets, a period
 * merged over Goal / Forecast / Actual, a risk merged over its control rows,
 * the 1904 date system, errors, and a date-styled number past Excel's dates.
 */
import { buildPackage, colName, Value } from "./xlsx-fixtures";
import { toSerial } from "../../src/core";

/** Cell styles of these fixtures (cellXfs index → number format). */
const NUM_FMTS = [{ id: 164, code: "mmm-yy" }, { id: 165, code: "dd/mm/yyyy" }, { id: 166, code: "0.0%" }, { id: 167, code: "0.00" }];
const XFS = [164, 165, 166, 167];
const MONTH = 1;
const DATE = 2;
const PERCENT = 3;
const DECIMAL = 4;

const styled = (style: number, value: number): Value => ({ style, value });
const serial = (y: number, m: number, d = 1) => toSerial({ year: y, month: m, day: d });
const merge = (refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;

/** Indicators across months whose headers are dates shown as "Apr-21": an indicators dataset only when the format is read. */
export function monthsAsDates(): Promise<Uint8Array> {
  const months = Array.from({ length: 9 }, (_, i) => styled(MONTH, serial(2021, 4 + i)));
  const names = ["Homes built", "Calls answered in 20s", "Missed bins per 100k", "Planning apps on time", "Council tax collected", "Sickness days per FTE"];
  const rows: Value[][] = [["Code", "Indicator", "Polarity", "Target", ...months]];
  names.forEach((n, i) => rows.push([`KPI${i + 1}`, n, i % 2 ? "Minimise" : "Maximise", 40 + i * 5, ...months.map((_, m) => 30 + i * 5 + ((m * 7 + i * 3) % 13))]));
  return buildPackage({ sheets: [{ name: "Monthly KPIs", rows }], numFmts: NUM_FMTS, xfs: XFS });
}

/** One row per indicator and month, the month a real date (dd/mm/yyyy). */
export function datedMonthColumn(date1904 = false): Promise<Uint8Array> {
  const rows: Value[][] = [["Month", "Indicator", "Value", "Target"]];
  const offset = date1904 ? 1462 : 0;
  for (let m = 0; m < 18; m++) {
    for (const [k, name] of ["Homes built", "Households in temporary accommodation", "Fly-tips cleared in 48h"].entries()) {
      rows.push([styled(DATE, serial(2020 + Math.floor((3 + m) / 12), ((3 + m) % 12) + 1, 28) - offset), name, 50 + k * 20 + ((m * 5 + k) % 11), 55 + k * 20]);
    }
  }
  return buildPackage({ sheets: [{ name: "Monthly returns", rows }], numFmts: NUM_FMTS, xfs: XFS, date1904 });
}

/** A KPI table with percentages (fractions shown as %) and fixed decimals, and one value that is an error. */
export function percentagesAndErrors(): Promise<Uint8Array> {
  const rows: Value[][] = [["KPI", "Measure", "Polarity", "Target", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"]];
  const kpis: [string, number, number[]][] = [["Calls answered", 0.9, [0.85, 0.88, 0.91, 0.93]], ["Invoices paid in 30 days", 0.95, [0.97, 0.96, 0.94, 0.9]], ["Rent collected", 0.98, [0.975, 0.981, 0.99, 0.96]]];
  kpis.forEach(([name, target, values], i) => rows.push([`PC${i + 1}`, name, "Maximise", styled(PERCENT, target), ...values.map((v) => styled(PERCENT, v))]));
  rows.push(["DC1", "Average days to relet", "Minimise", styled(DECIMAL, 25.5), styled(DECIMAL, 27.25), styled(DECIMAL, 26.1), { error: "#N/A" }, styled(DECIMAL, 24.75)]);
  rows.push(["DC2", "Days lost to sickness", "Minimise", styled(DECIMAL, 2.1), styled(DECIMAL, 2.4), styled(DECIMAL, 1.95), styled(DECIMAL, 2.05), styled(DECIMAL, 2.3)]);
  return buildPackage({ sheets: [{ name: "Quarterly KPIs", rows }], numFmts: NUM_FMTS, xfs: XFS });
}

/** Priorities with hidden rows, a hidden sheet with a register, a very hidden lookup, and an error-only column at the right edge. */
export function hiddenSheetsAndRows(): Promise<Uint8Array> {
  const priorities: Value[][] = [["Directorate", "Priority", "Due Date", "RAG"]];
  for (let i = 0; i < 24; i++) priorities.push([["Finance", "Housing", "Adults"][i % 3], `Priority ${i + 1}: deliver the agreed milestone`, styled(DATE, serial(2021, 6 + (i % 9), 15)), ["Green", "Amber", "Red", "Complete"][i % 4]]);
  // A lookup that failed, in a column of its own with no header: the right edge of the sheet's values.
  priorities[5][4] = { error: "#N/A" };
  const risks: Value[][] = [["Ref", "Risk", "Likelihood", "Impact"]];
  for (let i = 0; i < 8; i++) risks.push([`R${i + 1}`, `Risk ${i + 1}: service disruption`, 1 + (i % 5), 1 + ((i * 2) % 5)]);
  return buildPackage({
    sheets: [
      { name: "Priorities", rows: priorities, hiddenRows: [3, 4, 10] },
      { name: "Old risks", rows: risks, state: "hidden" },
      { name: "Lookup", rows: [["RAG", "Meaning"], ["Green", "On track"], ["Red", "Off track"]], state: "veryHidden" },
    ],
    numFmts: NUM_FMTS, xfs: XFS,
  });
}

/** Quarters merged over Goal / Forecast / Actual, and a register whose risks are merged over their control rows. */
export function mergedLayouts(): Promise<Uint8Array> {
  const quarters = ["Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"];
  const top: Value[] = ["", ""];
  const head: Value[] = ["Code", "Measure"];
  for (const q of quarters) {
    top.push(q, null, null);
    head.push("Goal", "Forecast", "Actual");
  }
  const measures: Value[][] = [top, head];
  for (let i = 0; i < 5; i++) {
    const row: Value[] = [`M${i + 1}`, `Measure ${i + 1}`];
    quarters.forEach((_, q) => row.push(60 + i, 58 + i + q, 55 + i + ((q * 3 + i) % 7)));
    measures.push(row);
  }
  const merges = quarters.map((_, q) => `${colName(2 + q * 3)}1:${colName(4 + q * 3)}1`);
  const register: Value[][] = [["Risk ref", "Risk", "Control", "Likelihood", "Impact"]];
  const mergedRows: string[] = [];
  for (let i = 0; i < 6; i++) {
    const r = register.length;
    register.push([`SR${i + 1}`, `Strategic risk ${i + 1}`, `Control ${i + 1}a`, 1 + (i % 5), 2 + (i % 4)]);
    register.push([null, null, `Control ${i + 1}b`, null, null]);
    register.push([null, null, `Control ${i + 1}c`, null, null]);
    for (const c of [0, 1, 3, 4]) mergedRows.push(`${colName(c)}${r + 1}:${colName(c)}${r + 3}`);
  }
  return buildPackage({ sheets: [{ name: "Measures", rows: measures, after: merge(merges) }, { name: "Risk register", rows: register, after: merge(mergedRows) }] });
}

/** A due date styled as a date but past 9999-12-31, which stays a number in both hosts. */
export function dateBeyondExcel(): Promise<Uint8Array> {
  const rows: Value[][] = [["Ref", "Action", "Due date", "Status"]];
  for (let i = 0; i < 10; i++) rows.push([`A${i + 1}`, `Action ${i + 1}`, styled(DATE, serial(2021, 7, 1 + i)), ["Complete", "In progress", "Not started"][i % 3]]);
  rows[4][2] = styled(DATE, 3_000_000);
  return buildPackage({ sheets: [{ name: "Actions", rows }], numFmts: NUM_FMTS, xfs: XFS });
}

export const PARITY_FIXTURES: Record<string, () => Promise<Uint8Array>> = {
  "months as dates across the top": monthsAsDates,
  "a dated Month column": () => datedMonthColumn(),
  "a dated Month column in the 1904 date system": () => datedMonthColumn(true),
  "percentages, decimals and an error": percentagesAndErrors,
  "hidden and very hidden sheets, hidden rows, an error-only column": hiddenSheetsAndRows,
  "quarters merged over Goal / Forecast / Actual, risks merged over their controls": mergedLayouts,
  "a date-styled number past Excel's dates": dateBeyondExcel,
};
