/**
 * Keys whose values never reach a log line, at any of the first four levels of a logged object
 * (`{ password }`, `{ body: { password } }`, `{ req: { headers: { authorization } } }`, an error's
 * `config.headers.authorization`). Requests and responses are never logged whole (see access-log.ts);
 * this is the net under whatever a log call passes as an object.
 */
const SECRET_KEYS = [
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
];

const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

/** fast-redact paths (pino's `redact.paths`); keys with a dash need the bracket form. */
export const REDACT_PATHS: string[] = DEPTHS.flatMap((prefix) =>
  SECRET_KEYS.map((key) => {
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return `${prefix}${key}`;
    const bracket = `["${key}"]`;
    return prefix === '' ? bracket : `${prefix.slice(0, -1)}${bracket}`;
  }),
);

export const REDACTED = '[Redacted]';

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
