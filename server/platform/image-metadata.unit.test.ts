import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageInfo } from './image-header.ts';
import { stripImageMetadata } from './image-metadata.ts';

const GPS = 'GPSLatitude 51.0519 GPSLongitude 13.7416';

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function jpegWithExif(): Buffer {
  const sof = Buffer.from([8, 0, 3, 0, 4, 1, 1, 0x11, 0]); // precision 8, 3×4, one component
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0${GPS}`, 'latin1')),
    segment(0xfe, Buffer.from('taken at home', 'latin1')),
    segment(0xc0, sof),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]); // CRC not checked here
}

function pngWithText(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${GPS}`, 'latin1')),
    chunk('eXIf', Buffer.from(GPS, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function webpWithExif(): Buffer {
  const riffChunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  vp8x.writeUIntLE(9, 4, 3); // width 10
  vp8x.writeUIntLE(5, 7, 3); // height 6
  const body = Buffer.concat([riffChunk('VP8X', vp8x), riffChunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0])), riffChunk('EXIF', Buffer.from(GPS, 'latin1')), riffChunk('XMP ', Buffer.from(`<x>${GPS}</x>`, 'latin1'))]);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

describe('stripping metadata from photos', () => {
  it('removes EXIF, comments and the GPS position from a JPEG and keeps the image', () => {
    const original = jpegWithExif();
    expect(original.toString('latin1')).toContain('GPSLatitude');
    const stripped = stripImageMetadata(original, 'image/jpeg');
    expect(stripped).not.toBeNull();
    const text = stripped?.toString('latin1') ?? '';
    expect(text).not.toContain('GPSLatitude');
    expect(text).not.toContain('taken at home');
    expect(text).toContain('JFIF');
    expect(imageInfo(stripped ?? Buffer.alloc(0))).toEqual({ contentType: 'image/jpeg', width: 4, height: 3 });
    expect(stripped?.subarray(-5)).toEqual(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]));
  });

  it('removes text and eXIf chunks from a PNG and keeps IHDR, IDAT and IEND', () => {
    const stripped = stripImageMetadata(pngWithText(), 'image/png');
    const text = stripped?.toString('latin1') ?? '';
    expect(text).not.toContain('GPSLatitude');
    expect(['IHDR', 'IDAT', 'IEND'].every((t) => text.includes(t))).toBe(true);
    expect(imageInfo(stripped ?? Buffer.alloc(0))).toEqual({ contentType: 'image/png', width: 2, height: 2 });
  });

  it('removes EXIF and XMP from a WebP, clears their flags and fixes the RIFF size', () => {
    const stripped = stripImageMetadata(webpWithExif(), 'image/webp') ?? Buffer.alloc(0);
    expect(stripped.toString('latin1')).not.toContain('GPSLatitude');
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect((stripped[20] ?? 0) & 0x0c).toBe(0);
    expect(imageInfo(stripped)).toEqual({ contentType: 'image/webp', width: 10, height: 6 });
  });

  it('refuses a file whose structure does not hold together', () => {
    const broken = jpegWithExif().subarray(0, 30);
    expect(stripImageMetadata(broken, 'image/jpeg')).toBeNull();
    expect(stripImageMetadata(pngWithText().subarray(0, 40), 'image/png')).toBeNull();
  });
});
