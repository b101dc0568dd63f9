/**
 * The plain values a host hands the core: what a spreadsheet cell can hold.
 * Error cells (#N/A, #DIV/0!) arrive as `{ error }` so they are never mistaken
 * for text; dates arrive as JS Dates or Excel serial numbers.
 */
export type CellError = { error: string };
export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** A cell is blank when it holds nothing or only whitespace. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The text a person would see for a value, for messages and keys. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Collapse case, punctuation and spacing so "RAG at  Q1" and "rag at q1" match. */
export function normaliseWord(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/[^a-z0-9%\u2191\u2193\u2194]+/g, " ")
    .trim();
}
