/**
 * Hand-written .xlsx packages for the shapes councils' files come in and
 * libraries do not write: prefixed or Strict SpreadsheetML, rows and cells
 * without `r`, inline strings, rules over whole sheets, thousands of merges,
 * parts named in another case, zips that lie about their sizes. Each part's
 * XML is written here, so a fixture holds exactly what its test is about.
 * (No jest globals: the corpus benchmark builds the same files.)
 */
import JSZip from "jszip";

export type Value = string | number | boolean | null | { error: string } | { formula: string; result: number } | { inline: string[] } | { style: number; value: number };

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface SheetSpec {
  name: string;
  rows: Value[][];
  /** Write `r` on rows and cells (the default), or leave it out as the schema allows. */
  refs?: boolean;
  /** Text as shared strings (the default) or inline strings. */
  strings?: "shared" | "inline";
  /** Markup before and after sheetData (cols, mergeCells, dataValidations…). */
  before?: string;
  after?: string;
  state?: "hidden" | "veryHidden";
  /** Rows (0-based) written with hidden="1". */
  hiddenRows?: number[];
  /** Values placed at far columns: [row, col, value]. */
  far?: [number, number, Value][];
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** Write every SpreadsheetML element with this namespace prefix (as the Open XML SDK does). */
  prefix?: string;
  strict?: boolean;
  /** The zip entry name of sheet i (default xl/worksheets/sheet{i+1}.xml); the relationship keeps the lower-case name. */
  sheetEntry?: (i: number) => string;
  /** Extra cell formats (numFmtId per xf after the default one) and custom number formats. */
  numFmts?: { id: number; code: string }[];
  xfs?: number[];
  date1904?: boolean;
  workbookExtra?: string;
}

function cellXml(ref: string, v: Value, sst: Map<string, number>, strings: "shared" | "inline"): string {
  if (v === null) return "";
  const r = ref ? ` r="${ref}"` : "";
  if (typeof v === "number") return `<c${r}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c${r} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") {
    if (strings === "inline") return `<c${r} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    if (!sst.has(v)) sst.set(v, sst.size);
    return `<c${r} t="s"><v>${sst.get(v)}</v></c>`;
  }
  if ("error" in v) return `<c${r} t="e"><v>${esc(v.error)}</v></c>`;
  if ("formula" in v) return `<c${r}><f>${esc(v.formula)}</f><v>${v.result}</v></c>`;
  if ("style" in v) return `<c${r} s="${v.style}"><v>${v.value}</v></c>`;
  return `<c${r} t="inlineStr"><is>${v.inline.map((t) => `<r><t>${esc(t)}</t></r>`).join("")}</is></c>`;
}

function sheetXml(s: SheetSpec, sst: Map<string, number>): string {
  const refs = s.refs ?? true;
  const far = new Map<number, [number, Value][]>();
  for (const [r, c, v] of s.far ?? []) far.set(r, [...(far.get(r) ?? []), [c, v]]);
  const rowCount = [...far.keys()].reduce((n, r) => Math.max(n, r + 1), s.rows.length);
  const hidden = new Set(s.hiddenRows ?? []);
  const rows: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = (s.rows[r] ?? []).map((v, c) => (refs ? cellXml(`${colName(c)}${r + 1}`, v, sst, s.strings ?? "shared") : v === null ? "<c/>" : cellXml("", v, sst, s.strings ?? "shared")));
    for (const [c, v] of far.get(r) ?? []) cells.push(cellXml(`${colName(c)}${r + 1}`, v, sst, s.strings ?? "shared"));
    rows.push(`<row${refs ? ` r="${r + 1}"` : ""}${hidden.has(r) ? ' hidden="1"' : ""}>${cells.join("")}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.before ?? ""}<sheetData>${rows.join("")}</sheetData>${s.after ?? ""}</worksheet>`;
}

/** Every SpreadsheetML element given the prefix, and the default namespace declared for it instead. */
function prefixed(xml: string, prefix: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][A-Za-z0-9]*)(?=[\s>/])/g, (_, slash: string, name: string) => `<${slash}${prefix}:${name}`)
    .replace(`xmlns="${MAIN}"`, `xmlns:${prefix}="${MAIN}"`);
}

function strictly(xml: string): string {
  return xml.split(MAIN).join(STRICT_MAIN).split(REL).join(STRICT_REL);
}

export async function buildPackage(spec: PackageSpec): Promise<Uint8Array> {
  const sst = new Map<string, number>();
  const zip = new JSZip();
  const part = (name: string, xml: string, mainXml = true) => {
    let out = xml;
    if (mainXml && spec.prefix) out = prefixed(out, spec.prefix);
    if (spec.strict) out = strictly(out);
    zip.file(name, out);
  };
  const sheetFiles = spec.sheets.map((_, i) => `worksheets/sheet${i + 1}.xml`);
  spec.sheets.forEach((s, i) => part(spec.sheetEntry?.(i) ?? `xl/${sheetFiles[i]}`, sheetXml(s, sst)));
  const sheetsXml = spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("");
  part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"${spec.strict ? ' conformance="strict"' : ""}><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/>${spec.workbookExtra ?? ""}<sheets>${sheetsXml}</sheets></workbook>`);
  const numFmts = spec.numFmts?.length ? `<numFmts count="${spec.numFmts.length}">${spec.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${esc(f.code)}"/>`).join("")}</numFmts>` : "";
  const xfs = [0, ...(spec.xfs ?? [])].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`).join("");
  part("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${1 + (spec.xfs?.length ?? 0)}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`);
  const strings = [...sst.keys()].map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("");
  part("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${sst.size}" uniqueCount="${sst.size}">${strings}</sst>`);
  const relType = (t: string) => `${spec.strict ? STRICT_REL : REL}/${t}`;
  const wbRels = [
    ...sheetFiles.map((f, i) => `<Relationship Id="rId${i + 1}" Type="${relType("worksheet")}" Target="${f}"/>`),
    `<Relationship Id="rIdS" Type="${relType("styles")}" Target="styles.xml"/>`,
    `<Relationship Id="rIdT" Type="${relType("sharedStrings")}" Target="sharedStrings.xml"/>`,
  ].join("");
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${wbRels}</Relationships>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`);
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    ...spec.sheets.map((_, i) => `<Override PartName="/${spec.sheetEntry?.(i) ?? `xl/${sheetFiles[i]}`}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
  ].join("");
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A small priorities dataset: header and `n` rows, every fourth status a different RAG. */
export function priorityRows(n: number): Value[][] {
  const rag = ["Green", "Amber", "Red", "Complete"];
  const rows: Value[][] = [["Directorate", "Priority", "Due Date", "RAG"]];
  for (let i = 0; i < n; i++) rows.push([`Directorate ${i % 7}`, `Priority ${i + 1}`, "31/03/22", rag[i % 4]]);
  return rows;
}

/**
 * The same package with one entry's declared (uncompressed) size replaced in
 * both its local header and the central directory, as a zip bomb does.
 */
export function declareSize(data: Uint8Array, entry: string, size: number): Uint8Array {
  const out = data.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  const nameAt = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && nameAt(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && nameAt(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A sheet of `rows` indicator-like rows, deflated as one part: for zips that lie about a large part. */
export async function bigSheetPackage(rows: number): Promise<Uint8Array> {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(`<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r * 2}</v></c></row>`);
  const base = await JSZip.loadAsync(await buildPackage({ sheets: [{ name: "Data", rows: [] }] }));
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${lines.join("")}</sheetData></worksheet>`;
  base.file("xl/worksheets/sheet1.xml", xml);
  return base.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
