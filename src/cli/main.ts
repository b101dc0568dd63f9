#!/usr/bin/env node
/**
 * Command line over .xlsx files:
 *   summarise <in.xlsx> --out <out.xlsx> [--period "Q1 2021/22"] [--format-source] [--json]
 */
import { parseArgs } from "util";
import { runSummarise, printReadable, UsageError } from "./summarise-command";
import { WorkbookFileError } from "../workbook/xlsx/workbook";
import { runTemplate, runCollect } from "./returns-commands";

const USAGE = `Usage:
  npm run cli -- summarise <in.xlsx> --out <out.xlsx> [--period "Q1 2021/22"] [--format-source] [--json]
  npm run cli -- template <in.xlsx> --out <out.xlsx> [--directorate NAME] [--password TEXT]
  npm run cli -- collect <corporate.xlsx> [return1.xlsx ...] --out <out.xlsx> [--json]

  summarise   read the workbook's indicators, outcomes, priorities, actions and risks,
              and write summary sheets into a copy of it (the input is never changed)
  --period    reporting period; by default the latest quarter found in the data
  --area      your own area or organisation, in data that lists several (the others are shown as comparators)
  --format-source  also colour the status and risk-level columns of the input sheets
  --json      print one JSON object on stdout instead of the readable summary
  template    add a return sheet per directorate (and for the risk register) with drop-downs and
              protection, pre-filled with the current data
  collect     read filled returns (from the files given, or the template sheets in the workbook)
              back into the corporate sheets, listing every change`;

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
        area: { type: "string" },
        "format-source": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        directorate: { type: "string" },
        password: { type: "string" },
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
  if (!["summarise", "template", "collect"].includes(command)) {
    err(`Error: unknown command '${command}'`);
    err(USAGE);
    return 2;
  }
  if (!input || !values.out) {
    err(`Error: ${command} needs an input workbook and --out <file>`);
    return 2;
  }
  try {
    if (command === "template") {
      console.log(await runTemplate({ input, out: values.out, directorate: values.directorate, password: values.password, period: values.period }));
      return 0;
    }
    if (command === "collect") {
      const r = await runCollect({ corporate: input, returns: positionals.slice(2), out: values.out });
      if (values.json) process.stdout.write(`${JSON.stringify(r.json)}\n`);
      else console.log(r.text);
      return 0;
    }
    const result = await runSummarise(
      { input, out: values.out, period: values.period, area: values.area, formatSource: values["format-source"] ?? false, json: values.json ?? false },
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
