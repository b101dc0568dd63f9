/**
 * A part's bytes decoded chunk by chunk into text, as one streaming
 * TextDecoder would decode them. UTF-8 (nearly every part) is decoded a
 * whole chunk at a time rather than as a stream, holding back only a
 * character cut by the chunk's end: Node's streaming TextDecoder goes through
 * ICU and gives every chunk as a two-byte string, where a whole decode takes
 * a quarter of the time and gives ASCII text as one-byte strings (half the
 * memory, scanned faster, and so are the shared strings and text cells cut
 * from it). Browsers decode either way alike.
 */
export interface TextChunks {
  write(bytes: Uint8Array): string;
  /** What is left at the end of the part (a character cut short reads as U+FFFD, as a stream's end gives it). */
  end(): string;
}

/** The decoder for a part whose first bytes are `head`: the encoding its byte-order mark or XML declaration says, else UTF-8. */
export function textChunks(head: Uint8Array): TextChunks {
  if (head[0] === 0xff && head[1] === 0xfe) return streamed(new TextDecoder("utf-16le"));
  if (head[0] === 0xfe && head[1] === 0xff) return streamed(new TextDecoder("utf-16be"));
  const decl = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder("latin1").decode(head.subarray(0, 200)));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(decl?.[1] ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.encoding === "utf-8" ? new Utf8Chunks() : streamed(decoder);
}

function streamed(decoder: TextDecoder): TextChunks {
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/** Bytes in a UTF-8 sequence by its first byte (0 for a byte that starts none). */
function sequenceLength(b: number): number {
  return b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;
}

/**
 * Where the last complete character of `bytes` ends: before a sequence
 * that the end cuts short. Cutting there, at a byte that starts a sequence,
 * gives what a stream gives, malformed bytes and all: a stream's decoder
 * starts afresh at such a byte whatever came before it.
 */
function completeUpTo(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = n - 1; k >= 0 && k >= n - 3; k--) {
    const b = bytes[k];
    if ((b & 0xc0) !== 0x80) return sequenceLength(b) > n - k ? k : n;
  }
  return n;
}

class Utf8Chunks implements TextChunks {
  /** Each chunk's byte-order mark is kept: only the part's first is dropped (in `text`). */
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private cut: Uint8Array | null = null;
  private started = false;

  write(bytes: Uint8Array): string {
    if (this.cut) {
      const joined = new Uint8Array(this.cut.length + bytes.length);
      joined.set(this.cut);
      joined.set(bytes, this.cut.length);
      bytes = joined;
      this.cut = null;
    }
    const to = completeUpTo(bytes);
    if (to < bytes.length) this.cut = bytes.slice(to);
    return this.text(this.decoder.decode(bytes.subarray(0, to)));
  }

  end(): string {
    const cut = this.cut;
    this.cut = null;
    return cut ? this.text(this.decoder.decode(cut)) : "";
  }

  private text(s: string): string {
    if (this.started || !s) return s;
    this.started = true;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
}
