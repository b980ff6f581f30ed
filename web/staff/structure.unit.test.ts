import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsOf, type Action } from '#contracts/actions.ts';
import { role as roleSchema, type RoleName } from '#contracts/identity.ts';
import { visibleMenu } from './navigation.ts';

/**
 * How the staff app is put together: menus and pages follow the action catalogue (no role names in
 * web code), each domain's pages declare their routes and menu, and pages meet only through shared
 * modules (web/staff/*, web/ui/*), never another page folder's files.
 */

const webDir = fileURLToPath(new URL('..', import.meta.url));
const staffDir = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// The build puts this constant in (vite.config.ts); the pages read it when they load.
(globalThis as Record<string, unknown>).__LOTSE_MIN_PASSWORD_LENGTH__ = 12;
const { DOMAINS, MENU } = await import('./router.tsx');

const menuFor = (role: RoleName) => visibleMenu(MENU, (action: Action) => actionsOf(role).includes(action)).map((entry) => entry.to);

describe('the staff app follows the action catalogue', () => {
  it('names no role in web code: no role literal, no comparison of a role', () => {
    const offending = sources(webDir).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const hits = [...roleSchema.options.map((name) => `'${name}'`), '.role ===', '.role !=='].filter((needle) => text.includes(needle));
      return hits.map((hit) => `${relative(webDir, file)}: ${hit}`);
    });
    expect(offending).toEqual([]);
  });

  it('shows each role the menu its permitted actions open', () => {
    expect(menuFor('city_admin')).toEqual(expect.arrayContaining(['/', '/organisations', '/accounts', '/regions', '/offices', '/service-agreements', '/audit', '/account']));
    expect(menuFor('city_admin')[0]).toBe('/');
    expect(menuFor('evaluator')).toEqual(expect.arrayContaining(['/', '/regions', '/offices', '/account']));
    for (const role of ['social_worker', 'city_coordinator', 'evaluator'] as const) {
      expect(menuFor(role)).not.toContain('/organisations');
      expect(menuFor(role)).not.toContain('/accounts');
      expect(menuFor(role)).not.toContain('/audit');
    }
    expect(menuFor('provider_admin')).toEqual(expect.arrayContaining(['/accounts', '/audit', '/offices']));
    expect(menuFor('provider_admin')).not.toContain('/organisations');
  });

  it('gives the regions editors their own label', () => {
    const label = (role: RoleName) => visibleMenu(MENU, (action) => actionsOf(role).includes(action)).find((entry) => entry.to === '/regions')?.label;
    expect(label('city_admin')).toBe('nav.regionsAndQuarters');
    expect(label('social_worker')).toBe('nav.regions');
  });

  it('guards every page and menu entry by an action of the catalogue, and every entry opens a page', () => {
    const paths = new Set(DOMAINS.flatMap((domain) => domain.routes.map((route) => (route.index ? '/' : `/${route.path ?? ''}`))));
    for (const entry of MENU) {
      expect(paths, entry.to).toContain(entry.to);
      if (entry.action) expect(Object.keys(ACTIONS)).toContain(entry.action);
      const page = DOMAINS.flatMap((domain) => domain.routes).find((route) => (route.index ? '/' : `/${route.path ?? ''}`) === entry.to);
      expect(page?.action, `${entry.to}: the page needs what its menu entry needs`).toBe(entry.action);
    }
    for (const route of DOMAINS.flatMap((domain) => domain.routes)) if (route.action) expect(Object.keys(ACTIONS)).toContain(route.action);
  });
});

describe('the staff app is put together from its domains', () => {
  it('imports through #web/* (no ../ chains)', () => {
    const offending = sources(staffDir).filter((file) => /from '\.\.\//.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(webDir, file))).toEqual([]);
  });

  it("keeps each page folder to itself: no page imports another page folder's files", () => {
    const pagesDir = join(staffDir, 'pages');
    const offending = sources(pagesDir).flatMap((file) => {
      const own = relative(pagesDir, file).split('/')[0];
      const imported = [...readFileSync(file, 'utf8').matchAll(/from '#web\/staff\/pages\/([^/']+)\//g)].map((m) => m[1]);
      return imported.filter((folder) => folder !== own).map((folder) => `${relative(webDir, file)} → pages/${folder}`);
    });
    expect(offending).toEqual([]);
  });
});
