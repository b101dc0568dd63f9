import { SheetPlan, PlanStyle, PlanValue, ConditionalFormatPlan, DataValidationPlan, parseRange, a1, columnLetter } from "../../core";
import { StyleBook } from "./style-book";
import { escapeXml } from "./xml-text";
import { argb } from "./write-plan";
import { XmlBytes, asciiBytes } from "./xml-bytes";

/**
 * A sheet plan as SpreadsheetML (one worksheet part), written straight from
 * the plan: strings inline, formats from the StyleBook, elements in the
 * order CT_Worksheet requires. Text is only ever text: a value starting with
 * "=" is written as a string, and links only point inside the workbook.
 */

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Characters XML 1.0 cannot hold; a surrogate pair matches whole and is kept,
 * a lone surrogate is dropped. (No lookbehind: older Safari, which Excel on
 * the Mac uses, cannot parse it.)
 */

/** Text that needs none of the treatment below (the usual case, tested once). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN = /^[^\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF&<>"'_\s][^\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF&<>"'_]*$/;

/** Ends in white space (tabs and line breaks are ruled out already, with the other control characters). */
function endsInSpace(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 32 || (last > 127 && /\s$/.test(s));
}

/** Cell text: Excel reads "_x0041_" as an escape, so a literal one has its underscore escaped. */
export function textXml(s: string): string {
  if (s === "") return "<t></t>";
  return PLAIN.test(s) && !endsInSpace(s) ? `<t>${s}</t>` : treatedTextXml(s);
}

/** Cell text with XML's markup escaped, what XML cannot hold dropped, and spaces kept. */
export function treatedTextXml(s: string): string {
  // A literal "_x000B_" is escaped first, so only the characters XML cannot hold become _xHHHH_ (in escapeXml).
  const t = escapeXml(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));
  return /^\s|\s$|\n/.test(s) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`;
}

export function dateSerial(iso: string): number | null {
  const [y, m, d] = iso.split("-").map(Number);
  const ms = Date.UTC(y, m - 1, d);
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH) / DAY_MS : null;
}

const DATE_STYLE: PlanStyle = { numberFormat: "dd/mm/yyyy" };

// The markup of every cell and row, as bytes made once (see asciiBytes).
const INLINE_OPEN = asciiBytes(' t="inlineStr"><is><t>');
const INLINE_CLOSE = asciiBytes("</t></is></c>");
const EMPTY_CLOSE = asciiBytes("/>");
const VALUE_OPEN = asciiBytes("><v>");
const VALUE_CLOSE = asciiBytes("</v></c>");
const ROW_OPEN = asciiBytes('<row r="');
const ROW_CLOSE = asciiBytes("</row>");
const PLAIN_ROW = asciiBytes('">');

/**
 * A text cell's type and text, to the end of the cell, into `out`: the usual
 * plain text (as PLAIN and endsInSpace define it, and XmlBytes.plainText
 * checks as it writes) written as it is; anything else treated.
 */
function inlineStringInto(out: XmlBytes, s: string): void {
  // (Empty text is plain: `<t></t>`.)
  if (out.plainText(INLINE_OPEN, s, INLINE_CLOSE)) return;
  out.ascii(' t="inlineStr"><is>');
  out.utf8(treatedTextXml(s));
  out.ascii("</is></c>");
}

/** A number as `${v}` writes it; whole numbers, and the usual few decimals, as digits with no string made. */
function numberInto(out: XmlBytes, v: number): void {
  if (Number.isInteger(v) && v >= 0 && v < 1e15) out.natural(v);
  else if (Number.isInteger(v) && v < 0 && v > -1e15) {
    out.ascii("-");
    out.natural(-v);
  } else if (!out.decimal(v)) out.ascii(String(v));
}

/**
 * Writes the cells of a sheet into bytes. A date's style (its own, with
 * the date format added) is made once per style it meets, not once per cell.
 * What a cell's opening repeats is made once: its column's letters, its
 * row's number, and its column's style index while the style stays the
 * one the cell above had (as it mostly does down a table's column).
 */
class CellWriter {
  private readonly dated = new Map<PlanStyle | undefined, PlanStyle>();
  private readonly letters: string[] = [];
  /** `<c r="B`, per column. */
  private readonly opens: Uint8Array[] = [];
  /** The style each column's last cell had, and the rest of its opening: `" s="3"` or `"`. */
  private readonly styles: (PlanStyle | undefined)[] = [];
  private readonly styleAttrs: Uint8Array[] = [];
  /** `" s="3"` by format index, made once: a long table's columns change format thousands of times. */
  private readonly attrByXf: Uint8Array[] = [];
  private row = 0;
  private rowText = asciiBytes("");

  constructor(private readonly out: XmlBytes, private readonly book: StyleBook, private readonly links: string[]) {}

  /** The row (from 1) the following cells are in. */
  startRow(row: number): void {
    this.row = row;
    this.rowText = asciiBytes(String(row));
  }

  private dateStyle(style: PlanStyle | undefined): PlanStyle {
    let s = this.dated.get(style);
    if (!s) this.dated.set(style, (s = { ...style, ...DATE_STYLE }));
    return s;
  }

  /** `<c r="B2" s="3"`, the cell's opening up to its type. */
  private open(c: number, style: PlanStyle | undefined): void {
    const out = this.out;
    if (this.opens[c] === undefined) {
      this.letters[c] = columnLetter(c);
      this.opens[c] = asciiBytes(`<c r="${this.letters[c]}`);
    }
    if (this.styleAttrs[c] === undefined || this.styles[c] !== style) {
      const s = style ? this.book.xf(style) : 0;
      this.styles[c] = style;
      this.styleAttrs[c] = this.attrByXf[s] ??= asciiBytes(s ? `" s="${s}"` : '"');
    }
    out.bytes(this.opens[c]);
    out.bytes(this.rowText);
    out.bytes(this.styleAttrs[c]);
  }

  /** One cell; `style` is its merged plan style, if any. Links are collected for the hyperlinks element. */
  cell(c: number, v: PlanValue | undefined, style: PlanStyle | undefined): void {
    const out = this.out;
    if (v !== null && typeof v === "object" && "date" in v && !style?.numberFormat) style = this.dateStyle(style);
    this.open(c, style);
    if (v === null || v === undefined) {
      out.bytes(EMPTY_CLOSE);
      return;
    }
    if (typeof v === "string") {
      inlineStringInto(out, v);
      return;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) {
        out.ascii(' t="e"><v>#NUM!</v></c>');
        return;
      }
      out.bytes(VALUE_OPEN);
      numberInto(out, v);
      out.bytes(VALUE_CLOSE);
      return;
    }
    if (typeof v === "boolean") {
      out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
      return;
    }
    if ("formula" in v) {
      out.ascii("><f>");
      out.utf8(escapeXml(v.formula.replace(/^=/, "")));
      out.ascii("</f></c>");
      return;
    }
    if ("date" in v) {
      const serial = dateSerial(v.date);
      if (serial === null) inlineStringInto(out, v.date);
      else {
        out.bytes(VALUE_OPEN);
        numberInto(out, serial);
        out.bytes(VALUE_CLOSE);
      }
      return;
    }
    // Internal links only: "#'Sheet'!A1" becomes a location inside the workbook, never a relationship.
    if (v.link.startsWith("#")) this.links.push(`<hyperlink ref="${this.letters[c]}${this.row}" location="${escapeXml(v.link.slice(1))}" display="${escapeXml(v.text)}"/>`);
    inlineStringInto(out, v.text);
  }
}

/** Past every row a sheet can have, and a small integer (Infinity made V8 re-compile `row` when it became one). */
const NO_END = 0x3fffffff;

interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
  style: PlanStyle;
  order: number;
}

/**
 * Each row's cell styles, regions applied in order (later wins per
 * property), made a row at a time as the rows are written (rows must be
 * asked for in order): a 50,000-row table's styles never exist all at once.
 * Equal merges share one object.
 */
class RowStyles {
  /** One past the last styled row. */
  readonly height: number;
  /** The last styled column (0 when none). */
  readonly right: number;
  private readonly regions: Region[];
  private next = 0;
  private readonly active: Region[];
  /** The last row of the active region that ends first: until then no region ends (checked per row without a pass over them). */
  private activeEnd = NO_END;
  private line: (PlanStyle | undefined)[] = [];
  private readonly merged = new Map<PlanStyle, Map<PlanStyle, PlanStyle>>();

  constructor(plan: SheetPlan) {
    this.regions = plan.styles
      .map((region, order) => {
        const r = parseRange(region.ref);
        return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, style: region.style, order } : null;
      })
      .filter((r): r is Region => r !== null)
      .sort((a, b) => a.top - b.top || a.order - b.order);
    // Empty, as an array V8 holds objects in: a bare [] holds small integers, and the first push re-compiled `rebuilt`.
    this.active = this.regions.slice(0, 0);
    this.height = this.regions.reduce((h, r) => Math.max(h, r.bottom + 1), 0);
    this.right = this.regions.reduce((c, r) => Math.max(c, r.right), 0);
  }

  private merge(a: PlanStyle | undefined, b: PlanStyle): PlanStyle {
    if (!a) return b;
    let byB = this.merged.get(a);
    if (!byB) this.merged.set(a, (byB = new Map()));
    let out = byB.get(b);
    if (!out) byB.set(b, (out = { ...a, ...b }));
    return out;
  }

  /** Row `r`'s styles by column; the same array as the row before's while no region starts or ends (not to be changed). */
  row(r: number): (PlanStyle | undefined)[] {
    // The usual row, where nothing starts or ends, checked apart from the rebuilding (kept out of this small method V8 compiles).
    if ((this.next < this.regions.length && this.regions[this.next].top <= r) || this.activeEnd < r) this.line = this.rebuilt(r);
    return this.line;
  }

  /** Row `r`'s styles, after the regions that start at it are added and those that ended before it dropped. */
  private rebuilt(r: number): (PlanStyle | undefined)[] {
    while (this.next < this.regions.length && this.regions[this.next].top <= r) {
      // Put in place by order (a sort per row made a copy of the list each time).
      const region = this.regions[this.next];
      this.next++;
      let i = this.active.length;
      this.active.push(region);
      for (; i > 0 && this.active[i - 1].order > region.order; i--) this.active[i] = this.active[i - 1];
      this.active[i] = region;
      this.activeEnd = Math.min(this.activeEnd, region.bottom);
    }
    if (this.activeEnd < r) {
      // Kept in place (a new array from filter could be a bare [] again, see the constructor).
      let kept = 0;
      this.activeEnd = NO_END;
      for (const x of this.active) {
        if (x.bottom < r) continue;
        this.active[kept++] = x;
        this.activeEnd = Math.min(this.activeEnd, x.bottom);
      }
      this.active.length = kept;
    }
    const line: (PlanStyle | undefined)[] = [];
    for (const x of this.active) for (let c = x.left; c <= x.right; c++) line[c] = this.merge(line[c], x.style);
    return line;
  }
}

function colsXml(plan: SheetPlan): string {
  const count = Math.max(plan.columnWidths.length, ...plan.hiddenColumns.map((c) => c + 1), 0);
  const cols: string[] = [];
  for (let c = 0; c < count; c++) {
    const width = plan.columnWidths[c];
    const hidden = plan.hiddenColumns.includes(c);
    if (!width && !hidden) continue;
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${width || 9.140625}"${width ? ' customWidth="1"' : ""}${hidden ? ' hidden="1"' : ""}/>`);
  }
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

function viewXml(plan: SheetPlan): string {
  const f = plan.freeze;
  if (!f || (!f.rows && !f.columns)) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const pane = f.rows && f.columns ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
  const split = `${f.columns ? ` xSplit="${f.columns}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${a1(f.rows, f.columns)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

/** Colour rules, one conditionalFormatting element per range, rules in priority order. */
export function rulesXml(rules: ConditionalFormatPlan[], book: StyleBook): string {
  const byRef = new Map<string, string[]>();
  for (const cf of [...rules].sort((a, b) => a.priority - b.priority)) {
    byRef.set(cf.ref, [...(byRef.get(cf.ref) ?? []), ruleXml(cf, book)]);
  }
  return [...byRef].map(([ref, list]) => `<conditionalFormatting sqref="${ref}">${list.join("")}</conditionalFormatting>`).join("");
}

function ruleXml(cf: ConditionalFormatPlan, book: StyleBook): string {
  const r = cf.rule;
  const formula = (f: string) => `<formula>${escapeXml(f)}</formula>`;
  switch (r.type) {
    case "expression":
      return `<cfRule type="expression" dxfId="${book.dxf(r.style)}" priority="${cf.priority}">${formula(r.formula)}</cfRule>`;
    case "cellValue":
      return `<cfRule type="cellIs" dxfId="${book.dxf(r.style)}" priority="${cf.priority}" operator="${r.operator}">${r.formulas.map(formula).join("")}</cfRule>`;
    case "iconSet":
      return `<cfRule type="iconSet" priority="${cf.priority}"><iconSet iconSet="${r.iconSet}"${r.showValue ? "" : ' showValue="0"'}>${r.thresholds.map((t) => `<cfvo type="num" val="${t}"/>`).join("")}</iconSet></cfRule>`;
    case "colorScale": {
      const cfvo = r.colours.length === 2 ? '<cfvo type="min"/><cfvo type="max"/>' : '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>';
      return `<cfRule type="colorScale" priority="${cf.priority}"><colorScale>${cfvo}${r.colours.map((c) => `<color rgb="${argb(c)}"/>`).join("")}</colorScale></cfRule>`;
    }
  }
}

function validationXml(v: DataValidationPlan): string {
  if (!parseRange(v.ref)) return "";
  const a = [`type="${v.type}"`, v.allowBlank ? 'allowBlank="1"' : "", 'showErrorMessage="1"'];
  if (v.prompt) a.push('showInputMessage="1"', `promptTitle="${escapeXml(v.prompt.title)}"`, `prompt="${escapeXml(v.prompt.text)}"`);
  if (v.error) a.push(`errorTitle="${escapeXml(v.error.title)}"`, `error="${escapeXml(v.error.text)}"`);
  if (v.type !== "list") a.push('operator="between"');
  a.push(`sqref="${v.ref}"`);
  const formulas = v.type === "list"
    ? `<formula1>${escapeXml(`"${(v.values ?? []).join(",")}"`)}</formula1>`
    : `<formula1>${v.min ?? 0}</formula1><formula2>${v.max ?? 2_958_465}</formula2>`;
  return `<dataValidation ${a.filter(Boolean).join(" ")}>${formulas}</dataValidation>`;
}

/** Excel's legacy sheet-protection hash (ECMA-376 Part 4, 14.7.1): enough to stop accidental edits, which is all it is for. */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  const chars = [...password.slice(0, 15)];
  chars.forEach((ch, i) => {
    let v = ch.charCodeAt(0) & 0x7fff;
    for (let k = 0; k <= i; k++) v = ((v << 1) & 0x7fff) | (v >> 14);
    hash ^= v;
  });
  hash ^= chars.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, "0");
}

/** Rows of cells written before the blocks made so far are handed on: they are compressed as they come, never joined. */
const ROWS_PER_PIECE = 500;

/** The last column holding a value or a style, so the dimension can be written before the rows. */
function rightmost(cells: PlanValue[][], styledRight: number): number {
  let right = styledRight;
  for (let r = 0; r < cells.length; r++) {
    const values = cells[r];
    if (!values) continue;
    for (let c = values.length - 1; c > right; c--) {
      if (values[c] !== null && values[c] !== undefined) {
        right = c;
        break;
      }
    }
  }
  return right;
}

/** The worksheet part for a plan, as one string (small sheets and tests); see sheetXmlPieces. */
/** Manual page breaks above the given rows (ECMA-376 Part 1, 18.3.1.74: a break's id is the row it comes before, 0-based). */
function rowBreaksXml(rows: number[] | undefined): string {
  if (!rows?.length) return "";
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
}

export function sheetXml(plan: SheetPlan, book: StyleBook, drawingRid?: string): string {
  const decoder = new TextDecoder();
  let xml = "";
  for (const piece of sheetXmlPieces(plan, book, drawingRid)) xml += typeof piece === "string" ? piece : decoder.decode(piece, { stream: true });
  return xml + decoder.decode();
}

/** The worksheet up to its cells: the declaration, the root, and the elements CT_Worksheet puts before sheetData. */
function headXml(plan: SheetPlan, height: number, right: number): string {
  const sheetPr = plan.tabColour || plan.print?.fitToWidth
    ? `<sheetPr>${plan.tabColour ? `<tabColor rgb="${argb(plan.tabColour)}"/>` : ""}${plan.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
    : "";
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    sheetPr,
    `<dimension ref="A1${height > 0 ? `:${columnLetter(right)}${height}` : ""}"/>`,
    viewXml(plan),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(plan),
  ].join("");
}

/** The worksheet after its cells: the elements CT_Worksheet puts after sheetData, and the root's end. */
function tailXml(plan: SheetPlan, book: StyleBook, links: string[], drawingRid: string | undefined): string {
  const protection = plan.protection
    ? `<sheetProtection${plan.protection.password ? ` password="${legacyPasswordHash(plan.protection.password)}"` : ""} sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`
    : "";
  const validations = plan.validations.map(validationXml).filter(Boolean);
  const pageSetup = plan.print
    ? `<pageSetup paperSize="9" orientation="${plan.print.landscape ? "landscape" : "portrait"}"${plan.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
    : "";
  return [
    protection,
    rulesXml(plan.conditionalFormats, book),
    validations.length ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : "",
    links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "",
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    pageSetup,
    rowBreaksXml(plan.print?.rowBreaks),
    drawingRid ? `<drawing r:id="${drawingRid}"/>` : "",
    "</worksheet>",
  ].join("");
}

const NO_CELLS: PlanValue[] = [];
const NO_STYLES: (PlanStyle | undefined)[] = [];

/**
 * The sheetData element, written a number of rows at a time. Apart from the
 * generator, and from the rare text around the cells, so that the one hot
 * loop is a small plain method V8 compiles once (the generator holding it
 * all was compiled two or three times, at 20–40 ms each).
 */
class SheetRows {
  private readonly cells: PlanValue[][];
  private readonly heights: Record<number, number>;
  private r = 0;
  private any = false;

  constructor(plan: SheetPlan, private readonly styles: RowStyles, private readonly height: number, private readonly out: XmlBytes, private readonly writer: CellWriter) {
    this.cells = plan.cells;
    this.heights = plan.rowHeights;
  }

  /** Writes up to `count` more rows that have cells or a height; false once every row is written and sheetData closed. */
  write(count: number): boolean {
    const { out, writer, styles, cells, heights, height } = this;
    let written = 0;
    for (; this.r < height; this.r++) {
      const r = this.r;
      const values = cells[r] ?? NO_CELLS;
      const rowStyles = r < styles.height ? styles.row(r) : NO_STYLES;
      const width = Math.max(values.length, rowStyles.length);
      const ht = heights[r];
      let first = 0;
      while (first < width && (values[first] === null || values[first] === undefined) && !rowStyles[first]) first++;
      if (first === width && !ht) continue;
      if (!this.any) out.ascii("<sheetData>");
      out.bytes(ROW_OPEN);
      this.any = true;
      out.natural(r + 1);
      if (ht) out.ascii(`" ht="${ht}" customHeight="1">`);
      else out.bytes(PLAIN_ROW);
      writer.startRow(r + 1);
      for (let c = first; c < width; c++) {
        const v = values[c];
        const s = rowStyles[c];
        if ((v === null || v === undefined) && !s) continue;
        writer.cell(c, v, s);
      }
      out.bytes(ROW_CLOSE);
      if (++written >= count) {
        this.r++;
        return true;
      }
    }
    out.ascii(this.any ? "</sheetData>" : "<sheetData/>");
    return false;
  }
}

/**
 * The worksheet part for a plan, in pieces, in CT_Worksheet order: the
 * parts before and after the cells as text, the cells as UTF-8 bytes in
 * blocks handed on every few hundred rows. `drawingRid` names the
 * relationship to its drawing (charts), if any. Styles are added to `book`
 * as the pieces are taken.
 */
export function* sheetXmlPieces(plan: SheetPlan, book: StyleBook, drawingRid?: string): Generator<string | Uint8Array> {
  const styles = new RowStyles(plan);
  const links: string[] = [];
  const height = Math.max(plan.cells.length, styles.height);
  yield headXml(plan, height, rightmost(plan.cells, styles.right));
  const out = new XmlBytes();
  const rows = new SheetRows(plan, styles, height, out, new CellWriter(out, book, links));
  while (rows.write(ROWS_PER_PIECE)) yield* out.take();
  yield* out.take(true);
  yield tailXml(plan, book, links, drawingRid);
}
