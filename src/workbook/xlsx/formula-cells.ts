import { columnIndex } from "../../core";
import { ZipPackage } from "./reader/zip";
import { PackageReader } from "./reader/package";
import { readBook } from "./reader/book-parts";
import { scanPart, attr, MAIN_NS } from "./reader/xml";
import { Budget, ReadLimits } from "./reader/limits";

/**
 * Which of `cells` (0-based row and column) hold a formula in a council's
 * sheet as the file has it, with the formula: a value collected from a return
 * never replaces one. Streams the sheet's part once.
 */
export async function formulaCells(data: Uint8Array, limits: ReadLimits, sheet: string, cells: { row: number; col: number }[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!cells.length) return found;
  const wanted = new Set(cells.map((c) => `${c.row},${c.col}`));
  const pkg = new PackageReader(ZipPackage.open(data), new Budget(limits, data.length));
  const book = await readBook(pkg, await pkg.workbookPart());
  const entry = pkg.part(book.sheets.find((s) => s.name === sheet)?.part ?? "");
  if (!entry) return found;
  let cell: string | null = null;
  let formula: string | null = null;
  // Rows and cells without a reference are the ones after those before them (as the reader places them).
  let row = -1;
  let col = -1;
  await scanPart(pkg.zip, entry, pkg.budget, {
    open: (local, attrs, uri) => {
      if (!MAIN_NS.has(uri)) return;
      if (local === "row") {
        const r = attr(attrs, "r");
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
      } else if (local === "c") {
        const m = /^([A-Z]+)(\d+)$/.exec(attr(attrs, "r") ?? "");
        const ref = m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
        col = ref ? ref.col : col + 1;
        const at = `${ref ? ref.row : row},${col}`;
        cell = wanted.has(at) ? at : null;
      } else if (local === "f" && cell) formula = "";
    },
    close: (local) => {
      if (local === "f" && cell && formula !== null) {
        // A cell sharing another's formula has an empty <f>: it is a formula all the same.
        found.set(cell, `=${formula || "(a shared formula)"}`);
        formula = null;
      } else if (local === "c") cell = null;
    },
    text: (t) => {
      if (formula !== null) formula += t;
    },
  });
  return found;
}
