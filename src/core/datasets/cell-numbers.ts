import { SheetGrid, a1 } from "../grid";
import { CellValue } from "../values";
import { Problem } from "../problems";
import { parseMeasure, suppressionSymbol } from "../numbers";
import { formatDecimals, isPercentFormat } from "../number-formats";

/** A number read from a cell as Excel shows it: a percent-formatted 0.8 is 80 (per cent). */
export interface ShownNumber {
  value: number;
  /** Shown as a percentage: a % format, or a % sign in the text. */
  percent: boolean;
  /** Decimal places the cell's format fixes (0.0% → 1); null when it fixes none. */
  decimals: number | null;
}

/** Cells holding one suppression symbol, counted so it is said once, not per cell. */
export interface SymbolTally {
  count: number;
  /** The first few cells, for the note. */
  cells: string[];
  firstRow: number;
  firstCol: number;
}

const percentCodes = new Map<string, boolean>();
const decimalCodes = new Map<string, number | null>();

function percentFormat(code: string): boolean {
  let p = percentCodes.get(code);
  if (p === undefined) percentCodes.set(code, (p = isPercentFormat(code)));
  return p;
}

function decimalsOfFormat(code: string): number | null {
  let d = decimalCodes.get(code);
  if (d === undefined) decimalCodes.set(code, (d = formatDecimals(code)));
  return d;
}

/**
 * Reads the numbers of one sheet as the council sees them. The number
 * format goes with the value (SheetGrid.formats): a percent-formatted cell
 * is a percentage, so 0.8 shown as 80% is 80. Suppression and
 * missing-value symbols ("x", "[c]", "..") are no value, tallied per symbol
 * so each is reported once.
 */
export class CellNumbers {
  readonly symbols = new Map<string, SymbolTally>();

  constructor(private readonly grid: SheetGrid) {}

  /** A cell's number (null: no value), or the problem that makes it no number. */
  read(cell: CellValue | undefined, row: number, col: number): ShownNumber | null | Problem {
    if (typeof cell === "number" && Number.isFinite(cell)) {
      const code = this.grid.formats?.[row]?.[col];
      if (code === undefined) return { value: cell, percent: false, decimals: null };
      const percent = percentFormat(code);
      // Scaled through its printed digits, so 0.755 is 75.5 and not 75.49999999999999.
      return { value: percent ? Number((cell * 100).toPrecision(15)) : cell, percent, decimals: decimalsOfFormat(code) };
    }
    const symbol = suppressionSymbol(cell);
    if (symbol !== null) {
      const key = symbol.toLowerCase();
      const seen = this.symbols.get(key);
      if (seen) {
        seen.count++;
        if (seen.cells.length < 5) seen.cells.push(a1(row, col));
      } else this.symbols.set(key, { count: 1, cells: [a1(row, col)], firstRow: row, firstCol: col });
      return null;
    }
    const m = parseMeasure(cell);
    if (!m.ok) return m.problem;
    return m.value ? { value: m.value.value, percent: m.value.percent, decimals: null } : null;
  }
}

export function isProblem(x: ShownNumber | null | Problem): x is Problem {
  return x !== null && "code" in x;
}
