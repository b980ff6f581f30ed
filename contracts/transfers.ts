import { z } from 'zod';
import { accommodationKind, partialDate, relationship, sex } from './cases.ts';
import { isoDate } from './common.ts';
import { consentMethod } from './consents.ts';

/**
 * Transfer of a household to the provider of the region it moves to (Übergabe bei Umzug). The
 * sending social worker sees what moves and what stays, and starts it; refused with 409
 * `consent-missing` (naming each person without a valid consent for the purpose 'transfer' and
 * the receiving provider) unless every person of the household consented. What moves is the
 * package below — nothing else of the sender's case file: the receiver never reads the sender's
 * tables. The receiving social worker accepts (a new household and case file in its tenant from
 * the package; the sending case file closes with reason 'transferred') or declines with a reason.
 * Social data: provider staff of the two providers only, every read audited on both sides.
 */

export const TRANSFER_STATES = ['pending', 'accepted', 'declined'] as const;
export const transferState = z.enum(TRANSFER_STATES);
export type TransferState = z.infer<typeof transferState>;

/** A person as passed on: names and spellings, birth date, nationalities, languages, residence status. `ref` names the person in this package only. */
export const transferPerson = z.object({
  ref: z.string(),
  relationship,
  familyName: z.string(),
  givenNames: z.string(),
  familyNameOriginal: z.string(),
  givenNamesOriginal: z.string(),
  otherSpellings: z.array(z.string()),
  birthDate: partialDate.nullable(),
  sex: sex.nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  residence: z.object({ code: z.string(), name: z.string(), paragraph: z.string(), expiresOn: isoDate.nullable() }).nullable(),
});
export type TransferPerson = z.infer<typeof transferPerson>;

/** An open goal of the current support plan (never a sensitive one: those stay, see decision 0019). */
export const transferGoal = z.object({
  areaCode: z.string(),
  title: z.string(),
  steps: z.array(z.object({ text: z.string(), done: z.boolean() })),
  dueOn: isoDate.nullable(),
  /** A person of the package responsible for it, else null (a staff member of the sender stays behind). */
  responsibleRef: z.string().nullable(),
});

/** The consent that lets the package move, as evidence for the receiver. */
export const transferConsent = z.object({
  personRef: z.string(),
  recipient: z.string(),
  givenOn: isoDate,
  method: consentMethod,
  witnessName: z.string(),
  validUntil: isoDate.nullable(),
});

/** An open Fachleistung approval (hours approved by the city, not yet ended). */
export const transferApproval = z.object({
  approvedHours: z.number(),
  approvedFrom: isoDate,
  approvedUntil: isoDate,
});

/** What moves: the package sealed into the transfer. */
export const transferPackage = z.object({
  accommodation: accommodationKind,
  people: z.array(transferPerson),
  goals: z.array(transferGoal),
  consents: z.array(transferConsent),
  approvals: z.array(transferApproval),
});
export type TransferPackage = z.infer<typeof transferPackage>;

/** What stays with the sender (counts only): shown before sending. */
export const transferStays = z.object({
  serviceEntries: z.number().int(),
  assessments: z.number().int(),
  sensitiveGoals: z.number().int(),
  closedGoals: z.number().int(),
  letters: z.number().int(),
  referrals: z.number().int(),
  otherConsents: z.number().int(),
  address: z.boolean(),
});

/** GET /api/households/:id/transfer-preview?regionCode=: the region's provider, what would move and stay, and whom a consent is missing for. */
export const transferPreviewQuery = z.object({ regionCode: z.string().min(1).max(60).optional() }).strict();

export const transferMissingConsent = z.object({ personId: z.uuid(), personName: z.string(), gap: z.enum(['none', 'not_yet_given', 'expired', 'withdrawn']) });

export const transferPreview = z.object({
  householdId: z.uuid(),
  fromRegionCode: z.string(),
  /** The regions it may move to (every other region with a provider holding its service agreement today). */
  regions: z.array(z.object({ code: z.string(), name: z.string(), provider: z.object({ id: z.uuid(), name: z.string() }) })),
  regionCode: z.string().nullable(),
  receivingProvider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  moves: transferPackage.nullable(),
  stays: transferStays,
  missingConsents: z.array(transferMissingConsent),
  /** A transfer of this household under way already. */
  pendingTransferId: z.uuid().nullable(),
  permittedActions: z.array(z.string()),
});
export type TransferPreview = z.infer<typeof transferPreview>;

/** POST /api/households/:id/transfers. */
export const startTransferBody = z.object({ regionCode: z.string().min(1).max(60), householdVersion: z.number().int().min(1).optional() }).strict();

/** POST /api/transfers/:id/accept with the version read. */
export const acceptTransferBody = z.object({ version: z.number().int().min(1) }).strict();
/** POST /api/transfers/:id/decline with the version read and a reason. */
export const declineTransferBody = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(1000) }).strict();

export const transfer = z.object({
  id: z.uuid(),
  /** Seen from the caller: its own household moving away, or one coming in. */
  direction: z.enum(['outgoing', 'incoming']),
  fromProvider: z.object({ id: z.uuid(), name: z.string() }),
  toProvider: z.object({ id: z.uuid(), name: z.string() }),
  fromRegion: z.object({ code: z.string(), name: z.string() }),
  toRegion: z.object({ code: z.string(), name: z.string() }),
  /** The sender's household (outgoing only). */
  householdId: z.uuid().nullable(),
  /** The household the receiver opened (incoming, once accepted). */
  receivedHouseholdId: z.uuid().nullable(),
  headName: z.string(),
  /** Null once an erasure cleared it (decision 0021): the transfer stays as a record, without the people. */
  package: transferPackage.nullable(),
  state: transferState,
  declineReason: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  senderClosedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
  permittedActions: z.array(z.string()),
});
export type Transfer = z.infer<typeof transfer>;

/** GET /api/transfers?direction=incoming|outgoing (incoming: pending first). */
export const transferListQuery = z.object({ direction: z.enum(['incoming', 'outgoing']).default('incoming') }).strict();
export const transferSummary = transfer.omit({ package: true }).extend({ people: z.number().int() });
export const transferList = z.object({ transfers: z.array(transferSummary) });
export type TransferList = z.infer<typeof transferList>;
