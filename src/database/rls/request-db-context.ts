import { NextFunction, Request, Response } from 'express';
import { AuthUser } from '../../auth/auth.types';
import { ANONYMOUS_CONTEXT, DbContext, runWithDbContext, SYSTEM_CONTEXT } from './db-context';
import { isSystemRoute } from './system-routes';

/**
 * The context of a request, derived at each checkout of a connection rather than once: the user is
 * known only after the guards ran (and an admin's memberships after StoreAccessGuard), while a query
 * may run before (the bearer-token lookup runs anonymous).
 */
export function requestDbContextOf(
  request: Request & { user?: AuthUser },
  boundCartSession?: string,
): DbContext {
  if (isSystemRoute(request)) return SYSTEM_CONTEXT;
  const header = request.headers['x-cart-session'];
  const cartSession = boundCartSession ?? (typeof header === 'string' && header !== '' ? header : null);
  // As the guards leave it (JwtAuthGuard, then StoreAccessGuard for an admin's memberships).
  const user = request.user;
  if (!user) return cartSession ? { ...ANONYMOUS_CONTEXT, cartSession } : ANONYMOUS_CONTEXT;
  return {
    role: user.role,
    userId: user.id,
    storeIds: user.role === 'admin' ? (user.memberships ?? []).map((m) => m.storeId) : [],
    cartSession,
  };
}

/** Express middleware: every request runs in its own context (db-context.ts), derived as it goes. */
export function requestDbContext(request: Request, _response: Response, next: NextFunction): void {
  runWithDbContext({ derive: (bound) => requestDbContextOf(request, bound) }, next);
}
