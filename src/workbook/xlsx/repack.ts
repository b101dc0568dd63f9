import { EditablePackage, StoredPart } from "./package-edit";
import { Zip, ZipInputFile, AsyncFlateStreamHandler } from "fflate";
import { ZipPackage } from "./reader/zip";
import { DeflatedPart, deflatePieces } from "./deflated-part";
import { joinBytes } from "./join-bytes";

/**
 * Writes the spliced package: every part the splice left alone is copied as
 * the compressed bytes it had in the input (with its CRC and sizes, so it is
 * byte for byte the council's part, never inflated); the parts the splice
 * compressed as it wrote them (`deflated`) go in as they are; the other
 * parts the product wrote are deflated, one at a time (and dropped from
 * `zip` as they are, to free their text). fflate writes the zip around them.
 */
export async function repack(input: ZipPackage, zip: EditablePackage, untouched: (name: string, file: StoredPart) => boolean, deflated = new Map<string, DeflatedPart>()): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const out = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const add = (filename: string, crc: number, size: number, compression: number, data: Uint8Array[]) => {
    const file: ZipInputFile = { filename, crc, size, compression };
    out.add(file);
    const ondata = file.ondata as AsyncFlateStreamHandler;
    if (!data.length) ondata(null, new Uint8Array(0), true);
    data.forEach((chunk, i) => ondata(null, chunk as Uint8Array<ArrayBuffer>, i === data.length - 1));
  };
  for (const [name, file] of Object.entries(zip.files)) {
    const original = input.entry(name);
    const ready = deflated.get(name);
    if (ready) {
      zip.remove(name);
      add(name, ready.crc, ready.size, 8, ready.chunks);
    } else if (original && original.name === name && untouched(name, file)) {
      add(name, original.crc, original.size, original.method, [input.raw(original)]);
    } else if (!file.dir) {
      // The product's other parts are XML text: taken as the string it wrote.
      const part = await deflatePieces([/\.(xml|rels)$/i.test(name) ? await file.async("string") : await file.async("uint8array")]);
      zip.remove(name);
      add(name, part.crc, part.size, 8, part.chunks);
    }
  }
  out.end();
  if (failure) throw failure;
  return joinBytes(chunks);
}
