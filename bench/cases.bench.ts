import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { Deps } from '#server/deps.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.public.ts';
import { generateDemoHouseholds } from '#server/modules/cases/cases.public.ts';
import { searchPeople } from '#server/modules/cases/people.service.ts';
import { nameKeysByPerson } from '#server/modules/cases/search.queries.ts';
import { hashPassword, insertAccount, insertOrganisation, type StaffActor } from '#server/modules/identity/identity.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { listenLocal, type Figure } from './lib.ts';

/**
 * Person search over many generated people (BENCH_CASES_PEOPLE, default 100 000, names in Arabic,
 * Persian, Cyrillic, Ethiopic and Latin script with their other spellings, from `lotse demo
 * generate`): POST /api/people/search through the whole stack beside a plain indexed equality
 * look-up on the same table (person_name_key by person_id) behind a bare Fastify route. Before the
 * HTTP figures, p50/p99 of both statements called in process, one after another.
 */

const QUERIES = ['محمد الحسن', 'Muhammad Alhassan', 'Olena Schewtschenko', 'Олександр Коваленко', 'Zahra Rahimi', 'زهرا رحیمی', 'ተስፋዬ', 'Tesfay Gebrehiwot', 'Fatemeh Hosseini', 'Khalid Haddad', 'Yulia Melnik', 'Ahmed Darwish', 'Jusuf', 'Iwanow', 'Schehade'];

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function timings(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

export async function casesFigure(lotseUrl: string, deps: Deps): Promise<Figure> {
  const wanted = Number(process.env['BENCH_CASES_PEOPLE'] ?? 100_000);
  const password = randomBytes(12).toString('hex');
  const email = `bench.${randomBytes(3).toString('hex')}@bench.invalid`;
  const { organisationId, accountId } = await deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const provider = await insertOrganisation(tx, { kind: 'provider', name: `Bench cases ${randomBytes(3).toString('hex')}` });
    const region = await findRegion(tx, 'nord');
    if (!region) throw new Error('region nord missing');
    await insertServiceAgreement(tx, { providerId: provider.id, regionId: region.id, reference: 'BENCH', validFrom: '2019-07-01' });
    const account = await insertAccount(tx, { organisationId: provider.id, email, role: 'social_worker', displayName: 'Bench', passwordHash: await hashPassword(password) });
    return { organisationId: provider.id, accountId: account.id };
  });

  process.stdout.write(`generating about ${wanted.toLocaleString('en-US')} people…\n`);
  const t0 = performance.now();
  let people = 0;
  for (let seed = 1; people < wanted; seed++) {
    const households = Math.max(1, Math.ceil((wanted - people) / 3.7));
    people += (await generateDemoHouseholds(deps, { households: Math.min(households, 5000), seed })).people;
  }
  process.stdout.write(`generated ${people.toLocaleString('en-US')} people in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  // Fresh statistics, as autovacuum would gather them on PostgreSQL after such a load.
  await deps.db.owner.execute(sql`analyze household, person, person_name_key`);

  const actor: StaffActor = { kind: 'staff', accountId, organisationId, organisationKind: 'provider', role: 'social_worker', regionCodes: null, ip: '127.0.0.1', requestId: null };
  const sample = await searchPeople(deps, actor, { query: 'Mohammed', birthDate: null, limit: 20 });
  const personId = sample.candidates[0]?.personId;
  if (!personId) throw new Error('the generated people hold no Mohammed');
  const searchOnce = (i: number) => searchPeople(deps, actor, { query: QUERIES[i % QUERIES.length] ?? 'Mohammed', birthDate: i % 3 === 0 ? '1985' : null, limit: 20 });
  const lookupOnce = () => deps.db.transaction({ kind: 'tenant', organisationId }, (tx) => nameKeysByPerson(tx, personId));
  // A warm-up round of each, as the HTTP figures have one: the first calls compile and plan the
  // search function and read its pages, and would otherwise make up the p99.
  await timings(3 * QUERIES.length, searchOnce);
  await timings(3 * QUERIES.length, lookupOnce);
  const search = await timings(300, searchOnce);
  const lookup = await timings(300, lookupOnce);
  process.stdout.write(
    `person search over ${people.toLocaleString('en-US')} people, in process: p50 ${search.p50.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms` +
      ` — equality look-up on person_name_key: p50 ${lookup.p50.toFixed(1)} ms, p99 ${lookup.p99.toFixed(1)} ms\n`,
  );

  const login = await fetch(`${lotseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`login answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await login.json()) as { me: { csrfToken: string } }).me.csrfToken;

  const bare = Fastify({ logger: false });
  bare.get('/keys', async () => deps.db.transaction({ kind: 'tenant', organisationId }, (tx) => nameKeysByPerson(tx, personId)));
  const bareUrl = await listenLocal(bare);

  return {
    name: 'cases',
    subject: {
      label: `POST /api/people/search (${people.toLocaleString('en-US')} people)`,
      url: `${lotseUrl}/api/people/search`,
      method: 'POST',
      body: JSON.stringify({ query: 'Muhammad Alhassan', birthDate: '1985' }),
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    },
    baseline: { label: 'bare Fastify, person_name_key by person_id', url: `${bareUrl}/keys` },
    close: () => bare.close(),
  };
}
