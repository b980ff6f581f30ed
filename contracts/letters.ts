import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Letters and deadlines: the scans or photos of a household's letters and forms (PDF, JPEG, PNG;
 * the type read from the bytes, metadata stripped, the file sealed in the database), who sent
 * them, the file number, the person concerned, when each came and the due date it sets; open
 * until dealt with (with a note). Open letters with a due date are on the worklist. Social data:
 * provider staff only, every read audited.
 */

export const LETTER_AUTHORITIES = ['jobcenter', 'foreigners_office', 'family_benefits_office', 'social_welfare_office', 'health_insurance', 'school_kita', 'other'] as const;
export const letterAuthority = z.enum(LETTER_AUTHORITIES);
export type LetterAuthority = z.infer<typeof letterAuthority>;
export const LETTER_STATES = ['open', 'dealt_with'] as const;
export const letterState = z.enum(LETTER_STATES);
export type LetterState = z.infer<typeof letterState>;
export const LETTER_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const letterContentType = z.enum(LETTER_CONTENT_TYPES);
/** What the upload field offers (the server reads the real type from the bytes). */
export const LETTER_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/** At most 10 MB a file (a phone photo or a scan of a few pages). */
export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

const text = (max: number) => z.string().trim().max(max);

/**
 * POST /api/households/:id/letters: the file as base64 (a data URL is fine; its declared type is
 * ignored) with what the letter says. The use case checks the bytes (type by content, a PDF's
 * structure, not encrypted), the person (of this household) and an `authorityName` for `other`.
 */
export const uploadLetterBody = z
  .object({
    data: z.string().min(1),
    personId: z.uuid().nullable().default(null),
    authority: letterAuthority,
    authorityName: text(200).default(''),
    fileNumber: text(100).default(''),
    receivedOn: isoDate,
    dueOn: isoDate.nullable().default(null),
  })
  .strict();
export type UploadLetterInput = z.input<typeof uploadLetterBody>;

/** PATCH /api/letters/:id: with the version read (409 with `current` when changed meanwhile). */
export const editLetterBody = z
  .object({
    version: z.number().int().min(1),
    state: letterState.optional(),
    note: text(2000).optional(),
    dueOn: isoDate.nullable().optional(),
    fileNumber: text(100).optional(),
    authorityName: text(200).optional(),
  })
  .strict();
export type EditLetterInput = z.input<typeof editLetterBody>;

const named = z.object({ id: z.uuid(), name: z.string() });

export const letter = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  authority: letterAuthority,
  authorityName: z.string(),
  fileNumber: z.string(),
  receivedOn: isoDate,
  dueOn: isoDate.nullable(),
  state: letterState,
  /** Open and its due date passed (Europe/Berlin, the server's clock). */
  overdue: z.boolean(),
  note: z.string(),
  dealtWithAt: z.iso.datetime({ offset: true }).nullable(),
  dealtWithBy: named.nullable(),
  contentType: letterContentType,
  byteSize: z.number().int(),
  /** Where the file is downloaded (GET, audited). */
  fileUrl: z.string(),
  uploadedBy: named.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Letter = z.infer<typeof letter>;

/** GET /api/households/:id/letters: open ones first by due date, then the rest newest first; what the actor may do; whom a letter may concern. */
export const letterList = z.object({
  today: isoDate,
  letters: z.array(letter),
  permittedActions: z.array(z.string()),
  people: z.array(named),
});
export type LetterList = z.infer<typeof letterList>;
