import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext({ web: true });

describe('compression for slow networks', () => {
  it('sends the public start page brotli-compressed to browsers that accept it', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/de/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString('utf8');
    expect(html).toContain('<html lang="de"');
    expect(res.rawPayload.length).toBeLessThan(html.length / 2);
  });

  it('sends JSON gzip-compressed when only gzip is accepted, and plain when nothing is', async () => {
    const gz = await ctx.app.inject({ method: 'GET', url: '/api/quarters', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toHaveLength(64);
    const plain = await ctx.app.inject({ method: 'GET', url: '/api/quarters', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toHaveLength(64);
  });
});
