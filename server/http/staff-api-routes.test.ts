import { describe, expect, it } from 'vitest';
import { useTestContext } from '#test/use-context.ts';
import { API_ROUTES } from '#web/staff/api-routes.ts';

/**
 * The staff app's client types each call by the route it names (web/staff/api-routes.ts): every
 * one of those routes must be one the server registers, with the same method and path pattern.
 */

const ctx = useTestContext();

describe("the staff app's route table", () => {
  it('names only routes the server has', () => {
    const registered = new Set(ctx.app.routeRules.map((r) => `${r.method} ${r.url}`));
    const missing = Object.keys(API_ROUTES).filter((route) => !registered.has(route));
    expect(missing).toEqual([]);
    expect(Object.keys(API_ROUTES).length).toBeGreaterThan(50);
  });
});
