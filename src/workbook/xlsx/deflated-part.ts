import { Deflate } from "fflate";
import { crc32 } from "./crc32";
import { hasNative } from "./native-streams";

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
 * Deflates the pieces in order: by the platform's compressor
 * (CompressionStream, native code in Node 20 and current browsers) where
 * there is one, otherwise by fflate's streaming deflate; level 3 in fflate
 * (a little larger, several times quicker than the default).
 */
export async function deflatePieces(pieces: Iterable<string | Uint8Array>, useNative = hasNative("CompressionStream")): Promise<DeflatedPart> {
  const out: DeflatedPart = { crc: 0, size: 0, chunks: [] };
  const count = (bytes: Uint8Array) => {
    out.crc = crc32(bytes, out.crc);
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
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.chunks.push(value);
    }
  })();
  // A few blocks in flight, so making the next overlaps compressing the last, and the text is never all queued at once.
  const inFlight: Promise<void>[] = [];
  try {
    for (const bytes of bytesOf(pieces)) {
      count(bytes);
      inFlight.push(writer.write(bytes as Uint8Array<ArrayBuffer>));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    await writer.close();
  } catch (e) {
    for (const write of inFlight) write.catch(() => undefined);
    writer.abort().catch(() => undefined);
    reading.catch(() => undefined);
    throw e;
  }
  await reading;
  return out;
}
