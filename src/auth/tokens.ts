import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in refresh and invitation tokens (256 bits: not guessable, not enumerable). */
export const OPAQUE_TOKEN_BYTES = 32;

/** A random opaque token, base64url (43 characters). Shown to its owner once; only its hash is stored. */
export function generateOpaqueToken(): string {
  return randomBytes(OPAQUE_TOKEN_BYTES).toString('base64url');
}

/**
 * SHA-256 (hex) of a token, as stored in `refresh_tokens.token_hash` and `admin_invitations.token_hash`.
 * A fast hash is enough here: the tokens are random 256-bit values, so there is nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Lower-cased and trimmed: the form emails are stored and compared in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
