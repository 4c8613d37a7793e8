import type { AuthSession, CartSessionStore, Profile } from '../../../clients/typescript/src/index.js';

/** What the browser remembers between page loads: the guest cart session and the signed-in customer. */
const CART_SESSION_KEY = 'storefront.cartSession';
const AUTH_KEY = 'storefront.auth';
const CHECKOUT_KEY = 'storefront.checkoutKey';

export const cartSession: CartSessionStore = {
  get: () => localStorage.getItem(CART_SESSION_KEY),
  set: (sessionId) => localStorage.setItem(CART_SESSION_KEY, sessionId),
  clear: () => localStorage.removeItem(CART_SESSION_KEY),
};

interface StoredAuth {
  accessToken: string;
  refreshToken: string;
  email: string;
}

function readAuth(): StoredAuth | null {
  const raw = localStorage.getItem(AUTH_KEY);
  if (!raw) return null;
  const value: unknown = JSON.parse(raw);
  if (
    typeof value === 'object' &&
    value !== null &&
    'accessToken' in value &&
    typeof value.accessToken === 'string' &&
    'refreshToken' in value &&
    typeof value.refreshToken === 'string' &&
    'email' in value &&
    typeof value.email === 'string'
  ) {
    return { accessToken: value.accessToken, refreshToken: value.refreshToken, email: value.email };
  }
  return null;
}

export const auth = {
  accessToken: (): string | undefined => readAuth()?.accessToken,
  refreshToken: (): string | undefined => readAuth()?.refreshToken,
  email: (): string | undefined => readAuth()?.email,
  signIn(session: AuthSession): void {
    const stored: StoredAuth = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      email: session.user.email,
    };
    localStorage.setItem(AUTH_KEY, JSON.stringify(stored));
  },
  updateUser(user: Profile): void {
    const current = readAuth();
    if (current) localStorage.setItem(AUTH_KEY, JSON.stringify({ ...current, email: user.email }));
  },
  signOut(): void {
    localStorage.removeItem(AUTH_KEY);
  },
};

/**
 * One Idempotency-Key per checkout attempt, kept until the order exists: a retry after a network error
 * (the order may have been placed) sends the same key and body and gets the same order back. Another
 * body gets a new key (the API answers 422 to a key reused with a different body).
 */
export const checkoutKey = {
  for(body: object): string {
    const json = JSON.stringify(body);
    const raw = localStorage.getItem(CHECKOUT_KEY);
    const stored: unknown = raw ? JSON.parse(raw) : null;
    if (
      typeof stored === 'object' &&
      stored !== null &&
      'key' in stored &&
      typeof stored.key === 'string' &&
      'body' in stored &&
      stored.body === json
    ) {
      return stored.key;
    }
    const key = randomId();
    localStorage.setItem(CHECKOUT_KEY, JSON.stringify({ key, body: json }));
    return key;
  },
  done(): void {
    localStorage.removeItem(CHECKOUT_KEY);
  },
};

/** A random UUID-like id; crypto.randomUUID exists only in secure contexts (https, localhost). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
