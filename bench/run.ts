import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { makeDeps, prepareDatabase } from '#server/main.ts';
import { formatTable, listenLocal, measure, settings, type Figure, type Row } from './lib.ts';
import { geoFigure } from './geo.bench.ts';
import { regionsFigure } from './regions.bench.ts';
import { bookingFigure, slotsFigure } from './appointments.bench.ts';
import { casesFigure } from './cases.bench.ts';
import { householdFigure, serviceEntriesFigure } from './households.bench.ts';
import type { Deps } from '#server/deps.ts';

/**
 * `npm run bench`: starts Lotse on the embedded database (a fresh PGlite data dir, migrated and
 * seeded with the reference data; or DATABASE_URL if set) and measures each figure beside its
 * baseline from the same run; `npm run bench -- household service-entries` measures only the figures named. Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_WARMUP_SECONDS (2).
 * Add a figure: write bench/<topic>.bench.ts exporting a function that returns a Figure, list it below.
 */
const FIGURES: { name: string; make: (lotseUrl: string, deps: Deps) => Promise<Figure> }[] = [
  { name: 'regions', make: regionsFigure },
  { name: 'geo', make: geoFigure },
  { name: 'appointments', make: bookingFigure },
  { name: 'slots', make: slotsFigure },
  { name: 'cases', make: casesFigure },
  { name: 'household', make: householdFigure },
  { name: 'service-entries', make: serviceEntriesFigure },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOTSE_DATA_DIR: dataDir,
    LOTSE_DEMO: '0',
    ...(process.env['DATABASE_URL'] && !process.env['LOTSE_SECRET_KEYS'] ? { LOTSE_SECRET_KEYS: randomBytes(32).toString('base64') } : {}),
  };
  const config = loadConfig(env);
  process.stdout.write(`Preparing ${config.database.kind === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL'}…\n`);
  const db = await prepareDatabase(config);
  const deps = makeDeps(config, db);
  const app = await buildApp(deps, { logger: false, web: false });
  const rows: Row[] = [];
  try {
    const lotseUrl = await listenLocal(app);
    process.stdout.write(
      `Node ${process.version}, ${settings.connections} connections, ${settings.seconds} s per target after ${settings.warmupSeconds} s warm-up, 127.0.0.1\n`,
    );
    for (const f of FIGURES.filter((x) => only.length === 0 || only.includes(x.name))) {
      const figure = await f.make(lotseUrl, deps);
      try {
        process.stdout.write(`measuring ${figure.name}…\n`);
        const subject = await measure(figure.subject);
        const baseline = await measure(figure.baseline);
        rows.push({ figure: figure.name, subject, baseline });
      } finally {
        await figure.close();
      }
    }
  } finally {
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${formatTable(rows)}\n`);
  if (rows.some((r) => r.subject.failures > 0 || r.baseline.failures > 0)) {
    process.stderr.write('Some requests failed: the figures are not valid.\n');
    process.exitCode = 1;
  }
}

await main();
