import { describe, expect, it } from 'vitest';
import { checkPdf } from './pdf-check.ts';
import { samplePdf } from './sample-documents.ts';

const good = samplePdf(['Jobcenter Dresden', 'Aktenzeichen 123/45', 'Frist: 15.01.2027']);

describe('checkPdf', () => {
  it('accepts a well-formed PDF (header, objects, xref at startxref, trailer with /Root, %%EOF)', () => {
    expect(checkPdf(good)).toEqual({ ok: true });
    // trailing junk after %%EOF (some scanners add a newline or zeros) is allowed
    expect(checkPdf(Buffer.concat([good, Buffer.alloc(20)]))).toEqual({ ok: true });
  });

  it('refuses what only claims to be a PDF, a cut-off one, a wrong startxref and an encrypted one', () => {
    expect(checkPdf(Buffer.from('hello world, this is text'))).toEqual({ ok: false, reason: 'not-pdf' });
    expect(checkPdf(Buffer.concat([Buffer.from(' '), good]))).toEqual({ ok: false, reason: 'not-pdf' });
    expect(checkPdf(good.subarray(0, good.length - 200))).toEqual({ ok: false, reason: 'broken' });
    expect(checkPdf(good.subarray(0, good.length - 7))).toEqual({ ok: false, reason: 'broken' });
    const text = good.toString('latin1');
    const wrongOffset = text.replace(/startxref\n(\d+)/, (_m, n: string) => `startxref\n${Number(n) - 3}`);
    expect(checkPdf(Buffer.from(wrongOffset, 'latin1'))).toEqual({ ok: false, reason: 'broken' });
    const beyond = text.replace(/startxref\n(\d+)/, 'startxref\n999999');
    expect(checkPdf(Buffer.from(beyond, 'latin1'))).toEqual({ ok: false, reason: 'broken' });
    const noRoot = text.replace('/Root 1 0 R', '/Info 1 0 R');
    expect(checkPdf(Buffer.from(noRoot, 'latin1'))).toEqual({ ok: false, reason: 'broken' });
    const encrypted = text.replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 6 0 R');
    expect(checkPdf(Buffer.from(encrypted, 'latin1'))).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('accepts a cross-reference stream (PDF 1.5+) at startxref', () => {
    const text = good.toString('latin1');
    const at = text.indexOf('xref\n0 ');
    const stream = `${text.slice(0, at)}6 0 obj\n<< /Type /XRef /Size 7 /Root 1 0 R /W [1 2 1] >>\nstream\nxx\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`;
    expect(checkPdf(Buffer.from(stream, 'latin1'))).toEqual({ ok: true });
  });
});
