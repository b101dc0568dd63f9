/**
 * Draws the add-in's icons (three status bars on a navy tile) as PNGs at the
 * sizes the manifest asks for: the ribbon's 16, 32 and 80 px, which are
 * required, and 20, 24, 40, 48 and 64 px, which Office uses on high-DPI
 * screens (https://learn.microsoft.com/javascript/api/manifest/icon); 64 is
 * also the high-resolution add-in icon, and 128 the listing's. Each is drawn
 * at its size, not scaled. Run once; the PNGs are committed in assets/.
 *   node scripts/make-icons.js
 */
const { deflateSync } = require("zlib");
const { writeFileSync } = require("fs");
const { join } = require("path");

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
const NAVY = [0x1f, 0x3a, 0x5f, 255];
const BARS = [
  { x0: 0.18, x1: 0.36, top: 0.3, colour: [0x00, 0x9e, 0x73, 255] }, // green
  { x0: 0.41, x1: 0.59, top: 0.48, colour: [0xe6, 0x9f, 0x00, 255] }, // amber
  { x0: 0.64, x1: 0.82, top: 0.62, colour: [0xd5, 0x5e, 0x00, 255] }, // vermillion
];
function pixel(x, y) {
  const r = 0.16;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0]; // rounded corners
  for (const b of BARS) if (x >= b.x0 && x < b.x1 && y >= b.top && y < 0.82) return b.colour;
  return NAVY;
}
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
module.exports = { SIZES };
if (require.main === module) for (const size of SIZES) writeFileSync(join(__dirname, "..", "assets", `icon-${size}.png`), png(size, pixel));
if (require.main === module) console.log("icons written to assets/");
