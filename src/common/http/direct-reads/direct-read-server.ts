import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ExceptionFilter, INestApplication, Logger, PipeTransform } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Application, NextFunction, Request, Response } from 'express';
import { DirectReadRoute } from './direct-read-routes';

/** The app's request middlewares that every request gets, direct or not (access line, metrics, CORS, …). */
export type RequestMiddleware = (req: Request, res: Response, next: NextFunction) => void;

export interface DirectReadOptions {
  routes: DirectReadRoute[];
  /** In the order Express runs them for every request; none of them may need a body. */
  middlewares: RequestMiddleware[];
  /** The global pipes, as Nest applies them to each argument. */
  pipes: PipeTransform[];
  /** The global exception filter: a direct read's error gets the body any route's would. */
  filter: ExceptionFilter;
}

interface Match {
  route: DirectReadRoute;
  params: Record<string, string>;
  /** The raw query string (null without a '?'), as Express's query getter hands it to the parser. */
  query: string | null;
}

/** Express's app: also the prototypes it gives each request and response (not in its type definitions). */
type ExpressApp = Application & { request: object; response: object };

const noop = (): void => undefined;
const directReads = new WeakMap<INestApplication, DirectReadServer>();

/**
 * Answers the `@DirectRead()` routes (direct-read.decorator.ts) in the HTTP server's own request
 * listener, ahead of Express: the same middlewares, the same handler with the same arguments through
 * the same global pipes, the same reply and the same exception filter, without Express's router
 * and Nest's per-route pipeline. On the storefront's listing those two cost about 0.2 ms of CPU
 * per request, more than the page's own work (docs/benchmarks.md).
 *
 * Only what the direct path answers exactly as the full one would comes here: a GET with no body and
 * no Authorization header (a token must be checked by JwtAuthGuard) whose path matches a template
 * literally (no trailing slash, the same case). Everything else — HEAD, a trailing slash, a body, an
 * undecodable parameter — goes to Express as before.
 */
export class DirectReadServer {
  private readonly logger = new Logger('DirectReads');
  /** Requests answered here (tests read it to know which path a request took). */
  answered = 0;

  constructor(
    private readonly app: INestApplication,
    private readonly express: ExpressApp,
    private readonly options: DirectReadOptions,
  ) {}

  /** True when this request is (being) answered here; false: the caller hands it to Express. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || hasBody(req)) return false;
    const match = this.match(req.url ?? '');
    if (!match) return false;
    this.answered++;
    const request = req as Request;
    const response = res as Response;
    // What Express's router would have set that the middlewares, pipes and handler read. Not
    // Express's prototypes (its app.handle swaps them on every request, which costs more than the
    // rest of this): only the filter needs them, and fail() gives them.
    request.originalUrl = request.url;
    request.baseUrl = '';
    request.params = match.params;
    const parse = this.express.get('query parser fn') as ((query: string | null) => unknown) | undefined;
    // Express's req.query getter, evaluated once: the app's query parser on the raw query string.
    Object.defineProperty(request, 'query', {
      value: parse ? parse(match.query) : {},
      writable: true,
      configurable: true,
      enumerable: true,
    });
    // The access line and the metrics label requests by Express's route template.
    request.route = { path: match.route.template };
    this.runMiddlewares(0, request, response, match.route);
    return true;
  }

  private runMiddlewares(index: number, req: Request, res: Response, route: DirectReadRoute): void {
    const middleware = this.options.middlewares[index];
    if (!middleware) {
      this.invoke(route, req, res).catch((error: unknown) => this.fail(error, req, res));
      return;
    }
    try {
      // Each calls next inside its own async context (request id, database context): so does the handler.
      middleware(req, res, (error?: unknown) => {
        if (error !== undefined && error !== null) this.fail(error, req, res);
        else this.runMiddlewares(index + 1, req, res, route);
      });
    } catch (error) {
      this.fail(error, req, res);
    }
  }

  private async invoke(route: DirectReadRoute, req: Request, res: Response): Promise<void> {
    const args: unknown[] = [];
    for (const argument of route.args) {
      let value: unknown = argument.type === 'param' ? req.params[argument.name ?? ''] : req.query;
      for (const pipe of this.options.pipes) {
        value = await pipe.transform(value, {
          type: argument.type,
          metatype: argument.metatype as never,
          data: argument.name,
        });
      }
      args[argument.index] = value;
    }
    const body = await route.handler(...args);
    // Nest's reply for a GET: 200, through the app's adapter (AppExpressAdapter's JSON reply).
    this.app.getHttpAdapter().reply(res, body, 200);
  }

  private fail(error: unknown, req: Request, res: Response): void {
    try {
      // The filter answers through Express's response API (res.status().json()).
      this.withExpressPrototypes(req, res);
      this.options.filter.catch(error, new ExecutionContextHost([req, res, noop]));
    } catch (filterError) {
      this.logger.error(
        `The exception filter failed on ${req.method} ${req.originalUrl}: ${String(filterError)}`,
      );
      res.destroy();
    }
  }

  /** What Express's app.handle does before its router (express/lib/application.js). */
  private withExpressPrototypes(req: Request, res: Response): void {
    if (Object.getPrototypeOf(res) === this.express.response) return;
    Object.setPrototypeOf(req, this.express.request);
    Object.setPrototypeOf(res, this.express.response);
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as Record<string, unknown>;
  }

  private match(url: string): Match | undefined {
    const query = url.indexOf('?');
    const parts = (query === -1 ? url : url.slice(0, query)).split('/');
    for (const route of this.options.routes) {
      const params = matchSegments(route, parts);
      if (params) return { route, params, query: query === -1 ? null : url.slice(query + 1) };
    }
    return undefined;
  }
}

/** `parts`: the path split on '/', with its leading ''. */
function matchSegments(route: DirectReadRoute, parts: string[]): Record<string, string> | undefined {
  if (parts.length !== route.segments.length + 1 || parts[0] !== '') return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i];
    const part = parts[i + 1];
    if ('literal' in segment) {
      if (part !== segment.literal) return undefined;
      continue;
    }
    if (part === '') return undefined;
    try {
      params[segment.param] = part.includes('%') ? decodeURIComponent(part) : part;
    } catch {
      return undefined; // Express answers an undecodable parameter (400) its own way
    }
  }
  return params;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Puts the direct path in front of Express: the HTTP server Nest created (`http.createServer(express)`)
 * gets one request listener that answers the direct reads and hands everything else to Express.
 * Call before the app listens; a no-op without `@DirectRead()` routes.
 */
export function installDirectReads(app: INestApplication, options: DirectReadOptions): DirectReadServer {
  const express = app.getHttpAdapter().getInstance() as ExpressApp;
  const server = app.getHttpServer() as Server;
  const direct = new DirectReadServer(app, express, options);
  directReads.set(app, direct);
  if (options.routes.length === 0) return direct;
  const listeners = server.listeners('request');
  if (listeners.length !== 1 || listeners[0] !== express) {
    throw new Error('Direct reads: the HTTP server does not have Express as its only request listener');
  }
  server.removeListener('request', express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!direct.answer(req, res)) express(req, res);
  });
  return direct;
}

/** The app's direct path (tests: which requests it answered). */
export function directReadsOf(app: INestApplication): DirectReadServer | undefined {
  return directReads.get(app);
}
