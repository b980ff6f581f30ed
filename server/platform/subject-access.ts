import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';

/**
 * What a module holds about one person of a case file, for the subject access export (DSGVO
 * Art. 15) and for erasure (on request, and the retention job later). Each module offers its
 * sections through its public file; `server/subject-access.ts` composes them into
 * `deps.subjectAccess` (like `server/sealed-columns.ts` composes the sealed columns), and the cases
 * module's use cases run them in their own tenant transaction. A module that starts keeping
 * something about a person adds a section, or the export and the erasure miss it.
 */

/** A value of the export: what JSON can carry and the PDF can print. */
export type SubjectAccessValue = string | number | boolean | null | string[];
/** One record of a section, field name → value; the field names have labels in the `subject-access` namespace (`fields.*`). */
export type SubjectAccessEntry = Record<string, SubjectAccessValue>;

/** The person whose data is collected, in the caller's tenant transaction. */
export interface AccessSubject {
  organisationId: string;
  householdId: string;
  personId: string;
  /** The other people of the household: a section leaves out what concerns only them. */
  otherMemberIds: readonly string[];
  /** Language of labels resolved on the server (catalog names); the PDF translates field names itself. */
  locale: string;
}

/** What is erased: some people of a household, or the whole household (then `personIds` are all its members). */
export interface ErasureSubject {
  organisationId: string;
  householdId: string;
  personIds: readonly string[];
  wholeHousehold: boolean;
}

export interface SubjectAccessSection {
  /** Stable name: the JSON's section key, the PDF's heading (`subject-access:sections.<name>`). */
  name: string;
  /** Everything of the subject's this section holds, sealed values opened. */
  collect(tx: Tx, keys: KeyRing, subject: AccessSubject): Promise<SubjectAccessEntry[]>;
  /**
   * Deletes (or anonymises, where a record must stay for others) what this section holds about the
   * erased people; answers how many records it touched, for the log (counts only). Runs before the
   * people and the household themselves are deleted, so it must leave no reference to them.
   */
  erase(tx: Tx, subject: ErasureSubject): Promise<number>;
}
