#!/usr/bin/env node
/**
 * Command line over .xlsx files (see USAGE). Conventions: stdout carries only
 * the result (exactly one JSON object with --json); a refusal is one line on
 * stderr; progress goes to stderr only on a terminal or with --progress.
 */
import { parseArgs } from "util";
import { join, parse } from "path";
import { runSummarise, printReadable, lostWarning, SummariseOutcome, SummariseArgs } from "./summarise-command";
import { LONG_TREND_METHODS, LongTrendMethod } from "../core/trend";
import { WorkbookFileError } from "../workbook/xlsx/workbook";
import { runTemplate, runCollect, runRepairSettings } from "./returns-commands";
import { sameFile } from "./files";
import { isUserError } from "../core/user-error";
import { UsageError, CommandLineError } from "./errors";
import { progress, Progress } from "./progress";

const USAGE = `Usage:
  council-performance summarise <in.xlsx> --out <out.xlsx> [--period "Q1 2021/22"] [--area NAME] [--long-trend METHOD] [--plan-name NAME]
                                [--today YYYY-MM-DD] [--format-source] [--replace-history] [--json] [--progress]
  council-performance summarise <a.xlsx> <b.xlsx> ... --out-dir <folder> [same options]
  council-performance template <in.xlsx> --out <out.xlsx> [--directorate NAME] [--password TEXT]
  council-performance collect <corporate.xlsx> [return1.xlsx ...] --out <out.xlsx> [--period "Q1 2021/22"] [--json]
  council-performance repair-settings <in.xlsx> --out <out.xlsx>
  (from a clone: npm run -s cli -- <command> ...)

  summarise   read the workbook's indicators, outcomes, priorities, actions and risks,
              and write summary sheets into a copy of it (the input is never changed)
  --out-dir   summarise each input into <folder>/<name>-summary.xlsx, one line per file
  --period    reporting period; by default the latest quarter with values in the data
  --area      your own area or organisation, in data that lists several (the others are shown as comparators)
  --long-trend  what each indicator's long trend compares with: same-period-last-year (the default),
              mean-of-previous-4 or same-period-mean (the same period's mean in earlier years); remembered
  --plan-name the council's name for the plan its outcomes belong to ("Strategic Plan 2021-24"),
              as the report writes it; by default the outcomes sheet's own title; remembered
  --today     the day of the run (default: today): periods that begin after it are not reported as current,
              and history is stored under it
  --format-source  also colour the status and risk-level columns of the input sheets
  --replace-history  replace the results stored for this period when they differ
              (the old results are kept in the history); without it they are never overwritten
  --json      print one JSON object on stdout instead of the readable summary
  --progress  show each step on stderr even when it is not a terminal
  template    add a return sheet per directorate (and for the risk register) with drop-downs and
              protection, pre-filled with the current data
  collect     read filled returns (from the files given, or the template sheets in the workbook)
              back into the corporate sheets: only what each lead changed, every change and conflict listed
  repair-settings  set a damaged settings store aside and go back to its last good copy`;

const err = (line: string) => process.stderr.write(`${line}\n`);

/** A real calendar day written YYYY-MM-DD. */
function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The one stderr line for a run that could not be done. */
function refusal(e: unknown, input: string): string {
  if (e instanceof WorkbookFileError || isUserError(e, "file") || isUserError(e, "settings")) return `Error: cannot use ${input}: ${(e as Error).message}`;
  if (e instanceof UsageError || isUserError(e)) return `Error: ${(e as Error).message}`;
  return `Error: the run on ${input} failed unexpectedly: ${(e as Error).message}`;
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "out-dir": { type: "string" },
      period: { type: "string" },
      area: { type: "string" },
      "long-trend": { type: "string" },
      "plan-name": { type: "string" },
      today: { type: "string" },
      "format-source": { type: "boolean", default: false },
      "replace-history": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      progress: { type: "boolean", default: false },
      directorate: { type: "string" },
      password: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
}
type Values = ReturnType<typeof parseCommandLine>["values"];

/**
 * One output per input in a folder: "<name>-summary.xlsx" (.xlsm for a
 * workbook with macros). Refused before anything is written: two inputs
 * that would be written to one file, and an output that is one of the
 * inputs (last quarter's summary given as an input, say), by any name.
 */
async function outputsIn(dir: string, inputs: string[]): Promise<string[]> {
  const outs = inputs.map((i) => join(dir, `${parse(i).name}-summary${/\.xl[st]m$/i.test(i) ? ".xlsm" : ".xlsx"}`));
  for (const [i, o] of outs.entries()) {
    for (let j = 0; j < i; j++) {
      if (await sameFile(o, outs[j])) throw new CommandLineError(`${inputs[j]} and ${inputs[i]} would both be written to ${o}: give them different names; nothing was written`);
    }
    for (const input of inputs) {
      if (await sameFile(o, input)) throw new CommandLineError(`${o} is an input of this run, and would be overwritten by the summary of ${inputs[i]}: move it out of the way or use another --out-dir; nothing was written`);
    }
  }
  return outs;
}

function summaryLine(input: string, out: string, r: SummariseOutcome): string {
  const { issues, datasets } = r;
  return `${input}: wrote ${out} (${datasets} dataset${datasets === 1 ? "" : "s"}, ${issues} data issue${issues === 1 ? "" : "s"}${r.lost.length ? "; some parts lost, see above" : ""})`;
}

const jsonOf = (r: SummariseOutcome) => ({ ...r.json, lost: r.lostParts });

/** The summarise options the command line gives, the same for one file or many (checked by checkSummariseOptions first). */
function summariseArgs(input: string, out: string, values: Values): SummariseArgs {
  const longTrend = values["long-trend"];
  return {
    input, out, period: values.period, area: values.area, today: values.today, formatSource: values["format-source"] ?? false, replaceHistory: values["replace-history"] ?? false,
    longTrend: longTrend as LongTrendMethod | undefined, planName: values["plan-name"],
  };
}

async function summariseOne(input: string, out: string, values: Values, steps: Progress): Promise<number> {
  try {
    const r = await runSummarise(summariseArgs(input, out, values), steps);
    steps.done();
    for (const w of r.warnings) err(`Warning: ${w}`);
    const warning = lostWarning(out, r.lost);
    if (warning) err(warning);
    if (values.json) process.stdout.write(`${JSON.stringify(jsonOf(r))}\n`);
    else console.log(printReadable(r.readable, out, r.outputSheets, []));
    return 0;
  } catch (e) {
    steps.done();
    if (isUserError(e, "command-line")) throw e;
    err(refusal(e, input));
    return 1;
  }
}

/** Several inputs, one by one: a line per file (results on stdout, refusals on stderr); exit 1 if any failed. */
async function summariseMany(inputs: string[], dir: string, values: Values, steps: Progress): Promise<number> {
  const outs = await outputsIn(dir, inputs);
  const files: object[] = [];
  let failed = 0;
  for (const [i, input] of inputs.entries()) {
    try {
      const r = await runSummarise(summariseArgs(input, outs[i], values), steps);
      steps.done();
      for (const w of r.warnings) err(`Warning: ${input}: ${w}`);
      const warning = lostWarning(outs[i], r.lost);
      if (warning) err(warning);
      if (values.json) files.push({ input, out: outs[i], ok: true, ...jsonOf(r) });
      else console.log(summaryLine(input, outs[i], r));
    } catch (e) {
      steps.done();
      failed++;
      const line = refusal(e, input);
      err(line);
      if (values.json) files.push({ input, out: null, ok: false, error: line.replace(/^Error: /, "") });
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ files, failed })}\n`);
  else console.log(`${inputs.length - failed} of ${inputs.length} workbooks summarised${failed ? `; ${failed} could not be used (see above)` : ""}`);
  return failed ? 1 : 0;
}

async function run(command: string, inputs: string[], values: Values): Promise<number> {
  const outDir = values["out-dir"];
  const steps = progress(process.stderr, values.progress ?? false);
  if (command === "summarise") {
    if (inputs.length > 1 && values.out) {
      throw new CommandLineError(`summarise was given ${inputs.length} input workbooks but one --out file: use --out-dir <folder> to write a summary of each`);
    }
    if (values.out && outDir) throw new CommandLineError("give either --out <file> or --out-dir <folder>, not both");
    if (!inputs.length || (!values.out && !outDir)) throw new CommandLineError("summarise needs an input workbook and --out <file> (or several inputs and --out-dir <folder>)");
    const longTrend = values["long-trend"];
    if (longTrend !== undefined && !(LONG_TREND_METHODS as string[]).includes(longTrend)) {
      throw new CommandLineError(`--long-trend must be one of ${LONG_TREND_METHODS.join(", ")}, not '${longTrend}'`);
    }
    if (values.today !== undefined && !isDay(values.today)) throw new CommandLineError(`--today '${values.today}' is not a day: write it as YYYY-MM-DD, e.g. 2024-09-30`);
    return outDir ? summariseMany(inputs, outDir, values, steps) : summariseOne(inputs[0], values.out!, values, steps);
  }
  if (outDir) throw new CommandLineError(`--out-dir is for summarise; ${command} writes one file, named with --out`);
  if (!inputs.length || !values.out) throw new CommandLineError(`${command} needs an input workbook and --out <file>`);
  if (command === "template" && inputs.length > 1) throw new CommandLineError(`template takes one workbook, but was given ${inputs.length}`);
  try {
    if (command === "template") {
      const r = await runTemplate({ input: inputs[0], out: values.out, directorate: values.directorate, password: values.password, period: values.period });
      const warning = lostWarning(values.out, r.lost);
      if (warning) err(warning);
      console.log(r.text);
      return 0;
    }
    if (command === "repair-settings") {
      if (inputs.length > 1) throw new CommandLineError(`repair-settings takes one workbook, but was given ${inputs.length}`);
      console.log(await runRepairSettings({ input: inputs[0], out: values.out }));
      return 0;
    }
    const r = await runCollect({ corporate: inputs[0], returns: inputs.slice(1), out: values.out, period: values.period });
    const warning = lostWarning(values.out, r.lost);
    if (warning) err(warning);
    if (values.json) process.stdout.write(`${JSON.stringify(r.json)}\n`);
    else console.log(r.text);
    return 0;
  } catch (e) {
    if (isUserError(e, "command-line")) throw e;
    err(refusal(e, inputs[0]));
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    err(`Error: ${(e as Error).message}`);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (values.help || !command) {
    (values.help ? console.log : err)(USAGE);
    return values.help ? 0 : 2;
  }
  if (!["summarise", "template", "collect", "repair-settings"].includes(command)) {
    err(`Error: unknown command '${command}'`);
    err(USAGE);
    return 2;
  }
  try {
    return await run(command, inputs, values);
  } catch (e) {
    if (!(e instanceof CommandLineError) && !isUserError(e, "command-line")) throw e;
    err(`Error: ${e.message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code), (e: unknown) => {
    // A fault, not a refusal: said in one line, with the stack only when asked for.
    process.stderr.write(`Error: the run failed unexpectedly: ${(e as Error).message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
