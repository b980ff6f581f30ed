import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import type { SealedColumn } from './sealed-fields.ts';

export interface SealedValue {
  key: string;
  organisationId: string;
  value: string | Buffer;
}

const id = (name: string) => sql.identifier(name);

/** Values of the column sealed under another key than the newest (the tag at their start tells), where the row says it seals. */
function underOlderKey(c: SealedColumn, newestKeyId: string): SQL {
  const flag = c.sealedFlag ? sql`and ${id(c.sealedFlag)}` : sql``;
  const col = id(c.column);
  const tagged = c.encoding === 'bytes'
    ? sql`substring(${col} from 1 for 3) = ${Buffer.from('v1.', 'latin1')} and substring(${col} from 1 for 12) <> ${Buffer.from(`v1.${newestKeyId}.`, 'latin1')}`
    : sql`${col} like 'v1.%' and ${col} not like ${`v1.${newestKeyId}.%`}`;
  return sql`${tagged} ${flag}`;
}

/** The next values of a column not sealed under the newest key (ordered by key, after `after`), locked against a concurrent rotation. */
export async function valuesToReseal(tx: Tx, c: SealedColumn, newestKeyId: string, after: string | null, limit: number): Promise<SealedValue[]> {
  const from = after === null ? sql`` : sql`and ${id(c.key)}::text > ${after}`;
  return queryRows<SealedValue>(
    tx,
    sql`select ${id(c.key)}::text as "key", ${id(c.organisation)}::text as "organisationId", ${id(c.column)} as "value"
        from ${id(c.table)}
        where ${underOlderKey(c, newestKeyId)} ${from}
        order by ${id(c.key)}::text
        limit ${limit}
        for update skip locked`,
  );
}

/** Replaces one sealed value, only while it is still the one read (a save in between wins and is sealed anew already). */
export async function replaceSealedValue(tx: Tx, c: SealedColumn, key: string, before: string | Buffer, after: string | Buffer): Promise<boolean> {
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`update ${id(c.table)} set ${id(c.column)} = ${after} where ${id(c.key)}::text = ${key} and ${id(c.column)} = ${before} returning ${id(c.key)}::text as "key"`,
  );
  return rows.length === 1;
}

/** How many values of a column are not sealed under the newest key (the dry run, and what is left). */
export async function countToReseal(tx: Tx, c: SealedColumn, newestKeyId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${id(c.table)} where ${underOlderKey(c, newestKeyId)}`);
  return row?.n ?? 0;
}
