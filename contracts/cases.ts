import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Case work: households, their people, the case file, search before create. Everything here is
 * social data (SGB X): provider staff only, audited on every view.
 */

export const accommodationKind = z.enum(['shared_accommodation', 'own_flat']);
export const relationship = z.enum(['head', 'spouse', 'partner', 'child', 'stepchild', 'parent', 'sibling', 'grandchild', 'other_relative', 'other']);
export const sex = z.enum(['female', 'male', 'diverse']);
export const caseStatus = z.enum(['open', 'active', 'dormant', 'closed']);
export const residenceGroup = z.enum(['asylum_procedure', 'tolerated', 'protection', 'residence_permit', 'settlement', 'eu_citizen', 'other']);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A date of birth as far as it is known: `1987`, `1987-04` or `1987-04-12`. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    if (y === undefined || y < 1900 || y > 2100) return false;
    if (m === undefined) return true;
    if (m < 1 || m > 12) return false;
    return d === undefined || (d >= 1 && d <= (DAYS_IN_MONTH[m - 1] ?? 0) && !(m === 2 && d === 29 && (y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0))));
  })
  .describe('YYYY, YYYY-MM or YYYY-MM-DD');

const line = (max: number) => z.string().trim().max(max);
const nameLine = z.string().trim().min(1).max(200);

export const residenceInput = z
  .object({
    code: z.string().min(1).max(60),
    /** The paragraph of a residence permit, e.g. "§ 25 Abs. 2 AufenthG". */
    paragraph: line(80).default(''),
    expiresOn: isoDate.nullable().default(null),
  })
  .strict();

/** A person as entered: names as in the documents and in the original script, and the facts that matter for the case. */
export const personInput = z
  .object({
    relationship,
    familyName: nameLine,
    givenNames: line(200).default(''),
    familyNameOriginal: line(200).default(''),
    givenNamesOriginal: line(200).default(''),
    otherSpellings: z.array(nameLine).max(12).default([]),
    birthDate: partialDate.nullable().default(null),
    sex: sex.nullable().default(null),
    nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)).max(4).default([]),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(8).default([]),
    interpreterNeeded: z.boolean().default(false),
    residence: residenceInput.nullable().default(null),
    arrivedOn: isoDate.nullable().default(null),
    /** Kommunale Zuweisung: starts the 12-month Grundleistung window. */
    assignedOn: isoDate.nullable().default(null),
    /** The integration course (Integrationskurs) starts or started. */
    integrationCourseOn: isoDate.nullable().default(null),
    /** School or Kita starts or started (children). */
    schoolStartOn: isoDate.nullable().default(null),
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

const householdFields = {
  accommodation: accommodationKind,
  accommodationName: line(200).default(''),
  street: line(200).default(''),
  houseNumber: line(20).default(''),
  postcode: z.union([z.literal(''), z.string().regex(/^\d{5}$/)]).default(''),
  /** The statistical quarter (Stadtteil) code; member and region follow from it. */
  quarterCode: z.string().regex(/^\d{2}$/).nullable().default(null),
  /** Chosen from the list when the quarter is not known. */
  regionCode: z.string().min(1).max(60).nullable().default(null),
};

export const createHouseholdBody = z
  .object({
    ...householdFields,
    members: z.array(personInput).min(1).max(20),
    /** Set after the search showed the likely duplicates and none is the same person. */
    confirmNotDuplicate: z.boolean().default(false),
  })
  .strict();

export const updateHouseholdBody = z.object({ ...householdFields, version: z.number().int().min(1) }).strict();

export const addMemberBody = personInput.extend({ confirmNotDuplicate: z.boolean().default(false) }).strict();

export const updatePersonBody = personInput.extend({ version: z.number().int().min(1) }).strict();

export const mergePersonBody = z
  .object({
    /** The record that stays; the other becomes a spelling of it and a tombstone. */
    intoId: z.uuid(),
    version: z.number().int().min(1),
    intoVersion: z.number().int().min(1),
  })
  .strict();

export const personSearchBody = z
  .object({
    query: z.string().trim().min(2).max(200),
    birthDate: partialDate.nullable().default(null),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const assignBody = z.object({ accountIds: z.array(z.uuid()).min(1).max(10), version: z.number().int().min(1) }).strict();
export const closeBody = z.object({ reason: line(500).min(1), version: z.number().int().min(1) }).strict();
export const reopenBody = z.object({ version: z.number().int().min(1) }).strict();

// ---------------------------------------------------------------- responses
export const residence = z.object({ code: z.string(), name: z.string(), group: residenceGroup, paragraph: z.string(), expiresOn: isoDate.nullable() });

export const person = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  relationship,
  familyName: z.string(),
  givenNames: z.string(),
  familyNameOriginal: z.string(),
  givenNamesOriginal: z.string(),
  /** A Latin transliteration of the original-script names (for reading; the documents' spelling stays). */
  transliteration: z.string(),
  otherSpellings: z.array(z.string()),
  birthDate: partialDate.nullable(),
  sex: sex.nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  residence: residence.nullable(),
  arrivedOn: isoDate.nullable(),
  assignedOn: isoDate.nullable(),
  /** The end of the 12-month Grundleistung window (assignment + 12 months), or null. */
  basicServiceEndsOn: isoDate.nullable(),
  integrationCourseOn: isoDate.nullable(),
  schoolStartOn: isoDate.nullable(),
  version: z.number().int(),
});
export type Person = z.infer<typeof person>;

export const caseFile = z.object({
  id: z.uuid(),
  status: caseStatus,
  openedAt: z.string(),
  lastContactAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  assignees: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  version: z.number().int(),
});

export const household = z.object({
  id: z.uuid(),
  accommodation: accommodationKind,
  accommodationName: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postcode: z.string(),
  quarter: z.object({ code: z.string(), name: z.string() }).nullable(),
  member: z.object({ code: z.string(), name: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }),
  members: z.array(person),
  caseFile: caseFile.nullable(),
  version: z.number().int(),
  permittedActions: z.array(z.string()),
});
export type Household = z.infer<typeof household>;

export const householdSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  accommodation: accommodationKind,
  head: z.string(),
  memberCount: z.number().int(),
  status: caseStatus.nullable(),
  updatedAt: z.string(),
});
export const householdList = z.array(householdSummary);

export const searchCandidate = z.object({
  personId: z.uuid(),
  householdId: z.uuid(),
  familyName: z.string(),
  givenNames: z.string(),
  /** Every spelling on record: documents, original script, other spellings. */
  spellings: z.array(z.string()),
  birthYear: z.number().int().nullable(),
  birthDate: partialDate.nullable(),
  /** 0…1, higher is likelier the same person. */
  score: z.number(),
  /** The part of the record that matched: `name`, `skeleton` (same consonants across scripts) or `phonetic`. */
  matchedOn: z.enum(['name', 'skeleton', 'phonetic']),
});
export type SearchCandidate = z.infer<typeof searchCandidate>;
export const searchResult = z.object({ candidates: z.array(searchCandidate) });

export const residenceStatusList = z.array(z.object({ code: z.string(), name: z.string(), group: residenceGroup, paragraphRequired: z.boolean(), expires: z.boolean() }));

/** 409 when the record changed since it was read: the other's current version is in `current`. */
export const staleProblemExtension = { current: z.unknown() };
/** 409 before creating a person who may exist already: `candidates` are the likely duplicates. */
export const duplicateProblemExtension = { candidates: z.array(searchCandidate) };
