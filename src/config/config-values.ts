/**
 * The value parsers of the configuration (src/config/app-config.ts): each reads one variable, and
 * throws ConfigValidationError naming it, without echoing a secret, when the value is not one it takes.
 */
import { isIP } from 'node:net';

/** Minimum JWT_SECRET length: 32 characters ≈ 256 bits for HS256 when the secret is random. */
export const MIN_JWT_SECRET_LENGTH = 32;

/** Express's `trust proxy`: false (the socket's address), true (any), a hop count, or addresses/subnets. */
export type TrustProxy = boolean | number | string[];

export class ConfigValidationError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigValidationError';
  }
}

export function parseRedisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // The value may hold a password: never echo it.
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new ConfigValidationError(
      'REDIS_URL',
      'must be a URL like redis://:password@host:6379/0 or rediss://host:6380 (the value is not shown)',
    );
  }
  return raw;
}

/** Shows a rejected value in an error message, shortened so that a pasted blob stays on one line. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

export function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (raw === undefined) {
    return fallback;
  }
  const range = max >= 1_000_000 ? `an integer >= ${min}` : `an integer between ${min} and ${max}`;
  if (!/^-?\d+$/.test(raw)) {
    throw new ConfigValidationError(name, `must be ${range} (got ${quote(raw)})`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigValidationError(name, `must be ${range} (got ${quote(raw)})`);
  }
  return value;
}

export function parseDatabaseUrl(raw: string | undefined, name = 'DATABASE_URL'): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  // The value may hold a password: never echo it.
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigValidationError(
      name,
      'must be a URL like postgres://user:password@host:5432/database (the value could not be parsed)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigValidationError(
      name,
      `must start with postgres:// or postgresql:// (got ${quote(url.protocol)})`,
    );
  }
  if (!url.hostname) {
    throw new ConfigValidationError(name, 'must name a host (postgres://user:password@host:5432/db)');
  }
  return raw;
}

export function parseHttpUrl(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigValidationError(name, `must be an http:// or https:// URL (got ${quote(raw)})`);
  }
  return raw;
}

/** CORS_ORIGINS: comma-separated, each exactly an origin as a browser sends it (no path, no slash). */
export function parseCorsOrigins(raw: string | undefined): string[] {
  if (raw === undefined) {
    return [];
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry) {
        throw new ConfigValidationError(
          'CORS_ORIGINS',
          `must be comma-separated origins like https://shop.example.com (scheme://host[:port], lower case, no path) (got ${quote(entry)})`,
        );
      }
      return entry;
    });
}

/** Express's own names for address ranges, accepted in a TRUST_PROXY list. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: true/false, a hop count, or a comma list of addresses, subnets (a.b.c.d/n) and names. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.toLowerCase() === 'false') {
    return false;
  }
  if (raw.toLowerCase() === 'true') {
    return true;
  }
  if (/^\d+$/.test(raw)) {
    return parseInteger('TRUST_PROXY', raw, 0, 0, 100);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    const valid = TRUST_PROXY_NAMES.includes(entry) || (family !== 0 && prefixOk && extra === undefined);
    if (!valid) {
      throw new ConfigValidationError(
        'TRUST_PROXY',
        `must be true, false, a hop count, or comma-separated addresses/subnets (10.0.0.0/8, loopback) (got ${quote(entry)})`,
      );
    }
  }
  return entries;
}

export function parsePrefixed(name: string, raw: string | undefined, prefix: string): string | undefined {
  if (raw !== undefined && !raw.startsWith(prefix)) {
    // Show only the start: enough to spot a pk_/sk_ mix-up without printing the secret.
    throw new ConfigValidationError(name, `must start with ${prefix} (got ${quote(`${raw.slice(0, 3)}…`)})`);
  }
  return raw;
}
