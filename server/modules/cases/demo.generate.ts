import type { Deps } from '#server/deps.ts';
import { listServiceAgreements } from '#server/modules/calls/calls.public.ts';
import { systemActor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { insertDemoHouseholds } from './demo.seed.ts';
import { demoHousehold, randomSource } from './demo.ts';

const BATCH = 250;

/**
 * `lotse demo generate --households N [--seed S]`: N generated households with multi-script names,
 * spread over the providers holding a service agreement in force, each written in its provider's
 * tenant scope (RLS on) in batches. For trying Lotse with many people and for the benchmark; never
 * fixtures checked in.
 */
export async function generateDemoHouseholds(deps: Deps, input: { households: number; seed: number }): Promise<{ households: number; people: number; providers: number }> {
  const today = berlinDate(deps.now());
  const agreements = (await listServiceAgreements(deps, systemActor)).filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo > today));
  const providers = [...new Map(agreements.map((a) => [`${a.provider.id}|${a.region.code}`, { organisationId: a.provider.id, regionCode: a.region.code }])).values()];
  if (providers.length === 0) return { households: 0, people: 0, providers: 0 };
  const r = randomSource(input.seed);
  let people = 0;
  for (const [index, provider] of providers.entries()) {
    let remaining = Math.floor(input.households / providers.length) + (index < input.households % providers.length ? 1 : 0);
    while (remaining > 0) {
      const size = Math.min(BATCH, remaining);
      remaining -= size;
      const households = Array.from({ length: size }, () => demoHousehold(r, provider.regionCode, today));
      people += await deps.db.transaction({ kind: 'tenant', organisationId: provider.organisationId }, (tx) => insertDemoHouseholds(tx, provider, households, deps.now(), r));
    }
  }
  return { households: input.households, people, providers: providers.length };
}
