/**
 * A sheet plan: everything an output sheet is, as plain data. Both hosts
 * render the same plan; tests compare plans directly.
 */
export type PlanValue = string | number | boolean | null | { date: string } | { link: string; text: string } | { formula: string };

export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Hex colours, "#RRGGBB". */
  fill?: string;
  font?: string;
  wrap?: boolean;
  border?: boolean;
  numberFormat?: string;
  hAlign?: "left" | "center" | "right";
  /** false: the cell stays editable when the sheet is protected (templates' input cells). */
  locked?: boolean;
  vAlign?: "top" | "middle" | "bottom";
}

export interface StyleRegion {
  ref: string;
  style: PlanStyle;
}

export interface CfStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
}

export type CfRule =
  | { type: "expression"; formula: string; style: CfStyle }
  | { type: "cellValue"; operator: "equal" | "greaterThan" | "lessThan" | "between"; formulas: string[]; style: CfStyle }
  | { type: "iconSet"; iconSet: "3Symbols" | "3TrafficLights1" | "3Arrows" | "4TrafficLights"; thresholds: number[]; showValue: boolean }
  | { type: "colorScale"; colours: [string, string] | [string, string, string] };

export interface ConditionalFormatPlan {
  /** A data-body range, never a whole column. */
  ref: string;
  /** 1 is applied first. */
  priority: number;
  rule: CfRule;
}

export interface DataValidationPlan {
  ref: string;
  type: "list" | "date" | "whole" | "decimal";
  values?: string[];
  min?: number;
  max?: number;
  allowBlank: boolean;
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

/** A block of cells on the chart's own sheet (0-based, one column). */
export interface CellBlock {
  col: number;
  first: number;
  last: number;
}

/** What a series shows, which sets how it is drawn (NHS "Making Data Count" colours for special causes). */
export type ChartSeriesRole = "value" | "target" | "mean" | "limit" | "improvement" | "concern" | "neither";

/**
 * A native line chart drawn from cells of its own sheet, so it follows the
 * data and pastes into Word as a chart.
 */
export interface ChartPlan {
  title: string;
  /** The period labels. */
  categories: CellBlock;
  /** Each series: its name is the cell above its values. */
  series: { role: ChartSeriesRole; values: CellBlock }[];
  /** Where it sits: top-left and bottom-right cells (0-based; the bottom-right cell is outside the chart). */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
  /** The value axis's range: from the data, target and limits rather than from zero, as Making Data Count charts are drawn. */
  valueAxis?: { min: number; max: number };
  /** Making Data Count icons at the chart's top right: its variation, and its assurance where there is a target. */
  icons?: ChartIcon[];
}

/** The name each icon shape is given (with its kind and a number), so a later run knows it as the product's own. */
export const ICON_NAME = "Making Data Count";

/** A Making Data Count icon, drawn as a small picture: a circle in the NHS colour with a letter on it. */
export interface ChartIcon {
  kind: "variation" | "assurance";
  /** "#RRGGBB". */
  fill: string;
  /** H or L (a special cause from higher or lower values), P (passing), F (failing), ~ (common cause), ? (hit and miss). */
  letter: string;
  /** What it means, in words: its alternative text. */
  label: string;
  /** Its top-left cell (0-based), over the chart's top right corner. */
  at: { row: number; col: number };
}

export interface SheetPlan {
  /** What the sheet is for: the key under which the workbook remembers owning it. */
  purpose: string;
  name: string;
  /** Values from A1, row by row. */
  cells: PlanValue[][];
  styles: StyleRegion[];
  /** Widths in characters, from column A. */
  columnWidths: number[];
  freeze?: { rows: number; columns: number };
  conditionalFormats: ConditionalFormatPlan[];
  validations: DataValidationPlan[];
  /** Row heights in points where wrapped text needs more than one line (0-based row → points). */
  rowHeights: Record<number, number>;
  /** 0-based columns to hide (e.g. status codes kept for filters). */
  hiddenColumns: number[];
  /** The tables on the sheet, for readers and tests: each has one header row. */
  tables: { title: string; ref: string }[];
  tabColour?: string;
  /** Protect the sheet (locked cells read-only); an empty password means none. */
  protection?: { password: string };
  /** Native charts on the sheet. */
  charts?: ChartPlan[];
  /**
   * Printing: landscape, one page wide, as many pages tall as needed; `titleRows` (0-based) repeat on every page
   * after they first appear; `rowBreaks` (0-based) are rows that begin a new page, so tables and charts are not split.
   */
  print?: { landscape: boolean; fitToWidth: boolean; titleRows?: { first: number; last: number }; rowBreaks?: number[] };
}
