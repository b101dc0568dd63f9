import type JSZip from "jszip";
import { Zip, ZipPassThrough, ZipDeflate, ZipInputFile, AsyncFlateStreamHandler, FlateError } from "fflate";
import { ZipPackage } from "./reader/zip";

/**
 * Deflates with the platform's own compressor (CompressionStream, in Node 20
 * and current browsers) where there is one: native code, several times
 * faster than deflate in JavaScript. fflate computes the part's CRC and
 * writes the zip around it; this class only supplies the compressed bytes.
 */
class NativeDeflate extends ZipPassThrough {
  private readonly parts: Uint8Array[] = [];
  private settle: () => void = () => undefined;
  /** Resolves when the part's compressed bytes have been handed to the zip. */
  readonly written = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(name: string) {
    super(name);
    this.compression = 8;
  }

  protected process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.parts.push(chunk);
    if (!final) return;
    const stream = new CompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    for (const p of this.parts) void writer.write(p as Uint8Array<ArrayBuffer>);
    void writer.close();
    this.parts.length = 0;
    new Response(stream.readable).arrayBuffer().then(
      (out) => this.ondata(null, new Uint8Array(out), true),
      (e: Error) => this.ondata(Object.assign(e, { code: 0 }) as FlateError, new Uint8Array(0), true),
    ).finally(() => this.settle());
  }
}

function nativeDeflate(): boolean {
  try {
    return typeof CompressionStream === "function" && !!new CompressionStream("deflate-raw");
  } catch {
    return false;
  }
}

/**
 * Writes the spliced package: every part the splice left alone is copied as
 * the compressed bytes it had in the input (with its CRC and sizes, so it is
 * byte for byte the council's part, never inflated), and only the parts the
 * product wrote are deflated (and dropped from `zip` as they are, to free their text).
 */
export async function repack(input: ZipPackage, zip: JSZip, untouched: (name: string, file: JSZip.JSZipObject) => boolean): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const native = nativeDeflate();
  let out!: Zip;
  const done = new Promise<void>((resolve, reject) => {
    out = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      chunks.push(chunk);
      if (final) resolve();
    });
  });
  for (const [name, file] of Object.entries(zip.files)) {
    const original = input.entry(name);
    if (original && original.name === name && untouched(name, file)) {
      const copy: ZipInputFile = { filename: name, crc: original.crc, size: original.size, compression: original.method };
      out.add(copy);
      (copy.ondata as AsyncFlateStreamHandler)(null, input.raw(original) as Uint8Array<ArrayBuffer>, true);
    } else if (!file.dir) {
      // The product's parts are XML text: taken as the string it wrote, encoded natively.
      const bytes = /\.(xml|rels)$/i.test(name) ? new TextEncoder().encode(await file.async("string")) : await file.async("uint8array");
      // One new part in memory at a time: the text is dropped once encoded, the bytes once compressed.
      zip.remove(name);
      const part = native ? new NativeDeflate(name) : new ZipDeflate(name, { level: 3 });
      out.add(part);
      part.push(bytes, true);
      if (part instanceof NativeDeflate) await part.written;
    }
  }
  out.end();
  await done;
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return data;
}
