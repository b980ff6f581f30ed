import { catalogLabel, integrationAreasInOrder, labelsOfCatalogServices } from '#server/modules/catalog/catalog.public.ts';
import { partnersForReferral } from '#server/modules/network/network.public.ts';
import type { Tx } from '#server/db.ts';
import type { SubjectAccessSection } from '#server/platform/subject-access.ts';
import * as a from './assessments.queries.ts';
import { openNote } from './assessments.service.ts';
import * as q from './cases.queries.ts';
import * as k from './consents.queries.ts';
import * as l from './letters.queries.ts';
import * as r from './referrals.queries.ts';
import * as sr from './specialist-requests.queries.ts';
import { openGoal } from './plans.service.ts';
import * as p from './plans.queries.ts';
import * as s from './subject-access.queries.ts';

/**
 * What case work holds about a person beyond the person and household records themselves (those
 * the export and the erasure handle directly, subject-access.service.ts): referrals, consents,
 * letters (their facts; the scans stay in the letters list), needs assessments, plan goals,
 * service entries. Each leaves out what concerns only another member —
 * an assessment of another person, a goal another member is responsible for.
 */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

async function areaNames(tx: Tx, locale: string): Promise<Map<string, string>> {
  return new Map((await integrationAreasInOrder(tx)).map((r) => [r.code, catalogLabel(r.name, locale, r.code)]));
}

const consents: SubjectAccessSection = {
  name: 'consents',
  async collect(tx, _keys, subject) {
    return (await k.consentsOfPerson(tx, subject.personId)).map((c) => ({
      purpose: c.purpose,
      recipient: c.recipient,
      givenOn: c.givenOn,
      method: c.method,
      witnessName: c.witnessName,
      validUntil: c.validUntil,
      withdrawnAt: iso(c.withdrawnAt),
    }));
  },
  async erase(tx, subject) {
    return subject.wholeHousehold ? s.eraseRows(tx, 'consent', 'household_id', [subject.householdId]) : s.eraseRows(tx, 'consent', 'person_id', subject.personIds);
  },
};

const assessments: SubjectAccessSection = {
  name: 'assessments',
  async collect(tx, keys, subject) {
    const areas = await areaNames(tx, subject.locale);
    const rows = (await a.allAssessmentsOf(tx, subject.householdId)).filter((r) => r.personId === null || r.personId === subject.personId);
    return rows.map((r) => ({
      concerns: r.personId ? 'person' : 'household',
      area: areas.get(r.areaCode) ?? r.areaCode,
      level: r.level,
      assessedOn: r.assessedOn,
      note: openNote(keys, r),
    }));
  },
  erase: (tx, subject) => s.deleteAssessments(tx, subject.householdId, subject.personIds, subject.wholeHousehold),
};

const goals: SubjectAccessSection = {
  name: 'goals',
  async collect(tx, keys, subject) {
    const file = await q.caseFileOfHousehold(tx, subject.householdId);
    const plan = file ? await p.planOfCaseFile(tx, file.id) : undefined;
    if (!plan) return [];
    const areas = await areaNames(tx, subject.locale);
    const rows = (await p.goalsOf(tx, plan.id)).filter((g) => g.responsiblePersonId === null || g.responsiblePersonId === subject.personId);
    return rows.map((g) => {
      const open = openGoal(keys, g);
      return {
        area: areas.get(g.areaCode) ?? g.areaCode,
        title: open.title,
        steps: open.steps.map((step) => `${step.done ? '✓ ' : ''}${step.text}`),
        responsible: g.responsiblePersonId === subject.personId ? 'person' : g.responsibleKind,
        dueOn: g.dueOn,
        status: g.status,
        reviewedOn: g.reviewedOn,
        reviewNote: open.reviewNote,
      };
    });
  },
  erase: (tx, subject) => s.eraseGoals(tx, subject.householdId, subject.personIds, subject.wholeHousehold),
};

const serviceEntries: SubjectAccessSection = {
  name: 'serviceEntries',
  async collect(tx, keys, subject) {
    const rows = await s.serviceEntriesWith(tx, subject.personId);
    const services = new Map((await labelsOfCatalogServices(tx, [...new Set(rows.map((r) => r.catalogServiceId))])).map((x) => [x.id, catalogLabel(x.name, subject.locale, x.code)]));
    return rows.map((r) => ({
      occurredOn: r.occurredOn,
      service: services.get(r.catalogServiceId) ?? '',
      role: r.counselledIds.includes(subject.personId) ? 'counselled' : 'alongside',
      minutes: r.minutes,
      setting: r.setting,
      language: r.language,
      interpreter: r.interpreter,
      note: r.noteSealed && r.note ? keys.open(r.note, `service_entry:${r.id}:note`) : r.note,
    }));
  },
  erase: (tx, subject) => s.eraseServiceEntries(tx, subject.householdId, subject.personIds, subject.wholeHousehold),
};

const letters: SubjectAccessSection = {
  name: 'letters',
  async collect(tx, _keys, subject) {
    const rows = (await l.lettersOfHousehold(tx, subject.householdId)).filter((x) => x.personId === null || x.personId === subject.personId);
    return rows.map((x) => ({
      concerns: x.personId ? 'person' : 'household',
      authority: x.authority,
      authorityName: x.authorityName,
      fileNumber: x.fileNumber,
      receivedOn: x.receivedOn,
      dueOn: x.dueOn,
      status: x.state,
      note: x.note,
      contentType: x.contentType,
    }));
  },
  async erase(tx, subject) {
    const ids = await s.lettersToErase(tx, subject.householdId, subject.personIds, subject.wholeHousehold);
    await s.eraseRows(tx, 'letter_file', 'letter_id', ids);
    return s.eraseRows(tx, 'letter', 'id', ids);
  },
};

const referrals: SubjectAccessSection = {
  name: 'referrals',
  async collect(tx, _keys, subject) {
    const rows = (await r.referralsOfHousehold(tx, subject.householdId)).filter((x) => x.personId === subject.personId);
    const partners = await partnersForReferral(tx, rows.map((x) => x.partnerId));
    return rows.map((x) => ({
      partner: partners.get(x.partnerId)?.name ?? '',
      purpose: x.purpose,
      status: x.state,
      sentOn: x.sentOn,
      followUpOn: x.followUpOn,
      outcome: x.outcome,
    }));
  },
  erase: (tx, subject) => (subject.wholeHousehold ? s.eraseRows(tx, 'referral', 'household_id', [subject.householdId]) : s.eraseRows(tx, 'referral', 'person_id', subject.personIds)),
};

const specialistRequests: SubjectAccessSection = {
  name: 'specialistRequests',
  async collect(tx, _keys, subject) {
    return (await sr.requestsOfHousehold(tx, subject.householdId)).map((x) => ({
      pseudonym: x.pseudonym,
      status: x.status,
      criteria: x.criteria,
      forecastHours: x.forecastHours,
      justification: x.justification,
      submittedAt: iso(x.submittedAt),
      approvedHours: x.approvedHours,
      approvedFrom: x.approvedFrom,
      approvedUntil: x.approvedUntil,
      decisionReason: x.decisionReason,
    }));
  },
  // They concern the household: erasing some people leaves them; the whole household leaves anonymous figures.
  erase: async (tx, subject) => (subject.wholeHousehold ? s.anonymiseSpecialistRequests(tx, subject.householdId) : 0),
};

const transfers: SubjectAccessSection = {
  name: 'transfers',
  // The package's content is the people's data the export shows already (person, consents, goals); this names the transfer only.
  async collect(tx, _keys, subject) {
    return (await s.transfersOfHousehold(tx, subject.householdId)).map((x) => ({ direction: x.direction, status: x.state, createdAt: iso(x.createdAt), decidedAt: iso(x.decidedAt) }));
  },
  erase: (tx, subject) => s.eraseTransfers(tx, subject.organisationId, subject.householdId, subject.wholeHousehold),
};

/**
 * Case work's sections, in the order the export shows them and the erasure runs them: referrals
 * before the consents they name, letters before the people they concern; the Fachleistung requests
 * (anonymised, not deleted) and transfers (the package cleared, the row kept) before the household.
 */
export const CASE_SUBJECT_ACCESS: readonly SubjectAccessSection[] = [referrals, consents, letters, assessments, goals, serviceEntries, specialistRequests, transfers];
