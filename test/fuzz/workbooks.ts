/**
 * fast-check generators for whole council sheets: title rows and notes above
 * the header, header spellings in any case and spacing, shuffled and missing
 * columns, blank and hidden rows, and cells from every corner of real data
 * (numbers as text, error cells, impossible dates, unknown words, unicode,
 * very long and formula-like text).
 */
import fc from "fast-check";
import { CellValue, SheetGrid } from "../../src/core";

const HEADERS: Record<string, string[][]> = {
  priorities: [["Priority", "Directorate priority"], ["Directorate", "Service", "Owner"], ["Due Date", "Deadline", "Target date"], ["RAG at Q1", "Status", "Q1 RAG", "RAG"], ["Commentary", "Comments"]],
  risks: [["Risk", "Risk description"], ["Likelihood", "L"], ["Impact", "I"], ["Risk Level", "Level"], ["Trend", "Direction of travel"]],
  indicators: [["Code", "Ref"], ["Indicator", "Title"], ["Polarity", "Aim", "Good is"], ["Value", "Actual"], ["Target"], ["Period", "Quarter"]],
};

const spelling = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase(), `  ${s} `, s.replace(/ /g, "  "));

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<CellValue>("Green", "Amber", "Red", "Complete", "G", "on track", "Greenish", "TBC", "", null) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("31/03/22", "31/05/2021", "31/10021", "31/0322", "29/02/2021", "1 Oct 2021", 44651, new Date(Date.UTC(2022, 2, 31))) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("Rare", "likely", "ALMOST CERTAIN", "Major", "Extreme", 3, 6, "4 - Likely", "huge") },
  { weight: 2, arbitrary: fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer(), fc.constantFrom<CellValue>("69%", "1,234", "n/a", "-", "about 5")) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("Maximise", "Aim to Minimise", "↑", "sideways", "Q1 2021/22", "Q4 20/21", "2021/22 Q1", "Q5 2021/22") },
  { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("=SUM(A1:A9)", "+44 7700", "-5% cut", "@here", "\tTabbed", "x".repeat(5000))) },
);

export interface GeneratedSheet {
  grid: SheetGrid;
  kind: string;
}

/** One sheet laid out the way some council might. */
export const sheetArb: fc.Arbitrary<GeneratedSheet> = fc
  .record({
    kind: fc.constantFrom("priorities", "risks", "indicators"),
    titleRows: fc.integer({ min: 0, max: 3 }),
    columnOrder: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    dropColumn: fc.option(fc.integer({ min: 0, max: 5 })),
    headerPick: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    rows: fc.array(fc.array(anyCell, { minLength: 6, maxLength: 6 }), { maxLength: 25 }),
    blankEvery: fc.integer({ min: 0, max: 6 }),
    hidden: fc.array(fc.nat(30), { maxLength: 4 }),
    name: fc.constantFrom("Priorities", "SRR", "Outcomes Q1", "Dir'n \"returns\"", "Données 2021", "Risks & issues"),
  })
  .chain((p) => {
    const columns = HEADERS[p.kind].map((names, i) => names[p.headerPick[i] % names.length]);
    return fc.tuple(fc.constant(p), fc.tuple(...columns.map(spelling)));
  })
  .map(([p, headers]) => {
    let cols = headers.map((h, i) => ({ h, i }));
    cols.sort((a, b) => p.columnOrder[a.i] - p.columnOrder[b.i]);
    if (p.dropColumn !== null && p.dropColumn < cols.length) cols = cols.filter((_, i) => i !== p.dropColumn);
    const rows: CellValue[][] = [];
    for (let t = 0; t < p.titleRows; t++) rows.push(t === 0 ? [`${p.name}: quarterly return`] : t === 1 ? ["Figures are provisional."] : []);
    rows.push(cols.map((c) => c.h));
    p.rows.forEach((row, r) => {
      if (p.blankEvery && r % p.blankEvery === p.blankEvery - 1) rows.push([]);
      rows.push(cols.map((c) => row[c.i]));
    });
    return { kind: p.kind, grid: { name: p.name, rows, hiddenRows: p.hidden.filter((h) => h < rows.length) } };
  });

/** A workbook: up to three such sheets with distinct names. */
export const workbookArb = fc.uniqueArray(sheetArb, { minLength: 1, maxLength: 3, selector: (s) => s.grid.name });
