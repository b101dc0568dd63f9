import type { TemplateResult } from "../workbook/templates";
import type { CollectJson } from "../workbook/collect";

/** One line for the pane after templates are made. */
export function templatesMessage(r: TemplateResult): string {
  if (r.error) throw new Error(r.error);
  return `${r.sheets.length} return sheet${r.sheets.length === 1 ? "" : "s"} written: ${r.sheets.map((s) => s.name).join(", ")}.`;
}

/** One line for the pane after returns are collected. */
export function collectMessage(j: CollectJson): string {
  const read = j.returns.filter((r) => r.accepted).length;
  return `${read} return${read === 1 ? "" : "s"} read: ${j.changes.length} change${j.changes.length === 1 ? "" : "s"}, ${j.added.length} new, ${j.missing.length} missing, ${j.unknown.length} unknown, ${j.issues.length} not used. See the '${j.outputSheet}' sheet.`;
}
