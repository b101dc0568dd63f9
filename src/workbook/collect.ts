import {
  buildReport, ActionsReport, RisksReport, SheetGrid, SheetBuilder, PlanValue, CellValue, cellText, isBlank, normaliseStatus, parseUkDate, parseLevel,
  DEFAULT_MATRIX, RiskMatrix, formatUkDate, toIso, a1, TEMPLATE_MARK, TEMPLATE_VERSION, WAS_COLUMN, Severity, ReturnField, canonical, fingerprint,
  parseProvenance, Provenance, WorkbookSettings, writtenLike, ReturnRecord, todayIso,
} from "../core";
import { WorkbookPort, CellUpdate, SheetInfo, isSettingsSheet } from "./port";
import { OwnedSheetNames } from "./sheet-names";
import { loadSettings, saveSettings } from "./settings-store";
import { councilSheets } from "./own-sheets";
import { corporateFields, CorporateField, ACTION_FIELDS, RISK_FIELDS } from "./return-fields";

/** A workbook holding returns: the corporate one itself, or a file a directorate sent back. */
export interface ReturnSource {
  file: string;
  port: WorkbookPort;
}

export interface CollectIssue {
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

export interface CollectOptions {
  /** The period being collected; by default the workbook's latest, as summarise takes it. */
  period?: string | null;
}

/** A field the lead changed that was not applied, and why: the corporate sheet changed it too, returns disagree, or it holds a formula. */
export interface CollectConflict {
  sheet: string;
  cell: string;
  item: string;
  field: string;
  /** The corporate sheet's value now. */
  now: string;
  /** What the return (or each return, where they disagree) says. */
  returned: { file: string; cell: string; value: string }[];
  reason: string;
}

export interface CollectJson {
  /** Each return sheet: its template's period and the day it was made (null for one that could not be read). */
  returns: {
    file: string; sheet: string; dataset: string; directorate: string; version: number | null; period: string | null; made: string | null;
    rows: number; accepted: boolean; reason?: string;
  }[];
  /** Values written into the corporate sheets: only fields the lead changed since the template was made. */
  changes: { sheet: string; cell: string; item: string; field: string; from: string; to: string; file: string }[];
  /** Changes not applied, each with its reason; nothing is ever decided silently. */
  conflicts: CollectConflict[];
  /** Fields the lead changed that the corporate sheet already holds (collected before): nothing to do. */
  alreadyIn: number;
  added: { file: string; sheet: string; row: number; dataset: string; directorate: string; title: string }[];
  missing: { dataset: string; directorate: string; item: string }[];
  unknown: { file: string; sheet: string; cell: string; key: string }[];
  issues: CollectIssue[];
  outputSheet: string | null;
  /** Returns made for the period and still not collected: each may still change its directorate's figures. */
  outstanding: { period: string; dataset: string; directorate: string; sheet: string; made: string }[];
  /** Set when the corporate workbook's settings could not be saved (the reason). */
  settingsNotSaved?: string;
}

const HEADER_SCAN = 20;

interface TemplateSheet {
  grid: SheetGrid;
  version: number;
  datasetId: string;
  group: string;
  period: string;
  made: string;
  headerRow: number;
  col: (header: string) => number | undefined;
}

/** Recognise a return by the marker in its hidden first column; say why one cannot be read. */
function readTemplate(grid: SheetGrid): TemplateSheet | { refused: string; version: number | null } | null {
  const mark = cellText(grid.rows[0]?.[0]);
  const m = new RegExp(`^${TEMPLATE_MARK} v(\\d+)$`).exec(mark);
  if (!m) return null;
  const version = Number(m[1]);
  if (version !== TEMPLATE_VERSION) {
    return {
      refused: `made from template version ${version}, which does not record what its rows held when it was made; `
        + `this version of the add-in reads version ${TEMPLATE_VERSION}: send the directorate a new template`,
      version,
    };
  }
  let headerRow = -1;
  for (let r = 0; r < Math.min(HEADER_SCAN, grid.rows.length); r++) if (cellText(grid.rows[r]?.[0]) === "Key") headerRow = r;
  if (headerRow < 0) return { refused: "its table header (the row starting 'Key') was removed", version };
  const headers = (grid.rows[headerRow] ?? []).map((v) => cellText(v).toLowerCase());
  return {
    grid, version, headerRow,
    datasetId: cellText(grid.rows[1]?.[0]),
    group: cellText(grid.rows[3]?.[0]),
    period: cellText(grid.rows[4]?.[0]),
    made: cellText(grid.rows[5]?.[0]),
    col: (h) => {
      const i = headers.indexOf(h.toLowerCase());
      return i >= 0 ? i : undefined;
    },
  };
}

const HEADER: Record<ReturnField, string> = { rag: "RAG", due: "Due date", commentary: "Commentary", likelihood: "Likelihood", impact: "Impact" };

/** A change the lead made, waiting until every return is read: returns that disagree on one cell are a conflict. */
interface Proposal {
  sheet: string;
  row: number;
  col: number;
  value: PlanValue;
  canonical: string;
  item: string;
  field: string;
  from: string;
  to: string;
  file: string;
  cell: string;
}

/** What collecting one return row needs: where it is, the corporate dataset, and where results go. */
interface RowContext {
  file: string;
  t: TemplateSheet;
  d: ActionsReport | RisksReport;
  /** The matrix the template's drop-downs use. */
  matrix: RiskMatrix;
  fields: Map<string, Partial<Record<ReturnField, CorporateField>>>;
  out: CollectJson;
  proposals: Proposal[];
}

/**
 * Collect returns into the corporate datasets. Each return row records, as
 * fingerprints, what its fields held when the template was made; only a
 * field the lead changed from that is applied, and only where the corporate
 * sheet still holds what the template held (else it is a conflict: both
 * changed it). A change the corporate sheet already has is not made again,
 * so collecting a return twice changes nothing the second time. A return of
 * another period, a row of another directorate, returns that disagree and a
 * corporate cell holding a formula are all listed, never decided silently;
 * every value changed is listed (old → new) on a "Collected returns" sheet.
 */
export async function collectReturns(corporate: WorkbookPort, sources: ReturnSource[], corporateFile: string, options: CollectOptions = {}): Promise<CollectJson> {
  const loaded = await loadSettings(corporate);
  const { settings } = loaded;
  const matrix: RiskMatrix = settings.riskMatrix ?? DEFAULT_MATRIX;
  const corpSheets = await corporate.listSheets();
  const corpGrids = await corporate.readSheets(councilSheets(corpSheets));
  const { report } = buildReport(corpGrids, settings, { period: options.period });
  const out: CollectJson = { returns: [], changes: [], conflicts: [], alreadyIn: 0, added: [], missing: [], unknown: [], issues: [], outputSheet: null, outstanding: [] };
  const proposals: Proposal[] = [];
  const seen = new Map<string, Set<string>>(); // dataset|group → keys returned
  const collected: ReturnRecord[] = [];

  for (const source of sources) {
    const sheets = (await source.port.listSheets()).filter((s) => !isSettingsSheet(s.name));
    for (const grid of await source.port.readSheets(sheets.map((s) => s.name))) {
      const t = readTemplate(grid);
      if (!t) continue;
      const entry = { file: source.file, sheet: grid.name, version: t.version, rows: 0 };
      if ("refused" in t) {
        out.returns.push({ ...entry, dataset: "", directorate: "", period: null, made: null, accepted: false, reason: t.refused });
        continue;
      }
      const refuse = (dataset: string, reason: string) =>
        out.returns.push({ ...entry, dataset, directorate: t.group, period: t.period, made: t.made || null, accepted: false, reason });
      const dataset = report.datasets.find((d) => d.id === t.datasetId);
      if (!dataset || (dataset.kind !== "priorities" && dataset.kind !== "actions" && dataset.kind !== "risks")) {
        refuse(t.datasetId, `it is a return for '${t.datasetId}', which is not in ${corporateFile}`);
        continue;
      }
      if (report.period && t.period !== report.period) {
        refuse(dataset.label, `it was made for ${t.period}, but ${corporateFile} is being collected for ${report.period}: `
          + `send the directorate a template for ${report.period}, or collect for ${t.period} (--period "${t.period}")`);
        continue;
      }
      if (dataset.kind !== "risks" && t.group && !dataset.groups.some((g) => g.group === t.group)) {
        refuse(dataset.label, `it is ${t.group}'s return, and no item of '${dataset.label}' belongs to ${t.group} now`);
        continue;
      }
      const bucket = `${dataset.id}|${t.group}`;
      const keys = seen.get(bucket) ?? new Set<string>();
      seen.set(bucket, keys);
      // A risk return is read on the register's own scales, as its template offered them.
      const scales = dataset.kind === "risks" ? (dataset as RisksReport).matrix : matrix;
      const ctx: RowContext = { file: source.file, t, d: dataset, matrix: scales, fields: corporateFields(dataset, corpGrids), out, proposals };
      let rows = 0;
      for (let r = t.headerRow + 1; r < grid.rows.length; r++) {
        const counted = collectRow(ctx, r, keys);
        if (counted) rows++;
      }
      out.returns.push({ ...entry, dataset: dataset.label, directorate: t.group, period: t.period, made: t.made || null, rows, accepted: true });
      collected.push({ period: t.period, dataset: dataset.id, directorate: t.group, sheet: grid.name, made: t.made, from: source.file });
    }
  }

  // Items a returned template covered but whose rows were deleted from it.
  for (const [bucket, keys] of seen) {
    const [id, group] = [bucket.slice(0, bucket.lastIndexOf("|")), bucket.slice(bucket.lastIndexOf("|") + 1)];
    const d = report.datasets.find((x) => x.id === id);
    if (d?.kind === "risks") for (const x of d.risks) if (!keys.has(x.key)) out.missing.push({ dataset: d.label, directorate: group, item: x.title });
    if (d?.kind === "priorities" || d?.kind === "actions") {
      for (const x of d.items) if (x.group === group && !keys.has(x.key)) out.missing.push({ dataset: d.label, directorate: group, item: x.title });
    }
  }

  await apply(corporate, proposals, out);
  out.outputSheet = await writeCollectedSheet(corporate, out, settings, corpSheets);
  settings.ownedSheets.collected = out.outputSheet;
  settings.returns = markCollected(settings.returns ?? [], collected, todayIso());
  const label = (id: string) => report.datasets.find((d) => d.id === id)?.label ?? id;
  out.outstanding = settings.returns.filter((x) => x.period === report.period && !x.collected)
    .map((x) => ({ period: x.period, dataset: label(x.dataset), directorate: x.directorate, sheet: x.sheet, made: x.made }));
  if (!(await saveSettings(corporate, loaded, settings))) out.settingsNotSaved = loaded.readOnly ?? undefined;
  return out;
}

/**
 * The record of returns with these collected today: each no longer
 * outstanding, and one made before returns were recorded added as made
 * on the day its template says.
 */
export function markCollected(records: ReturnRecord[], collected: ReturnRecord[], today: string): ReturnRecord[] {
  const out = records.map((r) => ({ ...r }));
  for (const c of collected) {
    const at = out.find((r) => r.period === c.period && r.dataset === c.dataset && r.directorate === c.directorate);
    if (at) Object.assign(at, { collected: today, from: c.from });
    else out.push({ ...c, collected: today });
  }
  return out;
}

/** One row of a return; false for a blank row. */
function collectRow(ctx: RowContext, r: number, keys: Set<string>): boolean {
  const { t, d, file, out } = ctx;
  const row = t.grid.rows[r] ?? [];
  const key = cellText(row[0]);
  const title = cellText(row[t.col("title") ?? t.col("risk") ?? 1]);
  const fields = d.kind === "risks" ? RISK_FIELDS : ACTION_FIELDS;
  const inputs = fields.map((f) => t.col(HEADER[f])).filter((c): c is number => c !== undefined);
  if (!key && !title && inputs.every((c) => isBlank(row[c]))) return false;
  const issue = (col: number, label: string, message: string, severity: Severity = "error") =>
    out.issues.push({ file, sheet: t.grid.name, cell: a1(r, col), severity, message: `${label} in ${file}, ${t.grid.name}!${a1(r, col)}: ${message}` });
  if (!key) {
    out.added.push({ file, sheet: t.grid.name, row: r + 1, dataset: d.label, directorate: t.group, title: title || "(no title)" });
    if (!title) issue(1, "New item", "has values but no title");
    return true;
  }
  const was = parseProvenance(cellText(row[WAS_COLUMN]));
  if (!was) {
    issue(WAS_COLUMN, "Row", "its hidden record of what the template held is missing or changed, so its changes cannot be told apart from the corporate sheet's: not used");
    return true;
  }
  const item = matchItem(ctx, { key, title, was, row });
  if (typeof item === "string") {
    if (item === "unknown") out.unknown.push({ file, sheet: t.grid.name, cell: a1(r, 0), key });
    else issue(0, "Row", item);
    return true;
  }
  keys.add(item.key);
  const corp = ctx.fields.get(item.key) ?? {};
  for (const f of fields) {
    const c = t.col(HEADER[f]);
    if (c === undefined) continue;
    const returned = row[c];
    const back = canonical(f, returned, ctx.matrix);
    // The lead left it as the template had it: nothing to collect, whatever the corporate sheet holds now.
    if (was[f] === undefined || fingerprint(back) === was[f]) continue;
    if (isBlank(returned)) {
      issue(c, HEADER[f], "was emptied in the return; an emptied cell is not copied, so the corporate value stands", "warning");
      continue;
    }
    const value = entryValue(f, returned, ctx.matrix);
    if ("problem" in value) {
      issue(c, HEADER[f], value.problem);
      continue;
    }
    const target = corp[f];
    if (!target || target.col === undefined) {
      issue(c, HEADER[f], `${d.sheet} has no ${HEADER[f]} column, so this was not copied: add one and collect again`, "warning");
      continue;
    }
    const now = canonical(f, target.value, d.kind === "risks" ? d.matrix : ctx.matrix);
    // A level goes in as the register writes its levels ("4 - Almost Certain", 4, or a word).
    if (f === "likelihood" || f === "impact") {
      const labels = f === "likelihood" ? ctx.matrix.likelihoodLabels : ctx.matrix.impactLabels;
      value.value = writtenLike(target.value, labels.indexOf(value.shown) + 1, labels);
      value.shown = String(value.value);
    }
    if (now === back) {
      out.alreadyIn++;
      continue;
    }
    const proposal: Proposal = {
      sheet: d.sheet, row: target.row, col: target.col, value: value.value, canonical: back, item: item.title, field: HEADER[f],
      from: shown(target.value), to: value.shown, file, cell: `${t.grid.name}!${a1(r, c)}`,
    };
    if (fingerprint(now) !== was[f]) {
      out.conflicts.push({
        sheet: d.sheet, cell: a1(target.row, target.col), item: item.title, field: HEADER[f], now: shown(target.value),
        returned: [{ file, cell: proposal.cell, value: value.shown }],
        reason: `changed in ${d.sheet} since the template was made, and in the return too: neither was overwritten; decide which stands and type it in`,
      });
      continue;
    }
    ctx.proposals.push(proposal);
  }
  return true;
}

type Matched = { key: string; title: string } | "unknown" | string;

/**
 * The corporate item a return row is about. Its key says which, and it must
 * belong to the return's directorate; where several items share a title and
 * have no code (keys "Title", "Title#2"…, which follow the rows' order), the
 * row's record of what it held picks out the one item whose every field still
 * holds what the template held, or already what the return says.
 */
function matchItem(ctx: RowContext, r: { key: string; title: string; was: Provenance; row: CellValue[] }): Matched {
  const { d, t } = ctx;
  const { key, title, was } = r;
  const items: { key: string; title: string; group: string; code: string }[] = d.kind === "risks"
    ? d.risks.map((x) => ({ key: x.key, title: x.title, group: "", code: x.item.code }))
    : d.items.map((x) => ({ key: x.key, title: x.title, group: x.group, code: x.code }));
  const item = items.find((x) => x.key === key);
  if (!item) return "unknown";
  const base = key.replace(/#\d+$/, "");
  const namesakes = item.code ? [] : items.filter((x) => !x.code && x.key.replace(/#\d+$/, "") === base);
  let chosen = item;
  if (namesakes.length > 1) {
    const holds = (x: { key: string }) => Object.entries(ctx.fields.get(x.key) ?? {}).every(([name, c]) => {
      const f = name as ReturnField;
      const col = t.col(HEADER[f]);
      const now = canonical(f, c.value, d.kind === "risks" ? d.matrix : ctx.matrix);
      return was[f] === undefined || fingerprint(now) === was[f] || (col !== undefined && now === canonical(f, r.row[col], ctx.matrix));
    });
    const matches = namesakes.filter(holds);
    if (matches.length !== 1) {
      return `${namesakes.length} items in ${d.sheet} are called '${title || base}' and have no code, and ${matches.length ? "more than one" : "none"} of them still holds what this row held when the template was made, so it cannot be told which this row is: not used (give the items codes)`;
    }
    chosen = matches[0];
  }
  const group = d.kind === "risks" ? "" : chosen.group === "(no directorate)" ? "" : chosen.group;
  if (d.kind !== "risks" && t.group && group !== t.group) {
    return `'${chosen.title}' belongs to ${group || "no directorate"}, not ${t.group}, whose return this is: not used (that directorate's own return carries it)`;
  }
  return chosen;
}

/** A value typed into a return, checked and in the form the corporate sheet takes. */
function entryValue(f: ReturnField, v: CellValue | undefined, m: RiskMatrix): { value: PlanValue; shown: string } | { problem: string } {
  if (f === "rag") {
    const s = normaliseStatus(v);
    return s.ok ? { value: s.value, shown: s.value } : { problem: s.problem.message };
  }
  if (f === "due") {
    const due = parseUkDate(v);
    if (!due.ok) return { problem: due.problem.message };
    return due.value ? { value: { date: toIso(due.value) }, shown: formatUkDate(due.value) } : { problem: "is not a date" };
  }
  if (f === "likelihood" || f === "impact") {
    const level = parseLevel(v, m, f);
    if (!level.ok) return { problem: level.problem.message };
    if (level.value === null) return { problem: "is not a level" };
    const labels = f === "likelihood" ? m.likelihoodLabels : m.impactLabels;
    return { value: labels[level.value - 1], shown: labels[level.value - 1] };
  }
  const text = cellText(v).trim();
  return { value: text, shown: text };
}

function shown(v: CellValue | undefined): string {
  if (v instanceof Date) return formatUkDate({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  return cellText(v);
}

/** Writes the proposals: one value per cell; returns that disagree on a cell, and cells holding formulas, are conflicts instead. */
async function apply(port: WorkbookPort, proposals: Proposal[], out: CollectJson): Promise<void> {
  const byCell = new Map<string, Proposal[]>();
  for (const p of proposals) byCell.set(`${p.sheet}!${p.row},${p.col}`, [...(byCell.get(`${p.sheet}!${p.row},${p.col}`) ?? []), p]);
  const bySheet = new Map<string, Proposal[]>();
  for (const list of byCell.values()) {
    const first = list[0];
    if (new Set(list.map((p) => p.canonical)).size > 1) {
      out.conflicts.push({
        sheet: first.sheet, cell: a1(first.row, first.col), item: first.item, field: first.field, now: first.from,
        returned: list.map((p) => ({ file: p.file, cell: p.cell, value: p.to })),
        reason: "the returns disagree (two rows or two versions of a return): none was applied; decide which stands and type it in",
      });
      continue;
    }
    bySheet.set(first.sheet, [...(bySheet.get(first.sheet) ?? []), first]);
    if (list.length > 1) out.alreadyIn += list.length - 1;
  }
  for (const [sheet, list] of bySheet) {
    const kept = await port.updateCells(sheet, list.map((p): CellUpdate => ({ row: p.row, col: p.col, value: p.value })));
    const formula = new Map(kept.map((k) => [`${k.row},${k.col}`, k.formula]));
    for (const p of list) {
      const f = formula.get(`${p.row},${p.col}`);
      if (f === undefined) {
        out.changes.push({ sheet: p.sheet, cell: a1(p.row, p.col), item: p.item, field: p.field, from: p.from, to: p.to, file: p.file });
        continue;
      }
      out.conflicts.push({
        sheet: p.sheet, cell: a1(p.row, p.col), item: p.item, field: p.field, now: `${p.from} (formula ${f})`,
        returned: [{ file: p.file, cell: p.cell, value: p.to }],
        reason: "the corporate cell holds a formula, which is never replaced by a collected value: change what it is worked out from, or type the value in yourself",
      });
    }
  }
}

async function writeCollectedSheet(port: WorkbookPort, out: CollectJson, settings: WorkbookSettings, existing: SheetInfo[]): Promise<string> {
  const { name, replace } = new OwnedSheetNames(settings.ownedSheets, existing).claim("collected", "Collected returns");
  const b = new SheetBuilder("collected", name, [26, 24, 40, 16, 24, 24, 30, 40]);
  b.title("Collected returns");
  b.note(`${out.returns.filter((r) => r.accepted).length} returns read, ${out.changes.length} changes made, ${out.conflicts.length} not applied (see Conflicts), `
    + `${out.issues.length} entries not used. Only what a lead changed since their template was made is applied; every value changed in the corporate sheets is listed here.`);
  b.blank();
  b.table("Returns", ["File", "Sheet", "Dataset", "Directorate", "Period", "Template made", "Rows", "Read?"],
    out.returns.map((r) => [r.file, r.sheet, r.dataset, r.directorate, r.period ?? "", r.made ?? "", r.rows, r.accepted ? "Yes" : `No: ${r.reason ?? ""}`]),
    { emptyText: "No template sheets were found." });
  b.blank();
  b.table("Changes", ["Where", "Field", "Item", "Was", "Now", "From", "", ""],
    out.changes.map((c) => [`${c.sheet}!${c.cell}`, c.field, c.item, c.from, c.to, c.file, null, null]), { emptyText: "No values changed." });
  b.blank();
  b.table("Conflicts", ["Where", "Field", "Item", "Corporate sheet now", "Returned", "Why not applied", "", ""],
    out.conflicts.map((c) => [`${c.sheet}!${c.cell}`, c.field, c.item, c.now, c.returned.map((x) => `${x.value} (${x.file}, ${x.cell})`).join("; "), c.reason, null, null]),
    { emptyText: "No conflicts: every change a lead made was applied." });
  b.blank();
  b.table("Added", ["File", "Sheet and row", "Dataset", "Directorate", "Title", "", "", ""],
    out.added.map((a) => [a.file, `${a.sheet} row ${a.row}`, a.dataset, a.directorate, a.title, "New: copy it into the corporate sheet", null, null]), { emptyText: "No new items were added in the returns." });
  b.blank();
  b.table("Missing", ["Dataset", "Directorate", "Item", "", "", "", "", ""],
    out.missing.map((x) => [x.dataset, x.directorate, x.item, "Not in the return", null, null, null, null]), { emptyText: "Every item came back." });
  b.blank();
  b.table("Unknown", ["File", "Cell", "Key", "", "", "", "", ""],
    out.unknown.map((u) => [u.file, `${u.sheet}!${u.cell}`, u.key, "Not in the corporate data", null, null, null, null]), { emptyText: "No unknown rows." });
  b.blank();
  b.table("Issues", ["File", "Cell", "Issue", "", "", "", "", ""],
    out.issues.map((i) => [i.file, `${i.sheet}!${i.cell}`, i.message, null, null, null, null, null]), { emptyText: "No entries were rejected." });
  await port.writeSheets([{ plan: b.build(), replace }]);
  return name;
}
