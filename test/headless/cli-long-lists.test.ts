/**
 * The command line's readable summary names a few 'Red Red' items and says
 * where the rest are, rather than printing thousands of names on one line.
 */
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { readableSummary } from "../../src/cli/print";
import { buildPackage, Value } from "../helpers/xlsx-fixtures";

it("names ten 'Red Red' items and says how many more there are and on which sheet", async () => {
  const rows: Value[][] = [["Code", "Indicator", "Polarity", "Target", "Q3 2021/22", "Q4 2021/22"]];
  for (let i = 0; i < 1_500; i++) rows.push([`R${i}`, `Falling ${i}`, "Maximise", 90, 80, 70]);
  const wb = await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Indicators", rows }, { name: "Exceptions", rows: [["The council's own sheet"]] }] }));
  const lines = readableSummary(await summarise(wb));
  const redRed = lines.find((l) => l.trim().startsWith("Red Red:"))!;
  expect(redRed.trim()).toBe(`Red Red: ${Array.from({ length: 10 }, (_, i) => `Falling ${i}`).join("; ")}; and 1,490 more (all are on the 'Exceptions (report)' sheet)`);
});

it("counts series read from several rows each as what they are", async () => {
  const rows: Value[][] = [["Indicator", "Quarter", "Value"]];
  for (const name of ["Homes built", "Calls answered"]) for (const q of ["Q1 2021/22", "Q2 2021/22", "Q3 2021/22"]) rows.push([name, q, 10]);
  const wb = await XlsxWorkbook.open(await buildPackage({ sheets: [{ name: "Indicators", rows }] }));
  const line = readableSummary(await summarise(wb)).find((l) => l.startsWith("- Indicators"))!;
  expect(line).toMatch(/^- Indicators \(indicators, 2 indicators from 6 rows\): /);
});
