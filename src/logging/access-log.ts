import { performance } from 'node:perf_hooks';
import { NextFunction, Request, Response } from 'express';
// Not re-exported by the package's index: the async context its Logger reads the request's logger
// from (what its own middleware fills in; see logging.module.ts for why we do it here).
import { storage, Store } from 'nestjs-pino/storage';
import { Logger } from 'pino';
import { AuthUser } from '../auth/auth.types';
import { loggableUrl } from './redaction';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';

/** What this middleware leaves on the request: its id. */
export interface LoggedRequest extends Request {
  id: string;
  user?: AuthUser;
}

/**
 * nestjs-pino's async-context store, whose logger (the root's child bound to the request id) is made
 * the first time something logs while handling the request: most requests log only their access line,
 * which the root writes with the id among its fields (the same line a child would write).
 */
function requestLogStore(root: Logger, requestId: string): Store {
  let child: Logger | undefined;
  const store = new Store(root);
  Object.defineProperty(store, 'logger', {
    get: () => (child ??= root.child({ requestId })),
    enumerable: true,
  });
  return store;
}

/**
 * The first middleware of the app (before CORS and the body parsers, so that preflights, 413s and
 * 404s have it too): gives the request its id (`X-Request-Id` on the response) and a logger bound to
 * it that every Nest `Logger` call made while handling the request writes through (so each line has
 * the `requestId`), and writes one access line when the response is done.
 *
 * The access line picks its fields by hand — method, route template, URL (secret query values
 * masked), status, duration, user — and never the request or response objects: no headers, no body,
 * and no serializer work per request. With the info level off (LOG_LEVEL=warn) only the id is left.
 */
export function accessLogMiddleware(root: Logger): (req: Request, res: Response, next: NextFunction) => void {
  const accessLines = root.isLevelEnabled('info');
  return (req, res, next) => {
    const logged = req as LoggedRequest;
    const id = requestIdFor(req.headers['x-request-id']);
    logged.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    if (accessLines) {
      const started = performance.now();
      // 'close' follows 'finish' and also comes alone when the client went away first.
      res.once('close', () => writeAccessLine(root, logged, res, started));
    }
    // Everything after this (parsers, guards, services, the filter) logs through the request's logger.
    storage.run(requestLogStore(root, id), next);
  };
}

function writeAccessLine(root: Logger, req: LoggedRequest, res: Response, started: number): void {
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const url = loggableUrl(req.originalUrl);
  // Express sets req.route when a route matched: its template, e.g. /api/orders/:id.
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const status = res.statusCode;
  const completed = res.writableFinished;
  const line: Record<string, unknown> = {
    requestId: req.id,
    method: req.method,
    route: typeof route === 'string' ? route : null,
    url,
    status,
    durationMs,
    userId: req.user?.id ?? null,
  };
  if (!completed) line.aborted = true;
  root.info(line, `${req.method} ${url} ${completed ? status : 'aborted'} ${durationMs} ms`);
}
