import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM_USE_CASES } from './system-scope.ts';

/**
 * The system scope (RLS off) is a listed exception (decision 0003): this test reads the source and
 * fails when a transaction opens the system scope without a listed use case, when a listed use case
 * is no longer used, when the tests' use case appears in server code, or when code switches the
 * scope inside a transaction by hand.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['server', 'test', 'bench', 'scripts'];
const THIS_LIST = 'server/platform/system-scope.ts';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = SCANNED.flatMap(sources).map((path) => ({ path: relative(root, join(root, path)), text: readFileSync(join(root, path), 'utf8') }));
const isTestFile = (path: string) => /\.(unit\.)?test\.ts$|\.fixture\.ts$/.test(path) || path.startsWith('test/') || path.startsWith('bench/');

/** `kind: 'system'` with the use case named right after it, or nothing — but not the system actor (`kind: 'system', ip: …`). */
const SYSTEM_SCOPE = /kind:\s*'system'(?!\s*,\s*(?:ip:|\.\.\.))(?:\s+as\s+const)?(?:\s*,\s*useCase:\s*'([^']*)')?/g;

interface Use {
  path: string;
  line: number;
  useCase: string | null;
}

function uses(): Use[] {
  return files.flatMap(({ path, text }) =>
    [...text.matchAll(SYSTEM_SCOPE)].map((m) => ({ path, line: text.slice(0, m.index).split('\n').length, useCase: m[1] ?? null })),
  );
}

/** Places where `kind: 'system'` is not a transaction scope: the actor type and the scope type itself. */
const NOT_A_SCOPE = new Set(['server/modules/identity/actor.ts', 'server/db.ts', 'server/platform/system-scope.unit.test.ts']);

describe('system scope', () => {
  const names = SYSTEM_USE_CASES.map((u) => u.name);

  it('lists each use case once, with its module and a reason', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const u of SYSTEM_USE_CASES) {
      expect(u.name).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
      expect(u.reason.length).toBeGreaterThan(40);
    }
  });

  it('opens the system scope only under a listed use case', () => {
    const unnamed = uses().filter((u) => u.useCase === null && !NOT_A_SCOPE.has(u.path));
    expect(unnamed.map((u) => `${u.path}:${u.line}`)).toEqual([]);
    const unlisted = uses().filter((u) => u.useCase !== null && !names.includes(u.useCase as never));
    expect(unlisted.map((u) => `${u.path}:${u.line} ${u.useCase ?? ''}`)).toEqual([]);
  });

  it('uses every listed use case somewhere (the list does not outlive the code)', () => {
    const used = new Set(uses().filter((u) => u.path !== THIS_LIST).map((u) => u.useCase));
    expect(names.filter((n) => !used.has(n))).toEqual([]);
  });

  it('keeps the tests\' use case out of server code', () => {
    const misplaced = uses().filter((u) => u.useCase === 'test.fixtures' && !isTestFile(u.path));
    expect(misplaced.map((u) => `${u.path}:${u.line}`)).toEqual([]);
  });

  it('never switches the scope inside a transaction by hand', () => {
    const switching = files.filter((f) => f.path !== 'server/db.ts' && !isTestFile(f.path) && /set_config\(\s*'lotse\.scope'/.test(f.text));
    expect(switching.map((f) => f.path)).toEqual([]);
  });

  it('recognises an unnamed system scope (the scan itself works)', () => {
    expect([...`db.transaction({ kind: 'system' }, fn)`.matchAll(SYSTEM_SCOPE)].map((m) => m[1] ?? null)).toEqual([null]);
    expect([...`db.transaction({ kind: 'system', useCase: 'seed.demo' }, fn)`.matchAll(SYSTEM_SCOPE)].map((m) => m[1])).toEqual(['seed.demo']);
    expect([...`const actor = { kind: 'system', ip: null, requestId: null }`.matchAll(SYSTEM_SCOPE)]).toEqual([]);
  });
});
