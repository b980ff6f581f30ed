import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { Mailer } from './mail.ts';
import type { KeyRing } from './keyring.ts';

/** What every use case may depend on. Passed explicitly, built once in main.ts (or a test). */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  keys: KeyRing;
  /** The server's clock; tests pass a fixed one. Deadlines are judged by it. */
  now: () => Date;
  log?: FastifyBaseLogger;
}
