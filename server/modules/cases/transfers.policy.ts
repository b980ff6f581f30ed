import type { TransferPackage, TransferPerson } from '#contracts/transfers.ts';
import { joinPartialDate } from './cases.policy.ts';
import type { PersonRow } from './cases.queries.ts';
import type { ConsentFacts } from './consents.policy.ts';

/**
 * What moves when a household moves to another region's provider, and what stays (decision 0019):
 * pure functions over the sender's rows. Moves: the people (names, spellings, birth date, sex,
 * nationalities, languages, interpreter, residence status), the open goals of the current support
 * plan that are not sensitive, the transfer consents, the open Fachleistung approvals. Stays: the
 * address, service entries, assessments, letters, referrals, reviewed goals, sensitive goals
 * (sealed: special categories of Art. 9 DSGVO, which a consent naming only the recipient does not
 * cover), every other consent and all notes.
 */

/** The context the package is sealed with: bound to the transfer row. */
export const transferPackageContext = (transferId: string): string => `case_transfer:${transferId}:package`;

/** A person of the household as passed on, named `ref` in the package (never the sender's id). */
export function packagePerson(row: PersonRow, ref: string, residenceName: (code: string) => string): TransferPerson {
  return {
    ref,
    relationship: row.relationship,
    familyName: row.familyName,
    givenNames: row.givenNames,
    familyNameOriginal: row.familyNameOriginal,
    givenNamesOriginal: row.givenNamesOriginal,
    otherSpellings: [...row.otherSpellings],
    birthDate: joinPartialDate(row),
    sex: row.sex,
    nationalities: [...row.nationalities],
    languages: [...row.languages],
    interpreterNeeded: row.interpreterNeeded,
    residence: row.residenceStatusCode
      ? { code: row.residenceStatusCode, name: residenceName(row.residenceStatusCode), paragraph: row.residenceParagraph, expiresOn: row.residenceExpiresOn }
      : null,
  };
}

/** A person of the package as the receiver enters it (the facts of case work after arrival are the receiver's to record). */
export function personInputOf(p: TransferPerson) {
  return {
    relationship: p.relationship,
    familyName: p.familyName,
    givenNames: p.givenNames,
    familyNameOriginal: p.familyNameOriginal,
    givenNamesOriginal: p.givenNamesOriginal,
    otherSpellings: p.otherSpellings,
    birthDate: p.birthDate,
    sex: p.sex,
    nationalities: p.nationalities,
    languages: p.languages,
    interpreterNeeded: p.interpreterNeeded,
    residence: p.residence ? { code: p.residence.code, paragraph: p.residence.paragraph, expiresOn: p.residence.expiresOn } : null,
    arrivedOn: null,
    assignedOn: null,
    integrationCourseOn: null,
    schoolStartOn: null,
  };
}

export interface GoalFacts {
  areaCode: string;
  status: string;
  sealed: boolean;
  title: string;
  steps: { text: string; done: boolean }[];
  dueOn: string | null;
  responsiblePersonId: string | null;
}

/** The goals that move (open and not sealed) and how many stay (sensitive ones, reviewed ones). */
export function splitGoals(goals: readonly GoalFacts[], refOf: ReadonlyMap<string, string>): { moves: TransferPackage['goals']; sensitive: number; closed: number } {
  const moves: TransferPackage['goals'] = [];
  let sensitive = 0;
  let closed = 0;
  for (const g of goals) {
    if (g.status !== 'open') closed += 1;
    else if (g.sealed) sensitive += 1;
    else moves.push({ areaCode: g.areaCode, title: g.title, steps: g.steps, dueOn: g.dueOn, responsibleRef: g.responsiblePersonId ? (refOf.get(g.responsiblePersonId) ?? null) : null });
  }
  return { moves, sensitive, closed };
}

/** The consent that lets a person's data move, as evidence in the package. */
export function packageConsent(c: ConsentFacts & { method: 'signed_paper' | 'verbal_witnessed'; witnessName: string }, personRef: string): TransferPackage['consents'][number] {
  return { personRef, recipient: c.recipient, givenOn: c.givenOn, method: c.method, witnessName: c.witnessName, validUntil: c.validUntil };
}

/** The regions a household may move to: every other region whose provider (holding its service agreement) is not the sender itself. */
export function destinationRegions<R extends { regionCode: string; providerId: string }>(providers: readonly R[], fromRegionCode: string, senderId: string): R[] {
  return providers.filter((p) => p.regionCode !== fromRegionCode && p.providerId !== senderId);
}
