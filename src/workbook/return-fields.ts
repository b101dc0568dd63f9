import { ActionsReport, RisksReport, SheetGrid, CellValue, ReturnField, RiskMatrix, canonical, primaryAxes } from "../core";

/** A field of a corporate item that a return can change: where it is, and what it holds now. */
export interface CorporateField {
  row: number;
  /** Absent when the corporate sheet has no such column. */
  col?: number;
  value: CellValue | undefined;
}

export const ACTION_FIELDS: ReturnField[] = ["rag", "due", "commentary"];
export const RISK_FIELDS: ReturnField[] = ["likelihood", "impact", "commentary"];

const COLUMN = { rag: "status", due: "due", commentary: "commentary", likelihood: "likelihood", impact: "impact" } as const;

/** Each item's returnable fields as its corporate sheet holds them now, by item key. */
export function corporateFields(d: ActionsReport | RisksReport, grids: SheetGrid[]): Map<string, Partial<Record<ReturnField, CorporateField>>> {
  const grid = grids.find((g) => g.name === d.sheet);
  const cols = d.detected.columns as Partial<Record<string, number>>;
  // A register's likelihood and impact are those of the pair it is scored on (the current one).
  const [likelihood, impact] = d.kind === "risks" ? primaryAxes(d.detected) : ["likelihood", "impact"];
  const column = { ...COLUMN, likelihood, impact };
  const rows = d.kind === "risks" ? d.risks.map((x) => ({ key: x.key, row: x.item.row })) : d.items.map((x) => ({ key: x.key, row: x.row }));
  const fields = d.kind === "risks" ? RISK_FIELDS : ACTION_FIELDS;
  const out = new Map<string, Partial<Record<ReturnField, CorporateField>>>();
  for (const { key, row } of rows) {
    const entry: Partial<Record<ReturnField, CorporateField>> = {};
    for (const f of fields) {
      const col = cols[column[f]];
      entry[f] = { row, col, value: col === undefined ? undefined : grid?.rows[row]?.[col] };
    }
    out.set(key, entry);
  }
  return out;
}

/** The canonical form of each field, for fingerprints. */
export function canonicalFields(entry: Partial<Record<ReturnField, CorporateField>>, matrix: RiskMatrix): Partial<Record<ReturnField, string>> {
  const out: Partial<Record<ReturnField, string>> = {};
  for (const [f, c] of Object.entries(entry) as [ReturnField, CorporateField][]) out[f] = canonical(f, c.value, matrix);
  return out;
}
