import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db, Tx } from './db.ts';
import type { Mailer } from './mail.ts';
import type { KeyRing } from './keyring.ts';
import type { LeadTimeSource } from './modules/offices/offices.public.ts';
import type { SubjectAccessSection } from './platform/subject-access.ts';

/** What every use case may depend on. Passed explicitly, built once in main.ts (or a test). */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  keys: KeyRing;
  /** The server's clock; tests pass a fixed one. Deadlines are judged by it. */
  now: () => Date;
  log?: FastifyBaseLogger;
  /**
   * What one module offers another, composed once in `buildApp` (server/app.ts), never a module
   * global: the appointments module's lead-time measurement for the offices scorecard.
   */
  leadTimes?: LeadTimeSource;
  /**
   * Composed in `buildApp` too: what other modules keep of a person of a case file follows the record
   * that stays when two are merged (the appointments module's appointments), in the merge's transaction.
   */
  personMerged?: PersonMerged;
  /** Composed in `buildApp` too: every module's part of a person's subject access export and erasure (server/subject-access.ts). */
  subjectAccess?: readonly SubjectAccessSection[];
}

/** Called by the cases module's merge with the duplicate and the record that stays. */
export type PersonMerged = (tx: Tx, gone: { id: string }, kept: { id: string; householdId: string }) => Promise<void>;
