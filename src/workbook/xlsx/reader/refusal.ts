import { UserError } from "../../../core/user-error";
import { groupDigits } from "../../../core/words";
/**
 * Every way the reader refuses a file, and the one plain sentence it says.
 * The command line prefixes the file's name ("Error: cannot use Q1.xlsx: …")
 * and the task pane does the same ("Q1.xlsx cannot be used: …"), so each
 * sentence starts in lower case and never quotes a library's own words.
 */

/** A file the product cannot use, with one plain sentence saying why. */
export class WorkbookFileError extends UserError {
  constructor(message: string) {
    super("file", message);
  }
}

export type Refusal =
  | { kind: "encrypted" }
  | { kind: "xls" }
  | { kind: "compound" }
  | { kind: "text" }
  | { kind: "not-xlsx" }
  | { kind: "zip-damaged" }
  | { kind: "zip-encrypted" }
  | { kind: "zip-method"; part: string }
  | { kind: "xlsb" }
  | { kind: "ods" }
  | { kind: "not-spreadsheet" }
  | { kind: "declared-too-big"; part: string; limitMb: number; fileBytes: number }
  | { kind: "total-too-big"; limitMb: number; fileBytes: number }
  | { kind: "size-mismatch"; part: string; declared: number; fileBytes: number }
  | { kind: "too-many-cells"; limit: number; sheet: string; fileBytes: number }
  | { kind: "bad-xml"; part: string; line: number }
  | { kind: "missing-part"; part: string }
  | { kind: "rewrite-unreadable" }
  | { kind: "duplicate-part"; part: string }
  | { kind: "bad-checksum"; part: string };

/** "85 KB", "15.2 MB": the file's real size as people read it. */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${Math.round(bytes / 1000)} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

const num = (n: number) => groupDigits(n);
const SAVE_AS = "open it in Excel, choose File › Save As › 'Excel Workbook (*.xlsx)' and try again";
const RESAVE = "open it in Excel, save it again and try again";

export function message(r: Refusal): string {
  switch (r.kind) {
    case "encrypted": return "the file is password-protected: open it in Excel, remove the password (File › Info › Protect Workbook) and save it, then try again";
    case "xls": return `the file is an old-style Excel 97–2003 workbook (.xls): ${SAVE_AS}`;
    case "compound": return `the file is password-protected or an old-style .xls workbook: remove the password, or ${SAVE_AS}`;
    case "text": return `the file is not an .xlsx workbook but text (such as a .csv): ${SAVE_AS}`;
    case "not-xlsx": return `the file is not an .xlsx workbook: ${SAVE_AS}`;
    case "zip-damaged": return `the file is damaged or not an .xlsx workbook (its zip structure cannot be read): ${RESAVE}`;
    case "zip-encrypted": return "the file's contents are encrypted with a zip password, which Excel workbooks never use, so it was not opened";
    case "zip-method": return `the file was compressed in a way Excel does not use (part ${r.part}): ${RESAVE}`;
    case "xlsb": return `the file is an Excel Binary Workbook (.xlsb): ${SAVE_AS}`;
    case "ods": return `the file is an OpenDocument spreadsheet (.ods): open it in Excel or LibreOffice and save it as 'Excel Workbook (*.xlsx)', then try again`;
    case "not-spreadsheet": return "the file is a zip archive but not an .xlsx workbook (it has no workbook part)";
    case "declared-too-big":
      return `the file (${size(r.fileBytes)}) says it expands to more than ${r.limitMb} MB (part ${r.part}), the most this tool unzips for one part, so nothing was unzipped: remove unused sheets or rows and try again`;
    case "total-too-big":
      return `the file (${size(r.fileBytes)}) expands to more than ${r.limitMb} MB in all, the most this tool unzips, so it was not read: remove unused sheets or rows and try again`;
    case "size-mismatch":
      return `the file (${size(r.fileBytes)}) is damaged: its part ${r.part} does not hold the ${num(r.declared)} bytes its zip directory declares, so it was not read: ${RESAVE}`;
    case "too-many-cells":
      return `the file (${size(r.fileBytes)}) holds more than ${num(r.limit)} filled cells (the limit was reached on sheet '${r.sheet}'), the most this tool reads in the memory it has: remove unused sheets or rows, or run it on a computer with more memory, and try again`;
    case "bad-xml": return `the file is damaged: its part ${r.part} is not well-formed XML (line ${r.line}): ${RESAVE}`;
    case "missing-part": return `the file is damaged: it refers to a part ${r.part} that is not in the package: ${RESAVE}`;
    case "duplicate-part": return `the file is damaged: it holds two parts named ${r.part}, and which one a program reads is a matter of chance, so neither was read: ${RESAVE}`;
    case "bad-checksum": return `the file is damaged: its part ${r.part} does not match the checksum stored with it (it changed after it was written), so it was not read: ${RESAVE}`;
    case "rewrite-unreadable":
      return `the file was read, but the results cannot be written into a copy of it in the form it is saved in: ${SAVE_AS}`;
  }
}

export function refuse(r: Refusal): WorkbookFileError {
  return new WorkbookFileError(message(r));
}
