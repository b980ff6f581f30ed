/**
 * Whether uploaded bytes are a PDF one can open, read from its structure, never a declared type:
 * the header `%PDF-1.x` (or 2.0) at the start, `%%EOF` near the end, before it a `startxref` whose
 * offset points inside the file at a cross-reference table (`xref`) or stream (`… obj`), and a
 * trailer (or cross-reference stream) naming the document's `/Root`. An `/Encrypt` entry means
 * the file is password-protected or encrypted: no one could read it later, so it is refused.
 * Nothing is rendered; no PDF library.
 */
export type PdfVerdict = { ok: true } | { ok: false; reason: 'not-pdf' | 'broken' | 'encrypted' };

const HEADER = /^%PDF-(1\.[0-7]|2\.0)/;
/** Where the end of the file is looked for (the spec allows junk after `%%EOF`; readers look back 1 KB). */
const TAIL_BYTES = 1024;

export function checkPdf(bytes: Buffer): PdfVerdict {
  if (!HEADER.test(bytes.toString('latin1', 0, 8))) return { ok: false, reason: 'not-pdf' };
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - TAIL_BYTES));
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) return { ok: false, reason: 'broken' };
  const startxref = /startxref\s+(\d+)\s*$/.exec(tail.slice(0, eof));
  if (!startxref?.[1]) return { ok: false, reason: 'broken' };
  const offset = Number(startxref[1]);
  if (!Number.isSafeInteger(offset) || offset <= 8 || offset >= bytes.length) return { ok: false, reason: 'broken' };
  const atXref = bytes.toString('latin1', offset, Math.min(bytes.length, offset + 32));
  if (!/^(xref\b|\d+\s+\d+\s+obj\b)/.test(atXref)) return { ok: false, reason: 'broken' };
  // The trailer dictionary (classic) or the cross-reference stream's dictionary (PDF 1.5+).
  const dictionary = bytes.toString('latin1', offset);
  if (!/\/Root\s+\d+\s+\d+\s+R/.test(dictionary)) return { ok: false, reason: 'broken' };
  if (/\/Encrypt\b/.test(dictionary)) return { ok: false, reason: 'encrypted' };
  return { ok: true };
}
