import { EditablePackage, StoredPart } from "./package-edit";
import { attr, elements, resolvePart, relsPath } from "./xml-text";

/** What looking parts up needs of a package: its stored part names (not folders), and a stored part's text. */
export interface PackageFiles {
  names(): string[];
  /** A stored part's text. */
  text(stored: string): Promise<string>;
  /** Whether `stored` is a stored name exactly as given (a quick check before the search in any case). */
  exists(stored: string): boolean;
}

/** A package being edited as PackageFiles. */
export function editedFiles(zip: EditablePackage): PackageFiles {
  return {
    names: () => Object.keys(zip.files).filter((n) => !zip.files[n].dir),
    text: (stored) => zip.file(stored)!.async("string"),
    exists: (stored) => !!zip.files[stored] && !zip.files[stored].dir,
  };
}

/**
 * Package part names compare without regard to case (ECMA-376 Part 2, Open
 * Packaging Conventions, §6.2.2.3 "Part name equivalence"): "Sheet1.xml" and
 * "sheet1.xml" are the same part, and "_rels/sheet1.xml.rels" belongs to
 * "Sheet1.xml". Zip libraries compare names exactly, so every lookup the
 * splice and the package inspection make goes through here.
 */
export class PartLookup {
  constructor(protected readonly files: PackageFiles) {}

  /** The name the package stores for `name`, in whatever case it was written (looked up afresh: other writers add parts). */
  actual(name: string): string | null {
    if (this.files.exists(name)) return name;
    const k = key(name);
    return this.files.names().find((n) => key(n) === k) ?? null;
  }

  async text(name: string): Promise<string | null> {
    const actual = this.actual(name);
    return actual === null ? null : this.files.text(actual);
  }

  has(name: string): boolean {
    return this.actual(name) !== null;
  }

  /** A part's relationships ("" for the package's own): type, target resolved to the stored part name (external targets left out). */
  async rels(part: string): Promise<{ id: string; type: string; target: string }[]> {
    const xml = await this.text(part ? relsPath(part) : "_rels/.rels");
    if (xml === null) return [];
    return elements(xml, "Relationship").map((r) => {
      const external = attr(r, "TargetMode") === "External";
      const target = external ? "" : resolvePart(part, attr(r, "Target") ?? "");
      return { id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: external ? "" : this.actual(target) ?? target };
    });
  }
}

/** Part lookup over a package being edited, with the edits the splice makes. */
export class PartNames extends PartLookup {
  constructor(private readonly zip: EditablePackage) {
    super(editedFiles(zip));
  }

  file(name: string): StoredPart | null {
    const actual = this.actual(name);
    return actual === null ? null : this.zip.file(actual);
  }

  /** Writes a part, replacing one of the same name in any case (keeping the stored case). */
  write(name: string, content: string | Uint8Array): string {
    const actual = this.actual(name) ?? name;
    this.zip.file(actual, content);
    return actual;
  }

  remove(name: string): void {
    const actual = this.actual(name);
    if (actual !== null) this.zip.remove(actual);
  }
}

export function key(name: string): string {
  return name.toLowerCase();
}

export function samePart(a: string, b: string): boolean {
  return key(a) === key(b);
}
