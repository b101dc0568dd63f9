import * as zlib from "zlib";
import { once } from "events";
import { useCompressor, Compressor, HostCompression } from "../workbook/xlsx/deflated-part";
import { useInflater } from "../workbook/xlsx/reader/zip";
import { joinBytes } from "../workbook/xlsx/join-bytes";

/**
 * Deflate level for the files the command line writes. On a 50,000-row
 * save's 76 MB of sheet XML: level 6 (zlib's default, and CompressionStream's)
 * 0.82–0.91 s for 7.4 MB, level 3 0.29 s for 8.6 MB, level 2 0.17–0.19 s for
 * 9.0 MB, level 1 0.20 s for 9.5 MB.
 */
const LEVEL = 2;

/**
 * Node's zlib stream, written to directly: it compresses on libuv's threads
 * while the next block is made, with none of a web stream's promise per
 * chunk. Each block it finishes, and each chunk of output, needs a turn of
 * the event loop, so every write gives it one (setImmediate) and output
 * comes a megabyte at a time: with zlib's 16 KB chunks and no turns it fell
 * behind the making of the sheets, and the save waited on "drain" 0.12–0.18 s
 * at 50,000 rows. A few megabytes may queue before a write waits.
 */
function zlibCompressor(): Compressor {
  // (zlib passes stream options on to its Transform; ZlibOptions does not declare them.)
  const z = zlib.createDeflateRaw({ level: LEVEL, writableHighWaterMark: 4 << 20, chunkSize: 1 << 20 } as zlib.ZlibOptions);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  z.on("data", (c: Buffer) => void chunks.push(c));
  z.on("error", (e) => void (failure = e));
  const ended = once(z, "end");
  ended.catch(() => undefined); // the failure is thrown by write or end
  return {
    write: (bytes, read) => {
      if (failure) throw failure;
      // A write's callback comes once zlib has taken in all of the bytes (into its own window), not before.
      const queued = z.write(bytes, (e) => void (e || read()));
      return queued ? new Promise((resolve) => setImmediate(resolve)) : once(z, "drain").then(() => undefined);
    },
    end: async () => {
      z.end();
      await ended;
      if (failure) throw failure;
      return releaseLastBuffer(chunks);
    },
  };
}

/**
 * A small part deflated in one call, at the stream's level (and zlib's other
 * defaults, as the stream's): the same bytes. The result, a view of a 16 KB
 * buffer when it is one, is copied out when it fills less than a quarter of
 * it, as releaseLastBuffer does.
 */
function zlibDeflate(bytes: Uint8Array): Uint8Array {
  const out = zlib.deflateRawSync(bytes, { level: LEVEL });
  return out.byteLength * 4 < out.buffer.byteLength ? new Uint8Array(out) : out;
}

/**
 * zlib's output chunks are views of its 1 MB output buffers, each buffer
 * filled before the next is made, so only the last can be mostly empty: its
 * views are copied out when they fill less than a quarter of it, so that a
 * small part does not keep a megabyte. (Copying every small view, as they
 * came, copied nearly the whole output: most views are small.)
 */
function releaseLastBuffer(chunks: Uint8Array[]): Uint8Array[] {
  const last = chunks.at(-1);
  if (!last) return chunks;
  let first = chunks.length - 1;
  while (first > 0 && chunks[first - 1].buffer === last.buffer) first--;
  let bytes = 0;
  for (let i = first; i < chunks.length; i++) bytes += chunks[i].byteLength;
  if (bytes * 4 >= last.buffer.byteLength) return chunks;
  return [...chunks.slice(0, first), joinBytes(chunks.slice(first))];
}

/**
 * A part inflated by Node's zlib, 64 KB of output at a time, one chunk
 * ahead of the reader (the stream's backpressure): the reader counts every
 * chunk against its limits, and stopping early destroys the stream. (A
 * megabyte at a time was slower and took 40 MB more: the text decoded from
 * each chunk is then large enough to go straight to V8's old generation.)
 */
async function* zlibInflate(compressed: Uint8Array): AsyncGenerator<Uint8Array> {
  const z = zlib.createInflateRaw({ chunkSize: 64 << 10 });
  z.end(compressed);
  for await (const chunk of z) yield chunk as Buffer;
}

/** Node's CRC-32 (Node 20.15+), if it has one. */
function nativeCrc32(): ((data: Uint8Array, previous: number) => number) | undefined {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? (data: Uint8Array, previous: number) => native(data, previous) : undefined;
}

/** Node's zlib as the save's compression: its stream, its one-call deflate for small parts, its CRC-32. */
export function nodeCompression(): HostCompression {
  return { compressor: zlibCompressor, deflate: zlibDeflate, crc32: nativeCrc32() };
}

/**
 * Node's zlib for every file the command line reads and saves: inflating in
 * larger chunks than DecompressionStream's; deflating at a faster level than
 * CompressionStream's fixed default; and its CRC-32.
 */
export function useNodeZlib(): void {
  useInflater(zlibInflate, nativeCrc32());
  useCompressor(nodeCompression());
}
