import type { Tx } from '#server/db.ts';
import { insertDemoHouseholds } from './demo.seed.ts';
import { demoHousehold, randomSource } from './demo.ts';
import { closeDemoCaseFileCreatedAt } from './retention.queries.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Demo retention: every provider gets one more household whose case file was closed (moved away)
 * three years and a month ago, so the administrator's review list shows a due erasure at once. It
 * is seeded last and on its own, so no other demo (plans, letters, Fachleistungen, transfers) points
 * at it and the erasure goes through.
 */
export async function seedDemoRetention(tx: Tx, now: Date, providers: readonly { organisationId: string; regionCode: string }[]): Promise<number> {
  const closedAt = new Date(now.getTime() - (3 * 365 + 31) * DAY);
  const openedAt = new Date(closedAt.getTime() - 420 * DAY);
  let closed = 0;
  for (const [index, provider] of providers.entries()) {
    const r = randomSource(3019 + index);
    const household = demoHousehold(r, provider.regionCode, openedAt.toISOString().slice(0, 10));
    // Created when it was opened: the only case file of the provider with that moment.
    await insertDemoHouseholds(tx, provider, [household], openedAt, r);
    closed += await closeDemoCaseFileCreatedAt(tx, provider.organisationId, openedAt, closedAt);
  }
  return closed;
}
