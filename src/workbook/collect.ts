import {
  buildReport, parseSettings, serialiseSettings, ActionsReport, RisksReport, SheetGrid, SheetBuilder, PlanValue, CellValue, cellText, isBlank,
  normaliseStatus, parseUkDate, parseLevel, RiskMatrix, formatUkDate, toIso, a1, TEMPLATE_MARK, TEMPLATE_VERSION, compareDates,
  Severity, primaryAxes, writtenLike,
} from "../core";
import { WorkbookPort, SETTINGS_SHEET, CellUpdate } from "./port";
import { OwnedSheetNames } from "./sheet-names";

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

export interface CollectJson {
  returns: { file: string; sheet: string; dataset: string; directorate: string; version: number | null; rows: number; accepted: boolean; reason?: string }[];
  changes: { sheet: string; cell: string; item: string; field: string; from: string; to: string; file: string }[];
  added: { file: string; sheet: string; row: number; dataset: string; directorate: string; title: string }[];
  missing: { dataset: string; directorate: string; item: string }[];
  unknown: { file: string; sheet: string; cell: string; key: string }[];
  issues: CollectIssue[];
  outputSheet: string | null;
}

const HEADER_SCAN = 20;

interface TemplateSheet {
  grid: SheetGrid;
  version: number;
  datasetId: string;
  group: string;
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
    return { refused: `made from template version ${version}, but this version of the add-in reads version ${TEMPLATE_VERSION}: send the directorate a new template`, version };
  }
  let headerRow = -1;
  for (let r = 0; r < Math.min(HEADER_SCAN, grid.rows.length); r++) if (cellText(grid.rows[r]?.[0]) === "Key") headerRow = r;
  if (headerRow < 0) return { refused: "its table header (the row starting 'Key') was removed", version };
  const headers = (grid.rows[headerRow] ?? []).map((v) => cellText(v).toLowerCase());
  return {
    grid, version, headerRow,
    datasetId: cellText(grid.rows[1]?.[0]),
    group: cellText(grid.rows[3]?.[0]),
    col: (h) => {
      const i = headers.indexOf(h.toLowerCase());
      return i >= 0 ? i : undefined;
    },
  };
}

/**
 * Collect returns into the corporate datasets: match rows by key, write each
 * changed RAG, due date, commentary, likelihood or impact into the corporate
 * sheet and list every change (old → new) on a "Collected returns" sheet;
 * report new, missing and unknown rows, and every bad entry with its file,
 * sheet and cell.
 */
export async function collectReturns(corporate: WorkbookPort, sources: ReturnSource[], corporateFile: string): Promise<CollectJson> {
  const { settings } = parseSettings(await corporate.readSettings());
  const corpSheets = await corporate.listSheets();
  const corpGrids = await corporate.readSheets(corpSheets.filter((s) => s.name !== SETTINGS_SHEET).map((s) => s.name));
  const { report } = buildReport(corpGrids, settings);
  const out: CollectJson = { returns: [], changes: [], added: [], missing: [], unknown: [], issues: [], outputSheet: null };
  const updates = new Map<string, CellUpdate[]>();
  const seen = new Map<string, Set<string>>(); // dataset|group → keys returned

  const change = (sheet: string, row: number, col: number, value: PlanValue, item: string, field: string, from: string, to: string, file: string) => {
    out.changes.push({ sheet, cell: a1(row, col), item, field, from, to, file });
    updates.set(sheet, [...(updates.get(sheet) ?? []), { row, col, value }]);
  };

  for (const source of sources) {
    const sheets = (await source.port.listSheets()).filter((s) => s.name !== SETTINGS_SHEET);
    for (const grid of await source.port.readSheets(sheets.map((s) => s.name))) {
      const t = readTemplate(grid);
      if (!t) continue;
      if ("refused" in t) {
        out.returns.push({ file: source.file, sheet: grid.name, dataset: "", directorate: "", version: t.version, rows: 0, accepted: false, reason: t.refused });
        continue;
      }
      const dataset = report.datasets.find((d) => d.id === t.datasetId);
      if (!dataset || (dataset.kind !== "priorities" && dataset.kind !== "actions" && dataset.kind !== "risks")) {
        out.returns.push({ file: source.file, sheet: grid.name, dataset: t.datasetId, directorate: t.group, version: t.version, rows: 0, accepted: false,
          reason: `it is a return for '${t.datasetId}', which is not in ${corporateFile}` });
        continue;
      }
      const bucket = `${dataset.id}|${t.group}`;
      const keys = seen.get(bucket) ?? new Set<string>();
      seen.set(bucket, keys);
      const issue = (row: number, col: number, label: string, message: string, severity: Severity = "error") =>
        out.issues.push({ file: source.file, sheet: grid.name, cell: a1(row, col), severity, message: `${label} in ${source.file}, ${grid.name}!${a1(row, col)}: ${message}` });
      let rows = 0;
      for (let r = t.headerRow + 1; r < grid.rows.length; r++) {
        const row = grid.rows[r] ?? [];
        const key = cellText(row[0]);
        const title = cellText(row[t.col("title") ?? t.col("risk") ?? 1]);
        const inputs = [t.col("rag"), t.col("due date"), t.col("commentary"), t.col("likelihood"), t.col("impact")].filter((c): c is number => c !== undefined);
        if (!key && !title && inputs.every((c) => isBlank(row[c]))) continue;
        rows++;
        if (!key) {
          out.added.push({ file: source.file, sheet: grid.name, row: r + 1, dataset: dataset.label, directorate: t.group, title: title || "(no title)" });
          if (!title) issue(r, 1, "New item", "has values but no title");
          continue;
        }
        keys.add(key);
        // A risk return is read on the register's own scales, as its template offered them.
        if (dataset.kind === "risks") collectRisk(dataset as RisksReport, key, row, r, t, (dataset as RisksReport).matrix, source.file, issue, change, out);
        else collectAction(dataset as ActionsReport, key, row, r, t, source.file, issue, change, out, grid.name);
      }
      out.returns.push({ file: source.file, sheet: grid.name, dataset: dataset.label, directorate: t.group, version: t.version, rows, accepted: true });
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

  for (const [sheet, list] of updates) await corporate.updateCells(sheet, list);
  out.outputSheet = await writeCollectedSheet(corporate, out, settings, corpSheets.map((s) => s.name));
  return out;
}

type IssueFn = (row: number, col: number, label: string, message: string, severity?: Severity) => void;
type ChangeFn = (sheet: string, row: number, col: number, value: PlanValue, item: string, field: string, from: string, to: string, file: string) => void;

function collectAction(d: ActionsReport, key: string, row: CellValue[], r: number, t: TemplateSheet, file: string, issue: IssueFn, change: ChangeFn, out: CollectJson, sheet: string): void {
  const item = d.items.find((x) => x.key === key);
  if (!item) {
    out.unknown.push({ file, sheet, cell: a1(r, 0), key });
    return;
  }
  const cols = d.detected.columns;
  const ragCol = t.col("rag");
  if (ragCol !== undefined && !isBlank(row[ragCol])) {
    const s = normaliseStatus(row[ragCol]);
    if (!s.ok) issue(r, ragCol, "RAG", s.problem.message);
    else if (s.value !== item.status && cols.status !== undefined) change(d.sheet, item.row, cols.status, s.value, item.title, "RAG", item.status, s.value, file);
  }
  const dueCol = t.col("due date");
  if (dueCol !== undefined && !isBlank(row[dueCol])) {
    const due = parseUkDate(row[dueCol]);
    if (!due.ok) issue(r, dueCol, "Due date", due.problem.message);
    else if (due.value && cols.due !== undefined && (!item.due || compareDates(due.value, item.due) !== 0)) {
      change(d.sheet, item.row, cols.due, { date: toIso(due.value) }, item.title, "Due date", item.due ? formatUkDate(item.due) : item.dueText, formatUkDate(due.value), file);
    }
  }
  const comCol = t.col("commentary");
  const comment = comCol !== undefined ? cellText(row[comCol]) : "";
  if (comment && comment !== item.commentary) {
    if (cols.commentary === undefined) issue(r, comCol as number, "Commentary", `${d.sheet} has no Commentary column, so this comment was not copied: add one and collect again`, "warning");
    else change(d.sheet, item.row, cols.commentary, comment, item.title, "Commentary", item.commentary, comment, file);
  }
}

function collectRisk(d: RisksReport, key: string, row: CellValue[], r: number, t: TemplateSheet, m: RiskMatrix, file: string, issue: IssueFn, change: ChangeFn, out: CollectJson): void {
  const risk = d.risks.find((x) => x.key === key);
  if (!risk) {
    out.unknown.push({ file, sheet: t.grid.name, cell: a1(r, 0), key });
    return;
  }
  const [likelihood, impact] = primaryAxes(d.detected);
  const scored = { likelihood, impact };
  for (const axis of ["likelihood", "impact"] as const) {
    const c = t.col(axis);
    if (c === undefined || isBlank(row[c])) continue;
    const level = parseLevel(row[c], m, axis);
    const label = axis === "likelihood" ? "Likelihood" : "Impact";
    if (!level.ok) issue(r, c, label, level.problem.message);
    else if (level.value !== null && level.value !== risk[axis] && d.detected.columns[scored[axis]] !== undefined) {
      // Into the pair the register is scored on (the current one), written as the register writes its levels.
      const labels = axis === "likelihood" ? m.likelihoodLabels : m.impactLabels;
      const value = writtenLike(risk.item.written[axis], level.value, labels);
      change(d.sheet, risk.item.row, d.detected.columns[scored[axis]] as number, value, risk.title, label, labels[risk[axis] - 1], labels[level.value - 1], file);
    }
  }
}

async function writeCollectedSheet(port: WorkbookPort, out: CollectJson, settings: ReturnType<typeof parseSettings>["settings"], existing: string[]): Promise<string> {
  const { name, replace } = new OwnedSheetNames(settings.ownedSheets, existing).claim("collected", "Collected returns");
  const b = new SheetBuilder("collected", name, [26, 24, 40, 16, 24, 24, 30]);
  b.title("Collected returns");
  b.note(`${out.returns.filter((r) => r.accepted).length} returns read, ${out.changes.length} changes made, ${out.issues.length} entries not used. Every value changed in the corporate sheets is listed here.`);
  b.blank();
  b.table("Returns", ["File", "Sheet", "Dataset", "Directorate", "Rows", "Read?", "Reason"],
    out.returns.map((r) => [r.file, r.sheet, r.dataset, r.directorate, r.rows, r.accepted ? "Yes" : "No", r.reason ?? ""]),
    { colour: [{ col: 5, by: "yesno" }], emptyText: "No template sheets were found." });
  b.blank();
  b.table("Changes", ["Where", "Field", "Item", "Was", "Now", "From", ""],
    out.changes.map((c) => [`${c.sheet}!${c.cell}`, c.field, c.item, c.from, c.to, c.file, null]), { emptyText: "No values changed." });
  b.blank();
  b.table("Added", ["File", "Sheet and row", "Dataset", "Directorate", "Title", "", ""],
    out.added.map((a) => [a.file, `${a.sheet} row ${a.row}`, a.dataset, a.directorate, a.title, "New: copy it into the corporate sheet", null]), { emptyText: "No new items were added in the returns." });
  b.blank();
  b.table("Missing", ["Dataset", "Directorate", "Item", "", "", "", ""],
    out.missing.map((x) => [x.dataset, x.directorate, x.item, "Not in the return", null, null, null]), { emptyText: "Every item came back." });
  b.blank();
  b.table("Unknown", ["File", "Cell", "Key", "", "", "", ""],
    out.unknown.map((u) => [u.file, `${u.sheet}!${u.cell}`, u.key, "Not in the corporate data", null, null, null]), { emptyText: "No unknown rows." });
  b.blank();
  b.table("Issues", ["File", "Cell", "Issue", "", "", "", ""],
    out.issues.map((i) => [i.file, `${i.sheet}!${i.cell}`, i.message, null, null, null, null]), { emptyText: "No entries were rejected." });
  await port.writeSheets([{ plan: b.build(), replace }]);
  settings.ownedSheets.collected = name;
  await port.writeSettings(serialiseSettings(settings));
  return name;
}
