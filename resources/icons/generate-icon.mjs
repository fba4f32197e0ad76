// Draws Calma's icon as a PNG, with no dependency and no download: `node resources/icons/generate-icon.mjs`.
// The same drawing as icon.svg: a rounded square in deep teal with a white ring and a centre dot
// (a calm, steady signal). 1024×1024, enough for every platform electron-builder targets.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

const TOP = [0x2f, 0x8f, 0x8a]; // gradient, top
const BOTTOM = [0x1d, 0x4e, 0x6e]; // gradient, bottom
const CORNER = 0.22; // corner radius, as a fraction of the size
const RING_RADIUS = 0.29;
const RING_WIDTH = 0.085;
const DOT_RADIUS = 0.085;

function insideRoundedSquare(x, y) {
  const r = CORNER;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideMark(x, y) {
  const d = Math.hypot(x - 0.5, y - 0.5);
  return Math.abs(d - RING_RADIUS) <= RING_WIDTH / 2 || d <= DOT_RADIUS;
}

function pixel(px, py) {
  let cover = 0;
  let white = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
      const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
      if (!insideRoundedSquare(x, y)) continue;
      cover += 1;
      if (insideMark(x, y)) white += 1;
    }
  }
  const total = SAMPLES * SAMPLES;
  if (cover === 0) return [0, 0, 0, 0];
  const t = py / (SIZE - 1);
  const base = TOP.map((top, i) => top + (BOTTOM[i] - top) * t);
  const w = white / cover;
  return [...base.map((c) => Math.round(c + (255 - c) * w)), Math.round((255 * cover) / total)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function png() {
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    rows[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL('./icon.png', import.meta.url), png());
console.log('wrote resources/icons/icon.png');
