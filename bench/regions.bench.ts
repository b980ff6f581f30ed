import Fastify from 'fastify';
import { listenLocal, type Figure } from './lib.ts';

/**
 * GET /api/regions (the whole Lotse stack: hooks, access check, session look-up skipped for
 * anonymous callers, one transaction with RLS settings, the queries, zod serialisation) beside a
 * bare Fastify route that returns the same JSON document from memory.
 */
export async function regionsFigure(lotseUrl: string): Promise<Figure> {
  const res = await fetch(`${lotseUrl}/api/regions`);
  if (!res.ok) throw new Error(`GET /api/regions answered ${res.status}`);
  const payload = (await res.json()) as unknown;

  const bare = Fastify({ logger: false });
  bare.get('/regions', async () => payload);
  const bareUrl = await listenLocal(bare);
  const check = await fetch(`${bareUrl}/regions`);
  const [a, b] = [JSON.stringify(payload).length, (await check.text()).length];
  if (a !== b) throw new Error(`baseline payload differs in size: ${a} vs ${b}`);

  return {
    name: 'regions',
    subject: { label: `GET /api/regions (${a} B)`, url: `${lotseUrl}/api/regions` },
    baseline: { label: 'bare Fastify, same JSON', url: `${bareUrl}/regions` },
    close: () => bare.close(),
  };
}
