// Draws the extension icon (128×128 PNG) with no image library: a rounded dark square, an
// orange shield and a check mark. Run once; the PNG is committed as images/icon.png.
import fs from 'node:fs';
import zlib from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * size + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
};
const inRoundedSquare = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inShield = (x, y) => {
  const nx = (x - 64) / 40;
  const ny = (y - 22) / 84;
  if (ny < 0 || ny > 1) return false;
  const halfWidth = ny < 0.45 ? 1 : Math.sqrt(Math.max(0, 1 - ((ny - 0.45) / 0.55) ** 2));
  return Math.abs(nx) <= halfWidth;
};
const distanceToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let color = [0, 0, 0, 0];
    if (inRoundedSquare(x, y, 22)) color = [35, 47, 62, 255];
    if (inShield(x, y)) color = [255, 153, 0, 255];
    const check = Math.min(distanceToSegment(x, y, 44, 64, 58, 80), distanceToSegment(x, y, 58, 80, 86, 46));
    if (inShield(x, y) && check < 6) color = [35, 47, 62, 255];
    set(x, y, color);
  }
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8;
header[9] = 6;
header[10] = 0;
header[11] = 0;
header[12] = 0;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync('images', { recursive: true });
fs.writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
