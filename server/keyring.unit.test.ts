import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing } from './keyring.ts';

const newKey = (): Buffer => randomBytes(32);

describe('key ring', () => {
  it('seals and opens a value; the sealed form hides it and differs each time', () => {
    const ring = createKeyRing([newKey()]);
    const secret = 'JBSWY3DPEHPK3PXP — geheim ü';
    const a = ring.seal(secret);
    const b = ring.seal(secret);
    expect(a).not.toContain('JBSWY3');
    expect(a).not.toBe(b);
    expect(a.split('.')[0]).toBe('v1');
    expect(ring.open(a)).toBe(secret);
    expect(ring.open(b)).toBe(secret);
    expect(ring.open(ring.seal(''))).toBe('');
  });

  it('rotates: a value sealed with the old key opens after a new key is prepended', () => {
    const oldKey = newKey();
    const sealedBefore = createKeyRing([oldKey]).seal('totp-secret', 'account:1');
    const currentKey = newKey();
    const rotated = createKeyRing([currentKey, oldKey]);
    expect(rotated.open(sealedBefore, 'account:1')).toBe('totp-secret');
    const sealedAfter = rotated.seal('totp-secret', 'account:1');
    expect(sealedAfter.split('.')[1]).not.toBe(sealedBefore.split('.')[1]);
    // Once the old key leaves the ring, its values no longer open; newer ones still do.
    const withoutOld = createKeyRing([currentKey]);
    expect(() => withoutOld.open(sealedBefore, 'account:1')).toThrow(/no longer in the key ring/);
    expect(withoutOld.open(sealedAfter, 'account:1')).toBe('totp-secret');
  });

  it('refuses a value sealed with an unknown key', () => {
    const sealed = createKeyRing([newKey()]).seal('x');
    expect(() => createKeyRing([newKey()]).open(sealed)).toThrow(/no longer in the key ring/);
  });

  it('refuses a value opened in another context (AAD)', () => {
    const ring = createKeyRing([newKey()]);
    const sealed = ring.seal('totp-secret', 'account:1');
    expect(() => ring.open(sealed, 'account:2')).toThrow();
    expect(() => ring.open(sealed)).toThrow();
  });

  it('refuses a tampered value', () => {
    const ring = createKeyRing([newKey()]);
    const parts = ring.seal('abcdef').split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => ring.open(parts.join('.'))).toThrow();
    expect(() => ring.open('not sealed')).toThrow(/not a sealed value/);
  });

  it('seals bytes bound to a context: no plaintext inside, opens after rotation, refuses another context or a flipped bit', () => {
    const oldKey = newKey();
    const plain = Buffer.concat([Buffer.from('%PDF-1.4 MARKER-Aktenzeichen '), randomBytes(64)]);
    const sealed = createKeyRing([oldKey]).sealBytes(plain, 'letter:1');
    expect(sealed.includes(Buffer.from('MARKER'))).toBe(false);
    expect(sealed.toString('latin1', 0, 3)).toBe('v1.');
    const rotated = createKeyRing([newKey(), oldKey]);
    expect(rotated.openBytes(sealed, 'letter:1').equals(plain)).toBe(true);
    expect(() => rotated.openBytes(sealed, 'letter:2')).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => rotated.openBytes(flipped, 'letter:1')).toThrow();
    expect(() => rotated.openBytes(Buffer.from('short'), 'letter:1')).toThrow(/not sealed bytes/);
    expect(rotated.openBytes(rotated.sealBytes(Buffer.alloc(0), 'x'), 'x').length).toBe(0);
  });

  it('refuses an empty ring', () => {
    expect(() => createKeyRing([])).toThrow(/empty/);
  });
});
