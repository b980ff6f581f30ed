import type { z } from 'zod';
import { roleMay } from '#contracts/actions.ts';
import type { recordRef } from '#contracts/audit.ts';
import type { Tx } from '#server/db.ts';
import type { StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfServiceAgreements } from '#server/modules/calls/calls.public.ts';
import { catalogLabel, labelsOfCatalogServices, labelsOfCatalogVersions } from '#server/modules/catalog/catalog.public.ts';
import { labelsOfAccounts, labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { labelsOfOffices } from '#server/modules/offices/offices.public.ts';
import { labelsOfRegionMembers, labelsOfRegions } from '#server/modules/regions/regions.public.ts';

/**
 * Labels for the records an audit entry names, resolved when the log is read (the chain keeps ids
 * only), through the other modules' public functions: a registry by record type. Each resolver
 * gets every id of its type on one page at once (one look-up per type and page, never per row)
 * and runs in the reader's transaction, so row-level security decides what it can see.
 *
 * A resolver answers the ids it knows; an id it does not answer is shown as deleted. A record about
 * people (appointment, waitlist entry; later household, person, case_file) never shows its content:
 * its resolver answers `personal`, with a link only for readers allowed to open the record.
 *
 * For the cases module: export a `RecordResolvers` object from `cases.public.ts`, e.g.
 * `{ household: …, person: …, case_file: … }`, each answering `{ state: 'personal', href }` with
 * `href` set only when `reader.actor` may open the record (its own policy, under RLS), and spread
 * it into RECORD_RESOLVERS below.
 */

export type RecordRef = z.infer<typeof recordRef>;

/** Who reads, in which transaction (the reader's scope). */
export interface LabelReader {
  tx: Tx;
  actor: StaffActor;
}

export type Resolved =
  | { state: 'named'; label: string; detail?: string | null; href?: string | null }
  | { state: 'not-visible' }
  | { state: 'personal'; href?: string | null };

/** Resolves the ids of one record type; ids it leaves out are shown as deleted. */
export type RecordResolver = (reader: LabelReader, ids: readonly string[]) => Promise<ReadonlyMap<string, Resolved>>;
export type RecordResolvers = Readonly<Record<string, RecordResolver>>;

const byId = <T extends { id: string }>(rows: readonly T[], f: (row: T) => Resolved): Map<string, Resolved> => new Map(rows.map((r) => [r.id, f(r)]));

const organisations: RecordResolver = async ({ tx }, ids) => byId(await labelsOfOrganisations(tx, ids), (r) => ({ state: 'named', label: r.name }));

/**
 * Accounts are never deleted (only disabled), so an account the reader's scope cannot see belongs
 * to another organisation (e.g. the city's administrator in a provider's chain): `not-visible`.
 */
const accounts: RecordResolver = async ({ tx }, ids) => {
  const found = byId(await labelsOfAccounts(tx, ids), (r) => ({ state: 'named', label: r.displayName, detail: r.organisationName }));
  return new Map(ids.map((id) => [id, found.get(id) ?? { state: 'not-visible' }]));
};

const offices: RecordResolver = async ({ tx, actor }, ids) => {
  const mayOpen = roleMay(actor.role, 'office.read-scorecard');
  return byId(await labelsOfOffices(tx, ids), (r) => ({ state: 'named', label: r.name, href: mayOpen ? `/offices/${r.id}` : null }));
};

const regions: RecordResolver = async ({ tx }, ids) => byId(await labelsOfRegions(tx, ids), (r) => ({ state: 'named', label: r.name }));

const regionMembers: RecordResolver = async ({ tx }, ids) => byId(await labelsOfRegionMembers(tx, ids), (r) => ({ state: 'named', label: r.name }));

/** "Provider · Region", from–to: provider and region names from their own modules (one look-up each). */
const serviceAgreements: RecordResolver = async ({ tx }, ids) => {
  const rows = await labelsOfServiceAgreements(tx, ids);
  const providers = new Map((await labelsOfOrganisations(tx, [...new Set(rows.map((r) => r.providerId))])).map((o) => [o.id, o.name]));
  const regionNames = new Map((await labelsOfRegions(tx, [...new Set(rows.map((r) => r.regionId))])).map((o) => [o.id, o.name]));
  return byId(rows, (r) => ({
    state: 'named',
    label: `${providers.get(r.providerId) ?? '?'} · ${regionNames.get(r.regionId) ?? '?'}`,
    detail: `${r.validFrom} – ${r.validTo ?? '…'}${r.reference ? ` · ${r.reference}` : ''}`,
  }));
};

const catalogVersions: RecordResolver = async ({ tx }, ids) =>
  byId(await labelsOfCatalogVersions(tx, ids), (r) => ({ state: 'named', label: `${r.number}: ${r.label}`, href: `/catalog?version=${r.id}` }));

const catalogServices: RecordResolver = async ({ tx }, ids) =>
  byId(await labelsOfCatalogServices(tx, ids), (r) => ({ state: 'named', label: catalogLabel(r.name, 'de', r.code), detail: `${r.versionNumber} · ${r.code}`, href: `/catalog?version=${r.versionId}` }));

/** A record about a person with no page to open: a neutral label for every id, never its content. */
export const personalWithoutLink: RecordResolver = async (_reader, ids) => new Map(ids.map((id) => [id, { state: 'personal' }]));

/** The registry: record type → resolver. Types without one are shown by type and id. */
export const RECORD_RESOLVERS: RecordResolvers = {
  organisation: organisations,
  account: accounts,
  office: offices,
  region: regions,
  region_member: regionMembers,
  service_agreement: serviceAgreements,
  catalog_version: catalogVersions,
  catalog_service: catalogServices,
  appointment: personalWithoutLink,
  waitlist_entry: personalWithoutLink,
  // Case work: neutral until the cases module offers pages to link to (see the note on top).
  household: personalWithoutLink,
  person: personalWithoutLink,
  case_file: personalWithoutLink,
};

/** Entries whose ids name records of more than one type: the type of each position (else the entry's type). */
const POSITION_TYPES: Readonly<Record<string, readonly string[]>> = {
  'region-member.move': ['region_member', 'region'],
  'office-evidence-photo.upload': ['office_evidence_photo', 'office'],
  'office-evidence-photo.delete': ['office_evidence_photo', 'office'],
};

/** The (type, id) pairs an entry names, in the order of its ids. */
export function refsOf(entry: { action: string; recordType: string; recordIds: readonly string[] }): { type: string; id: string }[] {
  const types = POSITION_TYPES[entry.action];
  return entry.recordIds.map((id, i) => ({ type: types?.[i] ?? entry.recordType, id }));
}

export interface LabelledEntry<E> {
  entry: E;
  organisation: RecordRef;
  actor: RecordRef | null;
  records: RecordRef[];
}

/**
 * Labels a page of entries: collects every (type, id) the page names — the chain's organisation,
 * the acting account, the records — and calls each type's resolver once.
 */
export async function labelEntries<E extends { organisationId: string; actorAccountId: string | null; action: string; recordType: string; recordIds: string[] }>(
  reader: LabelReader,
  entries: readonly E[],
  resolvers: RecordResolvers = RECORD_RESOLVERS,
): Promise<LabelledEntry<E>[]> {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string) => {
    const ids = wanted.get(type) ?? new Set<string>();
    ids.add(id);
    wanted.set(type, ids);
  };
  for (const e of entries) {
    want('organisation', e.organisationId);
    if (e.actorAccountId) want('account', e.actorAccountId);
    for (const ref of refsOf(e)) want(ref.type, ref.id);
  }
  const resolved = new Map<string, ReadonlyMap<string, Resolved>>();
  for (const [type, ids] of wanted) {
    const resolver = resolvers[type];
    if (resolver) resolved.set(type, await resolver(reader, [...ids]));
  }
  const ref = (type: string, id: string): RecordRef => {
    const answers = resolved.get(type);
    const base = { type, id, label: null, detail: null, href: null };
    if (!answers) return { ...base, state: 'unlabelled' };
    const found = answers.get(id);
    if (!found) return { ...base, state: 'deleted' };
    switch (found.state) {
      case 'named':
        return { ...base, state: 'named', label: found.label, detail: found.detail ?? null, href: found.href ?? null };
      case 'personal':
        return { ...base, state: 'personal', href: found.href ?? null };
      case 'not-visible':
        return { ...base, state: 'not-visible' };
    }
  };
  return entries.map((e) => ({
    entry: e,
    organisation: ref('organisation', e.organisationId),
    actor: e.actorAccountId ? ref('account', e.actorAccountId) : null,
    records: refsOf(e).map((r) => ref(r.type, r.id)),
  }));
}
