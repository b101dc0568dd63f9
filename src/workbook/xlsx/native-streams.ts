const known = new Map<string, boolean>();

/**
 * Whether the platform compresses or decompresses raw deflate itself
 * (CompressionStream / DecompressionStream: Node 20 and current browsers):
 * native code, several times faster than deflate in JavaScript.
 */
export function hasNative(kind: "CompressionStream" | "DecompressionStream"): boolean {
  let has = known.get(kind);
  if (has === undefined) {
    try {
      const Stream = (globalThis as Record<string, unknown>)[kind] as (new (format: "deflate-raw") => unknown) | undefined;
      has = typeof Stream === "function" && !!new Stream("deflate-raw");
    } catch {
      has = false;
    }
    known.set(kind, has);
  }
  return has;
}
