import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { migrate, openDatabase, type Db } from './db.ts';
import type { Deps } from './deps.ts';
import { createKeyRing } from './keyring.ts';
import { loggerOptions } from './logging.ts';
import { createMailer } from './mail.ts';
import { startJobs } from './jobs.ts';
import { seedReferenceData } from './seed/reference.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed/demo.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Opens the configured database, applies migrations and the reference data. */
export async function prepareDatabase(config: Config): Promise<Db> {
  const db = await openDatabase(config.database);
  await migrate(db);
  await seedReferenceData({ db });
  return db;
}

export function makeDeps(config: Config, db: Db, log?: FastifyBaseLogger): Deps {
  return {
    db,
    config,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    keys: createKeyRing(config.secretKeys),
    now: () => new Date(),
    ...(log ? { log } : {}),
  };
}

/** Composition root: config → db → app → listen. */
export async function start(config: Config): Promise<void> {
  await ensureWebBuilt();
  const db = await prepareDatabase(config);
  const deps = makeDeps(config, db);
  if (config.demo) await seedDemo(deps);
  const app = await buildApp(deps, { logger: loggerOptions(config.logLevel), web: true });
  deps.log = app.log;
  const jobs = await startJobs(deps);
  await app.listen({ port: config.port, host: config.host });
  const where = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const lines = [`Lotse is running at ${where} (${config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL'})`];
  if (config.demo) {
    lines.push(`Demo mode. Staff login at ${where}/app/login — every demo account has the password ${DEMO_PASSWORD}:`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(26)} ${a.role}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await jobs.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
