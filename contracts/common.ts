import { z } from 'zod';

/** Calendar date in Europe/Berlin, ISO form. */
export const isoDate = z.iso.date().describe('YYYY-MM-DD');
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/**
 * Control characters (Unicode Cc: NUL, ESC, DEL, C1, …) and unpaired surrogates never belong in
 * text; PostgreSQL refuses NUL outright. Line breaks and tabs are text in a body's fields (notes,
 * descriptions), never in a URL's path or query. The server refuses such input for every route
 * (server/http/input.ts); forms may use the same rule to say so before sending.
 */
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
const CONTROL_IN_LINE = /\p{Cc}|\p{Cs}/u;
export function hasControlCharacters(value: string, where: 'text' | 'line'): boolean {
  return (where === 'text' ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(value);
}
