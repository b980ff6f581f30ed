import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { lotsePlugin } from '../../eslint/module-boundaries.js';

/**
 * The lint rules that guard module boundaries and keep SQL in *.queries.ts (decision 0012), run
 * through ESLint's API on snippets, as if they were files at the given paths.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { lotse: lotsePlugin },
      rules: { 'lotse/module-boundaries': 'error', 'lotse/sql-in-queries': 'error' },
    },
  ],
});

async function errors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lotse/module-boundaries', () => {
  it('refuses another module\'s queries, tables or inner files, also by a relative path, a re-export or a dynamic import', async () => {
    const refused = [
      ['server/modules/appointments/x.service.ts', "import { findOffice } from '#server/modules/offices/offices.queries.ts';"],
      ['server/modules/appointments/x.service.ts', "import { office } from '#server/modules/offices/offices.schema.ts';"],
      ['server/modules/appointments/x.service.ts', "import { addDays } from '../offices/holidays.ts';"],
      ['server/modules/appointments/x.service.ts', "export { recordAudit } from '#server/modules/audit/audit.service.ts';"],
      ['server/modules/appointments/x.queries.ts', "import { region } from '#server/modules/regions/regions.schema.ts';"],
      ['server/seed/demo.ts', "import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';"],
      ['server/cli.ts', "const m = await import('./modules/regions/geo.cli.ts');"],
      ['server/pages/x.tsx', "import { listOffices } from '#server/modules/offices/offices.service.ts';"],
    ] as const;
    for (const [path, code] of refused) {
      const found = (await errors(path, code)).filter((e) => e.startsWith('lotse/module-boundaries'));
      expect(found, `${path}: ${code}`).toHaveLength(1);
      expect(found[0]).toMatch(/^lotse\/module-boundaries: .* reaches inside the (offices|audit|regions|calls) module: import what it offers from '#server\/modules\/\1\/\1\.public\.ts'/);
    }
  });

  it('allows a module\'s public file, its own files, schema-to-schema foreign keys, the routes in the composition root, and tests', async () => {
    const allowed = [
      ['server/modules/appointments/x.service.ts', "import { findOffice } from '#server/modules/offices/offices.public.ts';"],
      ['server/modules/appointments/x.service.ts', "import * as q from './appointments.queries.ts';"],
      ['server/modules/appointments/x.service.ts', "import { typesOf } from '#server/modules/appointments/appointments.queries.ts';"],
      ['server/modules/appointments/appointments.schema.ts', "import { office } from '../offices/offices.schema.ts';"],
      ['server/app.ts', "import { officesRoutes } from './modules/offices/offices.routes.ts';"],
      ['server/modules/offices/offices.test.ts', "import * as q from '#server/modules/appointments/appointments.queries.ts';"],
      ['test/context.ts', "import { insertOrganisation } from '#server/modules/identity/identity.queries.ts';"],
      ['server/modules/appointments/x.service.ts', "import { z } from 'zod';"],
    ] as const;
    for (const [path, code] of allowed) expect(await errors(path, code), `${path}: ${code}`).toEqual([]);
  });
});

describe('lotse/sql-in-queries', () => {
  it('refuses drizzle-orm and table values outside *.queries.ts, allows their types', async () => {
    expect(await errors('server/modules/offices/centrality.ts', "import { sql } from 'drizzle-orm';")).toEqual([
      "lotse/sql-in-queries: SQL lives in *.queries.ts: 'drizzle-orm' may be imported here for its types only (`import type`).",
    ]);
    expect(await errors('server/modules/appointments/booking.service.ts', "import { appointmentIdempotency } from './appointments.schema.ts';")).toHaveLength(1);
    expect(await errors('server/modules/appointments/booking.service.ts', "import type { appointment } from './appointments.schema.ts';")).toEqual([]);
    expect(await errors('server/modules/appointments/booking.service.ts', "import { type appointment } from './appointments.schema.ts';")).toEqual([]);
    expect(await errors('server/modules/appointments/booking.queries.ts', "import { sql } from 'drizzle-orm';")).toEqual([]);
    expect(await errors('server/db.ts', "import { sql } from 'drizzle-orm';")).toEqual([]);
  });
});

describe('the lint configuration', () => {
  it('turns both rules on for server code, so `npm run lint` fails on a violation', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(`${root}server/modules/appointments/calendar.service.ts`)) as { rules: Record<string, unknown> };
    expect(config.rules['lotse/module-boundaries']).toEqual([2]);
    expect(config.rules['lotse/sql-in-queries']).toEqual([2]);
  });
});
