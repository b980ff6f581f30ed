import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Field-level encryption with a key ring (newest first): AES-256-GCM, each value tagged with the
 * id of the key that sealed it, so keys can rotate — new values use the newest key, old values
 * stay readable while their key is still in the ring.
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface KeyRing {
  seal(plaintext: string, context?: string): string;
  open(sealed: string, context?: string): string;
}

const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 8);

export function createKeyRing(keys: Buffer[]): KeyRing {
  const [newest] = keys;
  if (!newest) throw new Error('the key ring is empty');
  const byId = new Map(keys.map((k) => [keyId(k), k]));
  return {
    seal(plaintext, context = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', newest, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', keyId(newest), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed, context = '') {
      const [version, id, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !id || !iv || !tag || data === undefined) throw new Error('not a sealed value');
      const key = byId.get(id);
      if (!key) throw new Error(`sealed with key ${id}, which is no longer in the key ring`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
