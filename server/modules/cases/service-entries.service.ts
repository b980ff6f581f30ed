import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { createServiceEntryBody, ServiceEntry, serviceEntryListQuery, updateServiceEntryBody } from '#contracts/case-work.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import type { KeyRing } from '#server/keyring.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { catalogLabel, labelsOfCatalogServices, serviceById, serviceForEntry, type CatalogServiceInfo } from '#server/modules/catalog/catalog.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { ageBandOf, sealsNote, statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { caseScope } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { caseFileInReach } from './reach.ts';
import { residenceLabels, staleProblem } from './people.service.ts';

type EntryAction = 'service-entry.read' | 'service-entry.create' | 'service-entry.edit';

const noteContext = (id: string): string => `service_entry:${id}:note`;

async function present(deps: Pick<Deps, 'keys'>, tx: Tx, rows: w.ServiceEntryRow[], locale: string): Promise<ServiceEntry[]> {
  const services = new Map((await labelsOfCatalogServices(tx, [...new Set(rows.map((r) => r.catalogServiceId))])).map((s) => [s.id, s]));
  const infos = new Map<string, CatalogServiceInfo>();
  for (const id of services.keys()) {
    const info = await serviceById(tx, id);
    if (info) infos.set(id, info);
  }
  const authors = new Map((await labelsOfAccounts(tx, [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))])).map((a) => [a.id, a.displayName]));
  return rows.map((r) => {
    const s = services.get(r.catalogServiceId);
    const info = infos.get(r.catalogServiceId);
    return {
      id: r.id,
      householdId: r.householdId,
      occurredOn: r.occurredOn,
      minutes: r.minutes,
      service: { id: r.catalogServiceId, code: s?.code ?? '', name: s ? catalogLabel(s.name, locale, s.code) : '', areaCode: info?.areaCode ?? '', blockCode: info?.blockCode ?? '', versionId: r.catalogVersionId, versionNumber: s?.versionNumber ?? 0 },
      setting: r.setting,
      counselledIds: r.counselledIds,
      alongsideIds: r.alongsideIds,
      language: r.language,
      interpreter: r.interpreter,
      note: r.noteSealed && r.note ? deps.keys.open(r.note, noteContext(r.id)) : r.note,
      sealed: r.noteSealed,
      sensitive: r.sensitive,
      createdBy: r.createdBy ? { id: r.createdBy, name: authors.get(r.createdBy) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
    };
  });
}

/** Who took part: people of this household, counselled and alongside told apart, none twice. */
function participantErrors(members: ReadonlySet<string>, counselled: readonly string[], alongside: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [field, ids] of [['counselledIds', counselled], ['alongsideIds', alongside]] as const) {
    ids.forEach((id, i) => {
      if (!members.has(id) || seen.has(id)) errors.push({ field: `${field}.${i}`, key: 'field.invalidOption' });
      seen.add(id);
    });
  }
  return errors;
}

/** Where an entry is written: the household with its case file and members, the service in force that day. */
export interface EntryPlace {
  household: q.HouseholdRow;
  file: q.CaseFileRow;
  members: q.PersonRow[];
  service: CatalogServiceInfo;
}

/**
 * Writes a checked service entry (the note sealed where the area is sensitive or the entry marked so),
 * its anonymous statistics row (decision 0014) and the case file's last contact. The API's use case
 * and the demo seed both write through it.
 */
export async function writeServiceEntry(tx: Tx, keys: Pick<KeyRing, 'seal'>, author: { organisationId: string; accountId: string | null }, place: EntryPlace, input: z.infer<typeof createServiceEntryBody>, now: Date): Promise<w.ServiceEntryRow> {
  const { household, file, members, service } = place;
  const id = randomUUID();
  const sealed = sealsNote(service, input.sensitive);
  const row = await w.insertServiceEntry(tx, {
    id,
    organisationId: author.organisationId,
    householdId: household.id,
    caseFileId: file.id,
    occurredOn: input.occurredOn,
    minutes: input.minutes,
    catalogVersionId: service.versionId,
    catalogServiceId: service.id,
    setting: input.setting,
    counselledIds: input.counselledIds,
    alongsideIds: input.alongsideIds,
    language: input.language,
    interpreter: input.interpreter,
    note: sealed && input.note ? keys.seal(input.note, noteContext(id)) : input.note,
    noteSealed: sealed,
    sensitive: input.sensitive,
    createdBy: author.accountId,
    createdAt: now,
    updatedAt: now,
  });

  // The statistics row: what the city counts, nothing that names anyone (decision 0014).
  const first = members.find((m) => m.id === input.counselledIds[0]);
  const groups = await residenceLabels(tx);
  await w.insertStatistic(tx, {
    organisationId: author.organisationId,
    source: 'service_entry',
    ...statisticPeriod(input.occurredOn),
    blockCode: service.blockCode,
    areaCode: service.areaCode,
    setting: input.setting,
    language: input.language,
    interpreter: input.interpreter,
    regionCode: household.regionCode,
    quarterCode: household.quarterCode,
    ageBand: first ? ageBandOf(first.birthYear, input.occurredOn) : null,
    sex: first?.sex ?? null,
    residenceGroup: first?.residenceStatusCode ? (groups.get(first.residenceStatusCode)?.group ?? null) : null,
    minutes: input.minutes,
    countedPersons: input.counselledIds.length + input.alongsideIds.length,
    alongsidePersons: input.alongsideIds.length,
  });
  const contactAt = new Date(`${input.occurredOn}T12:00:00Z`);
  if (!file.lastContactAt || file.lastContactAt < contactAt) await w.touchLastContact(tx, file.id, contactAt);
  return row;
}

/**
 * POST /api/households/:id/service-entries: a service given, coded with a service of the catalog
 * version in force on its day. Seals the note where the area is sensitive or the entry is marked
 * so; writes the anonymous statistics row in the same transaction (decision 0014); audited.
 */
export async function createServiceEntry(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof createServiceEntryBody>, locale: string): Promise<ServiceEntry> {
  const staff = authorizeStaff(actor, 'service-entry.create');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'service-entry.create', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const errors: FieldError[] = [];
    if (input.occurredOn > berlinDate(now)) errors.push({ field: 'occurredOn', key: 'field.invalid' });
    const service = await serviceForEntry(tx, input.serviceId, input.occurredOn);
    if (!service) errors.push({ field: 'serviceId', key: 'field.invalidOption' });
    const members = await q.membersOf(tx, household.id);
    errors.push(...participantErrors(new Set(members.map((m) => m.id)), input.counselledIds, input.alongsideIds));
    if (errors.length || !service) throw invalid(errors);

    const row = await writeServiceEntry(tx, deps.keys, { organisationId: staff.organisationId, accountId: staff.accountId }, { household, file, members, service }, input, now);
    await recordAudit(tx, staff, { action: 'service-entry.create', recordType: 'service_entry', recordIds: [row.id, household.id] }, now);
    const [entry] = await present(deps, tx, [row], locale);
    if (!entry) throw new Error('service entry not presented');
    return entry;
  });
}

/** GET /api/households/:id/service-entries: the household's entries, newest first; the view is audited. */
export async function listServiceEntries(deps: Deps, actor: Actor, householdId: string, query: z.infer<typeof serviceEntryListQuery>, locale: string): Promise<{ entries: ServiceEntry[] }> {
  const staff = authorizeStaff(actor, 'service-entry.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household } = await caseFileInReach(tx, staff, 'service-entry.read', householdId);
    const rows = await w.serviceEntriesOf(tx, household.id, query.limit);
    await recordAudit(tx, staff, { action: 'service-entry.list', recordType: 'service_entry', recordIds: [household.id, ...rows.map((r) => r.id)] }, now);
    return { entries: await present(deps, tx, rows, locale) };
  });
}

async function entryInReach(tx: Tx, staff: StaffActor, action: EntryAction, id: string) {
  const row = await w.findServiceEntry(tx, id);
  if (!row) throw notFound();
  const { household, file } = await caseFileInReach(tx, staff, action, row.householdId);
  return { row, household, file };
}

/** GET /api/service-entries/:id: one entry (its note opened); audited. */
export async function readServiceEntry(deps: Deps, actor: Actor, id: string, locale: string): Promise<ServiceEntry> {
  const staff = authorizeStaff(actor, 'service-entry.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row, household } = await entryInReach(tx, staff, 'service-entry.read', id);
    await recordAudit(tx, staff, { action: 'service-entry.read', recordType: 'service_entry', recordIds: [row.id, household.id] }, now);
    const [entry] = await present(deps, tx, [row], locale);
    if (!entry) throw notFound();
    return entry;
  });
}

/**
 * PATCH /api/service-entries/:id: corrects an entry with the version read (409 with `current`
 * when changed meanwhile). Day and service stay (a different service is a new entry); the
 * statistics row stays as written at entry (decision 0014).
 */
export async function updateServiceEntry(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateServiceEntryBody>, locale: string): Promise<ServiceEntry> {
  const staff = authorizeStaff(actor, 'service-entry.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row, household } = await entryInReach(tx, staff, 'service-entry.edit', id);
    const counselled = input.counselledIds ?? row.counselledIds;
    const alongside = input.alongsideIds ?? row.alongsideIds;
    const members = await q.membersOf(tx, household.id);
    const errors = participantErrors(new Set(members.map((m) => m.id)), counselled, alongside);
    if (errors.length) throw invalid(errors);
    const service = await serviceById(tx, row.catalogServiceId);
    const sensitive = input.sensitive ?? row.sensitive;
    const sealed = sealsNote({ sensitive: service?.sensitive ?? true }, sensitive);
    const plain = input.note ?? (row.noteSealed && row.note ? deps.keys.open(row.note, noteContext(row.id)) : row.note);
    const updated = await w.updateServiceEntryAt(tx, row.id, input.version, {
      minutes: input.minutes,
      setting: input.setting,
      counselledIds: counselled,
      alongsideIds: alongside,
      language: input.language,
      interpreter: input.interpreter,
      sensitive,
      note: sealed && plain ? deps.keys.seal(plain, noteContext(row.id)) : plain,
      noteSealed: sealed,
    }, now);
    if (!updated) {
      const current = await w.findServiceEntry(tx, row.id);
      throw staleProblem(current ? (await present(deps, tx, [current], locale))[0] : null);
    }
    await recordAudit(tx, staff, { action: 'service-entry.update', recordType: 'service_entry', recordIds: [row.id, household.id] }, now);
    const [entry] = await present(deps, tx, [updated], locale);
    if (!entry) throw notFound();
    return entry;
  });
}
