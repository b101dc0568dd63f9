import { Inflate } from "fflate";
import { hasNative } from "../native-streams";
import { Budget } from "./limits";
import { refuse, WorkbookFileError } from "./refusal";
import { crc32 } from "../crc32";

/**
 * The zip container of an .xlsx, read from its central directory. Parts are
 * inflated in small slices through fflate's streaming inflater, every slice
 * counted against the budget as it comes out, so a part that lies about its
 * size is stopped at the first slice past its declaration.
 * (Zip format: PKWARE APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16 and 4.5.3.)
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes per push: a slice inflates to at most ~1,032 times its size. */
const SLICE = 32 * 1024;

/** A host's own inflater: raw-deflate bytes in, inflated bytes out as they come. */
export type Inflater = (compressed: Uint8Array) => AsyncIterable<Uint8Array>;

/** A host's own CRC-32, continuing from `previous` (0 to start). */
export type Checksum = (data: Uint8Array, previous: number) => number;

let hostInflater: Inflater | null = null;
let checksum: Checksum = crc32;

/**
 * A host may give its own inflater: the command line gives Node's zlib
 * with 64 KB output chunks, where DecompressionStream gives 16 KB ones, each
 * a round trip through a web stream (the reader sat idle a tenth of its
 * time waiting for them). It may give its own CRC-32 too: Node's native one
 * checks a 50,000-row sheet in a few milliseconds, where the script's takes
 * 20–40.
 */
export function useInflater(inflater: Inflater | null, crc: Checksum | null = null): void {
  hostInflater = inflater;
  checksum = crc ?? crc32;
}

/** An error thrown by the consumer of inflated bytes, carried through the inflater untouched. */
class SinkError extends Error {
  constructor(readonly cause: unknown) {
    super("the consumer of a part failed");
  }
}

export class ZipPackage {
  /** Entries by lower-case name: part names are compared case-insensitively (ECMA-376 Part 2, §6.2.2.3). */
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly data: Uint8Array, readonly entries: ZipEntry[]) {
    for (const e of entries) {
      // Two parts of one name (in any case): which a program reads is a matter of chance, so none is read.
      if (this.byName.has(e.name.toLowerCase()) && !e.name.endsWith("/")) throw refuse({ kind: "duplicate-part", part: e.name });
      this.byName.set(e.name.toLowerCase(), e);
    }
  }

  static open(data: Uint8Array): ZipPackage {
    return new ZipPackage(data, centralDirectory(data));
  }

  /** The entry for a part name, in any case, with or without a leading "/". */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** A part's bytes as stored in the zip (compressed), for copying into another package unchanged. */
  raw(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    const at = entry.headerOffset;
    if (at + 30 > this.data.length || view.getUint32(at, true) !== LOCAL) throw refuse({ kind: "zip-damaged" });
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.data.length) throw refuse({ kind: "zip-damaged" });
    return this.data.subarray(start, start + entry.compressedSize);
  }

  /** A whole part's bytes, inflated within the budget (for parts the caller needs whole). */
  async bytes(entry: ZipEntry, budget: Budget): Promise<Uint8Array> {
    // The inflater never gives more than the entry declares (it is refused first), nor less (refused after).
    const out = new Uint8Array(entry.size);
    let at = 0;
    await this.inflate(entry, budget, (bytes) => {
      out.set(bytes, at);
      at += bytes.length;
    });
    return out;
  }

  /** Inflate a part slice by slice into `sink`, within the budget. */
  async inflate(entry: ZipEntry, budget: Budget, sink: (bytes: Uint8Array) => void): Promise<void> {
    readable(entry);
    budget.declared(entry.name, entry.size);
    const compressed = this.raw(entry);
    const start = compressed.byteOffset - this.data.byteOffset;
    const end = start + compressed.length;
    let total = 0;
    let crc = 0;
    // What the sink throws (a part that is not well-formed XML) is the sink's to say, never a broken zip.
    const take = (bytes: Uint8Array) => {
      total += bytes.length;
      budget.inflate(entry.name, bytes.length, total, entry.size);
      crc = checksum(bytes, crc);
      if (bytes.length) {
        try {
          sink(bytes);
        } catch (e) {
          throw new SinkError(e);
        }
      }
    };
    try {
      await this.inflateWith(entry, start, end, compressed, take, budget);
    } catch (e) {
      throw e instanceof SinkError ? e.cause : e;
    }
    if (total !== entry.size) throw refuse({ kind: "size-mismatch", part: entry.name, declared: entry.size, fileBytes: budget.fileBytes });
    // The zip's checksum of each part: a part changed after it was written (a damaged copy, a bad disk) is never read as data.
    if (crc !== entry.crc) throw refuse({ kind: "bad-checksum", part: entry.name });
  }

  private async inflateWith(entry: ZipEntry, start: number, end: number, compressed: Uint8Array, take: (bytes: Uint8Array) => void, budget: Budget): Promise<void> {
    if (entry.method === 0) {
      for (let p = start; p < end; p += SLICE) {
        take(this.data.subarray(p, Math.min(end, p + SLICE)));
        await budget.pause();
      }
    } else if (hostInflater) {
      try {
        for await (const chunk of hostInflater(compressed)) {
          take(chunk);
          await budget.pause();
        }
      } catch (e) {
        if (e instanceof WorkbookFileError || e instanceof SinkError) throw e;
        throw refuse({ kind: "zip-damaged" });
      }
    } else if (hasNative("DecompressionStream")) {
      await this.inflateNatively(compressed, take, budget);
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      try {
        for (let p = start; p < end; p += SLICE) {
          inflater.push(this.data.subarray(p, Math.min(end, p + SLICE)), p + SLICE >= end);
          await budget.pause();
        }
        if (start === end) inflater.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof WorkbookFileError || e instanceof SinkError) throw e;
        throw refuse({ kind: "zip-damaged" });
      }
    }
  }

  /**
   * The platform's own inflater (DecompressionStream: Node 20, current
   * browsers), several times faster than inflating in JavaScript; output is
   * still taken chunk by chunk, counted, and the stream cancelled at the first
   * chunk over a limit.
   */
  private async inflateNatively(compressed: Uint8Array, take: (bytes: Uint8Array) => void, budget: Budget): Promise<void> {
    const stream = new DecompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const ignore = () => undefined;
    void (async () => {
      for (let p = 0; p < compressed.length; p += SLICE) {
        await writer.ready;
        writer.write(compressed.subarray(p, Math.min(compressed.length, p + SLICE)) as Uint8Array<ArrayBuffer>).catch(ignore);
      }
      await writer.close();
    })().catch(ignore);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
        await budget.pause();
      }
    } catch (e) {
      reader.cancel().catch(ignore);
      writer.abort().catch(ignore);
      if (e instanceof WorkbookFileError || e instanceof SinkError) throw e;
      throw refuse({ kind: "zip-damaged" });
    }
  }
}

function centralDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse({ kind: "zip-damaged" });
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(eocd - 12);
    if (at + 56 > data.length || u32(at) !== EOCD64) throw refuse({ kind: "zip-damaged" });
    count = u64(at + 32);
    offset = u64(at + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  const latin1 = new TextDecoder("latin1");
  const utf8 = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(p) !== CENTRAL) throw refuse({ kind: "zip-damaged" });
    const flags = u16(p + 8);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes).replace(/\\/g, "/"),
      method: u16(p + 10),
      flags,
      crc: u32(p + 16),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      headerOffset: u32(p + 42),
    };
    zip64Sizes(view, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + u16(p + 32);
  }
  return entries;
}

/** Sizes and offsets too big for 32 bits live in the Zip64 extra field, in this order. */
function zip64Sizes(view: DataView, at: number, length: number, e: ZipEntry): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let q = at + 4;
      const next = () => {
        const v = view.getUint32(q, true) + view.getUint32(q + 4, true) * 2 ** 32;
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff && q + 8 <= at + 4 + len) e.size = next();
      if (e.compressedSize === 0xffffffff && q + 8 <= at + 4 + len) e.compressedSize = next();
      if (e.headerOffset === 0xffffffff && q + 8 <= at + 4 + len) e.headerOffset = next();
      return;
    }
    at += 4 + len;
  }
}

/** Checks an entry can be read at all: not zip-encrypted, and stored or deflated as Excel writes. */
function readable(e: ZipEntry): void {
  if (e.flags & 0x1) throw refuse({ kind: "zip-encrypted" });
  if (e.method !== 0 && e.method !== 8) throw refuse({ kind: "zip-method", part: e.name });
}
