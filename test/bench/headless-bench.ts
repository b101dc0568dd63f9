/**
 * Headless benchmark (not a test), measured in one run on one workbook of
 * 50,000 indicator rows × 8 quarters:
 *   (1) summarise time ÷ a bare ExcelJS read + write of the same file (goal ≤ 1.3)
 *   (2) core calculation time ÷ that I/O time (goal ≤ 0.10)
 *   (4) peak memory of the headless run (a separate process, so only the run counts)
 * Run through `npm run bench` (test/bench/run-all.ts), which also prints the Office sync ratio (3).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";
import { buildReport, planReport, emptySettings } from "../../src/core";

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

async function makeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.addRow(["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]);
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < ROWS; i++) {
    const base = 20 + rand() * 80;
    ws.addRow([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function bareIo(path: string): Promise<number> {
  const t = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  await wb.xlsx.writeBuffer();
  return ms(t);
}

/** The whole job as the command line and demo run it: read, calculate, write sheets, colour the source, save. */
async function headless(path: string): Promise<{ ms: number; method: string }> {
  const t = process.hrtime.bigint();
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(path)));
  await summarise(wb, { formatSource: true });
  const saved = await wb.save();
  return { ms: ms(t), method: saved.method };
}

async function core(path: string): Promise<number> {
  const grids = await (await XlsxWorkbook.open(new Uint8Array(readFileSync(path)))).readSheets();
  const t = process.hrtime.bigint();
  const built = buildReport(grids, emptySettings());
  planReport(built.report, null);
  return ms(t);
}

async function main(): Promise<void> {
  const only = process.argv.indexOf("--only-headless");
  if (only > 0) {
    await headless(process.argv[only + 1]);
    console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return;
  }
  const path = join(mkdtempSync(join(tmpdir(), "cpe-bench-")), "indicators.xlsx");
  await makeWorkbook(path);
  await bareIo(path); // warm-up: JIT and file cache
  const io = await bareIo(path);
  const { ms: run, method } = await headless(path);
  const calc = await core(path);
  const child = spawnSync(process.execPath, [__filename, "--only-headless", path], { encoding: "utf8" });
  const memory = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}").maxRssMb;
  const result = {
    rows: ROWS, quarters: QUARTERS.length,
    ioMs: Math.round(io), summariseMs: Math.round(run), coreMs: Math.round(calc),
    summariseOverIo: Math.round((run / io) * 100) / 100,
    coreOverIo: Math.round((calc / io) * 1000) / 1000,
    peakMemoryMb: memory,
    method,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else {
    console.log(`(1) headless summarise ÷ bare ExcelJS read+write at ${ROWS} rows × ${QUARTERS.length} quarters: ${result.summariseOverIo} (${result.summariseMs} ms ÷ ${result.ioMs} ms; goal ≤ 1.3)`);
    console.log(`(2) core calculation ÷ that I/O: ${result.coreOverIo} (${result.coreMs} ms; goal ≤ 0.10)`);
    console.log(`(4) peak memory of the headless run: ${result.peakMemoryMb} MB`);
  }
}

void main();
