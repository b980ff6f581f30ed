import { randomBytes, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { Deps } from '#server/deps.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.public.ts';
import { insertServiceEntry } from '#server/modules/cases/case-work.queries.ts';
import { familyBody } from '#server/modules/cases/cases.fixture.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { hashPassword, insertAccount, insertOrganisation } from '#server/modules/identity/identity.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { berlinDate } from '#server/time.ts';
import { listenLocal, type Figure } from './lib.ts';

/**
 * The household page and service entries, each beside its baseline from the same run:
 * - `household`: GET /api/households/:id through the whole stack (session, CSRF-free read, access
 *   check, tenant transaction, the household's people and case file, the audit entry every view
 *   writes, zod serialisation) beside a bare Fastify route answering the same JSON from memory;
 * - `service-entries`: POST /api/households/:id/service-entries (the use case: reach, catalog
 *   version in force, participants, the entry, its anonymous statistics row and the audit entry in
 *   one transaction) beside a bare Fastify route writing the same service_entry row with one INSERT
 *   in a tenant transaction of its own. Each measured request writes a row.
 */

interface World {
  organisationId: string;
  accountId: string;
  household: { id: string; members: { id: string }[]; caseFile: { id: string } | null };
  headers: Record<string, string>;
}

let world: Promise<World> | undefined;

/** A provider of its own in Süd (the search figure's is in Nord, one provider per region), a provider admin signed in, and one household (four people) made through the API. */
async function setUp(lotseUrl: string, deps: Deps): Promise<World> {
  const password = randomBytes(12).toString('hex');
  const email = `bench.${randomBytes(3).toString('hex')}@bench.invalid`;
  const { organisationId, accountId } = await deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const provider = await insertOrganisation(tx, { kind: 'provider', name: `Bench households ${randomBytes(3).toString('hex')}` });
    const region = await findRegion(tx, 'sued');
    if (!region) throw new Error('region sued missing');
    await insertServiceAgreement(tx, { providerId: provider.id, regionId: region.id, reference: 'BENCH', validFrom: '2019-07-01' });
    const account = await insertAccount(tx, { organisationId: provider.id, email, role: 'provider_admin', displayName: 'Bench', passwordHash: await hashPassword(password) });
    return { organisationId: provider.id, accountId: account.id };
  });
  const login = await fetch(`${lotseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`login answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await login.json()) as { me: { csrfToken: string } }).me.csrfToken;
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  const created = await fetch(`${lotseUrl}/api/households`, { method: 'POST', headers, body: JSON.stringify(familyBody({ quarterCode: null, regionCode: 'sued', confirmNotDuplicate: true })) });
  if (created.status !== 201) throw new Error(`POST /api/households answered ${created.status}: ${await created.text()}`);
  return { organisationId, accountId, household: (await created.json()) as World['household'], headers };
}

const worldOf = (lotseUrl: string, deps: Deps): Promise<World> => (world ??= setUp(lotseUrl, deps));

export async function householdFigure(lotseUrl: string, deps: Deps): Promise<Figure> {
  const w = await worldOf(lotseUrl, deps);
  const url = `${lotseUrl}/api/households/${w.household.id}`;
  const res = await fetch(url, { headers: { cookie: w.headers['cookie'] ?? '' } });
  if (!res.ok) throw new Error(`GET /api/households/:id answered ${res.status}`);
  const payload = (await res.json()) as unknown;

  const bare = Fastify({ logger: false });
  bare.get('/household', async () => payload);
  const bareUrl = await listenLocal(bare);
  const check = await fetch(`${bareUrl}/household`);
  const [a, b] = [JSON.stringify(payload).length, (await check.text()).length];
  if (a !== b) throw new Error(`baseline payload differs in size: ${a} vs ${b}`);

  return {
    name: 'household',
    subject: { label: `GET /api/households/:id (${w.household.members.length} people, ${a} B, audited)`, url, headers: { cookie: w.headers['cookie'] ?? '' } },
    baseline: { label: 'bare Fastify, same JSON', url: `${bareUrl}/household` },
    close: () => bare.close(),
  };
}

export async function serviceEntriesFigure(lotseUrl: string, deps: Deps): Promise<Figure> {
  const w = await worldOf(lotseUrl, deps);
  const caseFileId = w.household.caseFile?.id;
  const [head, spouse] = w.household.members;
  if (!caseFileId || !head || !spouse) throw new Error('the household has no open case file or too few people');
  const now = deps.now();
  const catalog = await deps.db.transaction({ kind: 'tenant', organisationId: w.organisationId }, (tx) => currentCatalog(tx, now));
  const service = catalog?.services.find((s) => !s.sensitive && s.active && s.blockCode === 'basic');
  if (!catalog || !service) throw new Error('no catalog version in force with a basic service');
  const occurredOn = berlinDate(now);
  const body = { occurredOn, minutes: 45, serviceId: service.id, setting: 'office', counselledIds: [head.id], alongsideIds: [spouse.id], language: 'ar', interpreter: true, note: 'Schulanmeldung besprochen', sensitive: false } as const;
  const url = `${lotseUrl}/api/households/${w.household.id}/service-entries`;
  const first = await fetch(url, { method: 'POST', headers: w.headers, body: JSON.stringify(body) });
  if (first.status !== 201) throw new Error(`POST …/service-entries answered ${first.status}: ${await first.text()}`);
  const entry = (await first.json()) as { service: { versionId: string } };

  // The row the use case writes (a plain service: the note is not sealed), by one INSERT.
  const bare = Fastify({ logger: false });
  bare.post('/entries', async (_request, reply) => {
    const at = new Date();
    const row = await deps.db.transaction({ kind: 'tenant', organisationId: w.organisationId }, (tx) =>
      insertServiceEntry(tx, {
        id: randomUUID(),
        organisationId: w.organisationId,
        householdId: w.household.id,
        caseFileId,
        occurredOn,
        minutes: body.minutes,
        catalogVersionId: entry.service.versionId,
        catalogServiceId: service.id,
        setting: body.setting,
        counselledIds: [head.id],
        alongsideIds: [spouse.id],
        language: body.language,
        interpreter: body.interpreter,
        note: body.note,
        noteSealed: false,
        sensitive: false,
        createdBy: w.accountId,
        createdAt: at,
        updatedAt: at,
      }),
    );
    return reply.status(201).send({ id: row.id });
  });
  const bareUrl = await listenLocal(bare);

  return {
    name: 'service-entries',
    subject: { label: 'POST /api/households/:id/service-entries (entry + statistics row + audit)', url, method: 'POST', body: JSON.stringify(body), headers: w.headers },
    baseline: { label: 'bare Fastify, one INSERT into service_entry (tenant transaction)', url: `${bareUrl}/entries`, method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
    close: () => bare.close(),
  };
}
