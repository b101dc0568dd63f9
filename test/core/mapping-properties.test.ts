/**
 * Properties of the column reading: the order of the columns and which of
 * the usual spellings a council uses do not change which column gets which
 * role, and every data row is accounted for.
 */
import fc from "fast-check";
import { detectSheet, buildReport, emptySettings, CellValue } from "../../src/core";

/** Logical columns of a priorities list, each with spellings councils use, and a value maker. */
const COLUMNS: { role: string; spellings: string[]; value: (i: number) => CellValue }[] = [
  { role: "code", spellings: ["Ref", "Reference", "ID", "Action_ID"], value: (i) => `A${100 + i}` },
  { role: "title", spellings: ["Action", "Description", "Title", "Milestone name", "Project Name"], value: (i) => `Deliver improvement number ${i} for residents` },
  { role: "group", spellings: ["Directorate", "Service", "Owner", "Workstream"], value: (i) => ["Finance", "Housing", "Adults"][i % 3] },
  { role: "due", spellings: ["Due date", "Deadline", "Planned_End", "Target date"], value: (i) => new Date(Date.UTC(2024, i % 12, 1 + (i % 27))) },
  { role: "status", spellings: ["RAG", "Status", "RAG status", "Progress"], value: (i) => ["Green", "Amber", "Red", "Complete", "On track", "Overdue", "Paused"][i % 7] },
  { role: "importance", spellings: ["Priority", "Importance"], value: (i) => ["High", "Medium", "Low"][i % 3] },
];

const tableArb = fc.record({
  order: fc.shuffledSubarray(COLUMNS.map((_, i) => i), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  spelling: fc.array(fc.nat(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  rows: fc.integer({ min: 3, max: 40 }),
  titleRows: fc.integer({ min: 0, max: 3 }),
});

describe("reading columns", () => {
  it("gives each logical column the same role whatever the column order and header spelling", () => {
    fc.assert(fc.property(tableArb, ({ order, spelling, rows, titleRows }) => {
      const headers = order.map((c) => COLUMNS[c].spellings[spelling[c] % COLUMNS[c].spellings.length]);
      const grid: CellValue[][] = [];
      for (let t = 0; t < titleRows; t++) grid.push([t === 0 ? "Corporate action plan 2024/25" : null]);
      grid.push(headers);
      for (let i = 0; i < rows; i++) grid.push(order.map((c) => COLUMNS[c].value(i)));
      const { datasets } = detectSheet({ name: "Action plan", rows: grid });
      expect(datasets).toHaveLength(1);
      const cols = datasets[0].columns as Record<string, number>;
      for (const [pos, c] of order.entries()) expect(cols[COLUMNS[c].role]).toBe(pos);
      expect(datasets[0].headerRow).toBe(titleRows);
    }), { numRuns: 200 });
  });

  it("counts every data row once: rated, not rated, or flagged", () => {
    fc.assert(fc.property(tableArb, ({ order, spelling, rows }) => {
      const headers = order.map((c) => COLUMNS[c].spellings[spelling[c] % COLUMNS[c].spellings.length]);
      const grid: CellValue[][] = [headers];
      for (let i = 0; i < rows; i++) grid.push(order.map((c) => COLUMNS[c].value(i)));
      const r = buildReport([{ name: "Action plan", rows: grid }], emptySettings()).report;
      const d = r.datasets[0];
      expect(d.rowsIn).toBe(rows);
      expect(Object.values(d.statusCounts).reduce((a, b) => a + b, 0) + d.rowsFlagged).toBe(rows);
    }), { numRuns: 100 });
  });
});
