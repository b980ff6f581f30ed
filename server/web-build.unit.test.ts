import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webInputsHash } from './web-build.ts';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lotse-web-hash-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('webInputsHash', () => {
  const base = { 'web/staff/main.tsx': 'a', 'locales/de/staff.json': '{}', 'contracts/x.ts': 'x', 'vite.config.ts': 'v', 'package-lock.json': 'l' };

  it('is the same for the same inputs', () => {
    expect(webInputsHash(tree(base))).toBe(webInputsHash(tree(base)));
  });

  it.each(Object.keys(base))('changes when %s changes', (path) => {
    expect(webInputsHash(tree({ ...base, [path]: 'changed' }))).not.toBe(webInputsHash(tree(base)));
  });

  it('changes when a file is added or renamed', () => {
    expect(webInputsHash(tree({ ...base, 'web/ui/New.tsx': '' }))).not.toBe(webInputsHash(tree(base)));
    const { 'web/staff/main.tsx': main, ...rest } = base;
    expect(webInputsHash(tree({ ...rest, 'web/staff/other.tsx': main }))).not.toBe(webInputsHash(tree(base)));
  });

  it('ignores files outside the inputs', () => {
    expect(webInputsHash(tree({ ...base, 'server/app.ts': 'y', 'dist/web/x.js': 'z' }))).toBe(webInputsHash(tree(base)));
  });
});
