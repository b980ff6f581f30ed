import type { z } from 'zod';
import {
  officeAccessibility,
  siteAssessment as siteAssessmentContract,
  type createOffice as createOfficeContract,
  type moveOffice as moveOfficeContract,
  type OfficeDetail,
  type OfficeServices,
  type OfficeSummary,
  type updateOffice as updateOfficeContract,
} from '#contracts/offices.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { guardConstraints } from '#server/db-errors.ts';
import { forbidden, invalid, notFound } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { hhmm, openingFrom, weekSummary, type HoursRule } from './hours.ts';
import { may } from '#server/platform/authorize.ts';
import type { Action } from '#contracts/actions.ts';
import { officeActor, officePermittedActions, officeScope, requireOnOffice } from './offices.policy.ts';
import { findOffice, officesAt, type OfficeRow } from './office-rows.ts';
import * as q from './offices.queries.ts';
import { holdsAgreement } from '#server/modules/calls/calls.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { leadTimeOf, scorecardFor } from './scorecard.service.ts';
import { saveServices, servicesOf } from './services.ts';
import { nearestStops } from './transit.ts';

type Row = OfficeRow;
type HoursRow = Awaited<ReturnType<typeof q.hoursOf>>[number];
type ExceptionRow = Awaited<ReturnType<typeof q.exceptionsOf>>[number];

const toRule = (h: HoursRow): HoursRule => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes), kind: h.kind, validFrom: h.validFrom, validTo: h.validTo });

function summary(actor: Actor, row: Row, hours: HoursRow[], at: string, services: OfficeServices | undefined): OfficeSummary {
  return {
    id: row.id,
    name: row.name,
    region: { code: row.regionCode, name: row.regionName },
    provider: { id: row.providerId, name: row.providerName },
    address: { street: row.street, houseNumber: row.houseNumber, postcode: row.postcode, city: row.city },
    point: { lat: row.lat, lon: row.lon },
    contact: { phone: row.phone, email: row.email, web: row.web },
    languages: row.languages,
    openingHours: hours
      .filter((h) => h.officeId === row.id && (!h.validFrom || h.validFrom <= at) && (!h.validTo || h.validTo > at))
      .map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes), kind: h.kind })),
    services: services ?? { blocks: [], areas: [] },
    validFrom: row.validFrom,
    validTo: row.validTo,
    permittedActions: officePermittedActions(actor, row),
  };
}

/** Offices in force on a date (today in Berlin by default): public information, with what the actor may do with each. */
export async function listOffices(deps: Deps, actor: Actor, input: { at?: string | undefined; region?: string | undefined }): Promise<OfficeSummary[]> {
  const at = input.at ?? berlinDate(deps.now());
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const rows = await officesAt(tx, at, input.region);
    const ids = rows.map((r) => r.id);
    const [hours, services] = [await q.hoursOf(tx, ids), await servicesOf(tx, ids)];
    return rows.map((r) => summary(actor, r, hours, at, services.get(r.id)));
  });
}

export interface LoadedOffice {
  row: Row;
  hours: HoursRule[];
  exceptions: ExceptionRow[];
  accessibility: z.infer<typeof officeAccessibility>;
  assessment: z.infer<typeof siteAssessmentContract>;
}

export async function loadOffice(tx: Tx, id: string): Promise<LoadedOffice | null> {
  const row = await findOffice(tx, id);
  if (!row) return null;
  const [hours, exceptions] = [await q.hoursOf(tx, [id]), await q.exceptionsOf(tx, [id])];
  return {
    row,
    hours: hours.map(toRule),
    exceptions,
    accessibility: officeAccessibility.parse(row.accessibility),
    assessment: siteAssessmentContract.parse(row.siteAssessment),
  };
}

/** One office with hours for the next two weeks, accessibility, nearest stops and the scorecard's lights. */
export async function getOffice(deps: Deps, actor: Actor, id: string): Promise<OfficeDetail> {
  const today = berlinDate(deps.now());
  const appointments = await leadTimeOf(deps, id);
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const o = await loadOffice(tx, id);
    if (!o) throw notFound();
    const hoursToday = o.hours.filter((h) => (!h.validFrom || h.validFrom <= today) && (!h.validTo || h.validTo > today));
    const officeHours = { hours: o.hours, exceptions: o.exceptions };
    const stops = await nearestStops(tx, { lat: o.row.lat, lon: o.row.lon }, hoursToday);
    const card = await scorecardFor(tx, o, stops, today, appointments);
    const [hoursRows, services] = [await q.hoursOf(tx, [id]), await servicesOf(tx, [id])];
    return {
      ...summary(actor, o.row, hoursRows, today, services.get(id)),
      accessibility: o.accessibility,
      siteAssessment: o.assessment,
      exceptions: o.exceptions.filter((e) => e.date >= today).map((e) => ({ date: e.date, closed: e.closed, opens: e.opens ? hhmm(e.opens) : null, closes: e.closes ? hhmm(e.closes) : null, note: e.note })),
      nextDays: openingFrom(officeHours, today, 14),
      week: weekSummary(officeHours, today),
      nearestStops: stops,
      scorecard: card.map((c) => ({ criterion: c.criterion, light: c.light })),
      predecessorId: o.row.predecessorId,
    };
  });
}

/** An office within the actor's reach for the action, or 404 (another provider's, another region's office, as an unknown one). */
async function editableOffice(tx: Tx, actor: StaffActor, id: string, action: Action): Promise<Row> {
  const row = await findOffice(tx, id);
  if (!row) throw notFound();
  requireOnOffice(actor, action, row);
  return row;
}

const hoursRows = (rules: { weekday: number; opens: string; closes: string; kind: 'open' | 'walk_in' }[]) => rules.map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes, kind: r.kind }));
const exceptionRows = (list: { date: string; closed: boolean; opens: string | null; closes: string | null; note: string }[]) =>
  list.map((e) => ({ date: e.date, closed: e.closed, opens: e.opens, closes: e.closes, note: e.note }));

export async function createOffice(deps: Deps, actor: Actor, input: z.infer<typeof createOfficeContract>): Promise<{ id: string }> {
  const editor = officeActor(actor, 'office.create');
  const providerId = input.providerId ?? (editor.organisationKind === 'provider' ? editor.organisationId : undefined);
  if (!providerId) throw invalid([{ field: 'providerId', key: 'field.required' }]);
  // The catalogue's reach over the new office: a provider's admin its own organisation, a coordinator its regions.
  if (!may(editor, 'office.create', { organisationId: providerId })) throw invalid([{ field: 'providerId', key: 'field.invalidOption' }]);
  if (!may(editor, 'office.create', { regionCode: input.regionCode })) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
  return deps.db.transaction(officeScope(editor), async (tx) => {
    const region = await findRegion(tx, input.regionCode);
    if (!region) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
    if (!(await holdsAgreement(tx, providerId, region.id, input.validFrom))) {
      if (providerId === editor.organisationId) throw forbidden();
      throw invalid([{ field: 'providerId', key: 'field.noServiceAgreement' }]);
    }
    const row = await guardConstraints(() =>
      q.insertOffice(tx, {
        providerId,
        regionId: region.id,
        name: input.name,
        ...input.address,
        ...input.point,
        ...input.contact,
        languages: input.languages,
        accessibility: officeAccessibility.parse(input.accessibility ?? {}),
        validFrom: input.validFrom,
        validTo: input.validTo,
      }),
    );
    await q.replaceHours(tx, row.id, hoursRows(input.openingHours));
    await q.replaceExceptions(tx, row.id, exceptionRows(input.exceptions));
    await saveServices(tx, row.id, input.services);
    await recordAudit(tx, editor, { action: 'office.create', recordType: 'office', recordIds: [row.id] }, deps.now());
    return row;
  });
}

export async function updateOffice(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateOfficeContract>): Promise<void> {
  const editor = officeActor(actor, 'office.edit');
  await deps.db.transaction(officeScope(editor), async (tx) => {
    const row = await editableOffice(tx, editor, id, 'office.edit');
    if (input.validTo && input.validTo <= row.validFrom) throw invalid([{ field: 'validTo', key: 'field.periodOrder' }]);
    const updated = await guardConstraints(() =>
      q.updateOffice(tx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.address ?? {}),
        ...(input.point ?? {}),
        ...(input.contact ?? {}),
        ...(input.languages !== undefined ? { languages: input.languages } : {}),
        ...(input.accessibility !== undefined ? { accessibility: input.accessibility } : {}),
        ...(input.validTo !== undefined ? { validTo: input.validTo } : {}),
      }),
    );
    if (!updated) throw notFound();
    if (input.openingHours) await q.replaceHours(tx, id, hoursRows(input.openingHours));
    // The page shows (and sends back) exceptions from today on; past ones are kept as history.
    const today = berlinDate(deps.now());
    if (input.exceptions) await q.replaceExceptions(tx, id, exceptionRows(input.exceptions.filter((e) => e.date >= today)), today);
    if (input.services) await saveServices(tx, id, input.services);
    await recordAudit(tx, editor, { action: 'office.update', recordType: 'office', recordIds: [id] }, deps.now());
  });
}

/**
 * The office moves: the current row ends the day before `validFrom` (valid_to = validFrom), a new
 * row with the new address begins, carrying name, contact, languages, hours and services over.
 */
export async function moveOffice(deps: Deps, actor: Actor, id: string, input: z.infer<typeof moveOfficeContract>): Promise<{ id: string }> {
  const editor = officeActor(actor, 'office.move');
  return deps.db.transaction(officeScope(editor), async (tx) => {
    const row = await editableOffice(tx, editor, id, 'office.move');
    if (input.validFrom <= row.validFrom || (row.validTo && input.validFrom >= row.validTo)) throw invalid([{ field: 'validFrom', key: 'field.periodOrder' }]);
    const region = input.regionCode ? await findRegion(tx, input.regionCode) : { id: row.regionId };
    if (!region) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
    if (!(await holdsAgreement(tx, row.providerId, region.id, input.validFrom))) throw invalid([{ field: 'regionCode', key: 'field.noServiceAgreement' }]);
    await q.updateOffice(tx, id, { validTo: input.validFrom });
    const next = await q.insertOffice(tx, {
      providerId: row.providerId,
      regionId: region.id,
      predecessorId: row.id,
      name: row.name,
      ...input.address,
      ...input.point,
      phone: row.phone,
      email: row.email,
      web: row.web,
      languages: row.languages,
      accessibility: {},
      validFrom: input.validFrom,
      validTo: row.validTo,
    });
    const hours = await q.hoursOf(tx, [id]);
    await q.replaceHours(tx, next.id, hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes, kind: h.kind, validFrom: h.validFrom, validTo: h.validTo })));
    await saveServices(tx, next.id, (await servicesOf(tx, [id])).get(id) ?? { blocks: [], areas: [] });
    await recordAudit(tx, editor, { action: 'office.move', recordType: 'office', recordIds: [id, next.id] }, deps.now());
    return next;
  });
}

/** The coordinator's entries for the scorecard (footpaths, signage, position). */
export async function setSiteAssessment(deps: Deps, actor: Actor, id: string, input: z.infer<typeof siteAssessmentContract>): Promise<void> {
  const assessor = officeActor(actor, 'office.assess-site');
  await deps.db.transaction(officeScope(assessor), async (tx) => {
    await editableOffice(tx, assessor, id, 'office.assess-site');
    const updated = await q.updateOffice(tx, id, { siteAssessment: input });
    if (!updated) throw notFound();
    await recordAudit(tx, assessor, { action: 'office.assess', recordType: 'office', recordIds: [id] }, deps.now());
  });
}
