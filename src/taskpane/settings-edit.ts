/**
 * The Settings step's edits, held as one draft for every dataset and the
 * risk matrix, so switching tabs loses nothing and one Save writes them all.
 */
// Straight from the core's own files rather than its index, so the first screen does not pull in the whole core.
import { DEFAULT_MATRIX, RiskBand, RiskMatrix, checkMatrix } from "../core/risk/matrix";
import { levelOnScale } from "../core/risk/scale";
import { cellText } from "../core/values";
import { DatasetSettings, WorkbookSettings, defaultStandard } from "../core/settings";
import { DEFAULT_TOLERANCE, Status } from "../core/status";
import { DEFAULT_LONG_TREND, LongTrendMethod } from "../core/trend";
import type { DatasetInfo, Inspection } from "../workbook/inspect";

export interface DatasetDraft {
  hasStandard: boolean;
  expected: number;
  counts: Status[];
  /** Amber tolerance, % of target. */
  tolerance: number;
  /** Changes this small or smaller count as Static. */
  band: number;
  spc: boolean;
  /** What the long trend compares with. */
  longTrend: LongTrendMethod;
  /** Outcomes: the plan's name as the report writes it ("" for the sheet's own title). */
  planName: string;
}

export interface MatrixDraft {
  likelihood: string[];
  impact: string[];
  bands: RiskBand[];
}

export interface SettingsDraft {
  datasets: Record<string, DatasetDraft>;
  matrix: MatrixDraft;
  /** Go back to the register's own scales and levels: Save clears the matrix saved in Settings. */
  ownLevels?: boolean;
}

export const isMeasured = (d: DatasetInfo) => d.kind === "indicators" || d.kind === "outcomes";

function datasetDraft(d: DatasetInfo, saved: DatasetSettings): DatasetDraft {
  const standard = saved.standard === undefined ? defaultStandard(d.kind) : saved.standard;
  return {
    hasStandard: standard !== null,
    expected: standard?.expected ?? 90,
    counts: standard?.counts ?? ["Green"],
    tolerance: (saved.tolerance ?? DEFAULT_TOLERANCE).value,
    band: saved.staticBand?.value ?? 0,
    spc: saved.spc ?? true,
    longTrend: saved.longTrend ?? DEFAULT_LONG_TREND,
    planName: saved.planName ?? "",
  };
}

/**
 * The matrix a run scores the registers on: the one saved in Settings, else
 * the first register's own scales and levels as the run reads them (never a
 * default the register does not use).
 */
export function matrixInUse(inspection: Inspection): RiskMatrix {
  return inspection.datasets.find((d) => d.risk)?.risk?.matrix ?? inspection.settings.riskMatrix ?? DEFAULT_MATRIX;
}

/** The register's own scales and levels, as they would be with no matrix saved in Settings. */
export function ownMatrix(inspection: Inspection): RiskMatrix | null {
  const r = inspection.datasets.find((d) => d.risk)?.risk;
  return r ? r.own?.matrix ?? r.matrix : null;
}

export const matrixDraft = (m: RiskMatrix): MatrixDraft => ({ likelihood: [...m.likelihoodLabels], impact: [...m.impactLabels], bands: m.bands.map((b) => ({ ...b })) });

/** The settings as saved in the workbook (or the defaults), as a draft to edit. */
export function draftFrom(inspection: Inspection): SettingsDraft {
  return {
    datasets: Object.fromEntries(inspection.datasets.filter((d) => d.kind !== "risks").map((d) => [d.id, datasetDraft(d, inspection.settings.datasets[d.id] ?? {})])),
    matrix: matrixDraft(matrixInUse(inspection)),
  };
}

/** The draft with the register's own levels back in place of the saved matrix (Save then clears it). */
export function withOwnLevels(inspection: Inspection, draft: SettingsDraft): SettingsDraft {
  const own = ownMatrix(inspection);
  return own ? { ...draft, matrix: matrixDraft(own), ownLevels: inspection.settings.riskMatrix !== null } : draft;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function isDirty(inspection: Inspection, draft: SettingsDraft | null): boolean {
  return draft !== null && (clearsMatrix(inspection, draft) || !same({ ...draft, ownLevels: undefined }, draftFrom(inspection)));
}

/** The draft goes back to the register's own levels, unedited: Save removes the saved matrix rather than saving a copy. */
function clearsMatrix(inspection: Inspection, draft: SettingsDraft): boolean {
  const own = ownMatrix(inspection);
  return Boolean(draft.ownLevels) && inspection.settings.riskMatrix !== null && own !== null && same(draft.matrix, matrixDraft(own));
}

export function matrixFrom(inspection: Inspection, draft: MatrixDraft): RiskMatrix {
  const before = matrixInUse(inspection);
  const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  const next: RiskMatrix = { ...before, bands: draft.bands, likelihoodLabels: clean(draft.likelihood), impactLabels: clean(draft.impact) };
  // A matrix of another size keeps no per-cell bands from the old one.
  if (next.likelihoodLabels.length !== before.likelihoodLabels.length || next.impactLabels.length !== before.impactLabels.length) delete next.cellBands;
  return next;
}

/** Why the matrix cannot be saved, in a sentence, or null. */
export function matrixProblem(inspection: Inspection, draft: MatrixDraft): string | null {
  const m = matrixFrom(inspection, draft);
  if (checkMatrix(m).length) return "Each scale needs at least two levels, and each risk level must start at a lower score than the level above it.";
  return unreadValues(inspection, m);
}

/**
 * A saved matrix's labels are the scales every register is then read on: a
 * value the register holds that they would not read would leave its risk
 * unscored. Say which, before Save, rather than after a run of empty figures.
 */
export function unreadValues(inspection: Inspection, m: RiskMatrix): string | null {
  const problems: string[] = [];
  for (const d of inspection.datasets) {
    if (!d.risk) continue;
    for (const axis of ["likelihood", "impact"] as const) {
      const labels = axis === "likelihood" ? m.likelihoodLabels : m.impactLabels;
      const scale = { size: labels.length, labels, source: "" };
      const unread = d.risk.values[axis].filter((v) => levelOnScale(v, scale) === null).map((v) => `'${cellText(v)}'`);
      if (unread.length) {
        problems.push(`'${d.label}' has ${axis} values these ${axis} levels would not read: ${unread.slice(0, 6).join(", ")}${unread.length > 6 ? ` and ${unread.length - 6} more` : ""}`);
      }
    }
  }
  return problems.length
    ? `${problems.join(". ")}. Name the levels as the register writes them (or keep as many levels as its numbers go up to), or use the register's own levels.`
    : null;
}

/** What Save writes: each changed dataset's settings, and the matrix if it changed (null to go back to the register's own). */
export function changesToSave(inspection: Inspection, draft: SettingsDraft): { datasets: Record<string, DatasetSettings>; matrix?: RiskMatrix | null } {
  const base = draftFrom(inspection);
  const datasets: Record<string, DatasetSettings> = {};
  for (const d of inspection.datasets) {
    const edit = draft.datasets[d.id];
    if (!edit || same(edit, base.datasets[d.id])) continue;
    datasets[d.id] = {
      standard: edit.hasStandard ? { expected: edit.expected, counts: edit.counts } : null,
      ...(isMeasured(d) ? { tolerance: { kind: "percent", value: edit.tolerance }, staticBand: { kind: "absolute", value: edit.band }, spc: edit.spc, longTrend: edit.longTrend } : {}),
      ...(d.kind === "outcomes" ? { planName: edit.planName.trim() || undefined } : {}),
    } as DatasetSettings;
  }
  const out: { datasets: Record<string, DatasetSettings>; matrix?: RiskMatrix | null } = { datasets };
  if (clearsMatrix(inspection, draft)) out.matrix = null;
  else if (!same(draft.matrix, base.matrix)) out.matrix = matrixFrom(inspection, draft.matrix);
  return out;
}

/** Apply a save to the workbook's settings (the same in Excel and in file mode). */
export function applySettings(s: WorkbookSettings, datasets: Record<string, DatasetSettings>, matrix?: RiskMatrix | null, ownArea?: string): void {
  for (const [id, patch] of Object.entries(datasets)) {
    const next: DatasetSettings = { ...(s.datasets[id] ?? {}), ...patch };
    // A plan name cleared in Settings goes back to the sheet's own title.
    if ("planName" in patch && !patch.planName) delete next.planName;
    s.datasets[id] = next;
  }
  if (matrix !== undefined) s.riskMatrix = matrix;
  if (ownArea !== undefined) {
    if (ownArea.trim()) s.ownArea = ownArea.trim();
    else delete s.ownArea;
  }
}

/** Levels as the run's note says them: "High 10 and above, Medium 5–9, Low 4 and below". */
export function describeLevels(bands: RiskBand[]): string {
  return bands.map((b, i) => {
    if (i === 0) return `${b.name} ${b.minScore} and above`;
    const top = bands[i - 1].minScore - 1;
    return b.minScore <= 1 ? `${b.name} ${top} and below` : `${b.name} ${b.minScore}–${top}`;
  }).join(", ");
}
