/**
 * Headless benchmark (not a test). One workbook of indicator rows × 8
 * quarters; every job runs in its own fresh process, so each one's time
 * (from reading the file to the last byte written) and peak memory (the
 * process's maximum resident set, as `/usr/bin/time -v` reports it) are its
 * own:
 *   - summarise: open, summarise with source colouring, save, write — as the command line runs it
 *   - read: the product's read alone (open, every sheet's grid)
 *   - exceljs-read: a bare ExcelJS read of the same file (what the product used to load)
 *   - exceljs-io: a bare ExcelJS read + write
 *   - floor: inflate the sheet parts and find every tag in them, building nothing — the physical limit of a read
 * Each job's time includes loading the modules it uses (ExcelJS, or the
 * product's), as a command's run does from its start.
 * and, in this process, the core calculation on the grids read. The two
 * sides of ratio (1) run alternately BENCH_REPEAT times (3 unless set) and
 * their medians are compared; peak memory is the highest of those runs. At 10,000,
 * 50,000 and 200,000 rows the summarise job is repeated to show how time and
 * memory grow. Run through `npm run bench` (test/bench/run-all.ts).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Value } from "../helpers/xlsx-fixtures";

// Every job loads what it uses inside its timing (as a command would from its start): ExcelJS for the
// ExcelJS jobs, the product's modules for the product's. Nothing is loaded before the clock starts.
const product = {
  workbook: () => import("../../src/workbook/xlsx/workbook"),
  zip: () => import("../../src/workbook/xlsx/reader/zip"),
  limits: () => import("../../src/workbook/xlsx/reader/limits"),
  tokens: () => import("../../src/workbook/xlsx/reader/xml-tokens"),
  cli: () => import("../../src/cli/summarise-command"),
  zlib: () => import("../../src/cli/node-zlib"),
  core: () => import("../../src/core"),
};

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const SCALE = (process.env.BENCH_SCALE ?? "10000,50000,200000").split(",").map(Number).filter((n) => n > 0);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const QUARTERS = ["Q2 2019/20", "Q3 2019/20", "Q4 2019/20", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"];

async function makeWorkbook(path: string, rows: number): Promise<void> {
  const { buildPackage } = await import("../helpers/xlsx-fixtures");
  const grid: Value[][] = [["Code", "Indicator", "Polarity", ...QUARTERS, "Target"]];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < rows; i++) {
    const base = 20 + rand() * 80;
    grid.push([`IND-${i}`, `Indicator ${i}`, i % 2 ? "Maximise" : "Minimise", ...QUARTERS.map(() => Math.round((base + (rand() - 0.5) * 10) * 10) / 10), Math.round(base)]);
  }
  writeFileSync(path, await buildPackage({ sheets: [{ name: "Indicators", rows: grid }] }));
}

/** ExcelJS only in the jobs that use it: the product itself never loads it on this path, and its memory is not the run's. */
const exceljs = async () => (await import("exceljs")).default;

const JOBS: Record<string, (data: Uint8Array, path: string) => Promise<unknown>> = {
  // As the command line runs it (`summarise --format-source`): the file read, summarised, saved and written.
  summarise: async (_, path) => {
    const { runSummarise } = await product.cli();
    const out = join(mkdtempSync(join(tmpdir(), "cpe-bench-out-")), "summary.xlsx");
    return `${(await runSummarise({ input: path, out, formatSource: true })).lost.length} parts lost`;
  },
  // As the command line reads (with Node's zlib).
  read: async (data) => {
    const [{ XlsxWorkbook }, { useNodeZlib }] = await Promise.all([product.workbook(), product.zlib()]);
    useNodeZlib();
    return (await (await XlsxWorkbook.open(data)).readSheets()).length;
  },
  "exceljs-read": async (data) => {
    await new (await exceljs()).Workbook().xlsx.load(data as unknown as ArrayBuffer);
    return null;
  },
  "exceljs-io": async (data) => {
    const wb = new (await exceljs()).Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    await wb.xlsx.writeBuffer();
    return null;
  },
  // The physical limit of a read: inflate the sheet parts (Node's zlib, as the command line) and find every tag, building nothing.
  floor: async (data) => {
    const [{ ZipPackage }, { Budget, DEFAULT_LIMITS }, { useNodeZlib }] = await Promise.all([product.zip(), product.limits(), product.zlib()]);
    useNodeZlib();
    const zip = ZipPackage.open(data);
    const budget = new Budget(DEFAULT_LIMITS, data.length);
    let tags = 0;
    for (const entry of zip.entries.filter((e) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.name))) {
      const decoder = new TextDecoder();
      await zip.inflate(entry, budget, (bytes) => {
        const text = decoder.decode(bytes, { stream: true });
        for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) tags++;
      });
    }
    return tags;
  },
};

interface Measure {
  ms: number;
  /** Every run's time, where this is the median of several. */
  all?: number[];
  cpuMs: number;
  maxRssMb: number;
  result: unknown;
}

/** The run of median time among several, with the highest peak memory of them all (memory is not averaged away). */
function median(list: Measure[]): Measure {
  const sorted = [...list].sort((a, b) => a.ms - b.ms);
  const cpu = [...list].map((m) => m.cpuMs).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return { ...sorted[mid], cpuMs: cpu[mid], maxRssMb: Math.max(...list.map((m) => m.maxRssMb)), all: list.map((m) => m.ms) };
}

/** One job in a fresh process: its time from reading the file to the end, and its peak resident memory. */
function measure(job: string, path: string): Measure {
  const r = spawnSync(process.execPath, [__filename, "--child", job, path], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${job} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

async function child(job: string, path: string): Promise<void> {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = await JOBS[job](new Uint8Array(readFileSync(path)), path);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  const out: Measure = { ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), result };
  console.log(JSON.stringify(out));
}

async function core(path: string): Promise<number> {
  const [{ XlsxWorkbook }, { buildReport, planReport, emptySettings }] = await Promise.all([product.workbook(), product.core()]);
  const grids = await (await XlsxWorkbook.open(new Uint8Array(readFileSync(path)))).readSheets();
  const t = process.hrtime.bigint();
  const built = buildReport(grids, emptySettings());
  planReport(built.report, null);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  const at = process.argv.indexOf("--child");
  if (at > 0) return child(process.argv[at + 1], process.argv[at + 2]);
  const dir = mkdtempSync(join(tmpdir(), "cpe-bench-"));
  const path = join(dir, `indicators-${ROWS}.xlsx`);
  await makeWorkbook(path, ROWS);
  // The ratio's two sides run alternately, REPEAT times each, and their medians are compared: on a shared
  // machine one pair of runs can differ by a quarter either way.
  const runs: Measure[] = [];
  const reads: Measure[] = [];
  for (let i = 0; i < REPEAT; i++) {
    runs.push(measure("summarise", path));
    reads.push(measure("exceljs-read", path));
  }
  const run = median(runs);
  const read = median(reads);
  const ours = measure("read", path);
  const io = measure("exceljs-io", path);
  const floor = measure("floor", path);
  const calc = await core(path);
  const scale = [];
  for (const rows of SCALE) {
    const p = rows === ROWS ? path : join(dir, `indicators-${rows}.xlsx`);
    if (rows !== ROWS) await makeWorkbook(p, rows);
    const m = rows === ROWS ? run : measure("summarise", p);
    scale.push({ rows, ms: m.ms, cpuMs: m.cpuMs, maxRssMb: m.maxRssMb, msPer10kRows: Math.round((m.ms * 10_000) / rows) });
  }
  const result = {
    rows: ROWS, quarters: QUARTERS.length, method: run.result,
    summariseMs: run.ms, exceljsReadMs: read.ms, summariseRuns: run.all, exceljsReadRuns: read.all, exceljsIoMs: io.ms, floorMs: floor.ms, coreMs: Math.round(calc),
    summariseOverRead: ratio(run.ms, read.ms),
    summariseOverFloor: ratio(run.ms, floor.ms),
    readMs: ours.ms, readMemoryMb: ours.maxRssMb, readOverExceljsRead: ratio(ours.ms, read.ms), readOverFloor: ratio(ours.ms, floor.ms),
    summariseOverIo: ratio(run.ms, io.ms),
    coreOverIo: Math.round((calc / io.ms) * 1000) / 1000,
    cpu: { summarise: run.cpuMs, exceljsRead: read.cpuMs, floor: floor.cpuMs, summariseOverRead: ratio(run.cpuMs, read.cpuMs), summariseOverFloor: ratio(run.cpuMs, floor.cpuMs) },
    peakMemoryMb: run.maxRssMb, exceljsReadMemoryMb: read.maxRssMb, floorMemoryMb: floor.maxRssMb,
    scale,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else printHeadless(result);
}

export function printHeadless(r: {
  rows: number; quarters: number; method: unknown; summariseMs: number; exceljsReadMs: number; exceljsIoMs: number; floorMs: number; coreMs: number;
  summariseRuns?: number[]; exceljsReadRuns?: number[];
  summariseOverRead: number; summariseOverFloor: number; summariseOverIo: number;
  readMs: number; readMemoryMb: number; readOverExceljsRead: number; readOverFloor: number; coreOverIo: number; peakMemoryMb: number; exceljsReadMemoryMb: number; floorMemoryMb: number;
  cpu: { summariseOverRead: number; summariseOverFloor: number };
  scale: { rows: number; ms: number; maxRssMb: number; msPer10kRows: number }[];
}): void {
  const at = `${r.rows} rows × ${r.quarters} quarters`;
  const each = r.summariseRuns && r.exceljsReadRuns ? `; medians of ${r.summariseRuns.length} alternated runs: ${r.summariseRuns.join(", ")} ÷ ${r.exceljsReadRuns.join(", ")}` : "";
  console.log(`(1) headless summarise ÷ bare ExcelJS read alone, ${at}: ${r.summariseOverRead} (${r.summariseMs} ms ÷ ${r.exceljsReadMs} ms, ${r.method}; CPU time ratio ${r.cpu.summariseOverRead}${each}; goal ≤ 1.0)`);
  console.log(`(1b) headless summarise ÷ the raw floor (inflate the sheet parts and find every tag, build nothing): ${r.summariseOverFloor} (${r.summariseMs} ms ÷ ${r.floorMs} ms; CPU ${r.cpu.summariseOverFloor})`);
  console.log(`(1d) the product's read alone (open, every sheet's grid) ÷ bare ExcelJS read: ${r.readOverExceljsRead} (${r.readMs} ms, peak ${r.readMemoryMb} MB); ÷ the raw floor: ${r.readOverFloor}`);
  console.log(`(1c) headless summarise ÷ bare ExcelJS read + write: ${r.summariseOverIo} (÷ ${r.exceljsIoMs} ms)`);
  console.log(`(2) core calculation ÷ ExcelJS read + write: ${r.coreOverIo} (${r.coreMs} ms; goal ≤ 0.10)`);
  const most = r.summariseRuns && r.summariseRuns.length > 1 ? `the highest of ${r.summariseRuns.length} runs; ` : "";
  console.log(`(4) peak memory of the headless run at ${r.rows} rows: ${r.peakMemoryMb} MB (${most}goal ≤ 300; bare ExcelJS read ${r.exceljsReadMemoryMb} MB, raw floor ${r.floorMemoryMb} MB)`);
  console.log(`(4b) growth: ${r.scale.map((s) => `${s.rows} rows ${s.ms} ms, ${s.maxRssMb} MB (${s.msPer10kRows} ms per 10k rows)`).join("; ")}`);
}

if (require.main === module) void main();
