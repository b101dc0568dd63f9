#!/usr/bin/env node
/**
 * Command line over .xlsx files:
 *   summarise <in.xlsx> --out <out.xlsx> [--period "Q1 2021/22"] [--format-source] [--json]
 */
import { parseArgs } from "util";
import { runSummarise, printReadable, UsageError } from "./summarise-command";
import { WorkbookFileError } from "../workbook/xlsx/workbook";

const USAGE = `Usage:
  npm run cli -- summarise <in.xlsx> --out <out.xlsx> [--period "Q1 2021/22"] [--format-source] [--json]

  summarise   read the workbook's indicators, outcomes, priorities, actions and risks,
              and write summary sheets into a copy of it (the input is never changed)
  --period    reporting period; by default the latest quarter found in the data
  --format-source  also colour the status and risk-level columns of the input sheets
  --json      print one JSON object on stdout instead of the readable summary`;

export async function main(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        period: { type: "string" },
        "format-source": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    err(`Error: ${(e as Error).message}`);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, input] = positionals;
  if (values.help || !command) {
    (values.help ? console.log : err)(USAGE);
    return values.help ? 0 : 2;
  }
  if (command !== "summarise") {
    err(`Error: unknown command '${command}'`);
    err(USAGE);
    return 2;
  }
  if (!input || !values.out) {
    err("Error: summarise needs an input workbook and --out <file>");
    return 2;
  }
  try {
    const result = await runSummarise(
      { input, out: values.out, period: values.period, formatSource: values["format-source"] ?? false, json: values.json ?? false },
      (line) => err(line),
    );
    if (values.json) process.stdout.write(`${JSON.stringify(result.json)}\n`);
    else console.log(printReadable(result, values.out, result.lost));
    return 0;
  } catch (e) {
    if (e instanceof WorkbookFileError) err(`Error: cannot use ${input}: ${e.message}`);
    else if (e instanceof UsageError) err(`Error: ${e.message}`);
    else err(`Error: the run failed unexpectedly: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
