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
  /** The id of the newest key, which seals every new value (`lotse keys rotate` re-seals the others under it). */
  readonly newestKeyId: string;
  /** Whether a sealed value was sealed with the newest key (read off its tag, without opening it). */
  isCurrent(sealed: string): boolean;
  /** Seals bytes (a document) bound to a context: `v1.<keyId>.` then IV, tag and ciphertext, raw. */
  sealBytes(plaintext: Buffer, context: string): Buffer;
  openBytes(sealed: Buffer, context: string): Buffer;
}

const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/** `v1.` + the 8 characters of the key id + `.` */
const BYTES_HEADER = 12;

export function createKeyRing(keys: Buffer[]): KeyRing {
  const [newest] = keys;
  if (!newest) throw new Error('the key ring is empty');
  const byId = new Map(keys.map((k) => [keyId(k), k]));
  const newestKeyId = keyId(newest);
  return {
    newestKeyId,
    isCurrent: (sealed) => sealed.startsWith(`v1.${newestKeyId}.`),
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
    sealBytes(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', newest, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from(`v1.${keyId(newest)}.`, 'latin1'), iv, cipher.getAuthTag(), data]);
    },
    openBytes(sealed, context) {
      const [version, id] = sealed.toString('latin1', 0, BYTES_HEADER).split('.');
      if (version !== 'v1' || !id || sealed.length < BYTES_HEADER + 28 || sealed[BYTES_HEADER - 1] !== 0x2e) throw new Error('not sealed bytes');
      const key = byId.get(id);
      if (!key) throw new Error(`sealed with key ${id}, which is no longer in the key ring`);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(BYTES_HEADER, BYTES_HEADER + 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(sealed.subarray(BYTES_HEADER + 12, BYTES_HEADER + 28));
      return Buffer.concat([decipher.update(sealed.subarray(BYTES_HEADER + 28)), decipher.final()]);
    },
  };
}
