import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Consent as data (Schweigepflichtentbindung): what one person of a household agreed to, per
 * purpose and per recipient — a named partner organisation (free text for now) or the provider
 * receiving a transfer — when and how it was given (signed paper, or verbal with a witness) and
 * until when it holds. A withdrawal takes effect at once. Social data: provider staff only, every
 * read audited. Referrals and transfers (later) ask `consentCovers` and refuse without one.
 */

export const CONSENT_PURPOSES = ['referral', 'transfer', 'exchange'] as const;
export const consentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof consentPurpose>;
export const CONSENT_RECIPIENT_KINDS = ['partner', 'receiving_provider'] as const;
export const consentRecipientKind = z.enum(CONSENT_RECIPIENT_KINDS);
export type ConsentRecipientKind = z.infer<typeof consentRecipientKind>;
export const CONSENT_METHODS = ['signed_paper', 'verbal_witnessed'] as const;
export const consentMethod = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof consentMethod>;
/** A consent's state on a day: valid, past its end, or withdrawn. */
export const CONSENT_STATES = ['valid', 'expired', 'withdrawn'] as const;
export const consentState = z.enum(CONSENT_STATES);
export type ConsentState = z.infer<typeof consentState>;

const text = (max: number) => z.string().trim().max(max);

/**
 * POST /api/households/:id/consents. The use case checks what depends on more than one field (one
 * list of field errors): a recipient named, a witness for verbal consent (none for paper), given
 * not after today, valid until not before given, a person of this household.
 */
export const recordConsentBody = z
  .object({
    personId: z.uuid(),
    purpose: consentPurpose,
    recipientKind: consentRecipientKind.default('partner'),
    recipient: text(200).default(''),
    givenOn: isoDate,
    method: consentMethod,
    witnessName: text(200).default(''),
    validUntil: isoDate.nullable().default(null),
  })
  .strict();
export type RecordConsentInput = z.input<typeof recordConsentBody>;

/** POST /api/consents/:id/withdraw: with the version read; a consent withdrawn already answers as it is. */
export const withdrawConsentBody = z.object({ version: z.number().int().min(1) }).strict();

const named = z.object({ id: z.uuid(), name: z.string() });

export const consent = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  purpose: consentPurpose,
  recipientKind: consentRecipientKind,
  recipient: z.string(),
  givenOn: isoDate,
  method: consentMethod,
  witnessName: z.string(),
  validUntil: isoDate.nullable(),
  /** Today (Europe/Berlin, the server's clock). */
  state: consentState,
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnBy: named.nullable(),
  recordedBy: named.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Consent = z.infer<typeof consent>;

/** GET /api/households/:id/consents: per person, newest first; what the actor may do; whom a consent may name. */
export const consentList = z.object({
  consents: z.array(consent),
  permittedActions: z.array(z.string()),
  people: z.array(named),
});
export type ConsentList = z.infer<typeof consentList>;

/** The languages the printed consent form has: German, beside one of the others. */
export const CONSENT_FORM_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru'] as const;
export const consentFormLanguage = z.enum(CONSENT_FORM_LANGUAGES);
export type ConsentFormLanguage = z.infer<typeof consentFormLanguage>;
/** GET /api/consents/:id/form.pdf: `language` beside German; without it, the person's recorded language (not `lang`, which chooses the language of the API's own answers, e.g. a problem). */
export const consentFormQuery = z.object({ language: consentFormLanguage.optional() }).strict();
