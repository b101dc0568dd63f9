/** The size of a block. */
const BLOCK = 1 << 18;

/**
 * Blocks handed out that the compressor has not yet said it has read, and
 * blocks it has read, ready to be written again: a save's sheets then write
 * into the same few megabytes, not into 76 MB of new memory (each page of
 * which the system must find and clear, and the collector then free).
 */
const lent = new WeakSet<ArrayBuffer>();
const spare: ArrayBuffer[] = [];
/** More than a compressor's queue of blocks is never kept. */
const MOST_SPARE = 32;

/**
 * Says the compressor has read `bytes`, a block XmlBytes handed out: it may
 * be written again. Anything else (a council's bytes passed through, a
 * block already given back) is left alone.
 */
export function blockRead(bytes: Uint8Array): void {
  if (lent.delete(bytes.buffer as ArrayBuffer) && spare.length < MOST_SPARE) spare.push(bytes.buffer as ArrayBuffer);
}

const TEN_TO = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * ASCII text as bytes, made once for markup written over and over (a
 * cell's opening, `<v>`): copying bytes is faster than reading a string's
 * characters (a third less time on a sheet's markup).
 */
export function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** ASCII characters a cell's text cannot hold as they are: controls, markup, and "_" (which may start an _xHHHH_ escape). */
const NOT_PLAIN = new Uint8Array(128);
for (let c = 0; c < 32; c++) NOT_PLAIN[c] = 1;
for (const c of "&<>\"'_") NOT_PLAIN[c.charCodeAt(0)] = 1;

/** White space first or last (tabs and line breaks are NOT_PLAIN already). */
const SPACE_AT_AN_END = /^\s|\s$/;

/**
 * XML written straight into UTF-8 bytes, block by block: the product's large
 * sheets are a million small strings of markup, and joining them into
 * strings, then encoding those, made several copies of every character and
 * most of a save's garbage. Here each character is written once, into a
 * block that goes to the compressor when it fills. A block handed out is
 * written again only once the compressor says it has read it (blockRead).
 */
export class XmlBytes {
  /** None until the first write. */
  private block = new Uint8Array(0);
  private at = 0;
  private done: Uint8Array[] = [];

  /** Room for `n` more bytes in the current block. */
  private room(n: number): void {
    if (this.at + n <= this.block.length) return;
    this.finishBlock();
    if (n > BLOCK) this.block = new Uint8Array(n);
    else {
      this.block = new Uint8Array(spare.pop() ?? new ArrayBuffer(BLOCK));
      lent.add(this.block.buffer);
    }
  }

  /** The block written so far goes to those taken; the next write starts another. */
  private finishBlock(): void {
    if (this.at > 0) this.done.push(this.block.subarray(0, this.at));
    this.block = new Uint8Array(0);
    this.at = 0;
  }

  /** Text every character of which is ASCII: markup, references, numbers. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.block;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Bytes made by asciiBytes. */
  bytes(s: Uint8Array): void {
    const n = s.length;
    this.room(n);
    const b = this.block;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = s[i];
    this.at = at;
  }

  /** Any text as UTF-8; a lone surrogate (which XML cannot hold, and callers have removed) would be written as U+FFFD. */
  utf8(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.block;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            i++;
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            b[at++] = 0xf0 | (c >> 18);
            b[at++] = 0x80 | ((c >> 12) & 63);
            b[at++] = 0x80 | ((c >> 6) & 63);
            b[at++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      }
    }
    this.at = at;
  }

  /**
   * `open`, `text` and `close` (the first and last made by asciiBytes) when `text` can
   * stand in a cell as it is: none of NOT_PLAIN, no surrogate (XML may not
   * hold a lone one, and a pair is rare), no U+FFFE or U+FFFF, and no white
   * space at either end (which needs xml:space). Otherwise nothing is
   * written and false is returned. One pass both checks and writes the
   * usual text, where a test and then the writing took two.
   */
  plainText(open: Uint8Array, text: string, close: Uint8Array): boolean {
    const n = text.length;
    if (n > 0) {
      // Its ends, here rather than in functions of their own: this runs for most cells of a large sheet.
      const first = text.charCodeAt(0);
      const last = text.charCodeAt(n - 1);
      if (first === 32 || last === 32 || ((first > 127 || last > 127) && SPACE_AT_AN_END.test(text))) return false;
    }
    this.room(open.length + n * 3 + close.length);
    const b = this.block;
    let at = this.at;
    for (let i = 0; i < open.length; i++) b[at++] = open[i];
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (NOT_PLAIN[c]) return false;
        b[at++] = c;
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 63);
      } else {
        if ((c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return false;
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      }
    }
    for (let i = 0; i < close.length; i++) b[at++] = close[i];
    this.at = at; // only now: text that is not plain leaves nothing written
    return true;
  }

  /** A whole number from 0 up, in decimal digits, with no string made for it. */
  natural(n: number): void {
    if (n < 10) {
      this.room(1);
      this.block[this.at++] = 48 + n;
      return;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.room(digits);
    const b = this.block;
    let v = n;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      b[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.at += digits;
  }

  /**
   * A number that is not whole, as String(v) writes it, when it has at most
   * six decimals and is under 10^9 either way; otherwise nothing is written
   * and false is returned. The fewest decimals d that give v back are the
   * shortest digits that do, which is what String(v) writes: below 10^15,
   * v * 10^d rounds to those digits exactly, and digits that short are one
   * apart by more than v's precision, so no other choice gives v.
   */
  decimal(v: number): boolean {
    const a = Math.abs(v);
    if (!(a < 1e9) || Number.isInteger(a)) return false;
    for (let d = 1; d <= 6; d++) {
      const scale = TEN_TO[d];
      const m = Math.round(a * scale);
      if (m / scale !== a) continue;
      if (v < 0) this.ascii("-");
      const whole = Math.floor(m / scale);
      this.natural(whole);
      // The fraction, d digits with its leading zeros (its last is never 0: d - 1 would have given v back).
      this.room(d + 1);
      const b = this.block;
      b[this.at] = 46;
      let f = m - whole * scale;
      for (let i = this.at + d; i > this.at; i--) {
        b[i] = 48 + (f % 10);
        f = Math.floor(f / 10);
      }
      this.at += d + 1;
      return true;
    }
    return false;
  }

  /** The blocks filled since the last call (the current one too when `all`). */
  take(all = false): Uint8Array[] {
    if (all) this.finishBlock();
    const out = this.done;
    this.done = [];
    return out;
  }

  /** Bytes written to the current block and not yet taken. */
  get pending(): number {
    return this.at;
  }
}
