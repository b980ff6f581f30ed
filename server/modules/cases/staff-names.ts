import type { Tx } from '#server/db.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';

/** The staff a list names (who recorded, who withdrew, …), read once: a function from an account id to `{ id, name }`, null for none. */
export async function staffNamer(tx: Tx, ids: readonly (string | null)[]): Promise<(id: string | null) => { id: string; name: string } | null> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const accounts = new Map((await labelsOfAccounts(tx, wanted)).map((a) => [a.id, a.displayName]));
  return (id) => (id ? { id, name: accounts.get(id) ?? '' } : null);
}
