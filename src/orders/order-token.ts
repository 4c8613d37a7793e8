import { createHash, randomBytes } from 'node:crypto';

/** A guest's order token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newOrderToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a token: what `orders.order_token_hash` holds and lookups compare. */
export function hashOrderToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What an `X-Order-Token` header can be: anything else is no token of ours (and is never hashed). */
export const ORDER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;
