import type { Deps } from '#server/deps.ts';
import type { Role } from '#server/modules/identity/identity.public.ts';
import { accountIdsByEmail, countOrganisations, insertAccount, insertOrganisation, hashPassword } from '#server/modules/identity/identity.public.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { seedDemoStreetDirectory } from './demo-streets.ts';
import { seedDemoOffices } from '#server/modules/offices/offices.public.ts';
import { seedDemoAppointments } from '#server/modules/appointments/appointments.public.ts';
import { seedDemoPartners } from '#server/modules/network/network.public.ts';
import { seedDemoAssessments, seedDemoConsents, seedDemoHouseholds, seedDemoLetters, seedDemoPlans, seedDemoQuickContacts, seedDemoReferrals, seedDemoRetention, seedDemoServiceEntries, seedDemoSpecialistRequests, seedDemoTransfers } from '#server/modules/cases/cases.public.ts';

/**
 * Demo content (fictional people and providers), loaded in demo mode into an empty database only.
 * Every capability adds its own demo content here, in every region.
 */
export const DEMO_PASSWORD = 'lotse-demo-2019';

export const DEMO_CITY = 'Landeshauptstadt Dresden · Sozialamt (Demo)';

export const DEMO_PROVIDERS = [
  { region: 'nord', name: 'Brückenschlag Nord e. V.', slug: 'nord' },
  { region: 'west', name: 'Elbwiesen Sozialwerk gGmbH', slug: 'west' },
  { region: 'mitte', name: 'Miteinander Mitte e. V.', slug: 'mitte' },
  { region: 'sued', name: 'Südlicht Migrationsdienste gGmbH', slug: 'sued' },
] as const;

export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string; org: 'city' | (typeof DEMO_PROVIDERS)[number]['slug'] }[] = [
  { email: 'admin@stadt.demo', role: 'city_admin', displayName: 'Anja Albrecht', org: 'city' },
  { email: 'koordination@stadt.demo', role: 'city_coordinator', displayName: 'Konrad Kühn', org: 'city' },
  { email: 'bewertung@stadt.demo', role: 'evaluator', displayName: 'Berit Brandt', org: 'city' },
  { email: 'leitung@nord.demo', role: 'provider_admin', displayName: 'Lena Lorenz', org: 'nord' },
  { email: 'beratung@nord.demo', role: 'social_worker', displayName: 'Bilal Berger', org: 'nord' },
  { email: 'beratung@sued.demo', role: 'social_worker', displayName: 'Sofia Seidel', org: 'sued' },
];

export async function seedDemo(deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'keys' | 'now'>>): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await deps.db.transaction({ kind: 'system', useCase: 'seed.demo' }, async (tx) => {
    if (await countOrganisations(tx)) return false;
    const orgIds = new Map<string, string>();
    const city = await insertOrganisation(tx, { kind: 'city', name: DEMO_CITY });
    orgIds.set('city', city.id);
    for (const p of DEMO_PROVIDERS) {
      const org = await insertOrganisation(tx, { kind: 'provider', name: p.name });
      orgIds.set(p.slug, org.id);
      const region = await findRegion(tx, p.region);
      if (!region) throw new Error(`demo: region ${p.region} is missing; seed reference data first`);
      await insertServiceAgreement(tx, { providerId: org.id, regionId: region.id, reference: `IBV-2019-${p.slug.toUpperCase()}`, validFrom: '2019-07-01' });
    }
    for (const a of DEMO_ACCOUNTS) {
      const organisationId = orgIds.get(a.org);
      if (!organisationId) throw new Error(`demo: no organisation ${a.org}`);
      await insertAccount(tx, { organisationId, email: a.email, role: a.role, displayName: a.displayName, passwordHash });
    }
    await seedDemoOffices(tx, orgIds);
    // Every region's provider keeps the partners of its region (Jobcenter, Volkshochschule, Kita, health, counselling).
    await seedDemoPartners(tx, deps.now?.() ?? new Date(), DEMO_PROVIDERS.map((p) => ({ organisationId: orgIds.get(p.slug) ?? '', regionCode: p.region })));
    // Households with names in several scripts, for every provider in its region.
    await seedDemoHouseholds(tx, DEMO_PROVIDERS.map((p) => ({ organisationId: orgIds.get(p.slug) ?? '', regionCode: p.region })), deps.now?.() ?? new Date());
    // Support plans with goals due around today (sealed texts need the key ring), the cases assigned to the region's social worker.
    if (deps.keys) {
      const workers = await accountIdsByEmail(tx, DEMO_ACCOUNTS.filter((a) => a.role === 'social_worker').map((a) => a.email));
      const providers = DEMO_PROVIDERS.map((p) => ({ organisationId: orgIds.get(p.slug) ?? '', regionCode: p.region, socialWorkerId: workers.get(`beratung@${p.slug}.demo`) ?? null }));
      await seedDemoPlans(tx, deps.keys, deps.now?.() ?? new Date(), providers);
      // Needs assessments with their history per area (health and marked notes sealed).
      await seedDemoAssessments(tx, deps.keys, deps.now?.() ?? new Date(), providers);
      // Service entries of the last weeks (a health note sealed), each with its statistics row.
      await seedDemoServiceEntries(tx, deps.keys, deps.now?.() ?? new Date(), providers);
      // Consents per purpose and recipient: valid, run out, withdrawn.
      await seedDemoConsents(tx, deps.now?.() ?? new Date(), providers);
      // Referrals to partners the consents name: one accepted, one sent, each with its follow-up.
      await seedDemoReferrals(tx, deps.now?.() ?? new Date(), providers);
      // Letters with their deadlines (one due soon, one overdue, one dealt with), the files sealed.
      await seedDemoLetters(tx, deps.keys, deps.now?.() ?? new Date(), providers);
      // Fachleistungen: an approval with specialist hours booked against it, and a request waiting for the city's coordinator.
      const [coordinator] = (await accountIdsByEmail(tx, ['koordination@stadt.demo'])).values();
      await seedDemoSpecialistRequests(tx, deps.keys, deps.now?.() ?? new Date(), providers, coordinator ?? null);
      // Transfers: every region's provider has one household of the region before it coming in, pending, covered by its people's consents.
      await seedDemoTransfers(tx, deps.keys, deps.now?.() ?? new Date(), providers);
    }
    // Retention: every provider's one case file closed three years and a month ago, due for erasure (the administrator's review list).
    await seedDemoRetention(tx, deps.now?.() ?? new Date(), DEMO_PROVIDERS.map((p) => ({ organisationId: orgIds.get(p.slug) ?? '', regionCode: p.region })));
    // Anonymous quick contacts at every region's office on the weekdays of the last two weeks (open consultation).
    await seedDemoQuickContacts(tx, deps.now?.() ?? new Date(), DEMO_PROVIDERS.map((p) => ({ organisationId: orgIds.get(p.slug) ?? '' })));
    // Demo bookings hold sealed names: only where the key ring is at hand (start, CLI, tests).
    if (deps.keys) await seedDemoAppointments(tx, deps.keys, deps.now?.() ?? new Date(), orgIds);
    return true;
  });
  if (seeded) await seedDemoStreetDirectory(deps);
  return seeded;
}
