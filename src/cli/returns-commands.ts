import { basename } from "path";
import { makeTemplates } from "../workbook/templates";
import { collectReturns, CollectJson } from "../workbook/collect";
import { WorkbookFileError } from "../workbook/xlsx/workbook";
import { openWorkbook, saveFile, samePath } from "./files";
import { UsageError } from "./summarise-command";

export async function runTemplate(args: { input: string; out: string; directorate?: string; password?: string; period?: string }): Promise<string> {
  if (samePath(args.input, args.out)) throw new UsageError("--out must be a different file: the input workbook is never modified");
  const wb = await openWorkbook(args.input);
  const result = await makeTemplates(wb, { directorate: args.directorate, password: args.password, period: args.period });
  if (result.error) throw new WorkbookFileError(result.error);
  await saveFile(args.out, (await wb.save()).data);
  const lines = result.sheets.map((s) => `- ${s.name}: ${s.dataset}${s.directorate ? `, ${s.directorate}` : ""} (${s.rows} rows)`);
  return [`Template sheets written to ${args.out}:`, ...lines, "Send each directorate its sheet; RAG, due dates and commentary are the only cells they can change."].join("\n");
}

export async function runCollect(args: { corporate: string; returns: string[]; out: string }): Promise<{ json: CollectJson; text: string }> {
  if (samePath(args.corporate, args.out) || args.returns.some((r) => samePath(r, args.out))) {
    throw new UsageError("--out must be a new file: the corporate workbook and the returns are never modified");
  }
  const corporate = await openWorkbook(args.corporate);
  const sources = args.returns.length
    ? await Promise.all(args.returns.map(async (file) => ({ file: basename(file), port: await openWorkbook(file) })))
    : [{ file: basename(args.corporate), port: corporate }];
  const json = await collectReturns(corporate, sources, basename(args.corporate));
  await saveFile(args.out, (await corporate.save()).data);
  const read = json.returns.filter((r) => r.accepted).length;
  const text = [
    `Read ${read} return${read === 1 ? "" : "s"}${json.returns.length > read ? ` (${json.returns.length - read} refused)` : ""}: ${json.changes.length} change${json.changes.length === 1 ? "" : "s"}, ${json.added.length} new, ${json.missing.length} missing, ${json.unknown.length} unknown, ${json.issues.length} entr${json.issues.length === 1 ? "y" : "ies"} not used.`,
    ...json.returns.filter((r) => !r.accepted).map((r) => `Refused ${r.file} (${r.sheet}): ${r.reason}`),
    ...json.issues.map((i) => `Issue: ${i.message}`),
    `Wrote ${args.out}; every change is listed on its '${json.outputSheet}' sheet.`,
  ];
  return { json, text: text.join("\n") };
}
