import { ZipPackage, ZipEntry } from "./reader/zip";
import { Budget } from "./reader/limits";

/** One part of a package being edited: read as text or bytes. */
export interface StoredPart {
  dir: boolean;
  async(type: "string"): Promise<string>;
  async(type: "uint8array"): Promise<Uint8Array>;
}

/**
 * What the splice needs of a package being edited: its parts by stored
 * name, read, written and removed. JSZip has this shape (tests hand it a
 * JSZip); the save hands it a PackageEdit.
 */
export interface EditablePackage {
  files: Record<string, StoredPart>;
  file(name: string): StoredPart | null;
  file(name: string, content: string | Uint8Array, options?: { createFolders?: boolean }): unknown;
  remove(name: string): unknown;
}

// The council's parts are read as they are: a byte-order mark is kept, as the part had it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/** A part as stored in the package opened, inflated only if it is read. */
class OriginalPart implements StoredPart {
  readonly dir: boolean;

  constructor(private readonly zip: ZipPackage, private readonly entry: ZipEntry, private readonly budget: Budget) {
    this.dir = entry.name.endsWith("/");
  }

  async(type: "string"): Promise<string>;
  async(type: "uint8array"): Promise<Uint8Array>;
  async async(type: "string" | "uint8array"): Promise<string | Uint8Array> {
    const bytes = await this.zip.bytes(this.entry, this.budget);
    return type === "string" ? decoder.decode(bytes) : bytes;
  }
}

/** A part the edit wrote. */
class WrittenPart implements StoredPart {
  readonly dir = false;

  constructor(private readonly content: string | Uint8Array) {}

  async(type: "string"): Promise<string>;
  async(type: "uint8array"): Promise<Uint8Array>;
  async async(type: "string" | "uint8array"): Promise<string | Uint8Array> {
    const c = this.content;
    if (type === "string") return typeof c === "string" ? c : decoder.decode(c);
    return typeof c === "string" ? encoder.encode(c) : c;
  }
}

/**
 * The package as opened, for the splice to edit: the zip's central
 * directory only, each part inflated (natively, within the read limits) if
 * and when the splice reads it. In place of JSZip, which read every byte of
 * the file to load it and inflated in JavaScript, and whose loading alone was
 * a fair part of a large save.
 */
export class PackageEdit implements EditablePackage {
  readonly files: Record<string, StoredPart> = {};

  constructor(zip: ZipPackage, budget: Budget) {
    for (const e of zip.entries) if (!(e.name in this.files)) this.files[e.name] = new OriginalPart(zip, e, budget);
  }

  file(name: string): StoredPart | null;
  file(name: string, content: string | Uint8Array): this;
  file(name: string, content?: string | Uint8Array): StoredPart | null | this {
    if (content === undefined) {
      const part = this.files[name];
      return part && !part.dir ? part : null;
    }
    this.files[name] = new WrittenPart(content);
    return this;
  }

  remove(name: string): this {
    delete this.files[name];
    return this;
  }
}
