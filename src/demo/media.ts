import { crc32, deflateSync } from 'node:zlib';

/**
 * Small but real media files for the demo's AV records, made at seeding time so every record has its own
 * bytes (and so its own SM3): a PNG "photo" and a WAV "recording". Written by hand because the demo must
 * not depend on image or audio tools being installed.
 */

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 320×240 RGB PNG (PNG spec, ISO/IEC 15948): a sky-to-ground gradient with a pattern from `seed`. */
export function demoPng(seed: number, width = 320, height = 240): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      const ground = y > height * 0.6;
      const stripe = ((x + seed * 7) >> 4) % 2 === 0 && ground;
      raw[i] = ground ? (stripe ? 150 : 110) : 120 + Math.floor((80 * y) / height);
      raw[i + 1] = ground ? (stripe ? 130 : 95) : 160 + Math.floor((60 * y) / height);
      raw[i + 2] = ground ? 70 + (seed % 50) : 230;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A mono 16-bit PCM WAV of `seconds` at 8 kHz: a quiet tone whose pitch depends on `seed`. */
export function demoWav(seed: number, seconds = 2): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  const freq = 220 + (seed % 12) * 20;
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * freq * i) / rate)), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}
