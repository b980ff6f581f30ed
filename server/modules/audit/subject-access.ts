import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import type { SubjectAccessSection } from '#server/platform/subject-access.ts';
import { entriesNaming } from './subject-access.queries.ts';

/**
 * Who opened or changed the person's case file: the audit entries naming the person or the
 * household, with the account's name, so the person learns who saw their data (Art. 15 (1) c).
 * Erasure leaves them: they hold ids and action names only, and the hash chain must stay whole.
 */
export const AUDIT_SUBJECT_ACCESS: readonly SubjectAccessSection[] = [
  {
    name: 'accesses',
    async collect(tx, _keys, subject) {
      const rows = await entriesNaming(tx, [subject.personId, subject.householdId]);
      const names = new Map((await labelsOfAccounts(tx, [...new Set(rows.flatMap((r) => (r.actorAccountId ? [r.actorAccountId] : [])))])).map((x) => [x.id, x.displayName]));
      return rows.map((r) => ({ at: r.at.toISOString(), account: r.actorAccountId ? (names.get(r.actorAccountId) ?? '') : '', action: r.action, recordType: r.recordType }));
    },
    erase: () => Promise.resolve(0),
  },
];
