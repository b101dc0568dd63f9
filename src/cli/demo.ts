/**
 * The README's main job: summarise the bundled sample workbook into out/.
 */
import { join } from "path";
import { runSummarise, printReadable } from "./summarise-command";
import { progress } from "./progress";

const ROOT = join(__dirname, "..", "..", "..");
const input = join(ROOT, "assets", "samples", "council-performance-q1-2021-22.xlsx");
const out = join(ROOT, "out", "council-performance-q1-2021-22-summary.xlsx");

const steps = progress(process.stderr, true);
runSummarise({ input, out, formatSource: true }, steps)
  .then((result) => {
    steps.done();
    console.log(`Sample: ${input}`);
    console.log(printReadable(result.readable, out, result.outputSheets, result.lost));
  })
  .catch((e) => {
    steps.done();
    process.stderr.write(`Error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
