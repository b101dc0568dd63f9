import { Deflate } from "fflate";
import { crc32 } from "./crc32";
import { hasNative } from "./native-streams";
import { blockRead } from "./xml-bytes";
import { joinBytes } from "./join-bytes";

/**
 * A part deflated as it was written: its compressed bytes (in the pieces the
 * compressor gave them), CRC and size. The product's large sheets are made
 * row block by row block and compressed as they come, so a 50,000-row table
 * never exists as one string or one buffer: only its compressed form is kept.
 */
export interface DeflatedPart {
  crc: number;
  size: number;
  chunks: Uint8Array[];
}

/** Text is encoded a block at a time; this many characters at most per block. */
const BLOCK = 1 << 20;
/** Blocks handed to the compressor and not yet taken by it, at most. */
const IN_FLIGHT = 4;
/** A part of at most this many bytes is deflated in one call when the host can (see deflatePieces). */
const SMALL = 1 << 18;

/** Each piece as bytes, long strings in blocks (a surrogate pair is never split). */
function* bytesOf(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      for (let at = 0; at < piece.length; at += BLOCK) yield piece.subarray(at, Math.min(piece.length, at + BLOCK));
      continue;
    }
    for (let at = 0; at < piece.length;) {
      let end = Math.min(piece.length, at + BLOCK);
      const last = piece.charCodeAt(end - 1);
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--;
      yield encoder.encode(piece.slice(at, end));
      at = end;
    }
  }
}

/**
 * A streaming raw-deflate compressor: bytes written in order (a write may
 * return a promise to say "wait before the next"), then all the compressed
 * bytes at the end. A compressor that can tell when it has read all of a
 * write's bytes, so they may be written over, calls its `read` then; one
 * that cannot (a web stream's write may resolve while its bytes still
 * queue) never does.
 */
export interface Compressor {
  write(bytes: Uint8Array, read: () => void): void | Promise<void>;
  end(): Promise<Uint8Array[]>;
}

/**
 * What a host may give in place of the platform's: a compressor, a one-call
 * deflate of a small part that gives the very bytes its compressor would
 * (same settings), and a (native) CRC-32.
 */
export interface HostCompression {
  compressor: () => Compressor;
  deflate?: (bytes: Uint8Array) => Uint8Array;
  crc32?: (data: Uint8Array, previous: number) => number;
}

let host: HostCompression | null = null;

/**
 * A host may give its own compression: the command line gives Node's zlib
 * at level 2, which compresses a 76 MB save in under 0.2 s where the platform's
 * CompressionStream (zlib's default level 6, which no option changes) takes
 * 0.8–0.9 s, for a file about a fifth larger (9.0 MB against 7.4), and
 * zlib's native CRC-32.
 */
export function useCompressor(given: HostCompression | null): void {
  host = given;
}

/** The platform's CompressionStream as a Compressor: a few blocks in flight, so making the next overlaps compressing the last. */
function platformCompressor(): Compressor {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
    }
  })();
  const inFlight: Promise<void>[] = [];
  const fail = (e: unknown) => {
    for (const write of inFlight) write.catch(() => undefined);
    writer.abort().catch(() => undefined);
    reading.catch(() => undefined);
    throw e;
  };
  return {
    write: async (bytes) => {
      inFlight.push(writer.write(bytes as Uint8Array<ArrayBuffer>));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift()!.catch(fail);
    },
    end: async () => {
      await Promise.all(inFlight).catch(fail);
      await writer.close();
      await reading;
      return chunks;
    },
  };
}

/**
 * Deflates the pieces in order: by the host's compressor, else the
 * platform's (CompressionStream, native code in Node 20 and current
 * browsers), else fflate's streaming deflate at level 3.
 */
export async function deflatePieces(pieces: Iterable<string | Uint8Array>, useNative = host !== null || hasNative("CompressionStream")): Promise<DeflatedPart> {
  const out: DeflatedPart = { crc: 0, size: 0, chunks: [] };
  const crc = host?.crc32 ?? crc32;
  const count = (bytes: Uint8Array) => {
    out.crc = crc(bytes, out.crc);
    out.size += bytes.length;
  };
  if (!useNative) {
    const deflater = new Deflate({ level: 3 }, (chunk) => void out.chunks.push(chunk));
    for (const bytes of bytesOf(pieces)) {
      count(bytes);
      deflater.push(bytes);
    }
    deflater.push(new Uint8Array(0), true);
    return out;
  }
  const blocks = bytesOf(pieces);
  // Most of a save's parts (charts, styles, relationships: about 70) are a few KB: each in one call, not a stream with
  // its buffers, its zlib state and its turns of the event loop. zlib's output depends only on the bytes, not on how
  // they are split into writes, so it is the same.
  const head = host?.deflate ? smallHead(blocks) : { blocks: [], all: false };
  if (head.all) {
    head.blocks.forEach(count);
    out.chunks = [host!.deflate!(head.blocks.length === 1 ? head.blocks[0] : joinBytes(head.blocks))];
    head.blocks.forEach(blockRead);
    return out;
  }
  const compressor = host ? host.compressor() : platformCompressor();
  for (const source of [head.blocks, blocks]) {
    for (const bytes of source) {
      count(bytes);
      const wait = compressor.write(bytes, () => blockRead(bytes));
      if (wait) await wait;
    }
  }
  out.chunks = await compressor.end();
  return out;
}

/** The first blocks, up to just past SMALL bytes, and whether they are all there are. */
function smallHead(blocks: Iterator<Uint8Array>): { blocks: Uint8Array[]; all: boolean } {
  const taken: Uint8Array[] = [];
  let size = 0;
  while (size <= SMALL) {
    const next = blocks.next();
    if (next.done) return { blocks: taken, all: true };
    taken.push(next.value);
    size += next.value.length;
  }
  return { blocks: taken, all: false };
}
