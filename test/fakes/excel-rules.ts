/**
 * What Excel itself does with what it is given, as plain functions the fake
 * applies: typing into a General cell, reading a rule's formula from another
 * anchor, colours and validation operands. Each cites the page it follows;
 * docs/excel-behaviours.md lists them all.
 */
import { toSerial } from "../../src/core";

/** An error as Excel reports it: a code (InvalidArgument, ItemNotFound…) and a message. */
export class OfficeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export type Typed = { value: string | number | boolean | null; formula?: string; error?: string; numberFormat?: string };

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const NUMBER = /^[£$€]?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;

function serial(year: number, month: number, day: number): number | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return toSerial({ year, month, day });
}

const fullYear = (y: string) => (y.length <= 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

/**
 * A string written to a General cell through `range.values`, as Excel (in an
 * en-GB locale) reads it: like typing. "=", "+", "-" or "@" start a formula
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * numbers lose leading zeros and separators, "90%" is 0.9, "TRUE" a boolean,
 * dates and times become serial numbers, "#N/A" an error.
 */
export function typeIntoGeneralCell(s: string): Typed {
  const t = s.trim();
  if (t === "" || t === "-" || t === "+") return { value: s === "" ? null : s };
  if (ERRORS.has(t.toUpperCase())) return { value: null, error: t.toUpperCase() };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const sign = /^[-+]/.test(t) ? t[0] : "";
  const body = sign ? t.slice(1) : t;
  const pct = body.endsWith("%");
  const digits = pct ? body.slice(0, -1) : body;
  if (/\d/.test(digits) && NUMBER.test(digits)) {
    const n = Number(digits.replace(/[£$€,\s]/g, "")) * (sign === "-" ? -1 : 1) / (pct ? 100 : 1);
    return { value: n, numberFormat: pct ? "0%" : /^[£$€]/.test(digits) ? "£#,##0.00" : undefined };
  }
  if (/^[=+\-@]/.test(t)) return { value: "#NAME?", formula: t.startsWith("=") ? t : `=${t.replace(/^@/, "")}` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return date(serial(+m[1], +m[2], +m[3]), "yyyy-mm-dd", s);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) return date(serial(fullYear(m[3]), +m[2], +m[1]), "dd/mm/yyyy", s);
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return date(serial(new Date().getFullYear(), +m[2], +m[1]), "dd-mmm", s);
  m = /^([a-z]{3})[a-z]*[-\s](\d{2}|\d{4})$/i.exec(t);
  if (m && MONTHS.includes(m[1].toLowerCase())) return date(serial(fullYear(m[2]), MONTHS.indexOf(m[1].toLowerCase()) + 1, 1), "mmm-yy", s);
  m = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*$/i.exec(t);
  if (m && MONTHS.includes(m[2].toLowerCase())) return date(serial(new Date().getFullYear(), MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]), "dd-mmm", s);
  m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60) return { value: (+m[1] * 60 + +m[2]) / 1440, numberFormat: "hh:mm" };
  return { value: s };
}

function date(n: number | null, numberFormat: string, text: string): Typed {
  return n === null ? { value: text } : { value: n, numberFormat };
}

/**
 * Move a formula's relative references by (rows, cols), as Excel does when
 * a conditional format's formula is read through a range with another
 * top-left cell (office-js #5194, by design) or a formula is copied.
 * A reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(f: string, rows: number, cols: number): string {
  return f.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 ? part : part.replace(
    /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
    (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? colNumber(col) : colNumber(col) + cols;
      const r = rowAbs ? Number(row) : Number(row) + rows;
      if (c < 1 || r < 1) return "#REF!";
      return `${colAbs}${colName(c)}${rowAbs}${r}`;
    },
  ))).join("");
}

function colNumber(s: string): number {
  return [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const NAMED_COLOURS = new Set(["black", "white", "red", "green", "blue", "yellow", "orange", "purple", "grey", "gray", "lightgreen", "lightblue", "pink", "brown", "navy", "teal", "silver", "maroon", "olive", "lime", "aqua", "fuchsia", "gold", "lightgrey", "lightgray", "darkgreen", "darkred", "darkblue"]);

/**
 * Colours are "#RRGGBB" or an HTML colour name
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-color-member);
 * an ARGB "FFD55E00" or a bare "D55E00" is refused. The fake knows the
 * common names only, so a name it does not know fails here first.
 */
export function checkColour(c: unknown): void {
  if (typeof c === "string" && (/^#[0-9A-Fa-f]{6}$/.test(c) || NAMED_COLOURS.has(c.toLowerCase()))) return;
  throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: colour '${String(c)}'.`);
}

/**
 * Data validation operands
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation):
 * a date rule's formula1/formula2 take an ISO date or a formula, "you cannot
 * use a number"; a typed list is split at commas and may not pass 255
 * characters (Excel's own limit on a list source).
 * Returns the drop-down's items for a typed list.
 */
export function checkValidationRule(rule: Record<string, Record<string, unknown>>): string[] | null {
  const date = rule.date ?? rule.time;
  if (date) {
    for (const f of [date.formula1, date.formula2]) {
      if (f === undefined || f instanceof Date) continue;
      if (typeof f === "number" || (typeof f === "string" && !f.startsWith("=") && !/^\d{4}-\d{2}-\d{2}/.test(f))) {
        throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: a date rule's operand '${String(f)}' must be an ISO date or a formula.`);
      }
    }
  }
  if (rule.list) {
    const source = rule.list.source;
    if (typeof source !== "string") return null;
    if (source.startsWith("=")) return null;
    if (source.length > 255) throw new OfficeError("InvalidArgument", "The list source may not be longer than 255 characters.");
    return source.split(",");
  }
  return null;
}

/**
 * A sheet name Excel accepts: not blank, at most 31 characters, none of
 * / \ ? * : [ ], no apostrophe at either end, not "History":
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(name: string): void {
  const bad = !name.trim() || name.length > 31 || /[/\\?*:[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history";
  if (bad) throw new OfficeError("InvalidArgument", `'${name}' is not a sheet name Excel accepts.`);
}

/**
 * A validation's texts within Excel's limits: titles 32 characters, the
 * input message 255, the error message 225 ([MS-XLS] 2.5.37 DValStrings,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/b8894965-c186-4bba-8a0b-8ec2a37a1cbe).
 * The Excel JavaScript reference does not say what Excel does with longer
 * ones; the fake refuses them, so the product never sends them.
 */
export function checkValidationTexts(t: { promptTitle?: string; prompt?: string; errorTitle?: string; error?: string }): void {
  const limits: [string | undefined, number, string][] = [[t.promptTitle, 32, "prompt title"], [t.prompt, 255, "prompt"], [t.errorTitle, 32, "error title"], [t.error, 225, "error message"]];
  for (const [text, max, what] of limits) {
    if (text !== undefined && text.length > max) throw new OfficeError("InvalidArgument", `The validation ${what} is ${text.length} characters; Excel allows ${max}.`);
  }
}
