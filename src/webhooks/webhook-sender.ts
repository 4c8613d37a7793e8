import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Agent as HttpAgent, ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { isForbiddenAddress } from './address-policy';
import { bareHost } from './url-policy';

/** What came of one send. `statusCode` is null when no answer arrived (timeout, refused, blocked). */
export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const WEBHOOK_USER_AGENT = 'commerce-webhooks/1.0 (Standard Webhooks)';

class BlockedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_BLOCKED';
}

/**
 * DNS lookup for the delivery agents that applies the address policy to what the name resolves to
 * now, and hands the socket exactly those addresses: no gap between the check and the connect for a
 * DNS rebinding to slip through. Every address must pass, as at creation.
 */
export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
      if (forbidden || addresses.length === 0) {
        const blocked = new BlockedAddressError(
          `${hostname} resolves to ${forbidden?.address ?? 'nothing'}, which webhooks may not reach`,
        );
        return callback(blocked, '', 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Sends webhook requests: one POST, no redirects followed (a 3xx is a failure: following it would
 * skip the address check), no keep-alive (receivers are many and far between; nothing stays open at
 * shutdown), an overall timeout. Never throws: every way a send ends is a SendOutcome.
 */
export class WebhookSender {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly open = new Set<ClientRequest>();

  constructor(
    private readonly allowPrivate: boolean,
    private readonly timeoutMs: number,
  ) {
    const lookup = allowPrivate ? undefined : guardedLookup();
    this.http = new HttpAgent({ keepAlive: false, lookup });
    this.https = new HttpsAgent({ keepAlive: false, lookup });
  }

  send(request: SendRequest): Promise<SendOutcome> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.resolve({ ok: false, statusCode: null, error: 'invalid URL' });
    }
    const host = bareHost(url);
    // IP literals never reach the lookup: check them here, against the configuration of today.
    if (!this.allowPrivate && isIP(host) !== 0 && isForbiddenAddress(host)) {
      return Promise.resolve({
        ok: false,
        statusCode: null,
        error: `${host} may not be reached by webhooks`,
      });
    }
    const secure = url.protocol === 'https:';
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SendOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.open.delete(req);
        resolve(outcome);
      };
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        agent: secure ? this.https : this.http,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      });
      this.open.add(req);
      const timer = setTimeout(() => {
        finish({ ok: false, statusCode: null, error: `no answer within ${this.timeoutMs} ms` });
        req.destroy();
      }, this.timeoutMs);
      req.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        // The status is all we need: drop the body and the connection.
        res.on('error', () => undefined);
        res.destroy();
        const ok = status >= 200 && status < 300;
        finish({ ok, statusCode: status, error: ok ? null : `HTTP ${status}` });
      });
      req.on('error', (error: Error) => {
        finish({ ok: false, statusCode: null, error: error.message || String(error) });
      });
      req.end(request.body);
    });
  }

  /** Aborts the sends in progress (their outcome: an error) and closes the agents. */
  close(): void {
    for (const req of this.open) req.destroy(new Error('shutting down'));
    this.http.destroy();
    this.https.destroy();
  }
}
