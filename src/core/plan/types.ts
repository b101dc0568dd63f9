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
  /** Printing: landscape, one page wide, as many pages tall as needed; `titleRows` (0-based) repeat on every page. */
  print?: { landscape: boolean; fitToWidth: boolean; titleRows?: { first: number; last: number } };
}
