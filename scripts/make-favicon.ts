/**
 * Writes app/favicon.ico from the mark in components/brand/mark-geometry.ts:
 * 16, 32 and 48 pixel PNGs (rendered by next/og, as app/icon.tsx is) in one
 * ICO file. Run after changing the mark: `node scripts/make-favicon.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og.js';
import { markImageElement } from '../components/brand/mark-geometry.ts';

const SIZES = [16, 32, 48];
const target = path.resolve(import.meta.dirname, '../app/favicon.ico');

async function png(size: number): Promise<Buffer> {
  const response = new ImageResponse(markImageElement(size), { width: size, height: size });
  return Buffer.from(await response.arrayBuffer());
}

/** ICO container: a 6-byte header, one 16-byte entry per image, then the PNGs (allowed since Windows Vista, read by every browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const images = await Promise.all(SIZES.map(async (size) => ({ size, data: await png(size) })));
fs.writeFileSync(target, ico(images));
console.log(`wrote ${path.relative(process.cwd(), target)} (${SIZES.join(', ')} px)`);
