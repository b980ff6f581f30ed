import { describe, expect, it } from 'vitest';
import { tinyPng } from '#test/png.ts';
import { imageInfo } from './image-header.ts';

describe('imageInfo', () => {
  it('reads a PNG\'s size from IHDR', () => {
    expect(imageInfo(tinyPng(3, 2))).toEqual({ contentType: 'image/png', width: 3, height: 2 });
  });

  it('reads a JPEG\'s size from the start-of-frame after other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 8, 0x01, 0xe0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    expect(imageInfo(Buffer.from([0xff, 0xd8, ...app0, 0xff, ...sof2, 0xff, 0xd9]))).toEqual({ contentType: 'image/jpeg', width: 640, height: 480 });
    expect(imageInfo(Buffer.from([0xff, 0xd8, ...app0, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toBeNull(); // a scan before any frame
  });

  it('reads WebP sizes from VP8, VP8L and VP8X', () => {
    const riff = (chunk: string, body: number[]): Buffer => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.from(chunk), Buffer.alloc(4), Buffer.from(body), Buffer.alloc(16)]);
    expect(imageInfo(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00]))).toEqual({ contentType: 'image/webp', width: 320, height: 240 });
    // VP8L: width-1 = 99 and height-1 = 49 in 14-bit fields
    const bits = 99 | (49 << 14);
    expect(imageInfo(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ contentType: 'image/webp', width: 100, height: 50 });
    expect(imageInfo(riff('VP8X', [0, 0, 0, 0, 0xff, 0x03, 0x00, 0x1f, 0x01, 0x00]))).toEqual({ contentType: 'image/webp', width: 1024, height: 288 });
  });

  it('refuses text, a PNG signature without IHDR, and a zero-sized image', () => {
    expect(imageInfo(Buffer.from('Dies ist kein Bild, nur Text mit der Endung .png\n'))).toBeNull();
    expect(imageInfo(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20)]))).toBeNull();
    expect(imageInfo(tinyPng(0, 2))).toBeNull();
  });
});
