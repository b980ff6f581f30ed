import { describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '#server/platform/sample-documents.ts';
import { decodeUpload, isFieldError, letterFileName, letterInputErrors, letterOverdue, readLetterFile } from './letters.policy.ts';

describe('letters policy', () => {
  it('reads the type from the bytes, whatever a data URL declares; strips a PNG\'s text; refuses WebP, text and broken PDFs with the field error', () => {
    const pdf = samplePdf(['Familienkasse']);
    const asPng = decodeUpload(`data:image/png;base64,${pdf.toString('base64')}`);
    expect(asPng?.equals(pdf)).toBe(true);
    const read = readLetterFile(pdf);
    expect(isFieldError(read) ? read : read.contentType).toBe('application/pdf');
    const png = readLetterFile(samplePng(2, 2, [0, 0, 0], 'GPSLatitude 51.05'));
    expect(isFieldError(png) ? null : [png.contentType, png.bytes.includes(Buffer.from('GPSLatitude'))]).toEqual(['image/png', false]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8X'), Buffer.alloc(18, 1)]);
    expect(readLetterFile(webp)).toEqual({ field: 'data', key: 'field.letterType' });
    expect(readLetterFile(Buffer.from('%PDF-1.4 nothing else'))).toEqual({ field: 'data', key: 'field.pdfBroken' });
    expect(readLetterFile(Buffer.from('hello'))).toEqual({ field: 'data', key: 'field.letterType' });
    expect(decodeUpload('not base64!')).toBeNull();
    expect(decodeUpload('')).toBeNull();
  });

  it('asks a name for another authority, refuses a day ahead; overdue only while open and past the due date', () => {
    expect(letterInputErrors({ authority: 'other', authorityName: ' ', receivedOn: '2026-12-02' }, '2026-12-01').map((e) => e.field)).toEqual(['authorityName', 'receivedOn']);
    expect(letterInputErrors({ authority: 'jobcenter', authorityName: '', receivedOn: '2026-12-01' }, '2026-12-01')).toEqual([]);
    expect(letterOverdue({ state: 'open', dueOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(letterOverdue({ state: 'open', dueOn: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(letterOverdue({ state: 'dealt_with', dueOn: '2026-11-30' }, '2026-12-01')).toBe(false);
    expect(letterOverdue({ state: 'open', dueOn: null }, '2026-12-01')).toBe(false);
  });

  it('names a downloaded file by authority and day, never by what the uploader called it', () => {
    expect(letterFileName({ authority: 'foreigners_office', receivedOn: '2026-12-01', contentType: 'image/jpeg' })).toBe('letter-foreigners-office-2026-12-01.jpg');
  });
});
