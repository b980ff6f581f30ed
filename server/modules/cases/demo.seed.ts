import { randomUUID } from 'node:crypto';
import type { Tx } from '#server/db.ts';
import { placeOf } from '#server/modules/regions/regions.public.ts';
import * as q from './cases.queries.ts';
import { demoHousehold, randomSource, type DemoHousehold, type Random } from './demo.ts';
import { personValues, spellingKeys } from './people.service.ts';
import * as search from './search.queries.ts';

const DAY = 24 * 60 * 60 * 1000;
const KEY_BATCH = 1000;

/** The member (Stadtbezirk/Ortschaft) of each quarter, looked up once per quarter. */
async function memberCodes(tx: Tx, quarters: Iterable<string>, at: string): Promise<Map<string, string | null>> {
  const map = new Map<string, string | null>();
  for (const code of new Set(quarters)) map.set(code, (await placeOf(tx, { quarterCode: code, memberCode: null }, at))?.member.code ?? null);
  return map;
}

/**
 * Writes generated households of one provider in a region in a few statements (households,
 * people, search keys, case files): the demo seed and `lotse demo generate`. No duplicate check
 * and no audit entry — this is generated data, not a member of staff's work.
 */
export async function insertDemoHouseholds(tx: Tx, provider: { organisationId: string; regionCode: string }, households: readonly DemoHousehold[], now: Date, r: Random): Promise<number> {
  const at = now.toISOString().slice(0, 10);
  const members = await memberCodes(tx, households.map((h) => h.quarterCode), at);
  const householdRows: Parameters<typeof q.insertHouseholds>[1] = [];
  const personRows: Parameters<typeof q.insertPeople>[1] = [];
  const caseRows: Parameters<typeof q.insertCaseFiles>[1] = [];
  const keys: { personId: string; keys: ReturnType<typeof spellingKeys> }[] = [];
  for (const h of households) {
    const id = randomUUID();
    const { members: people, ...fields } = h;
    householdRows.push({ ...fields, id, organisationId: provider.organisationId, memberCode: members.get(h.quarterCode) ?? null, regionCode: provider.regionCode, createdAt: now, updatedAt: now });
    for (const p of people) {
      const personId = randomUUID();
      const values = personValues(p);
      personRows.push({ ...values, id: personId, organisationId: provider.organisationId, householdId: id, createdAt: now, updatedAt: now });
      keys.push({ personId, keys: spellingKeys(values) });
    }
    // Some cases are new (no contact yet), most active, some dormant for a while.
    const openedAt = new Date(now.getTime() - r.int(10, 700) * DAY);
    const contact = r.next();
    const lastContactAt = contact < 0.15 ? null : new Date(now.getTime() - (contact < 0.8 ? r.int(0, 60) : r.int(100, 300)) * DAY);
    caseRows.push({ organisationId: provider.organisationId, householdId: id, openedAt, lastContactAt: lastContactAt && lastContactAt < openedAt ? openedAt : lastContactAt, createdAt: now });
  }
  await q.insertHouseholds(tx, householdRows);
  for (let i = 0; i < personRows.length; i += KEY_BATCH) await q.insertPeople(tx, personRows.slice(i, i + KEY_BATCH));
  const keyRows = keys.flatMap((k) => k.keys.map((key) => ({ personId: k.personId, key })));
  for (let i = 0; i < keyRows.length; i += KEY_BATCH) {
    const batch = keyRows.slice(i, i + KEY_BATCH);
    await search.insertNameKeyRows(tx, provider.organisationId, batch);
  }
  await q.insertCaseFiles(tx, caseRows);
  return personRows.length;
}

/** A well-known family per region first (so the demo can be tried by name), then generated ones. */
const FIXED: Record<string, Partial<DemoHousehold['members'][number]> & { familyName: string }> = {
  nord: { familyName: 'Al-Hassan', givenNames: 'Mohammed', familyNameOriginal: 'الحسن', givenNamesOriginal: 'محمد', otherSpellings: ['Muhammad Alhassan'] },
  west: { familyName: 'Rahimi', givenNames: 'Zahra', familyNameOriginal: 'رحیمی', givenNamesOriginal: 'زهرا', sex: 'female' },
  mitte: { familyName: 'Tesfaye', givenNames: 'Saba', familyNameOriginal: 'ተስፋዬ', givenNamesOriginal: 'ሳባ', sex: 'female' },
  sued: { familyName: 'Shevchenko', givenNames: 'Olena', familyNameOriginal: 'Шевченко', givenNamesOriginal: 'Олена', otherSpellings: ['Olena Schewtschenko'], sex: 'female' },
};

/** Demo households for each provider in its region (seeded per region, so the same every time). */
export async function seedDemoHouseholds(tx: Tx, providers: readonly { organisationId: string; regionCode: string }[], now: Date, perProvider = 8): Promise<number> {
  let people = 0;
  const today = now.toISOString().slice(0, 10);
  for (const [index, provider] of providers.entries()) {
    const r = randomSource(2019 + index);
    const households = Array.from({ length: perProvider }, () => demoHousehold(r, provider.regionCode, today));
    const fixed = FIXED[provider.regionCode];
    const head = households[0]?.members[0];
    if (fixed && head && households[0]) households[0] = { ...households[0], members: [{ ...head, ...fixed }, ...households[0].members.slice(1).map((m) => ({ ...m, familyName: fixed.familyName, familyNameOriginal: fixed.familyNameOriginal ?? m.familyNameOriginal, otherSpellings: [] }))] };
    people += await insertDemoHouseholds(tx, provider, households, now, r);
  }
  return people;
}
