import type JSZip from "jszip";
import { Zip, ZipInputFile, AsyncFlateStreamHandler, deflateSync } from "fflate";
import { ZipPackage } from "./reader/zip";
import { crc32 } from "./crc32";

function nativeDeflate(): boolean {
  try {
    return typeof CompressionStream === "function" && !!new CompressionStream("deflate-raw");
  } catch {
    return false;
  }
}

/**
 * Deflated bytes: by the platform's own compressor (CompressionStream, in
 * Node 20 and current browsers) where there is one — native code, several
 * times faster than deflate in JavaScript — otherwise by fflate.
 */
async function deflate(bytes: Uint8Array, native: boolean): Promise<Uint8Array> {
  if (!native) return deflateSync(bytes, { level: 3 });
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/**
 * Writes the spliced package: every part the splice left alone is copied as
 * the compressed bytes it had in the input (with its CRC and sizes, so it is
 * byte for byte the council's part, never inflated), and only the parts the
 * product wrote are deflated, one at a time (and dropped from `zip` as they
 * are, to free their text). fflate writes the zip around them.
 */
export async function repack(input: ZipPackage, zip: JSZip, untouched: (name: string, file: JSZip.JSZipObject) => boolean): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const out = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const add = (filename: string, crc: number, size: number, compression: number, data: Uint8Array) => {
    const file: ZipInputFile = { filename, crc, size, compression };
    out.add(file);
    (file.ondata as AsyncFlateStreamHandler)(null, data as Uint8Array<ArrayBuffer>, true);
  };
  const native = nativeDeflate();
  for (const [name, file] of Object.entries(zip.files)) {
    const original = input.entry(name);
    if (original && original.name === name && untouched(name, file)) {
      add(name, original.crc, original.size, original.method, input.raw(original));
    } else if (!file.dir) {
      // The product's parts are XML text: taken as the string it wrote, encoded natively.
      const bytes = /\.(xml|rels)$/i.test(name) ? new TextEncoder().encode(await file.async("string")) : await file.async("uint8array");
      zip.remove(name);
      add(name, crc32(bytes), bytes.length, 8, await deflate(bytes, native));
    }
  }
  out.end();
  if (failure) throw failure;
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return data;
}
