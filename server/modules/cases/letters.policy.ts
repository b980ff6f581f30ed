import { MAX_LETTER_BYTES, type LetterAuthority, type LetterState } from '#contracts/letters.ts';
import { imageInfo } from '#server/platform/image-header.ts';
import { stripImageMetadata } from '#server/platform/image-metadata.ts';
import { checkPdf } from '#server/platform/pdf-check.ts';
import type { FieldError } from '#server/platform/problem.ts';

/** Letters' rules, pure: what an uploaded file is (by its bytes), what a letter's fields must say, when it is overdue. */

export type LetterFile = { contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: Buffer };

/** The upload's bytes from base64 or a data URL (whose declared type is ignored); null when it is not base64. */
export function decodeUpload(data: string): Buffer | null {
  const base64 = data.replace(/^data:[^,]*,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1 || base64.length === 0) return null;
  return Buffer.from(base64, 'base64');
}

/** Bytes a base64 text of this length decodes to at most (to refuse before decoding). */
export const decodedLength = (data: string): number => Math.floor((data.replace(/^data:[^,]*,/, '').length * 3) / 4);

export const tooLarge = (bytes: number): boolean => bytes > MAX_LETTER_BYTES;

/**
 * What the file is, read from its bytes: a JPEG or PNG (its metadata — camera, time, GPS
 * position — removed), or a PDF that opens (structure checked, not encrypted). Else the field
 * error naming what is wrong.
 */
export function readLetterFile(bytes: Buffer): LetterFile | FieldError {
  const image = imageInfo(bytes);
  if (image) {
    if (image.contentType === 'image/webp') return { field: 'data', key: 'field.letterType' };
    const stripped = stripImageMetadata(bytes, image.contentType);
    return stripped ? { contentType: image.contentType, bytes: stripped } : { field: 'data', key: 'field.letterType' };
  }
  const pdf = checkPdf(bytes);
  if (pdf.ok) return { contentType: 'application/pdf', bytes };
  switch (pdf.reason) {
    case 'encrypted':
      return { field: 'data', key: 'field.pdfEncrypted' };
    case 'broken':
      return { field: 'data', key: 'field.pdfBroken' };
    case 'not-pdf':
      return { field: 'data', key: 'field.letterType' };
  }
}

export const isFieldError = (x: LetterFile | FieldError): x is FieldError => 'key' in x;

/** What depends on more than one field: a name for another authority, received not after today. */
export function letterInputErrors(input: { authority: LetterAuthority; authorityName: string; receivedOn: string }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.authority === 'other' && !input.authorityName.trim()) errors.push({ field: 'authorityName', key: 'field.required' });
  if (input.receivedOn > today) errors.push({ field: 'receivedOn', key: 'field.notInFuture' });
  return errors;
}

/** Open, with a due date before today. */
export const letterOverdue = (l: { state: LetterState; dueOn: string | null }, today: string): boolean => l.state === 'open' && l.dueOn !== null && l.dueOn < today;

/** A name for the downloaded file: the authority and the day it came, never what the uploader called it. */
export function letterFileName(l: { authority: LetterAuthority; receivedOn: string; contentType: LetterFile['contentType'] }): string {
  const ext = l.contentType === 'application/pdf' ? 'pdf' : l.contentType === 'image/png' ? 'png' : 'jpg';
  return `letter-${l.authority.replace(/_/g, '-')}-${l.receivedOn}.${ext}`;
}
