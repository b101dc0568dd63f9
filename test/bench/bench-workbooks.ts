/**
 * The benchmark's workbooks, made from a fixed seed:
 *   - wide: a row per indicator, a column per quarter (8), with code, title,
 *     polarity and target — a council's own indicator sheet;
 *   - long: a row per indicator × area × quarter with its value — an extract
 *     as LG Inform and Fingertips publish them, every English council (315
 *     areas) for each indicator.
 * Run as `node bench-workbooks.js <wide|long> <rows> <path>` (the benchmark
 * makes large ones in a child with room for them).
 */
import { writeFileSync } from "fs";
import type { Value } from "../helpers/xlsx-fixtures";

export const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];
export const AREAS = 315;

export type Layout = "wide" | "long";

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function wideRows(rows: number): Value[][] {
  const rand = random(7);
  const grid: Value[][] = [["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]];
  for (let i = 0; i < rows; i++) {
    const base = 20 + rand() * 80;
    grid.push([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  return grid;
}

function longRows(rows: number): Value[][] {
  const rand = random(11);
  const grid: Value[][] = [["Indicator code", "Indicator", "Area", "Period", "Value"]];
  for (let i = 0; grid.length <= rows; i++) {
    for (let a = 0; a < AREAS && grid.length <= rows; a++) {
      const base = 20 + rand() * 80;
      for (const q of QUARTERS) {
        if (grid.length > rows) break;
        grid.push([`LGI-${i}`, `Measure ${i}`, `Area ${a}`, q, Math.round((base + (rand() - 0.5) * 10) * 10) / 10]);
      }
    }
  }
  return grid;
}

/** `rows` data rows under one header, in one sheet. */
export async function makeWorkbook(layout: Layout, rows: number, path: string): Promise<void> {
  const { buildPackage } = await import("../helpers/xlsx-fixtures");
  const grid = layout === "wide" ? wideRows(rows) : longRows(rows);
  writeFileSync(path, await buildPackage({ sheets: [{ name: layout === "wide" ? "Indicators" : "Extract", rows: grid }] }));
}

if (require.main === module) {
  const [layout, rows, path] = process.argv.slice(2);
  void makeWorkbook(layout as Layout, Number(rows), path);
}
