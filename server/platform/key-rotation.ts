import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { systemActor } from '#server/modules/identity/identity.public.ts';
import { countToReseal, replaceSealedValue, valuesToReseal } from './key-rotation.queries.ts';
import type { SealedColumn } from './sealed-fields.ts';

/**
 * `lotse keys rotate`: re-seals every sealed value under the newest key of the key ring, so that an
 * old key can leave the ring. Column by column in batches, each batch its own transaction: stopped
 * half-way, a second run goes on where the first stopped (it looks only for values under an older
 * key). Each batch writes one audit entry per organisation (`keys.reseal`, the table and the keys
 * of the rows, no values) in that organisation's chain.
 */

export interface ColumnProgress {
  table: string;
  column: string;
  resealed: number;
  /** Values still under an older key afterwards: changed by a save while read, or locked by another run. */
  remaining: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Only count what would be re-sealed. */
  dryRun?: boolean;
  onProgress?: (p: ColumnProgress) => void;
}

export async function rotateSealedColumns(deps: Pick<Deps, 'db' | 'keys'>, columns: readonly SealedColumn[], options: RotationOptions = {}): Promise<ColumnProgress[]> {
  const batchSize = options.batchSize ?? 200;
  const newest = deps.keys.newestKeyId;
  const scope = { kind: 'system', useCase: 'keys.rotate' } as const;
  const out: ColumnProgress[] = [];
  for (const c of columns) {
    let resealed = 0;
    if (!options.dryRun) {
      let after: string | null = null;
      for (;;) {
        const batch = await deps.db.transaction(scope, async (tx) => {
          const values = await valuesToReseal(tx, c, newest, after, batchSize);
          const byOrganisation = new Map<string, string[]>();
          for (const v of values) {
            const context = c.context(v.key);
            const fresh = typeof v.value === 'string' ? deps.keys.seal(deps.keys.open(v.value, context), context) : deps.keys.sealBytes(deps.keys.openBytes(Buffer.from(v.value), context), context);
            if (await replaceSealedValue(tx, c, v.key, v.value, fresh)) byOrganisation.set(v.organisationId, [...(byOrganisation.get(v.organisationId) ?? []), v.key]);
          }
          for (const [organisationId, keys] of byOrganisation) {
            await recordAudit(tx, systemActor, { action: 'keys.reseal', recordType: `${c.table}.${c.column}`, recordIds: keys, organisationId });
          }
          return { last: values.at(-1)?.key ?? null, done: [...byOrganisation.values()].reduce((n, k) => n + k.length, 0) };
        });
        resealed += batch.done;
        if (batch.last === null) break;
        after = batch.last;
      }
    }
    const remaining = await deps.db.transaction(scope, (tx) => countToReseal(tx, c, newest));
    const progress = { table: c.table, column: c.column, resealed, remaining };
    options.onProgress?.(progress);
    out.push(progress);
  }
  return out;
}
