/**
 * The workbook behind the fake Excel: plain state the tests inspect after a
 * run (cells, formats, rules, validation, visibility) and the request log
 * (every sync, with its request and response sizes).
 */
import { parseRange, a1 } from "../../src/core";

export interface FakeFormat {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders?: boolean;
  /** false where the cell stays editable under sheet protection. */
  locked?: boolean;
}

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numberFormat: string;
  format: FakeFormat;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeRule {
  id: number;
  ref: string;
  type: string;
  priority: number;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  iconStyle?: string;
  criteria?: unknown;
  showIconOnly?: boolean;
  cellValue?: unknown;
}

/** A chart as the fake keeps it: what was asked for, and the series Excel made from its source. */
export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: { start: string; end?: string };
  /** The value axis's bounds where set (otherwise Excel's automatic ones). */
  valueAxis?: { minimum?: number; maximum?: number };
  series: FakeSeries[];
}

export interface FakeSeries {
  /** The header cell above the values, or "Series n". */
  name: string;
  /** Where its values are (A1). */
  values: string;
  line?: { color?: string; style?: string };
  marker?: { style?: string; background?: string; foreground?: string };
}

/**
 * A shape on the sheet (Worksheet.shapes), as the person sees it: what kind,
 * where in points, and how it is dressed. Left unset is Excel's own default.
 */
export interface FakeShape {
  /** Excel's identifier (Shape.id); a shape is found by it after a rename. */
  id: string;
  name: string;
  geometricShapeType: string;
  altTextDescription?: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  /** A solid fill (ShapeFill.setSolidColor). */
  fill?: string;
  line?: { color?: string; weight?: number };
  text?: string;
  textAlign?: { horizontal?: string; vertical?: string };
  font?: { color?: string; bold?: boolean; size?: number };
}

/** Print settings (PageLayout). */
export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  /** Merged areas (A1 ranges). */
  merges: string[] = [];
  charts: FakeChart[] = [];
  /** Shapes in z-order, the first at the back. */
  shapes: FakeShape[] = [];
  pageLayout: FakePageLayout = {};
  /** Manual page breaks (horizontalPageBreaks): the 0-based rows that begin a new printed page, in order. */
  rowBreaks: number[] = [];
  rules: FakeRule[] = [];
  /** `items`: a typed list's drop-down entries, as Excel split them. */
  validations: { ref: string; rule?: unknown; items?: string[]; prompt?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  frozen: { rows: number; columns: number } | null = null;
  tables: { name: string; ref: string }[] = [];
  /** Names scoped to the sheet (Worksheet.names): they stay with it through renames. */
  names = new Map<string, { formula: string; visible: boolean }>();
  tabColor = "";
  /** Edits through the API fail while true (a sheet the user protected). */
  protected = false;
  /** Protection the add-in applied to a sheet it wrote. */
  protection: { password?: string } | null = null;

  constructor(public id: number, public name: string, public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible") {}

  cell(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /**
   * What a user inserting rows does (for tests): cells below move down;
   * rules and validation below move with them, keeping their formulas
   * relative to their own top-left cell; ranges spanning the insertion grow.
   */
  insertRows(at: number, count: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number);
      moved.set(`${r >= at ? r + count : r},${c}`, cell);
    }
    this.cells = moved;
    const shiftRef = (ref: string) => ref.split(",").map((area) => {
      const r = parseRange(area)!;
      const top = r.top >= at ? r.top + count : r.top;
      const bottom = r.bottom >= at ? r.bottom + count : r.bottom;
      return top === bottom && r.left === r.right ? a1(top, r.left) : `${a1(top, r.left)}:${a1(bottom, r.right)}`;
    }).join(",");
    for (const rule of this.rules) {
      rule.ref = shiftRef(rule.ref);
      // References below the insertion move down; read from the rule's own anchor they stay on the same rows.
      if (rule.formula) rule.formula = rule.formula.replace(/(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(A-Za-z_])/g, (m, col: string, row: string) => (Number(row) - 1 >= at ? `${col}${Number(row) + count}` : m));
    }
    for (const v of this.validations) v.ref = shiftRef(v.ref);
    this.rowBreaks = this.rowBreaks.map((r) => (r >= at ? r + count : r));
    this.hiddenRows = new Set([...this.hiddenRows].map((r) => (r >= at ? r + count : r)));
  }

  /**
   * Bounds of the cells holding values (valuesOnly used range), or null. An
   * error is a value: a cell showing #N/A counts.
   */
  usedBounds(): { top: number; left: number; bottom: number; right: number } | null {
    let b: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const [key, cell] of this.cells) {
      if ((cell.value === null || cell.value === "") && !cell.error && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number);
      b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return b;
  }

  /** Values as a grid from A1, for comparisons. */
  values(): (string | number | boolean | null)[][] {
    const b = this.usedBounds();
    if (!b) return [];
    return Array.from({ length: b.bottom + 1 }, (_, r) => Array.from({ length: b.right + 1 }, (_, c) => this.peek(r, c)?.value ?? null));
  }
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  private nextId = 1;
  private ruleId = 1;
  private shapeId = 1;
  syncs = 0;
  requests: { bytes: number; responseBytes: number }[] = [];
  calculationSuspensions = 0;
  screenSuspensions = 0;
  /** What the user would see selected: set by Worksheet.activate and Range.select. */
  activeSheet: string | null = null;
  selection: string | null = null;
  /** Fail the sync with this number (1-based), as Excel does when something goes wrong mid-run. */
  failOnSync: number | null = null;
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  /** Requirement sets this fake Excel claims (Microsoft 365 today; tests lower it to the manifest's minimum). */
  apiVersion = "1.20";
  /** The workbook counts dates from 1904 (Excel for Mac's old default), not 1900. */
  date1904 = false;
  /** The person is typing in a cell: a request fails, or waits with delayForCellEdit. */
  editingCell = false;
  /** Runs that waited for the person to finish editing a cell. */
  delayedForCellEdit = 0;
  /**
   * Refuse zoom { verticalFitToPages: 0 } ("any number of pages down"): the
   * reference does not say whether Excel takes 0, so tests try both.
   */
  refuseFitToZeroPages = false;
  /** Excel on the desktop (Windows, Mac) or on the web: they differ in which calls keep the undo stack. */
  platform: "desktop" | "web" = "desktop";
  /** The calls that cleared the person's undo stack, in order (excel-add-ins-undo-capabilities.md). */
  undoCleared: string[] = [];

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    const s = new FakeSheet(this.nextId++, name, visibility);
    this.sheets.push(s);
    return s;
  }

  /**
   * Excel drops the sheet; every formula elsewhere that pointed at it now
   * says #REF! and shows that error, for good (a later sheet of the same name
   * does not mend it).
   */
  deleteSheet(s: FakeSheet): void {
    this.sheets = this.sheets.filter((o) => o !== s);
    const refs = sheetReference(s.name);
    for (const other of this.sheets) {
      for (const cell of other.cells.values()) {
        if (!cell.formula || cell.formula.search(refs) < 0) continue;
        cell.formula = cell.formula.replace(refs, "#REF!");
        cell.value = null;
        cell.error = "#REF!";
      }
    }
  }

  /** The value of a formula that is a single reference (='Risk heat map'!B3); other formulas are not evaluated. */
  evaluate(formula: string): string | number | boolean | undefined {
    if (formula.includes("#REF!")) return "#REF!";
    const m = /^=(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!\$?([A-Z]{1,3}\$?\d+)$/.exec(formula);
    if (!m) return undefined;
    const target = parseRange(m[3].replace("$", ""));
    const cell = this.sheet((m[1] ?? m[2]).replace(/''/g, "'"))?.peek(target!.top, target!.left);
    return cell?.error ?? cell?.value ?? 0;
  }

  /** Excel follows a rename: formulas that pointed at the sheet now name it anew. */
  renameSheet(s: FakeSheet, name: string): void {
    const refs = sheetReference(s.name);
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    for (const other of this.sheets) {
      for (const cell of other.cells.values()) if (cell.formula) cell.formula = cell.formula.replace(refs, `${quoted}!`);
    }
    s.name = name;
  }

  nextRuleId(): number {
    return this.ruleId++;
  }

  /** A new shape's identifier (Excel's are strings, unique in the workbook). */
  nextShapeId(): string {
    return String(this.shapeId++);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  byId(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Fill a sheet from a grid of values (for test set-up, not through the API). */
  static fromGrids(grids: { name: string; rows: (string | number | boolean | null)[][]; hiddenRows?: number[]; visibility?: FakeSheet["visibility"]; merges?: string[] }[]): FakeWorkbookState {
    const wb = new FakeWorkbookState();
    for (const g of grids) {
      const s = wb.addSheet(g.name, g.visibility);
      g.rows.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") s.cell(r, c).value = v;
      }));
      for (const r of g.hiddenRows ?? []) s.hiddenRows.add(r);
      s.merges = [...(g.merges ?? [])];
    }
    return wb;
  }

  isSetSupported(set: string, version: string): boolean {
    const [a, b] = this.apiVersion.split(".").map(Number);
    const [c, d] = version.split(".").map(Number);
    return set === "ExcelApi" && (a > c || (a === c && b >= d));
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A sheet's name as formulas write it before "!": 'Risk heat map'! or Summary! (any case). */
function sheetReference(name: string): RegExp {
  const quoted = escapeRe(`'${name.replace(/'/g, "''")}'!`);
  return new RegExp(`${quoted}|(?<![\\w.'])${escapeRe(name)}!`, "gi");
}
