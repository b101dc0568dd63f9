/**
 * The Settings step's edits, held as one draft for every dataset and the
 * risk matrix, so switching tabs loses nothing and one Save writes them all.
 */
// Straight from the core's own files rather than its index, so the first screen does not pull in the whole core.
import { DEFAULT_MATRIX, RiskBand, RiskMatrix, checkMatrix } from "../core/risk/matrix";
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
  /** The council's own area in long data with several ("" when none is named). */
  ownArea: string;
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

/** The settings as saved in the workbook (or the defaults), as a draft to edit. */
export function draftFrom(inspection: Inspection): SettingsDraft {
  const m = inspection.settings.riskMatrix ?? DEFAULT_MATRIX;
  return {
    datasets: Object.fromEntries(inspection.datasets.filter((d) => d.kind !== "risks").map((d) => [d.id, datasetDraft(d, inspection.settings.datasets[d.id] ?? {})])),
    matrix: { likelihood: [...m.likelihoodLabels], impact: [...m.impactLabels], bands: m.bands.map((b) => ({ ...b })) },
    ownArea: inspection.settings.ownArea ?? "",
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function isDirty(inspection: Inspection, draft: SettingsDraft | null): boolean {
  return draft !== null && !same(draft, draftFrom(inspection));
}

export function matrixFrom(inspection: Inspection, draft: MatrixDraft): RiskMatrix {
  const before = inspection.settings.riskMatrix ?? DEFAULT_MATRIX;
  const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  const next: RiskMatrix = { ...before, bands: draft.bands, likelihoodLabels: clean(draft.likelihood), impactLabels: clean(draft.impact) };
  // A matrix of another size keeps no per-cell bands from the old one.
  if (next.likelihoodLabels.length !== before.likelihoodLabels.length || next.impactLabels.length !== before.impactLabels.length) delete next.cellBands;
  return next;
}

/** Why the matrix cannot be saved, in a sentence, or null. */
export function matrixProblem(inspection: Inspection, draft: MatrixDraft): string | null {
  return checkMatrix(matrixFrom(inspection, draft)).length
    ? "Each scale needs at least two levels, and each risk level must start at a lower score than the level above it."
    : null;
}

/** What Save writes: each changed dataset's settings, and the matrix if it changed. */
export function changesToSave(inspection: Inspection, draft: SettingsDraft): { datasets: Record<string, DatasetSettings>; matrix?: RiskMatrix; ownArea?: string } {
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
  const out: { datasets: Record<string, DatasetSettings>; matrix?: RiskMatrix; ownArea?: string } = { datasets };
  if (!same(draft.matrix, base.matrix)) out.matrix = matrixFrom(inspection, draft.matrix);
  if (draft.ownArea !== base.ownArea) out.ownArea = draft.ownArea;
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
