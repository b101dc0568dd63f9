import { Budget } from "./limits";
import { ZipPackage, ZipEntry } from "./zip";
import { scanPart, attr } from "./xml";
import { refuse } from "./refusal";

export interface Relationship {
  id: string;
  /** The type's last segment ("worksheet", "sharedStrings"), the same in transitional and strict packages. */
  type: string;
  /** The target part, resolved against the source part; "" for external targets. */
  target: string;
}

/** A part's path from a relationship target, which is relative to the source part unless it starts with "/". */
export function resolveTarget(from: string, target: string): string {
  const path = decodeURI(target.split("#")[0]);
  if (path.startsWith("/")) return path.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPartOf(part: string): string {
  return part.replace(/([^/]*)$/, "_rels/$1.rels");
}

/** A package being read: its parts by name in any case, read within one budget. */
export class PackageReader {
  constructor(readonly zip: ZipPackage, readonly budget: Budget) {}

  part(name: string): ZipEntry | undefined {
    return this.zip.entry(name);
  }

  /** The relationships of a part (none when it has no relationships part). */
  async relationships(part: string): Promise<Relationship[]> {
    const entry = this.zip.entry(relsPartOf(part));
    if (!entry) return [];
    const out: Relationship[] = [];
    await scanPart(this.zip, entry, this.budget, {
      open: (local, attrs) => {
        if (local !== "Relationship") return;
        const external = attr(attrs, "TargetMode") === "External";
        const target = attr(attrs, "Target") ?? "";
        let resolved = "";
        try {
          resolved = external ? "" : resolveTarget(part, target);
        } catch {
          resolved = "";
        }
        out.push({ id: attr(attrs, "Id") ?? "", type: (attr(attrs, "Type") ?? "").replace(/.*\//, ""), target: resolved });
      },
      close: () => undefined,
    });
    return out;
  }

  /** The workbook part, found as Excel finds it: through the package's officeDocument relationship. */
  async workbookPart(): Promise<ZipEntry> {
    const main = (await this.relationships("")).find((r) => r.type === "officeDocument");
    const entry = main ? this.zip.entry(main.target) : this.zip.entry("xl/workbook.xml");
    if (entry) {
      if (/\.bin$/i.test(entry.name)) throw refuse({ kind: "xlsb" });
      return entry;
    }
    if (this.zip.entry("xl/workbook.bin")) throw refuse({ kind: "xlsb" });
    if (this.zip.entry("mimetype") && this.zip.entry("content.xml")) throw refuse({ kind: "ods" });
    if (main) throw refuse({ kind: "missing-part", part: main.target });
    throw refuse({ kind: "not-spreadsheet" });
  }
}
