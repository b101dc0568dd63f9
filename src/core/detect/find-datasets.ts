import { SheetGrid, parseRange, rowHasValue, filledColumns } from "../grid";
import { CellValue, cellText, isBlank, normaliseWord } from "../values";
import { Period, parsePeriod } from "../periods";
import { readPeriodCell } from "../period-cells";
import { Role, DatasetKind, headerWords, headerScores, kindHint, HeaderWords } from "./roles";
import { profileColumn } from "./profile";
import { assignRoles, Assignment } from "./assign";
import { fillMerges, groupRowsAbove } from "./header-rows";
import { tableEnd } from "./table-end";
import { BesideColumn, besideColumns, columnBlocks } from "./table-columns";
import { HeaderColumn, RiskPairsFound, settleRiskPairs, holdsLevels } from "./risk-pairs";
import { MeasureColumn, measureColumns } from "./measures";

/** A dataset found on a sheet: where it is, what kind it is, which column holds what. */
export interface DetectedDataset {
  sheet: string;
  kind: DatasetKind;
  /** 0-based row of the header; data runs from the next row to `lastRow`. */
  headerRow: number;
  lastRow: number;
  left: number;
  right: number;
  columns: Partial<Record<Role, number>>;
  /** 0–1 per role: how sure the reading is (header × contents). */
  roleScores?: Partial<Record<Role, number>>;
  /** The next best column per role, offered first in the mapping drop-down. */
  runnerUp?: Partial<Record<Role, { col: number; score: number }>>;
  /**
   * Wide layouts: one value column per period ("Q4 2020/21", "Q1 2021/22"),
   * or a block per period under a group row ("Q1'15" over Goal / Forecast /
   * Actual), where `measure` says which series the column belongs to.
   */
  periodColumns: PeriodColumn[];
  /**
   * Periods as rows and measures as columns (Month | Responses | Positive):
   * each numeric column a series of its own, titled by its header, the
   * period column the axis. Absent in the other layouts.
   */
  measures?: MeasureColumn[];
  /** Header text per column from `left` (for mapping screens and messages). */
  headers: string[];
  /** Group labels above each header ("Residual risk" over L | I | Score), per column from `left`. */
  headerContext?: string[];
  /** 0–1: how much of the header row was recognised. */
  confidence: number;
  tableName?: string;
  /** Rows below the table that were not read as data (notes, footers, totals), 0-based. */
  footerRows?: number[];
  /** Columns past a wide gap of empty columns that hold values in the dataset's rows: not read, but reported. */
  beside?: BesideColumn[];
  /** What makes this reading uncertain (competing readings, a guessed column), in words a user can act on. */
  doubts?: string[];
  /** The second, third… table block on a sheet (absent for the first): part of the dataset's id. */
  block?: number;
  /** A heading just above the table ("Closed risks"), naming it where a sheet holds several. */
  heading?: string;
  /** A register's likelihood × impact pairs where it gives two or more (inherent, current, target), and the one scored. */
  riskPairs?: RiskPairsFound;
}

/** A user's correction, kept in the workbook: columns named by header text so reordering survives. */
export interface MappingOverride {
  kind?: DatasetKind;
  /** 1-based, as the user saw it when saving; a hint only: the header is found by its text. */
  headerRow?: number;
  /** The header row's text, so inserted or deleted rows above it change nothing. */
  headerText?: string[];
  columns?: Partial<Record<Role, string | null>>;
  /** Set when a person chose this mapping (the pane), not when a run remembered what it found: it also brings in a hidden sheet. */
  confirmed?: boolean;
}

/** A sheet looked at and not used, with what was seen and what would make it usable. */
export interface SkippedSheet {
  sheet: string;
  reason: string;
  /** 1-based best candidate header row, when there was one. */
  headerRow?: number;
  headers?: string[];
}

export interface PeriodColumn {
  col: number;
  period: Period;
  /** Under a period group row: the column's series. Absent for a plain period header (a value). */
  measure?: "value" | "target" | "forecast";
}

/** Measure words under a period group row. */
const MEASURES: [RegExp, PeriodColumn["measure"]][] = [
  [/^(actual|actuals|act|value|result|outturn|performance|perf)$/, "value"],
  [/^(goal|target|tgt|plan|planned|budget)$/, "target"],
  [/^(forecast|fcst|fcast|projected|projection|estimate|est)$/, "forecast"],
];

/** Group labels over period headers that make their columns forecasts, or targets (the label's words alone, periods aside). */
const FORECAST_GROUP = /^(forecasts?|projected|projections?)$/;
const PLAN_GROUP = /^(plan|planned|plans|budget|budgets|targets?|trajectory)$/;

/** A group label's words without the periods in it ("Forecast 2025/26 to 2029/30" → "forecast"). */
function bandWords(group: string): string {
  return normaliseWord(group.replace(/\b(q[1-4]|fy)\b|\d+/gi, " ").replace(/\b(to|and)\b/gi, " "));
}

const HEADER_SCAN_ROWS = 40;
const PROFILE_ROWS = 400;
/** Blocks of columns tried for a sheet's dataset, fullest first (a sheet of scattered notes stays cheap). */
const MAX_BLOCKS = 8;

interface Candidate {
  row: number;
  assignment: Assignment;
  periodColumns: PeriodColumn[];
  nonBlank: number;
  titleHeader: string;
  kind: DatasetKind | null;
  headers: string[];
  context: string[];
  /** Share of known status words in the status column, for telling a RAG list from a key or notes table. */
  statusShare: number;
  dataRows: number;
  /** Every column whose header names some role, with what lies under it. */
  columns: HeaderColumn[];
  /** Periods as rows: the numeric columns that are each a series (see DetectedDataset.measures). */
  measures: MeasureColumn[];
}

/** Does a row read as a header: text cells, most of them not numbers or dates? */
function headerLike(row: CellValue[], left: number, right: number, below: CellValue[] = []): boolean {
  let text = 0;
  let other = 0;
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    // "2019-20" or "2021/22" in a header row is a period label, not a number; so is a month typed as a date ("Apr-21")
    // over something other than a date (a date over a date is a row of data: start and due dates).
    if (v instanceof Date && !(below[c] instanceof Date)) text++;
    else if (typeof v === "string" && (!/^[\d.,%£$-]+$/.test(v.trim()) || /^(19|20)\d\d[-/](\d\d|(19|20)\d\d)$/.test(v.trim()))) text++;
    else other++;
  }
  return text >= 2 && text >= other;
}

function readCandidate(grid: SheetGrid, r: number, bottom: number, left: number, right: number, sheetHint: string): Candidate {
  const row = grid.rows[r] ?? [];
  const context = groupRowsAbove(grid, r, left, right);
  const cols: HeaderColumn[] = [];
  const periodColumns: PeriodColumn[] = [];
  const end = Math.min(bottom, r + PROFILE_ROWS);
  let nonBlank = 0;
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    nonBlank++;
    const text = cellText(v);
    // A measure under a period group: "Actual" under "Q1'15".
    const group = context[c - left] ?? "";
    const measure = MEASURES.find(([re]) => re.test(normaliseWord(text)))?.[1];
    const groupPeriod = measure && group ? lastPeriodIn(group) : null;
    if (groupPeriod && measure) {
      periodColumns.push({ col: c, period: groupPeriod, measure });
      continue;
    }
    const p = /\d/.test(text) && typeof v === "string" ? readPeriodCell(text, "") : typeof v !== "string" && v instanceof Date ? readPeriodCell(v, "") : null;
    // A date over a column of dates is a row of data (a task's start date), not a period heading a column of values.
    if (p && p.ok && p.value.period && v instanceof Date && datesBelow(grid, r, end, c)) continue;
    if (p && p.ok && p.value.period) {
      // A period under a "Forecast" band, or written "2025/26 (forecast)", holds forecasts; under "Plan" or "Budget", targets.
      const band = group ? bandWords(group) : "";
      const kind = p.value.forecast || FORECAST_GROUP.test(band) ? "forecast" : PLAN_GROUP.test(band) ? "target" : null;
      periodColumns.push({ col: c, period: p.value.period, ...(kind ? { measure: kind } : {}) });
      continue;
    }
    if (typeof v !== "string") continue;
    const header = headerWords(text, context[c - left] ?? "");
    // Only columns whose header names some role are worth reading: a 16,384-column sheet stays cheap.
    if (headerScores(header).size === 0) continue;
    const values: CellValue[] = [];
    for (let rr = r + 1; rr <= end; rr++) values.push(grid.rows[rr]?.[c] ?? null);
    cols.push({ col: c, header, profile: profileColumn(values) });
  }
  // "Current" is the residual risk where the register also gives an inherent one (Inherent L, Current L).
  if (cols.some((c) => c.header.inherent)) {
    for (const c of cols) if (/\bcurrent\b/.test(c.header.full) && !c.header.inherent) c.header = { ...c.header, residual: true };
  }
  const assignment = assignRoles(cols);
  const statusCol = cols.find((c) => c.col === assignment.columns.status);
  let dataRows = 0;
  for (let rr = r + 1; rr <= end; rr++) if (rowHasValue(grid.rows[rr], left, right)) dataRows++;
  const titleCol = assignment.columns.title;
  const titleHeader = titleCol !== undefined ? cellText(row[titleCol]) : "";
  const cols0 = assignment.columns;
  // A second area column ("la_name" beside "region_name") can take the title role by its "name": it names an area, not an indicator.
  const titleCol0 = cols.find((c) => c.col === cols0.title);
  if (titleCol0 && cols0.period !== undefined && cols0.code === undefined && namesArea(titleCol0.header)) {
    delete cols0.title;
    delete assignment.scores.title;
  }
  // No name column but a period column: the rows are periods, and each numeric column may be a measure.
  const byPeriod = cols0.period !== undefined && cols0.title === undefined && cols0.code === undefined && periodColumns.length === 0;
  const taken = new Set(Object.entries(cols0).filter(([role]) => role !== "value").map(([, col]) => col as number));
  const cand: Candidate = {
    row: r, assignment, periodColumns, nonBlank, titleHeader, kind: null, statusShare: statusCol?.profile.statusWords ?? 0, dataRows, columns: cols,
    headers: Array.from({ length: right - left + 1 }, (_, i) => cellText(row[left + i])),
    context,
    measures: byPeriod ? measureColumns(grid, r, end, left, right, taken) : [],
  };
  cand.kind = classify(cand, sheetHint);
  return cand;
}

/** A header that names an area or organisation at least as strongly as a title ("la_name", "Organisation name"). */
function namesArea(h: HeaderWords): boolean {
  const s = headerScores(h);
  return Math.max(s.get("area") ?? 0, s.get("areaCode") ?? 0) >= (s.get("title") ?? 0);
}

/** Most of the cells under a header cell are dates. */
function datesBelow(grid: SheetGrid, r: number, end: number, c: number): boolean {
  const values: CellValue[] = [];
  for (let rr = r + 1; rr <= Math.min(end, r + 20); rr++) values.push(grid.rows[rr]?.[c] ?? null);
  const p = profileColumn(values);
  return p.filled > 0 && p.dates > 0.5;
}

/** The period a group label names ("Q1'15", or "2021/22 Q1" under a wider "Performance" band). */
function lastPeriodIn(group: string): Period | null {
  const whole = parsePeriod(group.trim());
  if (whole.ok && whole.value) return whole.value;
  const parts = group.split(/\s{2,}|\s(?=Q[1-4]\b)/);
  const last = parts[parts.length - 1]?.trim();
  const p = last ? parsePeriod(last) : null;
  return p && p.ok && p.value ? p.value : null;
}

/** Which kind of list a header row describes, from the roles it found. */
export function classify(
  c: Pick<Candidate, "assignment" | "periodColumns" | "titleHeader" | "statusShare" | "dataRows"> & { measures?: MeasureColumn[] }, sheetName: string,
): DatasetKind | null {
  const cols = c.assignment.columns;
  const hint = kindHint(c.titleHeader) ?? kindHint(sheetName);
  const named = cols.title !== undefined || cols.code !== undefined;
  const sure = (role: Role) => cols[role] !== undefined && (c.assignment.scores[role] ?? 0) >= 0.5;
  // A scale table in a legend names likelihood and impact too, but lists no risks; a scoring key lists every
  // likelihood × impact with its score, but nothing names a risk ("Risk Score" of "Low (2)" is no title).
  const scored = (sure("likelihood") && sure("impact")) || (sure("residualLikelihood") && sure("residualImpact"));
  if (scored) return sure("title") || sure("code") ? "risks" : null;
  // Periods as rows, measures as columns: no name column, each measure is named by its header.
  if (!named && cols.period !== undefined && (c.measures?.length ?? 0) > 0) return hint === "outcomes" ? "outcomes" : "indicators";
  const measured = cols.value !== undefined || c.periodColumns.length > 0 || cols.ytd !== undefined || (cols.numerator !== undefined && cols.denominator !== undefined);
  // A list of projects or actions, each rated by a RAG the sheet types, with figures beside it (progress, spend) but no target: a RAG list.
  const ragList = (hint === "priorities" || hint === "actions") && cols.status !== undefined && c.statusShare >= 0.5 && cols.target === undefined && c.periodColumns.length === 0;
  if (ragList && cols.title !== undefined) return hint as DatasetKind;
  if (measured && named) return hint === "outcomes" ? "outcomes" : "indicators";
  // A status column with no status word in it is a key, a notes table or a tracker of something else.
  const hasStatus = cols.status !== undefined && (c.dataRows === 0 || c.statusShare >= 0.2);
  if (hasStatus && cols.title !== undefined) {
    return hint === "priorities" ? "priorities" : hint === "outcomes" ? "outcomes" : hint === "indicators" && cols.target !== undefined ? "indicators" : "actions";
  }
  return null;
}

/**
 * The same words mean different things by kind: a register's "RAG_Status"
 * is its risk level, an action list's "Rating" is its RAG.
 */
function settleKindRoles(c: Candidate, left: number): void {
  const cols = c.assignment.columns;
  const move = (from: Role, to: Role) => {
    if (cols[from] === undefined || cols[to] !== undefined) return;
    cols[to] = cols[from];
    c.assignment.scores[to] = c.assignment.scores[from];
    delete cols[from];
  };
  if (c.kind === "risks") {
    const profile = (role: Role) => c.columns.find((x) => x.col === cols[role])?.profile;
    // A "Risk Score" of High / Medium / Low is the register's level, not a number.
    const score = profile("score");
    if (score && holdsLevels(score)) move("score", "level");
    // A register's status is its level where it holds level words (RAG_Status: Red / Amber / Green),
    // otherwise where the risk stands (Open, Mitigated, Closed).
    if ((profile("status")?.scaleWords ?? 0) >= 0.5) move("status", "level");
    else move("status", "lifecycle");
    // A register's plain "Target" is the score it aims for.
    move("target", "targetScore");
    // A register's "Target date" or "Target_Resolution" is when the risk should reach its target score.
    const at = cols.due === undefined ? -1 : cols.due - left;
    if (at >= 0 && headerWords(c.headers[at] ?? "", c.context[at] ?? "").targetWord) move("due", "targetDate");
  } else {
    move("level", "status");
    move("targetDate", "due");
  }
}

/** Apply a saved correction: named columns by header text, a kind, or a column left out. */
function applyOverride(c: Candidate, grid: SheetGrid, left: number, right: number, o: MappingOverride | undefined, sheetName: string): void {
  if (!o) return;
  const row = grid.rows[c.row] ?? [];
  for (const [role, header] of Object.entries(o.columns ?? {}) as [Role, string | null][]) {
    if (header === null) {
      delete c.assignment.columns[role];
      continue;
    }
    const col = savedColumn(row, left, right, header);
    if (col === null) continue;
    // A person's correction, or a mapping a person confirmed, is certain; the run's own remembered reading of the
    // same column keeps its evidence, so a doubtful reading stays doubtful on the next run.
    const moved = c.assignment.columns[role] !== col;
    for (const [r, at] of Object.entries(c.assignment.columns) as [Role, number][]) if (at === col && r !== role) delete c.assignment.columns[r];
    c.assignment.columns[role] = col;
    c.assignment.scores[role] = o.confirmed || moved ? 1 : c.assignment.scores[role] ?? 1;
  }
  c.kind = o.kind ?? classify(c, sheetName);
}

/**
 * How a saved mapping names each column of a header row: its header's text,
 * with "#2", "#3"… for the second and later columns of a text the row repeats
 * (a register's inherent and residual "Likelihood"), as savedColumn finds them.
 */
export function columnKeys(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const n = (seen.get(normaliseWord(header)) ?? 0) + 1;
    seen.set(normaliseWord(header), n);
    return n === 1 ? header : `${header}#${n}`;
  });
}

/**
 * The column a saved mapping names: by its header's text, or, where the row
 * repeats a header (an inherent and a residual "Likelihood"), by "Likelihood#2"
 * for the second one of that text.
 */
function savedColumn(row: CellValue[], left: number, right: number, header: string): number | null {
  const occurrence = /^(.*)#(\d+)$/.exec(header);
  if (occurrence) {
    const text = normaliseWord(occurrence[1]);
    let seen = 0;
    for (let col = left; col <= right; col++) if (normaliseWord(cellText(row[col])) === text && ++seen === Number(occurrence[2])) return col;
  }
  const want = normaliseWord(header);
  for (let col = left; col <= right; col++) if (normaliseWord(cellText(row[col])) === want) return col;
  return null;
}

/** The row whose text matches a saved header, wherever it now is. */
function findSavedHeader(grid: SheetGrid, top: number, bottom: number, left: number, right: number, o: MappingOverride): number | null {
  if (!o.headerText?.length) return null;
  const want = o.headerText.map((h) => normaliseWord(h)).filter(Boolean).join("|");
  for (let r = top; r <= Math.min(bottom, top + 200); r++) {
    const row = grid.rows[r] ?? [];
    const got: string[] = [];
    for (let c = left; c <= right; c++) if (!isBlank(row[c])) got.push(normaliseWord(cellText(row[c])));
    if (got.filter(Boolean).join("|") === want) return r;
  }
  return null;
}

interface RegionResult {
  found: DetectedDataset | null;
  best: Candidate | null;
}

/** Find the header row within a region and describe the dataset below it. */
function detectInRegion(
  grid: SheetGrid, top: number, bottom: number, left: number, right: number, override: MappingOverride | undefined, tableName?: string,
): RegionResult {
  const hint = tableName ? `${tableName} ${grid.name}` : grid.name;
  let rows: number[];
  const saved = override ? findSavedHeader(grid, top, bottom, left, right, override) : null;
  const scanned = () => headerRowsIn(grid, top, Math.min(bottom, top + HEADER_SCAN_ROWS - 1), left, right);
  // A remembered header row is taken again; the other rows are still read, so a rival reading is still seen.
  if (saved !== null) rows = override?.confirmed || tableName ? [saved] : [saved, ...scanned().filter((r) => r !== saved)];
  else if (tableName) rows = [top];
  else rows = scanned();
  let best: Candidate | null = null;
  let bestAny: Candidate | null = null;
  const kinded: Candidate[] = [];
  for (const r of rows) {
    const cand = readCandidate(grid, r, bottom, left, right, hint);
    if (saved === null || r === saved) applyOverride(cand, grid, left, right, override, hint);
    const weight = candidateWeight(cand);
    if (weight > candidateWeight(bestAny)) bestAny = cand;
    if (!cand.kind) continue;
    kinded.push(cand);
    if (saved !== null ? r === saved : weight > candidateWeight(best)) best = cand;
  }
  if (!best || !best.kind) return { found: null, best: bestAny };
  const cand = best;
  // Another header row read as another kind of list, nearly as well: the reading is in doubt (unless a person chose it).
  const rival = override?.confirmed ? undefined
    : kinded.find((c) => c !== cand && c.kind !== cand.kind && candidateWeight(c) >= RIVAL_SHARE * candidateWeight(cand));
  const doubts = rival ? [`row ${rival.row + 1} reads almost as well as the header of ${KIND_PHRASE[rival.kind as DatasetKind]} (row ${cand.row + 1} was taken, as ${KIND_PHRASE[cand.kind as DatasetKind]})`] : [];
  settleKindRoles(cand, left);
  // A register's pairs (inherent, current, target) are settled here unless the user mapped them.
  const mappedAxes = !!override?.confirmed && Object.keys(override.columns ?? {}).some((role) => /likelihood|impact/i.test(role));
  const pairs = cand.kind === "risks" && !mappedAxes ? settleRiskPairs(cand.columns, cand.assignment, cand.headers, cand.context, left) : null;
  const lastRow = tableName ? bottom : tableEnd(grid, cand.row, left, right);
  const footerRows: number[] = [];
  if (!tableName) for (let r = lastRow + 1; r <= bottom; r++) if (rowHasValue(grid.rows[r], left, right)) footerRows.push(r);
  return {
    best: cand,
    found: {
      sheet: grid.name,
      kind: cand.kind as DatasetKind,
      headerRow: cand.row,
      lastRow,
      left,
      right,
      columns: cand.assignment.columns,
      roleScores: cand.assignment.scores,
      runnerUp: cand.assignment.runnerUp,
      periodColumns: cand.periodColumns,
      ...(cand.measures.length ? { measures: cand.measures } : {}),
      headers: cand.headers,
      headerContext: cand.context,
      confidence: Math.round(((cand.assignment.recognised + cand.periodColumns.length + cand.measures.length) / Math.max(1, cand.nonBlank)) * 100) / 100,
      tableName,
      footerRows,
      ...(pairs ? { riskPairs: { pairs: pairs.pairs, scored: pairs.scored } } : {}),
      ...(doubts.length || pairs?.doubt ? { doubts: [...doubts, ...(pairs?.doubt ? [pairs.doubt] : [])] } : {}),
    },
  };
}

/** How strongly a header row reads: its recognised roles' evidence, and its period columns. */
function candidateWeight(c: Candidate | null): number {
  return c ? c.assignment.total + c.periodColumns.length * 0.5 + Math.min(c.measures.length, 4) * 0.25 : -1;
}

/** A rival reading this close to the chosen one (as a share of its weight) puts the reading in doubt. */
const RIVAL_SHARE = 0.9;

const KIND_PHRASE: Record<DatasetKind, string> = {
  indicators: "a list of indicators", outcomes: "a list of outcomes", priorities: "a list of priorities", actions: "a list of actions", risks: "a risk register",
};

/** Header-like rows between two rows of a block of columns. */
function headerRowsIn(grid: SheetGrid, top: number, bottom: number, left: number, right: number): number[] {
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) if (headerLike(grid.rows[r] ?? [], left, right, grid.rows[r + 1] ?? [])) rows.push(r);
  return rows;
}

/** Tables looked for on one sheet at most (a sheet of many small tables is rare; each costs a header search). */
const MAX_TABLES = 20;
/** Rows searched for a header below a narrative block, at most, when the first rows hold none. */
const DEEP_SCAN_ROWS = 2000;

/**
 * The rows where another table may begin below `from`: the first filled
 * row after one or more blank rows (a table under a narrative block, or a
 * second table under the first), within DEEP_SCAN_ROWS.
 */
function blockStarts(grid: SheetGrid, from: number, bottom: number, left: number, right: number): number[] {
  const out: number[] = [];
  let blank = true;
  for (let r = from; r <= Math.min(bottom, from + DEEP_SCAN_ROWS); r++) {
    const has = rowHasValue(grid.rows[r], left, right);
    if (has && blank) out.push(r);
    blank = !has;
  }
  return out;
}

/** The single-cell heading just above a header row, if any ("Closed risks"), skipping blank rows. */
function headingAbove(grid: SheetGrid, headerRow: number, floor: number, left: number, right: number): string | undefined {
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - 3); r--) {
    const row = grid.rows[r];
    const filled = filledColumns(row, left, right);
    if (!filled.length) continue;
    const text = cellText(row?.[filled[0]]);
    const single = filled.every((c) => cellText(row?.[c]) === text);
    return single && typeof row?.[filled[0]] === "string" && text.length <= 80 ? text : undefined;
  }
  return undefined;
}

/**
 * Every table in one block of columns, top to bottom: the first under the
 * best header in the block's first rows (or, where those hold none, under
 * a narrative block further down), then each further table below the last
 * one's end. A later table needs a header of its own and a recognised kind.
 */
function tablesInBlock(
  grid: SheetGrid, bottom: number, left: number, right: number, overrideFor: (block: number) => MappingOverride | undefined,
): { found: DetectedDataset[]; best: Candidate | null } {
  const found: DetectedDataset[] = [];
  let best: Candidate | null = null;
  let first = detectInRegion(grid, 0, bottom, left, right, overrideFor(1));
  best = first.best;
  if (!first.found) {
    // A table below a narrative block: try each block start beyond the first rows.
    for (const start of blockStarts(grid, HEADER_SCAN_ROWS, bottom, left, right)) {
      const d = detectInRegion(grid, start, bottom, left, right, undefined);
      if (d.found) {
        first = d;
        break;
      }
    }
  }
  if (!first.found) return { found, best };
  found.push(first.found);
  while (found.length < MAX_TABLES) {
    const prev = found[found.length - 1];
    const starts = blockStarts(grid, prev.lastRow + 1, bottom, left, right).slice(0, 8);
    let next: DetectedDataset | null = null;
    for (const start of starts) {
      const n = found.length + 1;
      const d = detectInRegion(grid, start, bottom, left, right, overrideFor(n));
      // Another table must stand on its own: a header row at or near the block's start, and rows under it.
      if (d.found && d.found.headerRow <= start + 3 && d.found.lastRow > d.found.headerRow) {
        next = { ...d.found, block: n, heading: headingAbove(grid, d.found.headerRow, prev.lastRow + 1, left, right) };
        break;
      }
    }
    if (!next) break;
    // The rows between two tables are the first one's footer, not the second one's.
    const following = next;
    prev.footerRows = (prev.footerRows ?? []).filter((r) => r < following.headerRow && !isHeadingRow(grid, r, following));
    found.push(next);
  }
  return { found, best };
}

function isHeadingRow(grid: SheetGrid, r: number, d: DetectedDataset): boolean {
  return d.heading !== undefined && filledColumns(grid.rows[r], d.left, d.right).every((c) => cellText(grid.rows[r]?.[c]) === d.heading);
}

const NEEDS = "an indicator list needs a title or code and a value (or one column per period); actions and priorities need a title and a RAG or status; "
  + "a risk register needs a likelihood, an impact and something that names each risk (a title, description or reference)";

/** Why a candidate header row did not make a dataset, in words a user can act on. */
function whyNot(c: Candidate | null): string {
  if (!c) return `no row in its first ${HEADER_SCAN_ROWS} rows reads as a header (two or more text cells over data)`;
  const names = c.headers.filter(Boolean).slice(0, 8).map((h) => `'${h.length > 40 ? `${h.slice(0, 40)}…` : h}'`).join(", ");
  const found = Object.keys(c.assignment.columns);
  return `header row ${c.row + 1} has ${names}${c.headers.filter(Boolean).length > 8 ? "…" : ""}; recognised ${found.length ? found.join(", ") : "nothing"}, but ${NEEDS}`;
}

/**
 * Find the datasets on a sheet: each Excel table is one; otherwise every
 * table in the sheet's fullest block of columns, top to bottom (title rows,
 * notes, narrative and blank rows around them skipped). Also says why a
 * sheet gave nothing, so no sheet is passed over in silence. `overrideFor`
 * gives the saved correction of the sheet's n-th table (1 for the first).
 */
export function detectSheet(
  input: SheetGrid, override?: MappingOverride, overrideFor: (block: number) => MappingOverride | undefined = (n) => (n === 1 ? override : undefined),
): { datasets: DetectedDataset[]; skipped: SkippedSheet | null } {
  if (input.visibility === "veryHidden") return { datasets: [], skipped: null };
  const grid = fillMerges(input);
  const found: DetectedDataset[] = [];
  const misses: Candidate[] = [];
  for (const t of grid.tables ?? []) {
    const r = parseRange(t.ref);
    if (!r) continue;
    const d = detectInRegion(grid, r.top, r.bottom, r.left, r.right, override, t.name);
    if (d.found) found.push(d.found);
    else if (d.best) misses.push(d.best);
  }
  if (found.length) return { datasets: found, skipped: null };
  const bottom = grid.rows.length - 1;
  const blocks = columnBlocks(grid, 0, bottom);
  if (!blocks.length) return { datasets: [], skipped: { sheet: grid.name, reason: "the sheet is empty" } };
  // The sheet's datasets are in one block of columns: the fullest is tried first, and a few notes far to the side are not part of it.
  const tries = blocks.slice().sort((a, b) => b.cells - a.cells).slice(0, MAX_BLOCKS);
  let best: Candidate | null = null;
  for (const b of tries) {
    const got = tablesInBlock(grid, bottom, b === blocks[0] ? 0 : b.left, b.right, overrideFor);
    if (got.found.length) {
      if (blocks.length > 1) for (const d of got.found) d.beside = besideColumns(grid, d.headerRow, d.lastRow, d.left, d.right);
      return { datasets: got.found, skipped: null };
    }
    best ??= got.best;
  }
  best ??= misses[0] ?? null;
  return {
    datasets: [],
    skipped: { sheet: grid.name, reason: whyNot(best), headerRow: best ? best.row + 1 : undefined, headers: best?.headers.filter(Boolean) },
  };
}

export function detectDatasets(grid: SheetGrid, override?: MappingOverride): DetectedDataset[] {
  return detectSheet(grid, override).datasets;
}
