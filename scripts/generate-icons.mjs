#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and store icons (assets/icon-16/32/64/80.png) with nothing but zlib,
 * so they can be regenerated anywhere: `node scripts/generate-icons.mjs`.
 *
 * The glyph: a green rounded square (Excel's green, so it sits well on the Home tab) holding two
 * white "rows" on the left — the two books — and a white tick on the right: matched. Each pixel is
 * supersampled 4×4 so the small sizes stay smooth.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const SIZES = [16, 32, 64, 80];
const SUBSAMPLES = 4;
const BACKGROUND = [0x21, 0x73, 0x46]; // #217346
const GLYPH = [0xff, 0xff, 0xff];

/** Shapes in a unit square (0..1), as "is this point inside?" tests. */
function insideRoundedSquare(x, y) {
  const inset = 0.03;
  const radius = 0.18;
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const TICK = [
  [[0.42, 0.55], [0.58, 0.72]],
  [[0.58, 0.72], [0.84, 0.3]],
];
const TICK_HALF_WIDTH = 0.075;
const ROWS = [
  { x0: 0.16, x1: 0.36, y0: 0.3, y1: 0.41 },
  { x0: 0.16, x1: 0.36, y0: 0.5, y1: 0.61 },
];

function insideGlyph(x, y) {
  if (TICK.some(([a, b]) => distanceToSegment(x, y, a, b) <= TICK_HALF_WIDTH)) return true;
  return ROWS.some((r) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1);
}

/** RGBA pixels of one icon, premultiplied coverage turned into straight alpha. */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          square++;
          if (insideGlyph(x, y)) glyph++;
        }
      }
      const samples = SUBSAMPLES * SUBSAMPLES;
      const alpha = square / samples;
      const glyphShare = square === 0 ? 0 : glyph / square;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BACKGROUND[c] * (1 - glyphShare) + GLYPH[c] * glyphShare);
      }
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(assetsDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assetsDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, drawIcon(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
}
