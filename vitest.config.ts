import { defineConfig } from 'vitest/config';

/**
 * Projects: `unit` (pure logic), the database-backed API tests twice — on PGlite (the embedded
 * default, PostgreSQL 18) and on a throwaway PostgreSQL 15 cluster — and `e2e` in Chromium.
 * Workers are bounded: each PGlite instance costs ~200 MB and the machines have 2 cores.
 */
const dbTests = ['server/**/*.test.ts'];
const unitTests = ['**/*.unit.test.ts'];
const exclude = ['node_modules/**', 'dist/**', ...unitTests];

export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests, exclude: ['node_modules/**', 'dist/**'] } },
      { extends: true, test: { name: 'pglite', include: dbTests, exclude, env: { LOTSE_TEST_DB: 'pglite' }, globalSetup: ['test/global-setup.ts'] } },
      { extends: true, test: { name: 'postgres', include: dbTests, exclude, env: { LOTSE_TEST_DB: 'postgres' }, globalSetup: ['test/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], exclude: ['node_modules/**'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
