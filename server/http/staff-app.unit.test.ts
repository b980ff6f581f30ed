import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStaffApp } from './staff-app.ts';
import type { App } from './types.ts';

let dir: string;
let app: App;
const access: Record<string, unknown> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-staff-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>staff</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  app = Fastify({ routerOptions: { ignoreTrailingSlash: true } }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.addHook('onRoute', (route) => {
    access[`${String(route.method)} ${route.url}`] = route.config?.access;
  });
  await serveStaffApp(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('staff app serving', () => {
  it('declares every route public', () => {
    expect(Object.keys(access).length).toBeGreaterThan(0);
    for (const [route, rule] of Object.entries(access)) expect([route, rule]).toEqual([route, 'public']);
  });

  it.each(['/app/', '/app/login', '/app/accounts', '/app/reset-password?token=x'])('answers %s with index.html, not cached', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>staff</title>');
  });

  it('redirects /app to /app/', async () => {
    const res = await app.inject({ url: '/app' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/app/');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log(1)');
  });

  it('answers a missing asset with 404 instead of the app', async () => {
    const res = await app.inject({ url: '/app/assets/missing.js' });
    expect(res.statusCode).toBe(404);
  });

  it('does not serve files outside the build', async () => {
    const res = await app.inject({ url: '/app/assets/..%2F..%2Fetc%2Fpasswd' });
    expect(res.statusCode).not.toBe(200);
  });
});
