import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A short secret (an account token on its way to an email) sealed with AES-256-GCM, so that the
 * outbox row carrying it is no readable token at rest: only the process holding the key (derived
 * from JWT_SECRET) can open it, and a tampered value fails to open. Format: `v1.<iv>.<tag>.<data>`,
 * base64url parts.
 */
const VERSION = 'v1';

/** Derives a 256-bit sealing key for one purpose from the app's root secret (HKDF-SHA256). */
export function deriveSealingKey(rootSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootSecret, Buffer.alloc(0), `sealed-secret:${purpose}`, 32));
}

export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plain secret, or null when the value is not one this key sealed (wrong key, tampered, malformed). */
export function unsealSecret(sealed: string, key: Buffer): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  try {
    const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
