import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppException } from '../common/errors';
import { isForbiddenAddress } from './address-policy';

export const WEBHOOK_URL_NOT_ALLOWED = 'WEBHOOK_URL_NOT_ALLOWED';
const MAX_URL_LENGTH = 2048;

function notAllowed(reason: string): AppException {
  return new AppException(400, WEBHOOK_URL_NOT_ALLOWED, `This webhook URL is not allowed: ${reason}`);
}

/** `[::1]` → `::1`: URL keeps IPv6 literals in brackets. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** `localhost` and its subdomains (RFC 6761): loopback by definition, whatever DNS says. */
function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Parses and checks an endpoint URL at create/update: http(s) only, no credentials in it, and
 * (unless private addresses are allowed) a host that neither is nor resolves to a forbidden address.
 * Every address the name resolves to must pass: the delivery may connect to any of them. Returns the
 * normalised URL. The delivery repeats the check on the address it actually connects to (safe-agent.ts).
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppException(400, 'VALIDATION_FAILED', 'url must be an absolute http:// or https:// URL', [
      { field: 'url', errors: ['url must be an absolute http:// or https:// URL'] },
    ]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw notAllowed('only http and https');
  if (url.username || url.password) throw notAllowed('credentials in the URL');
  if (url.href.length > MAX_URL_LENGTH) throw notAllowed(`longer than ${MAX_URL_LENGTH} characters`);
  if (allowPrivate) return url.href;
  const host = bareHost(url);
  if (isIP(host) !== 0) {
    if (isForbiddenAddress(host)) throw notAllowed(`${host} is a loopback, private or link-local address`);
    return url.href;
  }
  if (isLocalhostName(host)) throw notAllowed(`${host} is a loopback name`);
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw notAllowed(`${host} does not resolve`);
  }
  const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
  if (addresses.length === 0 || forbidden) {
    throw notAllowed(
      `${host} resolves to ${forbidden?.address ?? 'nothing'}, a loopback, private or link-local address`,
    );
  }
  return url.href;
}
