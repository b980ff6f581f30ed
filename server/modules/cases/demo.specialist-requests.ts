import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { berlinDate } from '#server/time.ts';
import * as q from './cases.queries.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';
import { writeServiceEntry } from './service-entries.service.ts';
import { applicationErrors, approvalErrors, latestUntil, newPseudonym } from './specialist-requests.policy.ts';
import * as s from './specialist-requests.queries.ts';

/**
 * Demo Fachleistungen (fictional): in every region one household of the provider has an approval
 * of 60 hours that began two months ago, with specialist hours booked against it (debt settlement,
 * preventing the loss of the flat, accompaniment into work); another household has a request
 * waiting for the city's coordinator. Each checked by the rules the API applies.
 */

const JUSTIFICATION = 'Mietschulden und mehrere offene Verfahren zugleich (Jobcenter, Familienkasse, Vermieter); die Familie braucht über die Grundleistung hinaus regelmäßige Begleitung zu Terminen.';
const WAITING = 'Schwere Erkrankung eines Kindes, Pflegegrad beantragt; Begleitung zu Kliniken und Ämtern nötig.';
const BOOKED: readonly { daysAgo: number; service: string; minutes: number; note: string }[] = [
  { daysAgo: 50, service: 'material.debt', minutes: 120, note: 'Schuldnerberatung: Ratenplan mit dem Vermieter vorbereitet' },
  { daysAgo: 34, service: 'housing.eviction', minutes: 90, note: 'Räumungsklage abgewendet, Vereinbarung unterschrieben' },
  { daysAgo: 12, service: 'work.transition', minutes: 60, note: 'Vorstellungsgespräch bei der Pflegeschule begleitet' },
];

/** The demo checks against the default threshold (LOTSE_SPECIALIST_THRESHOLD_HOURS); its forecasts lie well above it. */
const THRESHOLD = 35;

export async function seedDemoSpecialistRequests(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; socialWorkerId: string | null }[], coordinatorId: string | null): Promise<number> {
  const catalog = await currentCatalog(tx, now);
  const active = new Set((await s.listCriteria(tx)).filter((c) => c.active).map((c) => c.code));
  const today = berlinDate(now);
  const from = addDays(today, -60);
  const approval = { approvedFrom: from, approvedUntil: latestUntil(from) };
  const approved = { criteria: ['multiple-needs', 'housing'], forecastHours: 70, submit: true };
  const waiting = { criteria: ['health', 'children'], forecastHours: 45, submit: true };
  if (!catalog || applicationErrors(approved, active, THRESHOLD).length || applicationErrors(waiting, active, THRESHOLD).length || approvalErrors(approval).length) throw new Error('demo Fachleistung breaks the rules');
  let count = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    // The third household's approval, the second's request waiting (the first shows the plain case work).
    for (const [i, template] of [approved, waiting].entries()) {
      const at = files[i === 0 ? 2 : 1];
      const household = at ? await q.findHousehold(tx, at.householdId) : undefined;
      const file = household ? await q.caseFileOfHousehold(tx, household.id) : undefined;
      if (!household || !file) continue;
      const submittedAt = new Date(`${addDays(today, i === 0 ? -75 : -4)}T09:00:00Z`);
      const decided = i === 0;
      await s.insertRequest(tx, {
        organisationId: provider.organisationId,
        householdId: household.id,
        regionCode: household.regionCode,
        pseudonym: newPseudonym(),
        criteria: template.criteria,
        forecastHours: template.forecastHours,
        justification: decided ? JUSTIFICATION : WAITING,
        status: decided ? 'approved' : 'submitted',
        createdBy: provider.socialWorkerId,
        submittedAt,
        submittedBy: provider.socialWorkerId,
        ...(decided ? { ...approval, approvedHours: 60, decidedAt: new Date(`${addDays(today, -62)}T13:00:00Z`), decidedBy: coordinatorId, decisionReason: 'Kriterien erfüllt; Bewilligung für 12 Monate.', version: 2 } : {}),
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
      count += 1;
      if (!decided) continue;
      const members = await q.membersOf(tx, household.id);
      const head = members.find((m) => m.relationship === 'head') ?? members[0];
      for (const b of BOOKED) {
        const service = catalog.services.find((x) => x.code === b.service && x.active && x.blockCode === 'specialist');
        if (!service || !head) continue;
        const input = { occurredOn: addDays(today, -b.daysAgo), minutes: b.minutes, serviceId: service.id, setting: 'office' as const, counselledIds: [head.id], alongsideIds: [], language: 'de', interpreter: false, note: b.note, sensitive: false };
        await writeServiceEntry(tx, keys, { organisationId: provider.organisationId, accountId: provider.socialWorkerId }, { household, file, members, service }, input, now);
      }
    }
  }
  return count;
}
