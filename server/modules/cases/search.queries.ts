import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { personNameKey } from './cases.schema.ts';

/**
 * The person search: trigram word similarity (pg_trgm) over each spelling's folded Latin key, its
 * consonant skeleton and its double-metaphone codes, best spelling per person — scored over the
 * tenant's distinct key values (person_name_term), see docs/decisions/0020-person-search-terms.md.
 * The tenant binds it (RLS, and the search function's own rule); `regionCodes` keeps a region-bound
 * social worker inside its regions.
 */

export interface NameKeyValues {
  spelling: string;
  latin: string;
  skeleton: string;
}

export async function insertNameKeys(tx: Tx, organisationId: string, personId: string, keys: readonly NameKeyValues[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.insert(personNameKey).values(keys.map((k) => ({ organisationId, personId, spelling: k.spelling, latin: k.latin, skeleton: k.skeleton, phonetic: sql`lotse_name_phonetic(${k.latin})` })));
}

/** Search keys of many people at once (demo data, benchmark). */
export async function insertNameKeyRows(tx: Tx, organisationId: string, rows: readonly { personId: string; key: NameKeyValues }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(personNameKey).values(rows.map(({ personId, key }) => ({ organisationId, personId, spelling: key.spelling, latin: key.latin, skeleton: key.skeleton, phonetic: sql`lotse_name_phonetic(${key.latin})` })));
}

export async function deleteNameKeys(tx: Tx, personId: string): Promise<void> {
  await tx.delete(personNameKey).where(eq(personNameKey.personId, personId));
}

export async function moveNameKeys(tx: Tx, fromPersonId: string, toPersonId: string): Promise<void> {
  await tx.update(personNameKey).set({ personId: toPersonId }).where(eq(personNameKey.personId, fromPersonId));
}

export async function spellingsOf(tx: Tx, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  const rows = await tx.select({ personId: personNameKey.personId, spelling: personNameKey.spelling }).from(personNameKey).where(inArray(personNameKey.personId, [...personIds])).orderBy(personNameKey.id);
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r.spelling]);
  return map;
}

export interface SearchHit {
  personId: string;
  householdId: string;
  regionCode: string;
  familyName: string;
  givenNames: string;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  nameScore: number;
  skeletonScore: number;
  phoneticScore: number;
  spellings: string[];
}

/**
 * People whose spellings resemble the query keys, best first, up to `limit` (merged records left
 * out). lotse_person_name_matches (migrations person_search, person_name_term) scores the tenant's
 * distinct key values by trigram similarity and looks the people up by value, bound to the tenant by
 * the function itself; person and household are read in a second statement under their policies, by
 * primary key (joined in one statement, the planner guessed 1 000 rows from the function and scanned
 * every household of the tenant through its policy).
 */
export async function searchPeople(tx: Tx, query: { latin: string; skeleton: string }, regionCodes: readonly string[] | null, limit: number): Promise<SearchHit[]> {
  const regions = regionCodes === null ? sql`null::text[]` : sql`array[${sql.join([...regionCodes, ''].map((c) => sql`${c}`), sql`, `)}]::text[]`;
  // The query's phonetic key as an argument: computed once for the call.
  const matches = await queryRows<{ personId: string; nameScore: number; skeletonScore: number; phoneticScore: number; spellings: string[] }>(
    tx,
    sql`
      select m.person_id as "personId", m.name_score::float8 as "nameScore", m.skeleton_score::float8 as "skeletonScore",
             m.phonetic_score::float8 as "phoneticScore", m.spellings as "spellings"
      from lotse_person_name_matches(${query.latin}, ${query.skeleton}, lotse_name_phonetic(${query.latin}), ${regions}, ${limit}) m`,
  );
  if (matches.length === 0) return [];
  const people = await queryRows<Omit<SearchHit, 'nameScore' | 'skeletonScore' | 'phoneticScore' | 'spellings'>>(
    tx,
    sql`
      select p.id as "personId", p.household_id as "householdId", h.region_code as "regionCode",
             p.family_name as "familyName", p.given_names as "givenNames",
             p.birth_year as "birthYear", p.birth_month as "birthMonth", p.birth_day as "birthDay"
      from person p
      join household h on h.id = p.household_id
      where p.id = any (array[${sql.join(
        matches.map((m) => sql`${m.personId}`),
        sql`, `,
      )}]::uuid[]) and p.merged_into_id is null`,
  );
  const byId = new Map(people.map((p) => [p.personId, p]));
  const best = (m: { nameScore: number; skeletonScore: number; phoneticScore: number }): number => Math.max(m.nameScore, 0.95 * m.skeletonScore, 0.8 * m.phoneticScore);
  return matches
    .flatMap((m) => {
      const p = byId.get(m.personId);
      return p ? [{ ...p, ...m }] : [];
    })
    .sort((a, b) => best(b) - best(a) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** The baseline of the benchmark: one indexed equality look-up on the same table. */
export async function nameKeysByPerson(tx: Tx, personId: string) {
  return tx.select().from(personNameKey).where(eq(personNameKey.personId, personId));
}
