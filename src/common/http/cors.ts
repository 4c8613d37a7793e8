import { NextFunction, Request, Response } from 'express';

/** What the browser may send on a cross-origin call, and read back from the response. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Cart-Session',
  'X-Order-Token',
  'X-Request-Id',
].join(', ');
export const CORS_ALLOWED_METHODS = 'GET, HEAD, POST, PATCH, DELETE';
export const CORS_EXPOSED_HEADERS = 'X-Cart-Session, X-Request-Id, Retry-After';
/** How long a browser may reuse a preflight answer (seconds). */
export const CORS_MAX_AGE_SECONDS = 600;

/** Any port on the loopback names, over plain http: a frontend's dev server. */
const LOCALHOST_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;

export interface CorsSettings {
  /** Exact origins (scheme://host[:port]), from CORS_ORIGINS. */
  origins: readonly string[];
  /** The default embedded run also allows http://localhost:<port> and http://127.0.0.1:<port>. */
  allowLocalhost: boolean;
}

/**
 * CORS as API.md says, by hand (a few header writes; no credentials: clients send bearer tokens).
 * An allowed origin gets Access-Control-Allow-Origin (and the exposed headers); any other origin gets
 * no CORS header and its request is handled as usual: refusing is the browser's job. Every preflight
 * (OPTIONS with Access-Control-Request-Method) is answered here with 204, with the CORS headers only
 * for an allowed origin. Returns undefined when no origin can be allowed (nothing to do per request).
 */
export function corsMiddleware(
  settings: CorsSettings,
): ((req: Request, res: Response, next: NextFunction) => void) | undefined {
  const origins = new Set(settings.origins);
  const { allowLocalhost } = settings;
  if (origins.size === 0 && !allowLocalhost) return undefined;
  const isAllowed = (origin: string): boolean =>
    origins.has(origin) || (allowLocalhost && LOCALHOST_ORIGIN.test(origin));

  return (req, res, next) => {
    // The answer depends on Origin, even the one without CORS headers: caches must keep them apart.
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    const allowed = origin !== undefined && isAllowed(origin);
    if (req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method']) {
      if (allowed) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
      }
      res.statusCode = 204;
      res.end();
      return;
    }
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    }
    next();
  };
}
