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
  private readonly byKey = new Map<string, string>();

  constructor(private readonly zip: JSZip) {
    for (const f of Object.values(zip.files)) if (!f.dir) this.byKey.set(key(f.name), f.name);
  }

  /** The name the package stores for `name`, in whatever case it was written. */
  actual(name: string): string | null {
    return this.byKey.get(key(name)) ?? null;
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
    this.byKey.set(key(actual), actual);
    return actual;
  }

  remove(name: string): void {
    const actual = this.actual(name);
    if (actual === null) return;
    this.zip.remove(actual);
    this.byKey.delete(key(actual));
  }

  has(name: string): boolean {
    return this.byKey.has(key(name));
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
