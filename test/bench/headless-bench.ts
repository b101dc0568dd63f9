/**
 * Headless benchmark (not a test). Every job runs in its own fresh process,
 * so each one's time (from loading its modules to the last byte written),
 * CPU time (every thread of the process, zlib's included) and peak memory
 * (the process's maximum resident set, as `/usr/bin/time -v` reports it) are
 * its own:
 *   - summarise: open, summarise with source colouring, save, write — as the command line runs it
 *   - floor: what zlib alone must do for that run — inflate every part of the
 *     input, deflate every part of the output at the command line's level —
 *     the physical floor of any reader and writer of these files
 *   - read: the product's read alone (open, every sheet's grid)
 *   - exceljs-read, exceljs-io: a bare ExcelJS read (and write) of the same file, for comparison
 * At 50,000 wide rows, summarise, floor and ExcelJS's read run alternately
 * BENCH_REPEAT times (3 unless set) and medians are compared. Growth: the
 * summarise job on the wide workbook and on a long extract at 10,000,
 * 50,000 and 200,000 rows (BENCH_SCALE), and at a million with --million
 * (BENCH_MILLION=1), each the median of BENCH_REPEAT runs (a million: of
 * BENCH_MILLION_REPEAT, 1 unless set); and a re-run on the product's own
 * output at 200,000 wide rows. Run through `npm run bench` (run-all.ts).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import { join } from "path";
import { QUARTERS, Layout } from "./bench-workbooks";

// Every job loads what it uses inside its timing (as a command would from its start): ExcelJS for the
// ExcelJS jobs, the product's modules for the product's. Nothing is loaded before the clock starts.
const product = {
  workbook: () => import("../../src/workbook/xlsx/workbook"),
  zip: () => import("../../src/workbook/xlsx/reader/zip"),
  cli: () => import("../../src/cli/summarise-command"),
  host: () => import("../../src/cli/node-host"),
  core: () => import("../../src/core"),
};

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const SCALE = (process.env.BENCH_SCALE ?? "10000,50000,200000").split(",").map(Number).filter((n) => n > 0);
const MILLION = process.argv.includes("--million") || process.env.BENCH_MILLION === "1";
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const MILLION_REPEAT = Math.max(1, Number(process.env.BENCH_MILLION_REPEAT ?? 1));
/** The command line's deflate level (src/cli/node-zlib.ts). */
const LEVEL = 2;

/** ExcelJS only in the jobs that use it: the product itself never loads it on this path, and its memory is not the run's. */
const exceljs = async () => (await import("exceljs")).default;

/** Each job: the input file, and where its output goes (or, for the floor, the output to deflate). */
const JOBS: Record<string, (data: Uint8Array, path: string, out: string) => Promise<unknown>> = {
  // As the command line runs it (`summarise --format-source`): the file read, summarised, saved and written.
  summarise: async (_, path, out) => {
    const { runSummarise } = await product.cli();
    return `${(await runSummarise({ input: path, out, formatSource: true })).lost.length} parts lost`;
  },
  // As the command line reads (with Node's zlib).
  read: async (data) => {
    const [{ XlsxWorkbook }, { useNodeHost }] = await Promise.all([product.workbook(), product.host()]);
    useNodeHost();
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
};

interface Measure {
  ms: number;
  /** Every run's time, where this is the median of several. */
  all?: number[];
  cpuMs: number;
  maxRssMb: number;
  result: unknown;
}

/** The median of several runs (time and CPU time each their own median), with the highest peak memory of them all (memory is not averaged away). */
function median(list: Measure[]): Measure {
  const mid = Math.floor(list.length / 2);
  const sorted = [...list].sort((a, b) => a.ms - b.ms);
  const cpu = list.map((m) => m.cpuMs).sort((a, b) => a - b);
  return { ...sorted[mid], cpuMs: cpu[mid], maxRssMb: Math.max(...list.map((m) => m.maxRssMb)), all: list.map((m) => m.ms) };
}

/** One job in a fresh process: its time, CPU time and peak resident memory. */
function measure(job: string, path: string, out = ""): Measure {
  const r = spawnSync(process.execPath, [__filename, "--child", job, path, out], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${job} failed on ${path}:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

function report(result: unknown, ms: number, cpu: NodeJS.CpuUsage): void {
  const out: Measure = { ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), result };
  console.log(JSON.stringify(out));
}

async function child(job: string, path: string, out: string): Promise<void> {
  if (job === "floor") return floorChild(path, out);
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = await JOBS[job](new Uint8Array(readFileSync(path)), path, out);
  report(result, Number(process.hrtime.bigint() - t) / 1e6, process.cpuUsage(cpu));
}

/**
 * zlib's share of a run, as the floor of any reader and writer of these
 * files: every part of `input` inflated, every part of `output` (inflated
 * first, untimed) deflated at the command line's level.
 */
async function floorChild(input: string, output: string): Promise<void> {
  const zlib = await import("zlib");
  const { ZipPackage } = await product.zip();
  const inZip = ZipPackage.open(new Uint8Array(readFileSync(input)));
  const outZip = ZipPackage.open(new Uint8Array(readFileSync(output)));
  const inflate = (zip: typeof inZip, e: (typeof inZip.entries)[number]) => (e.method === 0 ? zip.raw(e) : zlib.inflateRawSync(zip.raw(e)));
  const outParts = outZip.entries.map((e) => inflate(outZip, e));
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  let bytes = 0;
  for (const e of inZip.entries) bytes += inflate(inZip, e).length;
  for (const part of outParts) bytes += zlib.deflateRawSync(part, { level: LEVEL }).length;
  report(bytes, Number(process.hrtime.bigint() - t) / 1e6, process.cpuUsage(cpu));
}

/** A workbook made in a child with room for a million rows. */
function make(dir: string, layout: Layout, rows: number): string {
  const path = join(dir, `${layout}-${rows}.xlsx`);
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", join(__dirname, "bench-workbooks.js"), layout, String(rows), path], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`making ${path} failed:\n${r.stderr}`);
  return path;
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

interface Point { rows: number; ms: number; cpuMs: number; maxRssMb: number; runs: number[]; cpuMsPer10kRows: number }

/** The summarise job at each size, each the median of `repeat` runs. */
function growth(dir: string, layout: Layout, sizes: number[], known: Map<string, Measure>): Point[] {
  return sizes.map((rows) => {
    const path = join(dir, `${layout}-${rows}.xlsx`);
    const repeat = rows >= 1_000_000 ? MILLION_REPEAT : REPEAT;
    const m = known.get(path) ?? median(Array.from({ length: repeat }, () => measure("summarise", path, join(dir, `${layout}-${rows}-out.xlsx`))));
    return { rows, ms: m.ms, cpuMs: m.cpuMs, maxRssMb: m.maxRssMb, runs: m.all ?? [m.ms], cpuMsPer10kRows: Math.round((m.cpuMs * 10_000) / rows) };
  });
}

/**
 * How far a million rows is from linear: CPU time at a million against the
 * line through 50,000 and 200,000 rows (1.00 is on it), and against five
 * times 200,000's.
 */
function linearity(points: Point[]): { overLine: number; overFiveTimes: number } | null {
  const at = (n: number) => points.find((p) => p.rows === n);
  const [a, b, m] = [at(50_000), at(200_000), at(1_000_000)];
  if (!a || !b || !m) return null;
  const line = b.cpuMs + ((b.cpuMs - a.cpuMs) * (1_000_000 - 200_000)) / (200_000 - 50_000);
  return { overLine: ratio(m.cpuMs, line), overFiveTimes: ratio(m.cpuMs, 5 * b.cpuMs) };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--child");
  if (at > 0) return child(process.argv[at + 1], process.argv[at + 2], process.argv[at + 3]);
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "cpe-bench-"));
  try {
    const sizes = [...new Set([...SCALE, ROWS, ...(MILLION ? [1_000_000] : [])])].sort((a, b) => a - b);
    for (const layout of ["wide", "long"] as Layout[]) for (const rows of sizes) make(dir, layout, rows);
    const path = join(dir, `wide-${ROWS}.xlsx`);
    const out = join(dir, `wide-${ROWS}-out.xlsx`);
    // The ratios' sides run alternately, REPEAT times each, and their medians are compared: on a shared
    // machine one run can differ from the next by a quarter either way.
    const runs: Measure[] = [];
    const floors: Measure[] = [];
    const reads: Measure[] = [];
    for (let i = 0; i < REPEAT; i++) {
      runs.push(measure("summarise", path, out));
      floors.push(measure("floor", path, out));
      reads.push(measure("exceljs-read", path));
    }
    const run = median(runs);
    const floor = median(floors);
    const read = median(reads);
    const ours = measure("read", path);
    const io = measure("exceljs-io", path);
    const calc = await core(path);
    const known = new Map([[path, run]]);
    const wide = growth(dir, "wide", sizes, known);
    const long = growth(dir, "long", sizes, known);
    // Next quarter's run on this quarter's output: the product's own 200,000-row results sheet is not read as data.
    const ownPath = join(dir, "wide-200000-out.xlsx");
    const rerun = SCALE.includes(200_000) ? median(Array.from({ length: REPEAT }, () => measure("summarise", ownPath, join(dir, "wide-200000-rerun.xlsx")))) : null;
    const result = {
      rows: ROWS, quarters: QUARTERS.length, method: run.result,
      summariseMs: run.ms, summariseCpuMs: run.cpuMs, summariseRuns: run.all,
      floorMs: floor.ms, floorCpuMs: floor.cpuMs, floorRuns: floor.all,
      exceljsReadMs: read.ms, exceljsReadRuns: read.all, exceljsIoMs: io.ms, coreMs: Math.round(calc),
      summariseOverFloor: ratio(run.ms, floor.ms),
      summariseOverRead: ratio(run.ms, read.ms),
      readMs: ours.ms, readMemoryMb: ours.maxRssMb, readOverExceljsRead: ratio(ours.ms, read.ms), readOverFloor: ratio(ours.ms, floor.ms),
      summariseOverIo: ratio(run.ms, io.ms),
      coreOverIo: Math.round((calc / io.ms) * 1000) / 1000,
      cpu: { summarise: run.cpuMs, exceljsRead: read.cpuMs, floor: floor.cpuMs, summariseOverRead: ratio(run.cpuMs, read.cpuMs), summariseOverFloor: ratio(run.cpuMs, floor.cpuMs) },
      peakMemoryMb: run.maxRssMb, exceljsReadMemoryMb: read.maxRssMb, floorMemoryMb: floor.maxRssMb,
      growth: { wide, long, wideLinearity: linearity(wide), longLinearity: linearity(long) },
      rerun: rerun ? { rows: 200_000, ms: rerun.ms, cpuMs: rerun.cpuMs, maxRssMb: rerun.maxRssMb, result: rerun.result } : null,
      loadAverage: { before: loadBefore.map((l) => Math.round(l * 100) / 100), after: loadavg().map((l) => Math.round(l * 100) / 100), cores: cpus().length },
    };
    if (process.argv.includes("--json")) console.log(JSON.stringify(result));
    else printHeadless(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Growth = Point[];

export function printHeadless(r: {
  rows: number; quarters: number; method: unknown; summariseMs: number; summariseCpuMs: number; floorMs: number; floorCpuMs: number;
  exceljsReadMs: number; exceljsIoMs: number; coreMs: number;
  summariseRuns?: number[]; floorRuns?: number[]; exceljsReadRuns?: number[];
  summariseOverRead: number; summariseOverFloor: number; summariseOverIo: number;
  readMs: number; readMemoryMb: number; readOverExceljsRead: number; readOverFloor: number; coreOverIo: number; peakMemoryMb: number; exceljsReadMemoryMb: number; floorMemoryMb: number;
  cpu: { summariseOverRead: number; summariseOverFloor: number };
  growth: { wide: Growth; long: Growth; wideLinearity: { overLine: number; overFiveTimes: number } | null; longLinearity: { overLine: number; overFiveTimes: number } | null };
  rerun: { rows: number; ms: number; cpuMs: number; maxRssMb: number; result: unknown } | null;
  loadAverage: { before: number[]; after: number[]; cores: number };
}): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const at = `${r.rows} rows × ${r.quarters} quarters`;
  const each = (runs?: number[]) => (runs && runs.length > 1 ? ` (runs ${runs.join(", ")} ms)` : "");
  console.log(`load average (1, 5, 15 min) before ${r.loadAverage.before.join(", ")}, after ${r.loadAverage.after.join(", ")}, on ${r.loadAverage.cores} cores`);
  console.log(`(1) headless summarise, ${at}: CPU ${s(r.summariseCpuMs)} (goal ≤ 3.0 s), wall ${s(r.summariseMs)}${each(r.summariseRuns)}, peak ${r.peakMemoryMb} MB (goal ≤ 250; the highest of the runs); ${r.method}`);
  console.log(`(1a) ÷ the zlib floor (inflate every input part, deflate every output part at level ${LEVEL}; CPU ${s(r.floorCpuMs)}, wall ${s(r.floorMs)}${each(r.floorRuns)}): CPU ${r.cpu.summariseOverFloor}, wall ${r.summariseOverFloor}`);
  console.log(`(1b) ÷ bare ExcelJS read alone (${s(r.exceljsReadMs)}${each(r.exceljsReadRuns)}, peak ${r.exceljsReadMemoryMb} MB): wall ${r.summariseOverRead}, CPU ${r.cpu.summariseOverRead}; ÷ ExcelJS read + write (${s(r.exceljsIoMs)}): ${r.summariseOverIo}`);
  console.log(`(1d) the product's read alone (open, every sheet's grid): ${s(r.readMs)}, peak ${r.readMemoryMb} MB; ÷ ExcelJS read ${r.readOverExceljsRead}, ÷ the zlib floor ${r.readOverFloor}`);
  console.log(`(2) core calculation and planning: ${s(r.coreMs)} (÷ ExcelJS read + write ${r.coreOverIo})`);
  const line = (name: string, g: Growth, lin: { overLine: number; overFiveTimes: number } | null) => {
    const points = g.map((p) => `${p.rows.toLocaleString("en-GB")} rows CPU ${s(p.cpuMs)}, wall ${s(p.ms)}, peak ${p.maxRssMb} MB (${p.cpuMsPer10kRows} ms CPU per 10k rows)`).join("; ");
    const linear = lin ? `; a million ÷ the line through 50k and 200k: ${lin.overLine}, ÷ 5 × 200k: ${lin.overFiveTimes} (goal ≤ 1.10)` : "";
    console.log(`${name}: ${points}${linear}`);
  };
  line("(4b) growth, wide workbook (a row per indicator)", r.growth.wide, r.growth.wideLinearity);
  line("(4c) growth, long extract (a row per indicator × area × quarter)", r.growth.long, r.growth.longLinearity);
  if (r.rerun) console.log(`(4d) re-run on the product's own output at ${r.rerun.rows.toLocaleString("en-GB")} rows: CPU ${s(r.rerun.cpuMs)}, wall ${s(r.rerun.ms)}, peak ${r.rerun.maxRssMb} MB; ${r.rerun.result}`);
}

if (require.main === module) void main();
