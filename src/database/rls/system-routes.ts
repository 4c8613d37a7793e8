import { Request } from 'express';

/**
 * Routes that run as the system (every row): they act before anyone is signed in, and what they check
 * is a secret the caller presents, not a session — credentials (login, register), a refresh or
 * invitation or reset token (`/api/auth/*`, whose profile rows must be found before their owner is
 * known), or Stripe's signature on a webhook. Matched on the route as registered when Express has
 * routed the request (case and trailing slashes as for the admin paths), else on the path.
 */
const SYSTEM_ROUTES = [/^\/api\/auth(\/|$)/i, /^\/api\/payments\/stripe\/webhook\/?$/i];

export function isSystemRoute(request: Request): boolean {
  const pattern: unknown = (request.route as { path?: unknown } | undefined)?.path;
  const path = typeof pattern === 'string' ? pattern : request.originalUrl.split('?')[0];
  return SYSTEM_ROUTES.some((route) => route.test(path));
}
