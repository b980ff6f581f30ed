import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { account, cityAdmin, providerWithOffice, signIn } from './factories.ts';
import { startLotse } from './harness.ts';

/**
 * The browser tests stand alone: two runs on one database each bootstrap their own city
 * administrator and make their own records, and neither meets the other's.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-e2e-reuse-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('running the browser tests twice on one database', () => {
  it('bootstraps and makes its records again on the same data dir', async () => {
    const admins: string[] = [];
    for (let run = 0; run < 2; run++) {
      const lotse = await startLotse({}, { dataDir });
      try {
        const app = { url: lotse.url, admin: lotse.admin };
        admins.push(lotse.admin.email);
        const { provider, office } = await providerWithOffice(app);
        const worker = await account(app, provider, 'social_worker');
        const session = await signIn(app, worker);
        const me = await session.json<{ email: string }>('GET', '/api/auth/me');
        expect(me.email).toBe(worker.email);
        const offices = await (await cityAdmin(app)).json<{ id: string }[]>('GET', '/api/offices');
        expect(offices.map((o) => o.id)).toContain(office.id);
      } finally {
        await lotse.stop();
      }
    }
    expect(new Set(admins).size).toBe(2);
  });
});
