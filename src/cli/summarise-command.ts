import { summarise, SummariseResult } from "../workbook/summarise";
import { dataIssuesSheet, nothingUsableMessage } from "../core";
import { WorkbookFileError } from "../workbook/xlsx/workbook";
import { openWorkbook, saveFile, samePath } from "./files";
import { printReadable } from "./print";

export interface SummariseArgs {
  input: string;
  out: string;
  period?: string;
  area?: string;
  formatSource: boolean;
  json: boolean;
}

/** Fails the run with one line on stderr: the file cannot be used. */
export class UsageError extends Error {}

export async function runSummarise(args: SummariseArgs, log: (line: string) => void): Promise<SummariseResult & { lost: string[] }> {
  if (samePath(args.input, args.out)) throw new UsageError("--out must be a different file: the input workbook is never modified");
  const wb = await openWorkbook(args.input);
  const result = await summarise(wb, {
    period: args.period,
    area: args.area,
    formatSource: args.formatSource,
    onProgress: (step, fraction) => log(`[${Math.round(fraction * 100).toString().padStart(3)}%] ${step}`),
  });
  if (result.error) throw new UsageError(result.error);
  if (result.report.datasets.length === 0) {
    throw new WorkbookFileError(nothingUsableMessage(result.report.skipped));
  }
  let saved = await wb.save();
  if (saved.lost.length) {
    // Say in the workbook itself what the rewrite could not carry, then save again.
    const notes = [...result.report.notes, "This file was rewritten without some parts of the original, which remains unchanged:", ...saved.lost];
    const plan = result.plans.find((p) => p.purpose === "data-issues");
    if (plan) await wb.writeSheets([{ plan: dataIssuesSheet(result.report.issues, notes, plan.name), replace: true }]);
    saved = await wb.save();
  }
  await saveFile(args.out, saved.data);
  return { ...result, lost: saved.lost };
}

export { printReadable };
