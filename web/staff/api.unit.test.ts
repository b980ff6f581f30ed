import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, fillPath, ProblemError } from './api.ts';

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('the staff API client', () => {
  it('fills path parameters escaped and adds the query parameters that are set', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => answer(200, { weeks: [], officeId: 'x' }));
    vi.stubGlobal('fetch', fetch);
    await api('GET /api/offices/:id/lead-times', { params: { id: 'a/b' }, query: { weeks: 12 } }).catch(() => undefined);
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/offices/a%2Fb/lead-times?weeks=12');
    expect(fillPath('/api/offices/:id/appointments/:appointmentId/mark', { id: '1', appointmentId: '2' })).toBe('/api/offices/1/appointments/2/mark');
  });

  it("parses the answer with the route's response schema: a wrong shape is refused, a right one passes", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { enabled: 'yes', label: null })));
    await expect(api('GET /api/auth/oidc')).rejects.toThrow();
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { enabled: true, label: 'SSO', extra: 1 })));
    expect(await api('GET /api/auth/oidc')).toEqual({ enabled: true, label: 'SSO' });
  });

  it('sends the body as JSON and answers undefined for 204; an error answer becomes a ProblemError', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => answer(204));
    vi.stubGlobal('fetch', fetch);
    expect(await api('POST /api/auth/totp/verify', { body: { code: '123456' } })).toBeUndefined();
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '{"code":"123456"}' });
    vi.stubGlobal('fetch', vi.fn(async () => answer(404, { type: '/problems/not-found', title: 'Nicht gefunden', status: 404 })));
    const error: unknown = await api('GET /api/offices/:id', { params: { id: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).kind).toBe('not-found');
  });
});
