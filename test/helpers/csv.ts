import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "csv-parse/sync";

export const FIXTURES = join(__dirname, "..", "fixtures");

/** Rows of a fixture CSV as objects keyed by header, with their 1-based line in the file. */
export function readCsv(relative: string): { line: number; row: Record<string, string> }[] {
  const text = readFileSync(join(FIXTURES, relative), "utf8");
  const records: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  // Every record here is one line (no embedded newlines), so line = index + 2 (header is line 1).
  return records.map((row, i) => ({ line: i + 2, row }));
}
