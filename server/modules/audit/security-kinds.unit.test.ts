import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityEventKind } from '#contracts/audit.ts';

/** The staff app names each kind through staff:audit.security.kinds.<kind> (dots are nesting). */
function label(lang: string, kind: string): unknown {
  const staff: unknown = JSON.parse(readFileSync(new URL(`../../../locales/${lang}/staff.json`, import.meta.url), 'utf8'));
  return ['audit', 'security', 'kinds', ...kind.split('.')].reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), staff);
}

describe('security event kinds', () => {
  it('every kind has a German and an English label', () => {
    for (const kind of securityEventKind.options) {
      for (const lang of ['de', 'en']) expect(typeof label(lang, kind), `${lang}: ${kind}`).toBe('string');
    }
  });
});
