import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { rowFieldContext } from '#server/platform/sealed-fields.ts';
import * as l from './letters.queries.ts';

/** Which letter's file, of which provider. */
export interface LetterFileRef {
  letterId: string;
  organisationId: string;
}

/**
 * Where the files of letters are kept: one small interface, so an object store can replace the
 * database later. Every implementation must be readable by every process of the server (never
 * one process's local disk). Called inside the use case's transaction under the provider's
 * tenant scope; an object store would ignore `tx` and seal the same way.
 */
export interface LetterFileStore {
  put(tx: Tx, ref: LetterFileRef, bytes: Buffer): Promise<void>;
  get(tx: Tx, ref: LetterFileRef): Promise<Buffer | null>;
}

/** The seal's context: the bytes open only as the file of this letter (`letter_file:<id>:sealed`, as `lotse keys rotate` re-seals it). */
export const letterFileContext = (ref: Pick<LetterFileRef, 'letterId'>): string => rowFieldContext('letter_file', 'sealed')(ref.letterId);

/** The files in the database (`letter_file`), sealed with the key ring (AES-256-GCM). */
export function databaseLetterStore(keys: Pick<KeyRing, 'sealBytes' | 'openBytes'>): LetterFileStore {
  return {
    async put(tx, ref, bytes) {
      await l.insertLetterFile(tx, { letterId: ref.letterId, organisationId: ref.organisationId, sealed: keys.sealBytes(bytes, letterFileContext(ref)) });
    },
    async get(tx, ref) {
      const sealed = await l.sealedLetterFile(tx, ref.letterId);
      return sealed ? keys.openBytes(sealed, letterFileContext(ref)) : null;
    },
  };
}
