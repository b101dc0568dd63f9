import { a1, columnLetter, rangeRef } from "../grid";
import { STATUSES } from "../status";
import { VARIATION_STYLE, ASSURANCE_STYLE } from "../spc/variation";
import { PlanValue, PlanStyle, StyleRegion, ConditionalFormatPlan, SheetPlan, CfStyle, CfRule, ChartPlan } from "./types";
import { KeepTogether, pageBreaks, DEFAULT_COLUMN_WIDTH } from "./pages";
import { STATUS_STYLE, BAND_STYLE, YES_NO_STYLE, TREND_STYLE, COURSE_STYLE, STYLES } from "./palette";

/** JavaScript's \s (what a split on /\s+/ breaks at): a word is a run of anything else. */
function isSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13) || (ch > 127 && (ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a)
    || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff));
}

/** How many lines text takes when wrapped at word boundaries in `width` characters. */
export function wrappedLines(text: string, width: number): number {
  // Text that fits on one line takes one, whatever its words.
  if (text.length <= width && text.indexOf("\n") < 0) return 1;
  // By one pass over the characters: splitting into paragraphs and words made arrays for every cell of a fitted table.
  let lines = 1;
  let line = 0; // characters on the current line
  for (let i = 0; i < text.length;) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      // A new paragraph starts a new line.
      lines++;
      line = 0;
      i++;
      continue;
    }
    if (isSpace(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    const length = end - i;
    i = end;
    if (line && line + 1 + length <= width) {
      line += 1 + length;
      continue;
    }
    if (line) lines++;
    // A word longer than the line breaks across lines.
    const extra = Math.ceil(length / width) - 1;
    lines += extra;
    line = length - extra * width;
  }
  return lines;
}

/** Text broken at word boundaries into lines of at most `width` characters (a longer word keeps a line of its own). */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The most characters a cell holds (Excel's specifications and limits; both hosts refuse or "repair" more). */
export const MAX_CELL_TEXT = 32_767;
const CUT_NOTE = " … (cut here: a cell holds at most 32,767 characters)";

/** Text that fits in a cell: anything longer is cut, and says so, rather than making a file Excel must repair. */
export function fitCellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : text.slice(0, MAX_CELL_TEXT - CUT_NOTE.length).replace(/[\uD800-\uDBFF]$/, "") + CUT_NOTE;
}

/** At most this many icon rules per column (see `iconSets`' `where`). */
export const MAX_ICON_RULES = 50;

/** Tables longer than this are written plain (no per-cell borders or fitted row heights). */
export const LARGE_TABLE = 2_000;

/** How a column's words are coloured: by native rules, so colours follow edits. */
export type ColumnColouring = "status" | "band" | "yesno" | "trend" | "movement" | "variation" | "assurance" | "course";

const COLOURINGS: Record<ColumnColouring, Record<string, CfStyle>> = {
  status: Object.fromEntries(STATUSES.map((s) => [s, STATUS_STYLE[s]])),
  band: BAND_STYLE,
  yesno: YES_NO_STYLE,
  trend: TREND_STYLE,
  movement: { Increased: TREND_STYLE.Worsening, Decreased: TREND_STYLE.Improving },
  variation: VARIATION_STYLE,
  assurance: ASSURANCE_STYLE,
  course: COURSE_STYLE,
};

export interface TableOptions {
  /** exact: the whole cell; contains: anywhere in it; starts: the cell begins with the word (phrases with detail after it). */
  colour?: { col: number; by: ColumnColouring; match?: "exact" | "contains" | "starts" }[];
  /** A column's number format, or one per body row (null: none). */
  formats?: { col: number; numberFormat: string | ((row: number) => string | null) }[];
  /** Icons only on the rows `where` accepts (icons only where a RAG judgement exists). */
  iconSets?: { col: number; rule: Extract<CfRule, { type: "iconSet" }>; where?: (row: number) => boolean }[];
  /** Repeat this table's header row at the top of every printed page. */
  repeatHeader?: boolean;
  /** Shown as the only row when the table has none, so an empty table still reads as a statement. */
  emptyText?: string;
  /** Print the table (with the lines leading into it) from the top of a fresh page. */
  newPage?: boolean;
}

/** A row made `width` cells wide with blanks. */
function padded(row: PlanValue[], width: number): PlanValue[] {
  const out = [...row];
  while (out.length < width) out.push(null);
  return out;
}

/** Builds a sheet plan top to bottom: titles, notes and tables with one header row each. */
export class SheetBuilder {
  private cells: PlanValue[][] = [];
  private styles: StyleRegion[] = [];
  private cfs: ConditionalFormatPlan[] = [];
  private tables: { title: string; ref: string }[] = [];
  private hidden: number[] = [];
  private heights: Record<number, number> = {};
  private freeze?: { rows: number; columns: number };
  private printTitles?: { first: number; last: number };
  /** Rows kept on one printed page where they fit: each table with the lines leading into it, each chart with its table. */
  private blocks: KeepTogether[] = [];
  /** The first row of the section being built (a subtitle, notes, then a table), or null after a blank row. */
  private sectionStart: number | null = null;
  private chartPlans: ChartPlan[] = [];
  /** One style object per number format: a region's style shared rather than made anew (a long table has thousands of runs). */
  private readonly formatStyles = new Map<string, PlanStyle>();

  constructor(private purpose: string, private name: string, private widths: number[]) {}

  get nextRow(): number {
    return this.cells.length;
  }

  private push(row: PlanValue[], style?: PlanStyle): number {
    const r = this.cells.length;
    this.cells.push(row);
    if (row.length && this.sectionStart === null) this.sectionStart = r;
    if (style && row.length) this.styles.push({ ref: rangeRef(r, 0, r, Math.max(0, row.length - 1)), style });
    return r;
  }

  title(text: string): this {
    this.push([text], STYLES.title);
    return this;
  }

  subtitle(text: string): this {
    this.push([text], STYLES.subtitle);
    return this;
  }

  /**
   * A line of explanation. Text longer than the sheet's columns are wide goes
   * on as many rows as it needs: text running past the last column would
   * widen the printed page (LibreOffice prints it) or be cut off (Excel).
   */
  note(text: string, style: PlanStyle = STYLES.note): this {
    // Italic text fits about 1.1 letters to a width unit.
    const width = Math.max(40, Math.floor(this.widths.reduce((a, w) => a + w, 0) * 1.1));
    for (const line of wrapLines(text, width)) this.push([line], style);
    return this;
  }

  blank(): this {
    this.push([]);
    this.sectionStart = null;
    return this;
  }

  /** Keep these rows on one printed page where they fit (a chart and its table); `newPage` starts them on a fresh one. */
  keepTogether(first: number, last: number, newPage = false): this {
    this.blocks.push({ first, last, newPage });
    return this;
  }

  /** Native charts drawn on the sheet (their extent counts towards the printed width). */
  charts(charts: ChartPlan[]): this {
    this.chartPlans = charts;
    return this;
  }

  freezeBelow(rows: number, columns = 0): this {
    this.freeze = { rows, columns };
    return this;
  }

  hideColumn(col: number): this {
    if (!this.hidden.includes(col)) this.hidden.push(col);
    return this;
  }

  /** A table: one header row, bordered wrapped cells, colour rules on its data body only. */
  table(title: string, headers: string[], rows: PlanValue[][], options: TableOptions = {}): { headerRow: number; firstRow: number; lastRow: number } {
    const width = headers.length;
    const headerRow = this.push(headers);
    const body = rows.length ? rows : [[options.emptyText ?? "None", ...Array(width - 1).fill(null)]];
    for (let i = 0; i < body.length; i++) this.push(body[i].length < width ? padded(body[i], width) : body[i]);
    const firstRow = headerRow + 1;
    const lastRow = this.cells.length - 1;
    this.styles.push({ ref: rangeRef(headerRow, 0, headerRow, width - 1), style: STYLES.header });
    this.fitRowHeight(headerRow, true);
    // Borders, wrapping and row heights are for tables that go into the report. A table of
    // thousands of rows is for filtering, not pasting: styling every cell would only cost time.
    if (body.length <= LARGE_TABLE) {
      for (let r = firstRow; r <= lastRow; r++) this.fitRowHeight(r);
      this.styles.push({ ref: rangeRef(firstRow, 0, lastRow, width - 1), style: STYLES.body });
    }
    for (const f of options.formats ?? []) {
      const format = f.numberFormat;
      if (typeof format === "string") this.styles.push({ ref: rangeRef(firstRow, f.col, lastRow, f.col), style: this.formatStyle(format) });
      else if (rows.length) this.runs(firstRow, rows.length, format, (top, bottom, nf) => this.styles.push({ ref: rangeRef(top, f.col, bottom, f.col), style: this.formatStyle(nf) }));
    }
    this.tables.push({ title, ref: rangeRef(headerRow, 0, lastRow, width - 1) });
    this.blocks.push({ first: this.sectionStart ?? headerRow, last: lastRow, newPage: options.newPage });
    this.sectionStart = null;
    if (options.repeatHeader && !this.printTitles) this.printTitles = { first: headerRow, last: headerRow };
    if (rows.length) {
      for (const c of options.colour ?? []) this.colourColumn(c.col, firstRow, lastRow, c.by, c.match ?? "exact");
      for (const i of options.iconSets ?? []) {
        const where = i.where;
        if (!where) {
          this.cfs.push({ ref: rangeRef(firstRow, i.col, lastRow, i.col), priority: this.cfs.length + 1, rule: i.rule });
          continue;
        }
        // One rule per run of accepted rows: a range list is not something every host's API takes. Icons only
        // reinforce the status word, so a table too fragmented for a few rules goes without rather than mislead.
        const blocks: [number, number][] = [];
        this.runs(firstRow, rows.length, (k) => (where(k) ? "yes" : null), (top, bottom) => blocks.push([top, bottom]));
        if (blocks.length > MAX_ICON_RULES) continue;
        for (const [top, bottom] of blocks) this.cfs.push({ ref: rangeRef(top, i.col, bottom, i.col), priority: this.cfs.length + 1, rule: i.rule });
      }
    }
    return { headerRow, firstRow, lastRow };
  }

  private formatStyle(numberFormat: string): PlanStyle {
    let style = this.formatStyles.get(numberFormat);
    if (!style) this.formatStyles.set(numberFormat, (style = { numberFormat }));
    return style;
  }

  /** Calls `each` for every run of consecutive body rows sharing a non-null key. */
  private runs(firstRow: number, count: number, key: (row: number) => string | null, each: (top: number, bottom: number, key: string) => void): void {
    // Each row's key asked for once: a format worked out per row is most of a long table's cost here.
    let start = 0;
    let k = count ? key(0) : null;
    for (let i = 1; i <= count; i++) {
      const next = i < count ? key(i) : null;
      if (i < count && next === k) continue;
      if (k !== null) each(firstRow + start, firstRow + i - 1, k);
      start = i;
      k = next;
    }
  }

  /** One expression rule per word, anchored to the first body cell with the column fixed (=$E5="Red"). */
  private colourColumn(col: number, firstRow: number, lastRow: number, by: ColumnColouring, match: "exact" | "contains" | "starts"): void {
    const anchor = `$${columnLetter(col)}${firstRow + 1}`;
    for (const [word, style] of Object.entries(COLOURINGS[by])) {
      const formula = match === "exact" ? `${anchor}="${word}"`
        : match === "starts" ? `LEFT(${anchor},${word.length})="${word}"` : `ISNUMBER(SEARCH("${word.toUpperCase()}",${anchor}))`;
      this.cfs.push({ ref: rangeRef(firstRow, col, lastRow, col), priority: this.cfs.length + 1, rule: { type: "expression", formula, style } });
    }
  }

  /**
   * Wrapped text only shows in full if the row is tall enough, and not every
   * host grows rows by itself (LibreOffice keeps the stored height): estimate
   * the lines each cell needs from its column width and set the height.
   */
  fitRow(r: number): this {
    this.fitRowHeight(r);
    return this;
  }

  private fitRowHeight(r: number, bold = false): void {
    let lines = 1;
    const row = this.cells[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      // (A hole is skipped, as forEach did; an undefined put there counts as its text, as before.)
      if (typeof v === "number" || (v === undefined && !(c in row)) || this.hidden.includes(c)) continue;
      const text = typeof v === "string" ? v : v === null ? "" : typeof v === "object" ? ("text" in v ? v.text : "") : String(v);
      // A column width counts digits of the default font: ordinary text fits about 1.15 letters a digit (Calibri 11, as
      // rendered sheets wrap it), bold headers about one; cell padding takes one.
      const width = Math.max(3, Math.floor(((this.widths[c] ?? 10) - 1) * (bold ? 1 : 1.15)));
      lines = Math.max(lines, wrappedLines(text, width));
    }
    if (lines > 1) this.heights[r] = Math.min(409, 15 * lines);
  }

  /** Static fill for one cell (the heat map's band colours never change with edits). */
  styleCell(row: number, col: number, style: PlanStyle): this {
    this.styles.push({ ref: a1(row, col), style });
    return this;
  }

  /** Static style for a block of cells. */
  styleRange(top: number, left: number, bottom: number, right: number, style: PlanStyle): this {
    this.styles.push({ ref: rangeRef(top, left, bottom, right), style });
    return this;
  }

  /** Put values into an existing row (for side-by-side blocks such as the two heat maps). */
  setRow(row: number, col: number, values: PlanValue[]): this {
    while (this.cells.length <= row) this.cells.push([]);
    const target = this.cells[row];
    while (target.length < col) target.push(null);
    values.forEach((v, i) => (target[col + i] = v));
    return this;
  }

  build(): SheetPlan {
    // Printed width: every column holding a cell or a chart, hidden ones left out.
    // By a loop: a spread of every row's width overflowed the stack at 200,000 rows. One indexed pass cuts text too long
    // for a cell and finds the width (for...of made an object per row until the loop was optimised).
    let lastCol = 0;
    for (let r = 0; r < this.cells.length; r++) {
      const row = this.cells[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = fitCellText(v);
      }
      lastCol = Math.max(lastCol, row.length - 1);
    }
    for (const c of this.chartPlans) lastCol = Math.max(lastCol, c.anchor.toCol - 1);
    const widths = Array.from({ length: lastCol + 1 }, (_, c) => (this.hidden.includes(c) ? 0 : this.widths[c] ?? DEFAULT_COLUMN_WIDTH)).filter((w) => w > 0);
    const rowBreaks = pageBreaks({ widths, rows: this.cells.length, heights: this.heights, blocks: this.blocks, titleRows: this.printTitles, fitToWidth: true });
    return {
      purpose: this.purpose,
      name: this.name,
      cells: this.cells,
      styles: this.styles,
      columnWidths: this.widths,
      freeze: this.freeze,
      conditionalFormats: this.cfs,
      validations: [],
      hiddenColumns: this.hidden,
      rowHeights: this.heights,
      tables: this.tables,
      print: { landscape: true, fitToWidth: true, ...(this.printTitles ? { titleRows: this.printTitles } : {}), ...(rowBreaks.length ? { rowBreaks } : {}) },
      ...(this.chartPlans.length ? { charts: this.chartPlans } : {}),
    };
  }
}
