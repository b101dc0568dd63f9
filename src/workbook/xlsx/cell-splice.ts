import { PlanValue, columnLetter, columnIndex, parseRange, rangeRef } from "../../core";
import { CellUpdate } from "../port";
import { StyleBook, UnsupportedPackage } from "./style-book";
import { TAG_BODY, attr, escapeXml, setAttr } from "./xml-text";
import { textXml, dateSerial } from "./sheet-xml";

/**
 * Writes cell values into a council's worksheet part in place (collecting
 * returns changes a RAG, a due date, a commentary): only the edited cells'
 * elements change, each keeping its cell format, so the sheet's colour
 * rules, validation, drawings and everything else stay exactly as they
 * were. Rows and cells without their `r` reference (the schema allows them:
 * each is then the one after the one before) are given it where they are
 * edited — every row of the sheet, and every cell of an edited row — so
 * nothing moves. A prefixed namespace, or the first cell of a shared formula,
 * is refused, and the caller re-saves the whole file instead.
 */

const ROW = new RegExp(`<row\\b${TAG_BODY}?(?:/>|>[\\s\\S]*?</row>)`, "g");
const CELL = new RegExp(`<c\\b${TAG_BODY}?(?:/>|>[\\s\\S]*?</c>)`, "g");
const DATE_FORMAT = "dd/mm/yyyy";

function cellXml(ref: string, value: PlanValue, style: number, book: StyleBook): string {
  let s = style;
  let body: string;
  if (value === null || value === undefined) body = "";
  else if (typeof value === "string") body = ` t="inlineStr"><is>${textXml(value)}</is></c>`;
  else if (typeof value === "boolean") body = ` t="b"><v>${value ? 1 : 0}</v></c>`;
  else if (typeof value === "number") body = Number.isFinite(value) ? `><v>${value}</v></c>` : ` t="e"><v>#NUM!</v></c>`;
  else if ("formula" in value) body = `><f>${escapeXml(value.formula.replace(/^=/, ""))}</f></c>`;
  else if ("date" in value) {
    const serial = dateSerial(value.date);
    if (serial === null) body = ` t="inlineStr"><is>${textXml(value.date)}</is></c>`;
    else {
      s = book.withNumberFormat(style, DATE_FORMAT);
      body = `><v>${serial}</v></c>`;
    }
  } else body = ` t="inlineStr"><is>${textXml(value.text)}</is></c>`;
  return `<c r="${ref}"${s ? ` s="${s}"` : ""}${body || "/>"}`;
}

/** The row's cells with the updates applied, in column order. */
function editRow(row: string, r: number, updates: Map<number, PlanValue>, book: StyleBook): string {
  const open = new RegExp(`^<row\\b${TAG_BODY}?/?>`).exec(row)![0];
  const cells = row.endsWith("/>") ? [] : row.slice(open.length, -"</row>".length).match(CELL) ?? [];
  const byCol = new Map<number, string>();
  let col = -1;
  for (const c of cells) {
    const ref = attr(c, "r");
    const m = ref ? /^([A-Z]+)(\d+)$/.exec(ref) : null;
    if (ref && (!m || Number(m[2]) !== r)) throw new UnsupportedPackage("a row's cells have references to another row");
    col = m ? columnIndex(m[1]) : col + 1;
    // A cell without its reference is given it, as the edits may put cells before it.
    byCol.set(col, m ? c : c.replace(/^<c\b/, `<c r="${columnLetter(col)}${r}"`));
  }
  for (const [col, value] of updates) {
    const old = byCol.get(col);
    if (old && /<f\b[^>]*\bt="shared"[^>]*\bref="/.test(old)) throw new UnsupportedPackage("a cell to write starts a shared formula");
    byCol.set(col, cellXml(`${columnLetter(col)}${r}`, value, Number(old ? attr(old, "s") ?? 0 : 0), book));
  }
  // spans is an optional hint that may no longer hold.
  const start = open.replace(/\sspans="[^"]*"/, "").replace(/\/>$/, ">");
  return `${start}${[...byCol].sort((a, b) => a[0] - b[0]).map(([, c]) => c).join("")}</row>`;
}

export function writeCells(xml: string, updates: CellUpdate[], book: StyleBook): string {
  if (!/<worksheet\b/.test(xml)) throw new UnsupportedPackage("a sheet uses a namespace prefix");
  const selfClosed = xml.indexOf("<sheetData/>");
  const from = selfClosed >= 0 ? selfClosed : xml.indexOf("<sheetData>");
  if (from < 0) throw new UnsupportedPackage("a sheet has no sheetData");
  const to = selfClosed >= 0 ? selfClosed + "<sheetData/>".length : xml.indexOf("</sheetData>") + "</sheetData>".length;
  const body = selfClosed >= 0 ? "" : xml.slice(from + "<sheetData>".length, to - "</sheetData>".length);

  const byRow = new Map<number, Map<number, PlanValue>>();
  for (const u of updates) {
    const row = byRow.get(u.row + 1) ?? byRow.set(u.row + 1, new Map()).get(u.row + 1)!;
    row.set(u.col, u.value);
  }
  const rows = new Map<number, string>();
  let last = 0;
  for (const row of body.match(ROW) ?? []) {
    const stated = attr(row, "r");
    // A row without its number is the one after the row before; it is given its number, as rows may be inserted before it.
    const r = stated ? Number(stated) : last + 1;
    if (!r || r <= last) throw new UnsupportedPackage("a sheet's rows are out of order");
    last = r;
    rows.set(r, stated ? row : row.replace(/^<row\b/, `<row r="${r}"`));
  }
  for (const [r, cells] of byRow) rows.set(r, editRow(rows.get(r) ?? `<row r="${r}"/>`, r, cells, book));
  const sheetData = `<sheetData>${[...rows].sort((a, b) => a[0] - b[0]).map(([, row]) => row).join("")}</sheetData>`;
  return widenDimension(xml.slice(0, from), updates) + sheetData + xml.slice(to);
}

/** The dimension element covers every cell written. */
function widenDimension(head: string, updates: CellUpdate[]): string {
  return head.replace(/<dimension\b[^>]*\/>/, (tag) => {
    const d = parseRange(attr(tag, "ref") ?? "");
    if (!d) return tag;
    const rows = updates.map((u) => u.row);
    const cols = updates.map((u) => u.col);
    const ref = rangeRef(Math.min(d.top, ...rows), Math.min(d.left, ...cols), Math.max(d.bottom, ...rows), Math.max(d.right, ...cols));
    return setAttr(tag, "ref", ref === "A1:A1" ? "A1" : ref);
  });
}
