import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublicAssets } from './build-assets.ts';

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lotse-public-assets-'));
  await buildPublicAssets(out);
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('buildPublicAssets', () => {
  it('writes KERN, our CSS, their right-to-left variants, the two fonts and the booking script into <outDir>/public', () => {
    expect(readdirSync(join(out, 'public')).sort()).toEqual(
      ['FiraSans-Regular.woff2', 'FiraSans-SemiBold.woff2', 'booking.js', 'kern.css', 'kern.rtl.css', 'public.css', 'public.rtl.css'].sort(),
    );
  });

  it('keeps what the pages use and drops the rest of KERN', () => {
    const kern = readFileSync(join(out, 'public', 'kern.css'), 'utf8');
    expect(kern).toContain('.kern-card');
    expect(kern).toContain('.kern-heading-x-large');
    expect(kern).not.toContain('.kern-task-list');
    expect(kern).not.toContain('.kern-dialog__footer');
    expect(kern.length).toBeLessThan(60_000);
  });

  it('keeps the form, radio and summary styles the booking pages use', () => {
    const kern = readFileSync(join(out, 'public', 'kern.css'), 'utf8');
    for (const cls of ['.kern-form-input__input', '.kern-form-check__radio', '.kern-fieldset', '.kern-error', '.kern-alert--danger', '.kern-btn--secondary', '.kern-table']) expect(kern, cls).toContain(cls);
  });

  it('mirrors the physical sides for right-to-left pages', () => {
    const ltr = readFileSync(join(out, 'public', 'kern.css'), 'utf8');
    const rtl = readFileSync(join(out, 'public', 'kern.rtl.css'), 'utf8');
    const container = (css: string) => /\.kern-container\{[^}]*\}/.exec(css)?.[0] ?? '';
    expect(container(ltr)).toMatch(/padding-left:1rem;padding-right:1rem/);
    expect(container(rtl)).toMatch(/padding-right:1rem;padding-left:1rem/);
    expect(rtl).not.toEqual(ltr);
  });

  it('loads fonts from its own folder only, nothing from elsewhere', () => {
    const own = readFileSync(join(out, 'public', 'public.css'), 'utf8');
    expect(own).toContain("url('./FiraSans-Regular.woff2')");
    for (const file of ['kern.css', 'kern.rtl.css', 'public.css', 'public.rtl.css']) {
      expect(readFileSync(join(out, 'public', file), 'utf8')).not.toMatch(/url\(['"]?(https?:)?\/\//);
    }
  });
});
