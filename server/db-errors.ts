import { Problem } from '#server/platform/problem.ts';

/** The SQLSTATE of a database error: Drizzle wraps driver errors, the code sits at `cause.code`. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a write and turns constraint violations into problems the user can act on:
 * a duplicate (23505) into 409 conflict naming the field, an overlapping validity period (23P01)
 * into 409 period-overlap, a check violation (23514) into 400 validation.
 */
export async function guardConstraints<T>(fn: () => Promise<T>, fields: { unique?: string; period?: string } = {}): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    switch (sqlState(error)) {
      case '23505':
        throw new Problem(409, 'conflict', { detailKey: 'details.duplicate', errors: fields.unique ? [{ field: fields.unique, key: 'field.taken' }] : [] });
      case '23P01':
        throw new Problem(409, 'period-overlap', { errors: fields.period ? [{ field: fields.period, key: 'field.periodOverlap' }] : [] });
      case '23514':
        throw new Problem(400, 'validation', { errors: [{ field: fields.period ?? 'validTo', key: 'field.periodOrder' }] });
      case '23503':
        throw new Problem(409, 'conflict', { detailKey: 'details.inUse' });
      default:
        throw error;
    }
  }
}
