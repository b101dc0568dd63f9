import { SheetGrid } from "../../../core";
import { Budget, ReadLimits, DEFAULT_LIMITS } from "./limits";
import { ZipPackage } from "./zip";
import { PackageReader } from "./package";
import { readBook, readStyleFormats, readSharedStrings, BookSheet } from "./book-parts";
import { cellContext, readSheet } from "./sheet";
import { refuse, WorkbookFileError } from "./refusal";

export { WorkbookFileError, DEFAULT_LIMITS };
export type { ReadLimits };

/** Everything the product reads from an .xlsx: its sheets in order, each as a grid. */
export interface ReadWorkbook {
  sheets: (BookSheet & { grid: SheetGrid; unread: boolean })[];
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function holds(data: Uint8Array, text: string): boolean {
  // Stream names in a compound file's directory are UTF-16LE.
  const name = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) name[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + name.length <= data.length; i++) {
    for (let j = 0; j < name.length; j++) if (data[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/** An OLE compound file is an encrypted .xlsx (it holds an "EncryptedPackage" stream) or an old .xls (a "Workbook" stream). */
function compoundFile(data: Uint8Array): WorkbookFileError {
  if (holds(data, "EncryptedPackage")) return refuse({ kind: "encrypted" });
  if (holds(data, "Workbook") || holds(data, "Book")) return refuse({ kind: "xls" });
  return refuse({ kind: "compound" });
}

/** Text such as a CSV: the first bytes are printable characters, tabs and line ends. */
function looksLikeText(data: Uint8Array): boolean {
  const head = data.subarray(0, 4096);
  if (!head.length) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  return printable === head.length;
}

/**
 * Reads the package's sheets into grids within the limits: parts are inflated
 * as streams and counted as they are, XML is parsed as it arrives, and only
 * cells that hold a value are kept.
 */
/** `fast` false reads every cell and shared string by the generic path (tests compare the two). */
/** `read` picks the sheets whose cells are read (all by default); the others come with an empty grid and `unread` set. */
export async function readWorkbook(
  data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, options: { fast?: boolean; read?: (s: BookSheet) => boolean } = {},
): Promise<ReadWorkbook> {
  if (CFB_SIGNATURE.every((b, i) => data[i] === b)) throw compoundFile(data);
  if (data[0] !== 0x50 || data[1] !== 0x4b) throw refuse({ kind: looksLikeText(data) ? "text" : "not-xlsx" });
  const budget = new Budget(limits, data.length);
  const pkg = new PackageReader(ZipPackage.open(data), budget);
  const book = await readBook(pkg, await pkg.workbookPart());
  const strings = await readSharedStrings(pkg, book.sharedStrings, options.fast ?? true);
  const ctx = cellContext(strings, await readStyleFormats(pkg, book.styles), book.date1904, options.fast);
  const sheets: ReadWorkbook["sheets"] = [];
  for (const s of book.sheets) {
    if (!options.read || options.read(s)) sheets.push({ ...s, grid: await readSheet(pkg, s, ctx), unread: false });
    else sheets.push({ ...s, grid: { name: s.name, rows: [], hiddenRows: [], merges: [], tables: [], visibility: s.visibility }, unread: true });
  }
  return { sheets };
}

/**
 * Inflates (and discards) the parts another zip library will inflate later
 * — relationships, drawings, content types — so that a part lying about its
 * size is refused here, within the limits, and never reaches it.
 */
export async function checkSmallParts(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<void> {
  const zip = ZipPackage.open(data);
  const budget = new Budget(limits, data.length);
  for (const e of zip.entries) {
    if (/\.rels$|^xl\/drawings\/[^/]*\.xml$|^\[Content_Types\]\.xml$/i.test(e.name)) await zip.inflate(e, budget, () => undefined);
  }
}
