/** cyrb53 (a public-domain 53-bit string hash): quick, well mixed, and the same in Node and every browser. */
export function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The 64 characters of base64url: none needs escaping in JSON. */
export const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Characters in a short fingerprint: 36 bits, so two different texts of one item share one about once in 69 billion. */
export const SHORT_FINGERPRINT = 6;

/** A fixed-width fingerprint of a text: the low 36 bits of cyrb53 in base64url. */
export function shortFingerprint(text: string): string {
  let n = cyrb53(text) % 2 ** 36;
  let out = "";
  for (let i = 0; i < SHORT_FINGERPRINT; i++) {
    out = BASE64URL[n % 64] + out;
    n = Math.floor(n / 64);
  }
  return out;
}
