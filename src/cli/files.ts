import { readFile, writeFile, mkdir } from "fs/promises";
import { dirname, resolve } from "path";
import { XlsxWorkbook, WorkbookFileError } from "../workbook/xlsx/workbook";

/** Open an .xlsx from disk, turning every way a file can be unusable into one plain sentence. */
export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(code === "ENOENT" ? `there is no file at ${path}` : code === "EISDIR" ? `${path} is a folder, not a file` : `the file cannot be read (${code})`);
  }
  return XlsxWorkbook.open(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

export async function saveFile(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, data);
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
