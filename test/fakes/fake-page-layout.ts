/**
 * Print settings in the fake Excel (PageLayout, ExcelApi 1.9):
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 *   paperSize: an Excel.PaperType ("A4"); orientation: "Portrait" or "Landscape";
 *   zoom: PageLayoutZoomOptions — "scale … between 10 and 400", or pages to fit
 *   across and down (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions);
 *   setPrintTitleRows: "The range must span the entire row to be valid."
 * Manual page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9):
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 *   add(pageBreakRange) "Adds a page break before the top-left cell of the range specified";
 *   removePageBreaks() "Resets all manual page breaks in the collection".
 */
import { OfficeError } from "./excel-rules";
import { Ctx, writeOnly } from "./client";
import { Path, METHOD } from "./wire";
import type { Worksheet } from "./excel-fake";
import type { Range } from "./fake-range";

const PAPER = new Set(["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro"]);
type Zoom = { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

const whole = (n: unknown) => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 0);

export class PageLayout {
  declare paperSize: string;
  declare orientation: string;
  declare zoom: Zoom;

  constructor(private ctx: Ctx, readonly path: Path, private ws: Worksheet) {
    Object.defineProperties(this, Object.getOwnPropertyDescriptors(writeOnly(ctx, path, {
      paperSize: (v: string) => {
        if (!PAPER.has(v)) throw new OfficeError("InvalidArgument", `'${v}' is not a paper size.`);
        this.ws.sheet().pageLayout.paperSize = v;
      },
      orientation: (v: string) => {
        if (v !== "Portrait" && v !== "Landscape") throw new OfficeError("InvalidArgument", `'${v}' is not an orientation.`);
        this.ws.sheet().pageLayout.orientation = v;
      },
      zoom: (v: Zoom) => {
        if (v.scale !== undefined && v.scale !== null && (v.scale < 10 || v.scale > 400)) throw new OfficeError("InvalidArgument", "The print scale must be between 10 and 400.");
        if (!whole(v.horizontalFitToPages) || !whole(v.verticalFitToPages)) throw new OfficeError("InvalidArgument", "Pages to fit must be whole numbers.");
        if (this.ctx.state.refuseFitToZeroPages && (v.horizontalFitToPages === 0 || v.verticalFitToPages === 0)) throw new OfficeError("InvalidArgument", "Pages to fit must be 1 or more.");
        this.ws.sheet().pageLayout.zoom = { ...v };
      },
    })));
  }
  /** Rows repeated at the top of each printed page: whole rows ("$1:$1"). */
  setPrintTitleRows(rows: string): void {
    this.ctx.enqueue(this.path, "method", "SetPrintTitleRows", JSON.stringify([rows]), () => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new OfficeError("InvalidArgument", `'${rows}' does not span entire rows.`);
      this.ws.sheet().pageLayout.printTitleRows = rows;
    });
  }
}

/**
 * A sheet's manual horizontal page breaks: the rows that begin a new printed
 * page. A row holds one break however often it is added (a row break is a
 * property of the row, as in the file's <rowBreaks>). Like the sheet's other
 * layout, refused while the sheet is protected.
 */
export class PageBreakCollection {
  constructor(private ctx: Ctx, readonly path: Path, private ws: Worksheet) {}
  /** A break before the top-left cell of `at` (a range or an address on this sheet). */
  add(at: Range | string): { path: Path } {
    const range = typeof at === "string" ? this.ws.getRange(at) : at;
    const path = this.ctx.path(METHOD, "Add", this.path, [typeof at === "string" ? at : at.path.id]);
    this.ctx.enqueue(path, "method", "", undefined, () => this.ws.guarded((s) => {
      const row = range.bounds().top;
      if (!s.rowBreaks.includes(row)) s.rowBreaks = [...s.rowBreaks, row].sort((a, b) => a - b);
    }));
    return { path };
  }
  removePageBreaks(): void {
    this.ctx.enqueue(this.path, "method", "RemovePageBreaks", "[]", () => this.ws.guarded((s) => void (s.rowBreaks = [])));
  }
}
