import type { z } from 'zod';
import type { createQuickContactBody, QuickContact, quickContactListQuery } from '#contracts/case-work.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { integrationAreaIds } from '#server/modules/catalog/catalog.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { findOffice } from '#server/modules/offices/offices.public.ts';
import { authorizeRecord, authorizeStaff } from '#server/platform/authorize.ts';
import { invalid, notFound, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { caseScope } from './cases.policy.ts';

/** The provider's own office within reach for the action (else 404). */
async function officeInReach(tx: Tx, staff: StaffActor, action: 'quick-contact.read' | 'quick-contact.create', id: string) {
  const office = await findOffice(tx, id);
  if (!office || office.providerId !== staff.organisationId) throw notFound();
  authorizeRecord(staff, action, { organisationId: office.providerId, regionCode: office.regionCode });
  return office;
}

const present = (r: w.QuickContactRow): QuickContact => ({
  id: r.id, officeId: r.officeId, occurredOn: r.occurredOn, areaCodes: r.areaCodes, language: r.language, interpreter: r.interpreter, countedPersons: r.countedPersons, minutes: r.minutes, createdAt: r.createdAt.toISOString(),
});

/**
 * Writes a checked quick contact (areas once each) and one statistics row per area (block
 * open_consultation, the office's region), in the caller's transaction (decision 0014). The API's
 * use case and the demo seed both write through it.
 */
export async function writeQuickContact(tx: Tx, author: { organisationId: string; accountId: string | null }, office: { id: string; regionCode: string }, input: z.infer<typeof createQuickContactBody>, now: Date): Promise<w.QuickContactRow> {
  const areas = [...new Set(input.areaCodes)];
  const row = await w.insertQuickContact(tx, { organisationId: author.organisationId, officeId: office.id, occurredOn: input.occurredOn, areaCodes: areas, language: input.language, interpreter: input.interpreter, countedPersons: input.countedPersons, minutes: input.minutes, createdBy: author.accountId, createdAt: now });
  for (const areaCode of areas) {
    await w.insertStatistic(tx, {
      organisationId: author.organisationId, source: 'quick_contact', ...statisticPeriod(input.occurredOn), blockCode: 'open_consultation', areaCode, setting: 'office',
      language: input.language, interpreter: input.interpreter, regionCode: office.regionCode, quarterCode: null, ageBand: null, sex: null, residenceGroup: null,
      minutes: input.minutes, countedPersons: input.countedPersons, alongsidePersons: 0,
    });
  }
  return row;
}

/**
 * POST /api/offices/:id/quick-contacts: a visitor at the Integrationsbüro counselled without a
 * case file, never named. Writes one statistics row per area (block open_consultation), in the
 * same transaction (decision 0014).
 */
export async function recordQuickContact(deps: Deps, actor: Actor, officeId: string, input: z.infer<typeof createQuickContactBody>): Promise<QuickContact> {
  const staff = authorizeStaff(actor, 'quick-contact.create');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const office = await officeInReach(tx, staff, 'quick-contact.create', officeId);
    const known = await integrationAreaIds(tx, [...new Set(input.areaCodes)]);
    const errors: FieldError[] = input.areaCodes.flatMap((code, i) => (known.has(code) ? [] : [{ field: `areaCodes.${i}`, key: 'field.invalidOption' }]));
    if (input.occurredOn > berlinDate(now)) errors.push({ field: 'occurredOn', key: 'field.invalid' });
    if (errors.length) throw invalid(errors);
    const row = await writeQuickContact(tx, { organisationId: staff.organisationId, accountId: staff.accountId }, office, input, now);
    await recordAudit(tx, staff, { action: 'quick-contact.create', recordType: 'quick_contact', recordIds: [row.id, office.id] }, now);
    return present(row);
  });
}

/** GET /api/offices/:id/quick-contacts?date=: the office's quick contacts of a day (today when left out), with the day's totals. */
export async function listQuickContacts(deps: Deps, actor: Actor, officeId: string, query: z.infer<typeof quickContactListQuery>): Promise<{ contacts: QuickContact[]; totals: { contacts: number; persons: number } }> {
  const staff = authorizeStaff(actor, 'quick-contact.read');
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const office = await officeInReach(tx, staff, 'quick-contact.read', officeId);
    const contacts = (await w.quickContactsOn(tx, office.id, query.date ?? berlinDate(deps.now()))).map(present);
    return { contacts, totals: { contacts: contacts.length, persons: contacts.reduce((n, c) => n + c.countedPersons, 0) } };
  });
}
