import { ActionsReport, RisksReport } from "../../report/types";
import { toIso } from "../../dates";
import { columnLetter, rangeRef } from "../../grid";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";
import { STATUS_STYLE } from "../palette";
import { Status } from "../../status";

const RAG_WORDS: Status[] = ["Green", "Amber", "Red", "Complete"];

/** Written in the hidden first column of every template, so a return can be recognised and checked. */
export const TEMPLATE_MARK = "CPE-TEMPLATE";
/** 2: each row records what it held when made (provenance.ts), and the sheet the day it was made. */
export const TEMPLATE_VERSION = 2;
/** Blank rows left at the bottom for items a directorate adds. */
export const NEW_ROWS = 5;

const INPUT = { locked: false, fill: "#FFFFFF" } as const;
const LOCKED = { fill: "#F2F2F2" } as const;

export interface TemplateMeta {
  version: number;
  datasetId: string;
  kind: "priorities" | "actions" | "risks";
  group: string;
  period: string;
  /** The day the template was made, yyyy-mm-dd. */
  made: string;
}

/** Column of the hidden fingerprints of what each row held when the template was made. */
export const WAS_COLUMN = 6;

/** The hidden column A: marker, dataset, kind, directorate, period and the day it was made, one per row. */
function meta(b: SheetBuilder, m: TemplateMeta): void {
  [`${TEMPLATE_MARK} v${m.version}`, m.datasetId, m.kind, m.group, m.period, m.made].forEach((v, i) => b.setRow(i, 0, [v]));
  b.hideColumn(0);
  b.hideColumn(WAS_COLUMN);
}

/** What a template is made from: the dataset's report, where it goes and what its rows held. */
export interface TemplateInput<R> {
  report: R;
  /** The sheet's name. */
  name: string;
  period: string;
  /** Today, yyyy-mm-dd. */
  made: string;
  /** Item key → the fingerprints of its fields as the corporate sheet holds them (provenanceText). */
  was: Map<string, string>;
  password?: string;
}

function instructions(b: SheetBuilder, lines: string[]): void {
  lines.forEach((text, i) => b.setRow(i + 1, 1, [text]));
  for (let i = 1; i <= lines.length; i++) b.styleCell(i, 1, { italic: i > 1, bold: i === 1 });
}

/**
 * A directorate lead's return sheet for priorities or actions: their items
 * pre-filled, RAG from a drop-down, due dates validated as dates, a
 * commentary column, a few blank rows for new items; everything else locked.
 */
export function actionsTemplate(input: TemplateInput<ActionsReport> & { group: string }): SheetPlan {
  const { report: r, group, name, period, password = "" } = input;
  const b = new SheetBuilder(`template:${r.id}:${group}`, name, [4, 60, 14, 12, 50, 22, 4]);
  meta(b, { version: TEMPLATE_VERSION, datasetId: r.id, kind: r.kind, group, period, made: input.made });
  b.setRow(0, 1, [`${group || "All directorates"}: ${r.label}, return for ${period}`]);
  b.styleCell(0, 1, { bold: true, size: 14 });
  instructions(b, [
    "How to fill this in",
    "For each item choose its RAG from the drop-down: Green (on track), Amber (some slippage but still expected to be delivered), Red (off track), Complete.",
    "Change a due date only if it has been agreed; type it as dd/mm/yyyy. Say what has happened this quarter in Commentary.",
    `Add new items in the blank rows at the bottom. Grey cells are locked; send the file back to the performance team when done.`,
  ]);
  const items = r.items.filter((x) => x.group === group);
  const top = 6;
  b.setRow(top, 0, ["Key", "Title", "Due date", "RAG", "Commentary", "Directorate", "Was"]);
  // A RAG the vocabulary does not know is shown as the corporate sheet has it, not as "Not rated".
  const rag = (x: ActionsReport["items"][number]) => (x.status === "No data" ? null : RAG_WORDS.includes(x.status) ? x.status : x.statusWord || null);
  const rows: PlanValue[][] = items.map((x) => [x.key, x.title, x.due ? { date: toIso(x.due) } : x.dueText || null, rag(x), x.commentary || null, group, input.was.get(x.key) ?? null]);
  for (let i = 0; i < NEW_ROWS; i++) rows.push([null, null, null, null, null, group]);
  rows.forEach((row, i) => b.setRow(top + 1 + i, 0, row).fitRow(top + 1 + i));
  const first = top + 1;
  const last = top + rows.length;
  const plan = lockedTable(b.build(), top, last, [2, 3, 4]);
  const body = (c: number) => rangeRef(first, c, last, c);
  plan.styles.push({ ref: body(2), style: { numberFormat: "dd/mm/yyyy" } });
  plan.validations.push(
    { ref: body(3), type: "list", values: ["Green", "Amber", "Red", "Complete"], allowBlank: true,
      prompt: { title: "RAG", text: "Choose Green, Amber, Red or Complete." },
      error: { title: "Not a RAG status", text: "Choose Green, Amber, Red or Complete from the list." } },
    { ref: body(2), type: "date", min: 36526, max: 73050, allowBlank: true, // 01/01/2000 to 31/12/2099
      prompt: { title: "Due date", text: "Type the date as dd/mm/yyyy, e.g. 31/03/2022." },
      error: { title: "Not a date", text: "That is not a date. Type it as dd/mm/yyyy, e.g. 31/03/2022." } },
  );
  plan.freeze = { rows: top + 1, columns: 0 };
  plan.protection = { password };
  plan.tables.push({ title: "Return", ref: rangeRef(top, 0, last, 5) });
  statusColours(plan, first, last, 3);
  return plan;
}

/** The longest validation error message Excel keeps (titles 32, prompts 255): [MS-XLS] 2.5.37 DValStrings. */
export const VALIDATION_ERROR_MAX = 225;

/** `text` where it fits in `max` characters, else the shorter `instead`. */
function fitText(text: string, max: number, instead: string): string {
  return text.length <= max ? text : instead;
}

/**
 * A return sheet for the risk register: likelihood and impact from
 * drop-downs on the register's own scales (a configured matrix, else the
 * points and words the register uses), the score worked out by formula.
 */
export function risksTemplate(input: TemplateInput<RisksReport> & { commentary: Map<string, string> }): SheetPlan {
  const { report: r, name, period, password = "" } = input;
  const m = r.matrix;
  const b = new SheetBuilder(`template:${r.id}:`, name, [4, 60, 16, 16, 8, 50, 4]);
  meta(b, { version: TEMPLATE_VERSION, datasetId: r.id, kind: "risks", group: "", period, made: input.made });
  b.setRow(0, 1, [`${r.label}: risk review for ${period}`]);
  b.styleCell(0, 1, { bold: true, size: 14 });
  instructions(b, [
    "How to fill this in",
    `Choose each risk's current likelihood (${m.likelihoodLabels.join(", ")}) and impact (${m.impactLabels.join(", ")}) from the drop-downs.`,
    "The score is worked out for you. Say what has changed, and the mitigating actions, in Commentary.",
    "Add new risks in the blank rows at the bottom. Grey cells are locked.",
  ]);
  const top = 6;
  b.setRow(top, 0, ["Key", "Risk", "Likelihood", "Impact", "Score", "Commentary", "Was"]);
  const list = (labels: string[]) => `{${labels.map((l) => `"${l.replace(/"/g, '""')}"`).join(",")}}`;
  const score = (row: number) => {
    const c = (col: number) => `${columnLetter(col)}${row + 1}`;
    return { formula: `IFERROR(MATCH(${c(2)},${list(m.likelihoodLabels)},0)*MATCH(${c(3)},${list(m.impactLabels)},0),"")` };
  };
  const risks = [...r.risks].sort((a, b) => a.inputIndex - b.inputIndex);
  const rows: PlanValue[][] = risks.map((x, i) => [
    x.key, x.title, m.likelihoodLabels[x.likelihood - 1], m.impactLabels[x.impact - 1], score(top + 1 + i), input.commentary.get(x.key) || null, input.was.get(x.key) ?? null,
  ]);
  for (let i = 0; i < NEW_ROWS; i++) rows.push([null, null, null, null, score(top + 1 + risks.length + i), null]);
  rows.forEach((row, i) => b.setRow(top + 1 + i, 0, row).fitRow(top + 1 + i));
  const first = top + 1;
  const last = top + rows.length;
  const plan = lockedTable(b.build(), top, last, [2, 3, 5]);
  const body = (c: number) => rangeRef(first, c, last, c);
  const choose = (ref: string, what: string, labels: string[]) => ({
    ref, type: "list" as const, values: labels, allowBlank: true,
    prompt: { title: what, text: `Choose the ${what.toLowerCase()} from the list.` },
    // Excel keeps at most 225 characters of an error message ([MS-XLS] 2.5.37 DValStrings): descriptive labels are left to the list.
    error: { title: `Not a ${what.toLowerCase()}`, text: fitText(`Choose one of: ${labels.join(", ")}.`, VALIDATION_ERROR_MAX, "Choose one from the drop-down list.") },
  });
  plan.validations.push(choose(body(2), "Likelihood", m.likelihoodLabels), choose(body(3), "Impact", m.impactLabels));
  plan.freeze = { rows: top + 1, columns: 0 };
  plan.protection = { password };
  plan.tables.push({ title: "Risk review", ref: rangeRef(top, 0, last, 5) });
  return plan;
}

/**
 * The return table's look and locks: a grey, locked table with its header,
 * white unlocked input columns, and titles open in the blank rows for new items.
 */
function lockedTable(plan: SheetPlan, top: number, last: number, inputColumns: number[]): SheetPlan {
  const first = top + 1;
  plan.styles.push(
    { ref: rangeRef(top, 0, top, 5), style: { bold: true, fill: "#D9D9D9", border: true, wrap: true } },
    { ref: rangeRef(first, 0, last, 5), style: { border: true, wrap: true, vAlign: "top", ...LOCKED } },
    ...inputColumns.map((c) => ({ ref: rangeRef(first, c, last, c), style: INPUT })),
    { ref: rangeRef(last - NEW_ROWS + 1, 1, last, 1), style: INPUT },
  );
  return plan;
}

function statusColours(plan: SheetPlan, first: number, last: number, col: number): void {
  const anchor = `$${columnLetter(col)}${first + 1}`;
  for (const word of ["Green", "Amber", "Red", "Complete"] as const) {
    const style = STATUS_STYLE[word];
    plan.conditionalFormats.push({ ref: rangeRef(first, col, last, col), priority: plan.conditionalFormats.length + 1, rule: { type: "expression", formula: `${anchor}="${word}"`, style } });
  }
}
