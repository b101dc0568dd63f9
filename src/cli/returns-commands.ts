import { basename } from "path";
import { useNodeHost } from "./node-host";
import { makeTemplates } from "../workbook/templates";
import { collectReturns, CollectJson } from "../workbook/collect";
import { XlsxWorkbook, WorkbookFileError } from "../workbook/xlsx/workbook";
import { LostPart } from "../workbook/xlsx/parts";
import { openWorkbook, readInput, saveFile, refuseSameFile, outputKind } from "./files";
import { repairSettings } from "../workbook/settings-store";
import { lostBetween } from "./summarise-command";

export async function runTemplate(args: { input: string; out: string; directorate?: string; password?: string; period?: string }): Promise<{ text: string; lost: string[] }> {
  useNodeHost();
  const as = outputKind(args.out);
  await refuseSameFile([args.input], args.out);
  const wb = await openWorkbook(args.input);
  const result = await makeTemplates(wb, { directorate: args.directorate, password: args.password, period: args.period });
  if (result.error) throw new WorkbookFileError(result.error);
  const saved = await wb.save({ as });
  await saveFile(args.out, saved.data);
  const lines = result.sheets.map((s) => `- ${s.name}: ${s.dataset}${s.directorate ? `, ${s.directorate}` : ""} (${s.rows} rows)`);
  return { text: [`Template sheets written to ${args.out}:`, ...lines, "Send each directorate its sheet; RAG, due dates and commentary are the only cells they can change."].join("\n"), lost: saved.lost };
}

export async function runCollect(args: { corporate: string; returns: string[]; out: string; period?: string }): Promise<{ json: CollectJson & { lost: LostPart[] }; text: string; lost: string[] }> {
  useNodeHost();
  const as = outputKind(args.out);
  await refuseSameFile([args.corporate, ...args.returns], args.out);
  const bytes = await readInput(args.corporate);
  const corporate = await XlsxWorkbook.open(bytes);
  const sources = args.returns.length
    ? await Promise.all(args.returns.map(async (file) => ({ file: basename(file), port: await openWorkbook(file) })))
    : [{ file: basename(args.corporate), port: corporate }];
  const json = await collectReturns(corporate, sources, basename(args.corporate), { period: args.period });
  const saved = await corporate.save({ as });
  await saveFile(args.out, saved.data);
  const read = json.returns.filter((r) => r.accepted).length;
  const text = [
    `Read ${read} return${read === 1 ? "" : "s"}${json.returns.length > read ? ` (${json.returns.length - read} refused)` : ""}: ${json.changes.length} change${json.changes.length === 1 ? "" : "s"}, `
      + `${json.conflicts.length} not applied (conflicts), ${json.alreadyIn} already in, ${json.added.length} new, ${json.missing.length} missing, ${json.unknown.length} unknown, `
      + `${json.issues.length} entr${json.issues.length === 1 ? "y" : "ies"} not used.`,
    ...json.returns.filter((r) => !r.accepted).map((r) => `Refused ${r.file} (${r.sheet}): ${r.reason}`),
    ...json.conflicts.map((c) => `Not applied: ${c.sheet}!${c.cell} ${c.field} of '${c.item}' (now ${c.now || "blank"}; returned ${c.returned.map((x) => `${x.value} in ${x.file}`).join(", ")}): ${c.reason}`),
    ...(json.settingsNotSaved ? [`Warning: ${json.settingsNotSaved}`] : []),
    ...json.issues.map((i) => `Issue: ${i.message}`),
    ...(json.outstanding.length
      ? [`Still outstanding for ${json.outstanding[0].period}: ${json.outstanding.map((x) => `${x.directorate ? `${x.directorate}'s ` : ""}'${x.dataset}' return (sheet '${x.sheet}')`).join("; ")}.`]
      : []),
    `Wrote ${args.out}; every change is listed on its '${json.outputSheet}' sheet.`,
  ];
  const lost = saved.lost.length ? await lostBetween(bytes, saved.data) : [];
  return { json: { ...json, lost }, text: text.join("\n"), lost: saved.lost };
}

/** Repair a damaged settings store into a copy of the workbook (the input is never changed). */
export async function runRepairSettings(args: { input: string; out: string }): Promise<string> {
  useNodeHost();
  const as = outputKind(args.out);
  await refuseSameFile([args.input], args.out);
  const wb = await openWorkbook(args.input);
  const said = await repairSettings(wb);
  await saveFile(args.out, (await wb.save({ as })).data);
  return `${said} Wrote ${args.out}.`;
}
