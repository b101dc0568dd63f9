/**
 * The save writes the zip itself: the council's parts must come out byte for
 * byte, and every part's checksum must be the one a zip reader checks.
 */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { SAMPLE } from "../helpers/workbooks";
import { crc32 } from "../../src/workbook/xlsx/crc32";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";

describe("the spliced save's zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new TextEncoder().encode("a"))).toBe(0xe8b7be43);
  });

  it("keeps every part it did not write byte for byte, and every checksum checks", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const wb = await XlsxWorkbook.open(input);
    await summarise(wb);
    const { data, method } = await wb.save();
    expect(method).toBe("spliced");
    const before = await JSZip.loadAsync(input);
    const after = await JSZip.loadAsync(data, { checkCRC32: true });
    const written = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
    for (const [name, file] of Object.entries(before.files)) {
      if (file.dir || written.has(name)) continue;
      expect({ name, same: Buffer.from(await after.file(name)!.async("uint8array")).equals(Buffer.from(await file.async("uint8array"))) }).toEqual({ name, same: true });
    }
    for (const file of Object.values(after.files)) if (!file.dir) await file.async("uint8array"); // throws on a wrong CRC
  });
});
