import type { Household, Person, SearchCandidate } from '#contracts/cases.ts';
import type { Action } from '#contracts/actions.ts';
import { basicServiceEndsOn, caseStatusOf, joinPartialDate } from './cases.policy.ts';
import type { CaseFileRow, HouseholdRow, PersonRow } from './cases.queries.ts';
import { transliterate } from './names.ts';
import type { SearchHit } from './search.queries.ts';

/**
 * What leaves the server of households, people and case files: one presenter per resource. Only
 * provider staff within reach ever get here; the search shows names, spellings and the date of
 * birth only — what is needed to recognise a person, nothing of the case.
 */

export interface ResidenceLabel {
  name: Record<string, string>;
  group: NonNullable<Person['residence']>['group'];
}

const label = (name: Record<string, string>, locale: string): string => name[locale] ?? name.de ?? Object.values(name)[0] ?? '';

export function presentPerson(row: PersonRow, residence: Map<string, ResidenceLabel>, locale: string): Person {
  const status = row.residenceStatusCode ? residence.get(row.residenceStatusCode) : undefined;
  const original = `${row.givenNamesOriginal} ${row.familyNameOriginal}`.trim();
  return {
    id: row.id,
    householdId: row.householdId,
    relationship: row.relationship,
    familyName: row.familyName,
    givenNames: row.givenNames,
    familyNameOriginal: row.familyNameOriginal,
    givenNamesOriginal: row.givenNamesOriginal,
    transliteration: original ? transliterate(original) : '',
    otherSpellings: row.otherSpellings,
    birthDate: joinPartialDate(row),
    sex: row.sex,
    nationalities: row.nationalities,
    languages: row.languages,
    interpreterNeeded: row.interpreterNeeded,
    residence:
      row.residenceStatusCode && status
        ? { code: row.residenceStatusCode, name: label(status.name, locale), group: status.group, paragraph: row.residenceParagraph, expiresOn: row.residenceExpiresOn }
        : null,
    arrivedOn: row.arrivedOn,
    assignedOn: row.assignedOn,
    basicServiceEndsOn: basicServiceEndsOn(row.assignedOn),
    integrationCourseOn: row.integrationCourseOn,
    schoolStartOn: row.schoolStartOn,
    version: row.version,
  };
}

export interface PlaceLabels {
  quarter: { code: string; name: string } | null;
  member: { code: string; name: string } | null;
  region: { code: string; name: string };
}

export function presentCaseFile(row: CaseFileRow, assignees: { id: string; displayName: string }[], now: Date, dormantAfterDays: number): NonNullable<Household['caseFile']> {
  return {
    id: row.id,
    status: caseStatusOf(row, now, dormantAfterDays),
    openedAt: row.openedAt.toISOString(),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    assignees,
    version: row.version,
  };
}

export function presentHousehold(
  row: HouseholdRow,
  place: PlaceLabels,
  members: Person[],
  caseFile: Household['caseFile'],
  permittedActions: Action[],
): Household {
  return {
    id: row.id,
    accommodation: row.accommodation,
    accommodationName: row.accommodationName,
    street: row.street,
    houseNumber: row.houseNumber,
    postcode: row.postcode,
    quarter: place.quarter,
    member: place.member,
    region: place.region,
    members,
    caseFile,
    version: row.version,
    permittedActions,
  };
}

export function presentCandidate(hit: SearchHit, score: number): SearchCandidate {
  const parts = { name: hit.nameScore, skeleton: 0.95 * hit.skeletonScore, phonetic: 0.8 * hit.phoneticScore };
  const matchedOn = parts.name >= parts.skeleton && parts.name >= parts.phonetic ? 'name' : parts.skeleton >= parts.phonetic ? 'skeleton' : 'phonetic';
  return {
    personId: hit.personId,
    householdId: hit.householdId,
    familyName: hit.familyName,
    givenNames: hit.givenNames,
    spellings: [...new Set(hit.spellings)],
    birthYear: hit.birthYear,
    birthDate: joinPartialDate(hit),
    score: Math.round(score * 1000) / 1000,
    matchedOn,
  };
}
