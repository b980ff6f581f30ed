import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = (): string => randomBytes(32).toString('base64');
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://db/lotse', LOTSE_SECRET_KEYS: key() });
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL:') && p.includes('postgres://'))).toBe(true);
  });

  it('the error message is a readable list', () => {
    try {
      loadConfig({ PORT: '70000' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Lotse cannot start, the configuration is wrong:\n {2}- PORT: /);
    }
  });

  it('DATABASE_URL without LOTSE_SECRET_KEYS fails', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://lotse@db/lotse' })).toEqual([expect.stringMatching(/^LOTSE_SECRET_KEYS: is required with DATABASE_URL/)]);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/lotse', LOTSE_SECRET_KEYS: `${key()},c2hvcnQ=` })).toEqual([expect.stringContaining('32 bytes')]);
  });

  it('refuses half an OIDC configuration', () => {
    expect(problemsOf({ LOTSE_DATA_DIR: tempDir(), OIDC_ISSUER: 'https://sso.example' })).toEqual([expect.stringContaining('go together')]);
  });

  it('has working defaults: embedded database, port 3000, localhost, demo on', () => {
    const dataDir = tempDir();
    const config = loadConfig({ LOTSE_DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(dataDir, 'pgdata') });
    expect(config.demo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.smtpUrl).toBeNull();
    expect(config.oidc).toBeNull();
    expect(config.trustProxy).toBe(false);
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
  });

  it('demo is off by default on PostgreSQL, and can be switched either way', () => {
    const pgEnv = { DATABASE_URL: 'postgresql://lotse@db:5432/lotse', LOTSE_SECRET_KEYS: key() };
    const config = loadConfig(pgEnv);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://lotse@db:5432/lotse' });
    expect(config.demo).toBe(false);
    expect(loadConfig({ ...pgEnv, LOTSE_DEMO: 'yes' }).demo).toBe(true);
    expect(loadConfig({ LOTSE_DATA_DIR: tempDir(), LOTSE_DEMO: '0' }).demo).toBe(false);
  });

  it('takes a key ring newest first', () => {
    const [a, b] = [key(), key()];
    const config = loadConfig({ DATABASE_URL: 'postgres://db/lotse', LOTSE_SECRET_KEYS: ` ${a} , ${b} ` });
    expect(config.secretKeys.map((k) => k.toString('base64'))).toEqual([a, b]);
  });

  it('generates the embedded key ring into the data dir once and reuses it', () => {
    const dataDir = tempDir();
    const first = loadConfig({ LOTSE_DATA_DIR: dataDir });
    const file = join(dataDir, 'secret-keys');
    expect(first.secretKeys).toHaveLength(1);
    expect(first.secretKeys[0]?.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ LOTSE_DATA_DIR: dataDir });
    expect(second.secretKeys[0]?.equals(first.secretKeys[0] ?? Buffer.alloc(0))).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKeys[0]?.toString('base64'));
    const elsewhere = loadConfig({ LOTSE_DATA_DIR: tempDir() });
    expect(elsewhere.secretKeys[0]?.equals(first.secretKeys[0] ?? Buffer.alloc(0))).toBe(false);
  });

  it('trusts a proxy by hop count or address list', () => {
    const dataDir = tempDir();
    const hops = loadConfig({ LOTSE_DATA_DIR: dataDir, LOTSE_TRUST_PROXY: '1' }).trustProxy;
    expect(typeof hops).toBe('function');
    if (typeof hops === 'function') {
      expect(hops('10.0.0.1', 0)).toBe(true);
      expect(hops('10.0.0.1', 1)).toBe(false);
    }
    expect(loadConfig({ LOTSE_DATA_DIR: dataDir, LOTSE_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });
});
