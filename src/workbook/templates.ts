import {
  buildReport, actionsTemplate, risksTemplate, ActionsReport, RisksReport, SheetPlan, normaliseWord, provenanceText, todayIso, DEFAULT_MATRIX, cellText, ReturnRecord,
} from "../core";
import { WorkbookPort } from "./port";
import { loadSettings, saveSettings } from "./settings-store";
import { councilSheets } from "./own-sheets";
import { OwnedSheetNames } from "./sheet-names";
import { corporateFields } from "./return-fields";

export interface TemplateOptions {
  /** Only this directorate's return (priorities and actions). */
  directorate?: string;
  password?: string;
  period?: string | null;
}

export interface TemplateResult {
  sheets: { name: string; dataset: string; directorate: string; rows: number }[];
  error?: string;
}

/** Initials of a long name's significant words: "Environment and Community Services" → "ECS". */
function initials(name: string): string {
  return name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join("") || name.slice(0, 6);
}

/** "Finance Directorate priorities", or "ECS Directorate priorities" where the full name would pass Excel's 31 characters. */
export function templateSheetName(group: string, dataset: string): string {
  if (!group) return `${dataset} return`.slice(0, 31);
  const full = `${group} ${dataset}`;
  return (full.length <= 31 ? full : `${initials(group)} ${dataset}`).slice(0, 31);
}

/** The record of returns sent out, with these made now: one per period, dataset and directorate, the latest replacing an earlier one. */
export function recordReturns(records: ReturnRecord[], made: ReturnRecord[]): ReturnRecord[] {
  const id = (r: ReturnRecord) => `${r.period}\u0000${r.dataset}\u0000${r.directorate}`;
  const fresh = new Set(made.map(id));
  return [...records.filter((r) => !fresh.has(id(r))), ...made];
}

/**
 * Write a return sheet per directorate for each priorities and actions
 * dataset, and one for the risk register, pre-filled with the current data.
 * Template sheets are the product's own: a re-run replaces them.
 */
export async function makeTemplates(port: WorkbookPort, options: TemplateOptions = {}): Promise<TemplateResult> {
  const loaded = await loadSettings(port);
  const { settings } = loaded;
  const sheets = await port.listSheets();
  const grids = await port.readSheets(councilSheets(sheets));
  const built = buildReport(grids, settings, { period: options.period });
  if (built.error) return { sheets: [], error: built.error };
  const period = built.report.period ?? "this period";
  const wanted = options.directorate ? normaliseWord(options.directorate) : null;

  const sheetNames = new OwnedSheetNames(settings.ownedSheets, sheets);
  const replacing = new Set<string>();
  const nameFor = (purpose: string, label: string): string => {
    const { name, replace } = sheetNames.claim(purpose, label);
    if (replace) replacing.add(name);
    return name;
  };

  const made = todayIso();
  // What each item's returnable fields hold now, fingerprinted into its row (see provenance.ts).
  const was = (d: ActionsReport | RisksReport) => new Map([...corporateFields(d, grids)].map(([key, fields]) => [
    key, provenanceText(Object.fromEntries(Object.entries(fields).map(([f, c]) => [f, c.value])), d.kind === "risks" ? d.matrix : DEFAULT_MATRIX),
  ]));
  const plans: { plan: SheetPlan; dataset: string; datasetId: string; directorate: string; rows: number }[] = [];
  for (const r of built.report.datasets) {
    if (r.kind === "priorities" || r.kind === "actions") {
      const a = r as ActionsReport;
      for (const g of a.groups) {
        const group = g.group === "(no directorate)" ? "" : g.group;
        if (wanted && normaliseWord(group) !== wanted) continue;
        const purpose = `template:${a.id}:${group}`;
        const name = nameFor(purpose, templateSheetName(group, a.label));
        plans.push({ plan: actionsTemplate({ report: a, group, name, period, made, was: was(a), password: options.password }), dataset: a.label, datasetId: a.id, directorate: group, rows: g.total });
      }
    } else if (r.kind === "risks" && !wanted) {
      const k = r as RisksReport;
      const name = nameFor(`template:${k.id}:`, templateSheetName("", k.label));
      const commentary = new Map([...corporateFields(k, grids)].map(([key, f]) => [key, cellText(f.commentary?.value).trim()]));
      plans.push({
        plan: risksTemplate({ report: k, name, period, made, was: was(k), password: options.password, commentary }),
        dataset: k.label, datasetId: k.id, directorate: "", rows: k.risks.length,
      });
    }
  }
  if (plans.length === 0) {
    return { sheets: [], error: wanted ? `no priorities or actions belong to a directorate called '${options.directorate}'` : "no priorities, actions or risks were found to make templates from" };
  }
  await port.writeSheets(plans.map(({ plan }) => ({ plan, replace: replacing.has(plan.name) })));
  for (const { plan } of plans) settings.ownedSheets[plan.purpose] = plan.name;
  // Which returns went out for the period: each is outstanding until collected (a template made again goes out again).
  if (built.report.period) {
    settings.returns = recordReturns(settings.returns ?? [], plans.map((p) => ({ period, dataset: p.datasetId, directorate: p.directorate, sheet: p.plan.name, made })));
  }
  await saveSettings(port, loaded, settings);
  return { sheets: plans.map((p) => ({ name: p.plan.name, dataset: p.dataset, directorate: p.directorate, rows: p.rows })) };
}
