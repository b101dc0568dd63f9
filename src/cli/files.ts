import { readFile, writeFile, mkdir, rename, unlink, stat, realpath, readdir } from "fs/promises";
import { unlinkSync } from "fs";
import { randomBytes } from "crypto";
import { basename, dirname, extname, join, resolve } from "path";
import { UserError } from "../core/user-error";
import { XlsxWorkbook, WorkbookFileError } from "../workbook/xlsx/workbook";
import { UsageError } from "./errors";

/** An input file's bytes, turning every way it can be unreadable into one plain sentence. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const data = await readFile(path);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(code === "ENOENT" ? `there is no file at ${path}` : code === "EISDIR" ? `${path} is a folder, not a file` : `the file cannot be read (${code})`);
  }
}

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await readInput(path));
}

/** What a path names on disk: its real path (links followed) and, when it exists, its device and inode. */
async function identity(path: string): Promise<{ real: string; dev?: number; ino?: number }> {
  try {
    const st = await stat(path);
    return { real: await realpath(path), dev: st.dev, ino: st.ino };
  } catch {
    // Not there yet: the real folder it would be written into.
    try {
      return { real: join(await realpath(dirname(resolve(path))), basename(path)) };
    } catch {
      return { real: resolve(path) };
    }
  }
}

/** Whether two paths name one file: the same text, a symbolic link to it, or a hard link (same device and inode). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([identity(a), identity(b)]);
  return x.real === y.real || (x.ino !== undefined && x.dev === y.dev && x.ino === y.ino);
}

/** Refuses an output that is one of the inputs under another name: the inputs are never modified. */
export async function refuseSameFile(inputs: string[], out: string): Promise<void> {
  for (const input of inputs) {
    if (await sameFile(input, out)) {
      throw new UsageError(`--out must be a different file: ${out} is ${input}${resolve(out) === resolve(input) ? "" : " under another name (a link)"}, and the input workbook is never modified`);
    }
  }
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the disk is read-only",
  EISDIR: "it is a folder",
  ENOTDIR: "part of its path is a file, not a folder",
  ENAMETOOLONG: "its name is too long for the disk",
};

/** Temporary files this process is writing: removed if it is interrupted (SIGINT, SIGTERM). */
const writing = new Set<string>();
let handlersSet = false;

function removeOnSignals(): void {
  if (handlersSet) return;
  handlersSet = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      for (const t of writing) {
        try {
          unlinkSync(t);
        } catch {
          // already gone
        }
      }
      process.exit(code);
    });
  }
}

/** Temporary names: short (a long output name still fits), and hidden where a leading dot hides a file. */
const TEMP = /^\.cpe-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Temporary files left in `dir` by runs that were killed outright (their process is gone). */
async function removeLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Writes the output beside its final name and renames it into place, so a
 * failure part-way never leaves half a file (and an earlier file of that
 * name stays as it was). The temporary file is removed on failure and on
 * Ctrl+C; one left by a run killed outright is removed by the next save into
 * that folder.
 */
export async function saveFile(path: string, data: Uint8Array): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  const temp = join(folder, `.cpe-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  removeOnSignals();
  let step = "write";
  try {
    step = "folder";
    await mkdir(folder, { recursive: true });
    step = "write";
    await removeLeftovers(folder);
    writing.add(temp);
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const why = step === "folder" && code === "ENOENT" ? `its folder ${folder} does not exist and cannot be made` : WRITE_FAILURES[code] ?? (e as Error).message;
    throw new UsageError(`cannot write ${path}: ${why}${WRITE_FAILURES[code] || step === "folder" ? ` (${code})` : ""}; nothing was written`);
  } finally {
    writing.delete(temp);
  }
}

/** The kind of file an output path names; anything but .xlsx or .xlsm is refused before any work is done. */
export function outputKind(path: string): "xlsx" | "xlsm" {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return ext.slice(1) as "xlsx" | "xlsm";
  throw new UserError("command-line", `the output ${path} must be named .xlsx (or .xlsm, for a workbook with macros): this tool writes Excel workbooks${ext ? `, not ${ext} files` : ""}`);
}
