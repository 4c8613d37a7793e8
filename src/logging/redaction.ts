export const REDACTED = '[Redacted]';

/** Keys (compared in lower case) whose values never reach a log line, at any depth. */
const SECRET_KEYS = new Set(
  [
    'authorization',
    'cookie',
    'set-cookie',
    'x-cart-session',
    'x-order-token',
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'accessToken',
    'refreshToken',
    'token',
    'orderToken',
    'clientSecret',
    'secret',
    'jwtSecret',
    'apiKey',
    'stripeSecretKey',
    'stripeWebhookSecret',
  ].map((key) => key.toLowerCase()),
);

/** Deep enough for `{ err: { config: { headers: { authorization } } } }`, bounded against cycles. */
const MAX_DEPTH = 8;

/**
 * The net under whatever a log call passes as an object (requests and responses are never logged
 * whole, see access-log.ts): a copy with the values of secret keys replaced, at any depth; the object
 * itself when there is nothing to hide (no allocation: the access line's flat fields cost a few Set
 * look-ups). pino's own `redact` paths were not used: with wildcards for "any depth" they cost
 * ~150 µs per line, more than the request. Errors are left to pino's serializer (message and stack).
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Error || ArrayBuffer.isView(value) || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = redactSecrets(item, depth + 1);
      if (next !== item) (copy ??= [...(value as unknown[])])[i] = next;
    });
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactSecrets(item, depth + 1);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return (copy ?? value) as T;
}

/** Query parameters whose values are masked in a logged URL (`?token=…` of an emailed link). */
const SECRET_QUERY_PARAM = /token|password|secret|signature|session|key|code_verifier/i;

/**
 * The URL as logged: the path as is, secret-looking query values masked. Free for the common URL
 * without a query string.
 */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let masked = false;
  for (const key of new Set(params.keys())) {
    if (SECRET_QUERY_PARAM.test(key)) {
      params.set(key, REDACTED);
      masked = true;
    }
  }
  return masked ? `${url.slice(0, q)}?${params.toString()}` : url;
}
