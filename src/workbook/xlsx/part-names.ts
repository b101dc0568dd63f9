import JSZip from "jszip";
import { attr, elements, resolvePart, relsPath } from "./xml-text";

/**
 * Package part names compare without regard to case (ECMA-376 Part 2, Open
 * Packaging Conventions, §6.2.2.3 "Part name equivalence"): "Sheet1.xml" and
 * "sheet1.xml" are the same part, and "_rels/sheet1.xml.rels" belongs to
 * "Sheet1.xml". JSZip compares names exactly, so every lookup the splice and
 * the package inspection make goes through here.
 */
export class PartNames {
  constructor(private readonly zip: JSZip) {}

  /** The name the package stores for `name`, in whatever case it was written (looked up afresh: other writers add parts). */
  actual(name: string): string | null {
    const exact = this.zip.files[name];
    if (exact && !exact.dir) return name;
    const k = key(name);
    return Object.keys(this.zip.files).find((n) => !this.zip.files[n].dir && key(n) === k) ?? null;
  }

  file(name: string): JSZip.JSZipObject | null {
    const actual = this.actual(name);
    return actual === null ? null : this.zip.file(actual);
  }

  async text(name: string): Promise<string | null> {
    const f = this.file(name);
    return f ? f.async("string") : null;
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

export function key(name: string): string {
  return name.toLowerCase();
}

export function samePart(a: string, b: string): boolean {
  return key(a) === key(b);
}
