import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, prependEmbeddedKey, type Config } from './config.ts';
import { ROLES, type Role, createAccountFromCli, createOrganisationFromCli, systemActor } from '#server/modules/identity/identity.public.ts';
import { makeDeps, prepareDatabase, start } from './main.ts';
import { seedDemo } from './seed/demo.ts';
import { verifyAuditLog } from '#server/modules/audit/audit.public.ts';

const USAGE = `Usage: lotse <command>

  start                         start Lotse (migrations and reference data applied first)
  migrate                       apply the database migrations and reference data, then exit
  org create --kind city|provider --name NAME
                                create an organisation (a fresh installation starts with the city)
  user create --email E --role R --org ORG [--name N] [--password P]
                                create a staff account (ORG: organisation id or exact name;
                                without --password a random one is printed once)
  audit verify                  check every organisation's audit hash chain; exits 1 and names
                                the first broken entry when one was altered or removed
  keys add                      make a new key the newest of the key ring: prepended to the embedded
                                ring in the data directory, or printed to put first in
                                LOTSE_SECRET_KEYS (keep the older keys until the rotation is done)
  keys rotate [--dry-run]       re-seal every sealed field under the newest key, in batches, each
                                logged in its organisation's audit chain; stopped, a second run goes
                                on; --dry-run counts what would be re-sealed
  demo seed                     load the demo data into an empty database
  demo generate --households N [--seed S]
                                add N generated households (names in several scripts) to the
                                providers holding a service agreement (for trying Lotse at scale
                                and the benchmark)
  gtfs import <folder-or-zip>   import a GTFS feed (stops.txt; routes, trips, stop_times, calendar
                                where present), replacing the previous one
  geo import <units.geojson> [--assign <units-to-stadtteil.csv>] [--valid-from YYYY-MM-DD]
                                import a boundary set (Stadtteile, Stadtbezirke/Ortschaften, or finer
                                units with their assignment table; WGS 84 or UTM 33N), valid from
                                the date (default today); prints counts and units not assigned
  streets import <file.csv>     replace the street directory (street, from, to, parity, postcode,
                                stadtteil_code[, ortschaft]); prints counts and rejected lines
  population import <file.csv> [--as-of YYYY-MM-DD]
                                import the population per Stadtteil (stadtteil_code, population)
                                as of the date (default today); prints counts and rejected lines

Roles: ${ROLES.join(', ')}
Configuration comes from the environment (see README).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function withDb<T>(config: Config, fn: (deps: ReturnType<typeof makeDeps>) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(config);
  try {
    return await fn(makeDeps(config, db));
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  switch (command) {
    case 'start':
      await start(config);
      return;
    case 'migrate':
      await withDb(config, async () => undefined);
      process.stdout.write('Migrations and reference data applied.\n');
      return;
    case 'org': {
      if (sub !== 'create') fail(USAGE);
      const { values } = parseArgs({ args: rest, options: { kind: { type: 'string' }, name: { type: 'string' } }, strict: true });
      if ((values.kind !== 'city' && values.kind !== 'provider') || !values.name) fail(`--kind city|provider and --name are required.\n\n${USAGE}`);
      const kind = values.kind;
      const result = await withDb(config, (deps) => createOrganisationFromCli(deps, { kind, name: values.name ?? '' }));
      if ('error' in result) fail(result.error);
      process.stdout.write(`Created the ${result.kind} organisation "${result.name}" (${result.id}).\n`);
      return;
    }
    case 'user': {
      if (sub !== 'create') fail(USAGE);
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
        strict: true,
      });
      if (!values.email || !values.role || !values.org) fail(`--email, --role and --org are required.\n\n${USAGE}`);
      if (!ROLES.includes(values.role as Role)) fail(`--role must be one of: ${ROLES.join(', ')}`);
      const password = values.password ?? randomBytes(12).toString('base64url');
      const result = await withDb(config, (deps) =>
        createAccountFromCli(deps, { email: values.email ?? '', role: values.role as Role, organisation: values.org ?? '', displayName: values.name ?? values.email ?? '', password }),
      );
      if ('error' in result) fail(result.error);
      process.stdout.write(`Created ${result.email} (${result.role}) in ${result.organisationName}.\n`);
      if (!values.password) process.stdout.write(`Password (shown once): ${password}\n`);
      return;
    }
    case 'audit': {
      if (sub !== 'verify') fail(USAGE);
      const result = await withDb(config, (deps) => verifyAuditLog(deps));
      if (result.broken) {
        const b = result.broken;
        process.stderr.write(`Audit log BROKEN: organisation ${b.organisationId}, entry #${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${b.reason}\n`);
        process.exit(1);
      }
      process.stdout.write(`Audit log intact: ${result.chains} chains, ${result.entries} entries.\n`);
      return;
    }
    case 'demo': {
      if (sub === 'generate') {
        const { values } = parseArgs({ args: rest, options: { households: { type: 'string' }, seed: { type: 'string' } }, strict: true });
        const households = Number(values.households);
        const seed = values.seed === undefined ? 1 : Number(values.seed);
        if (!Number.isInteger(households) || households < 1 || households > 1_000_000 || !Number.isInteger(seed)) fail(`--households N (1…1000000) is required; --seed S is a whole number.\n\n${USAGE}`);
        const { generateDemoHouseholds } = await import('#server/modules/cases/cases.public.ts');
        const r = await withDb(config, (deps) => generateDemoHouseholds(deps, { households, seed }));
        process.stdout.write(`Generated ${r.households} households with ${r.people} people for ${r.providers} providers.\n`);
        return;
      }
      if (sub !== 'seed') fail(USAGE);
      const seeded = await withDb(config, (deps) => seedDemo(deps));
      process.stdout.write(seeded ? 'Demo data loaded.\n' : 'The database has organisations already: demo data not loaded.\n');
      return;
    }
    case 'keys': {
      if (sub === 'add') {
        const key = randomBytes(32).toString('base64');
        if (process.env['LOTSE_SECRET_KEYS']) {
          process.stdout.write(`A new key (shown once): ${key}\nPut it first in LOTSE_SECRET_KEYS, keep the others behind it, restart Lotse, then run \`lotse keys rotate\`.\n`);
          return;
        }
        prependEmbeddedKey(config.dataDir, key);
        process.stdout.write(`A new key heads the key ring in ${config.dataDir}. Restart Lotse, then run \`lotse keys rotate\`.\n`);
        return;
      }
      if (sub !== 'rotate') fail(USAGE);
      const { values } = parseArgs({ args: rest, options: { 'dry-run': { type: 'boolean' } }, strict: true });
      const { rotateSealedColumns } = await import('#server/platform/key-rotation.ts');
      const { SEALED_COLUMNS } = await import('./sealed-columns.ts');
      const dryRun = values['dry-run'] ?? false;
      const results = await withDb(config, (deps) =>
        rotateSealedColumns(deps, SEALED_COLUMNS, {
          dryRun,
          onProgress: (p) => process.stdout.write(`${`${p.table}.${p.column}`.padEnd(40)} ${dryRun ? `${p.remaining} to re-seal` : `${p.resealed} re-sealed, ${p.remaining} left`}\n`),
        }),
      );
      const left = results.reduce((n, r) => n + r.remaining, 0);
      if (!dryRun && left > 0) {
        process.stderr.write(`${left} values are still under an older key (changed or locked meanwhile): run \`lotse keys rotate\` again.\n`);
        process.exit(1);
      }
      if (!dryRun) process.stdout.write('Every sealed value is under the newest key; older keys may leave the ring.\n');
      return;
    }
    case 'gtfs': {
      if (sub !== 'import' || !rest[0]) fail(USAGE);
      const { importGtfs, GtfsError } = await import('#server/modules/offices/offices.public.ts');
      try {
        const r = await withDb(config, (deps) => importGtfs(deps, systemActor, rest[0] ?? ''));
        process.stdout.write(`GTFS imported: ${r.stops} stops, ${r.departures} departure-hour rows, ${r.skipped} rows skipped.\n`);
      } catch (error) {
        if (error instanceof GtfsError) fail(error.message);
        throw error;
      }
      return;
    }
    case 'geo': {
      if (sub !== 'import') fail(USAGE);
      const { values, positionals } = parseArgs({ args: rest, options: { assign: { type: 'string' }, 'valid-from': { type: 'string' } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1 || !positionals[0]) fail(USAGE);
      const { importBoundariesFromCli } = await import('#server/modules/regions/regions.public.ts');
      const r = await withDb(config, (deps) => importBoundariesFromCli(deps, { geojson: positionals[0] ?? '', assign: values.assign, validFrom: values['valid-from'] }));
      if ('error' in r) fail(r.error);
      process.stdout.write(`${r.lines.join('\n')}\n`);
      return;
    }
    case 'streets': {
      if (sub !== 'import' || rest.length !== 1 || !rest[0]) fail(USAGE);
      const { importStreetsFromCli } = await import('#server/modules/regions/regions.public.ts');
      const r = await withDb(config, (deps) => importStreetsFromCli(deps, rest[0] ?? ''));
      if ('error' in r) fail(r.error);
      process.stdout.write(`${r.lines.join('\n')}\n`);
      return;
    }
    case 'population': {
      if (sub !== 'import') fail(USAGE);
      const { values, positionals } = parseArgs({ args: rest, options: { 'as-of': { type: 'string' } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1 || !positionals[0]) fail(USAGE);
      const { importPopulationFromCli } = await import('#server/modules/regions/regions.public.ts');
      const r = await withDb(config, (deps) => importPopulationFromCli(deps, positionals[0] ?? '', values['as-of']));
      if ('error' in r) fail(r.error);
      process.stdout.write(`${r.lines.join('\n')}\n`);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`Unknown command: ${command}\n\n${USAGE}`);
  }
}

await main(process.argv.slice(2));
