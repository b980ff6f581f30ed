import type { ImageType } from './image-header.ts';

/**
 * Removes metadata from an uploaded photo before it is stored: camera, time and above all the
 * GPS position in EXIF/XMP can tell where a person lives or works. The pixels are untouched.
 * - JPEG: drops the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments before the scan.
 * - PNG: drops eXIf, tEXt, iTXt, zTXt and tIME chunks.
 * - WebP: drops the EXIF and XMP chunks and clears their flags in the VP8X header.
 * Answers null when the file's structure is not what its header promised.
 */
export function stripImageMetadata(bytes: Buffer, type: ImageType): Buffer | null {
  switch (type) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
  }
}

const JPEG_DROP = new Set([0xe1, 0xed, 0xfe]); // APP1, APP13, COM

function stripJpeg(b: Buffer): Buffer | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const parts: Buffer[] = [b.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xda) {
      parts.push(b.subarray(at)); // start of scan: the rest is image data
      return Buffer.concat(parts);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      parts.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return null;
    if (!JPEG_DROP.has(marker)) parts.push(b.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(b: Buffer): Buffer | null {
  const parts: Buffer[] = [b.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > b.length) return null;
    if (!PNG_DROP.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return null;
}

const WEBP_DROP = new Set(['EXIF', 'XMP ']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripWebp(b: Buffer): Buffer | null {
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null;
  const chunks: Buffer[] = [];
  let at = 12;
  while (at + 8 <= b.length) {
    const type = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2); // chunks are padded to an even size
    if (at + 8 + size > b.length) return null;
    if (!WEBP_DROP.has(type)) {
      const chunk = Buffer.from(b.subarray(at, Math.min(end, b.length)));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      chunks.push(chunk);
    }
    at = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
