import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a database session acts for; the row-level security policies (migration 0023) read it. */
export type DbRole = 'anonymous' | 'customer' | 'admin' | 'super_admin' | 'system';

export interface DbContext {
  role: DbRole;
  /** The signed-in profile; null for anonymous and system work. */
  userId: string | null;
  /** An admin's stores (its memberships); empty otherwise (super_admin and system see every store). */
  storeIds: readonly string[];
  /** A guest's X-Cart-Session: the guest carts it may see. */
  cartSession: string | null;
}

export const ANONYMOUS_CONTEXT: DbContext = Object.freeze({
  role: 'anonymous',
  userId: null,
  storeIds: [],
  cartSession: null,
});

/** Background work that acts for nobody in particular: sweeper, outbox, webhooks, start-up tasks. */
export const SYSTEM_CONTEXT: DbContext = Object.freeze({
  role: 'system',
  userId: null,
  storeIds: [],
  cartSession: null,
});

/**
 * What the async call chain carries: a fixed context (background work), or a request's, derived when a
 * query needs it (its user is known only after the guards ran), with a guest cart session its handler
 * created on the way (bindCartSession).
 */
export type DbContextSource =
  | { fixed: DbContext }
  | { derive: (boundCartSession: string | undefined) => DbContext; boundCartSession?: string };

const storage = new AsyncLocalStorage<DbContextSource>();

/** The context of the code running now: the request's, the background job's, else anonymous. */
export function currentDbContext(): DbContext {
  const source = storage.getStore();
  if (!source) return ANONYMOUS_CONTEXT;
  return 'fixed' in source ? source.fixed : source.derive(source.boundCartSession);
}

/**
 * A new guest cart session, made by the request running now: from here on the request may see that
 * session's carts (the policies match carts on the session in the context). Returns `sessionId`.
 */
export function bindCartSession(sessionId: string): string {
  const source = storage.getStore();
  if (source && 'derive' in source) source.boundCartSession = sessionId;
  return sessionId;
}

/** What the running code's context comes from, by identity (one per request or runAsSystem). */
export function currentDbContextSource(): object | undefined {
  return storage.getStore();
}

/** False outside any request and any runAsSystem (see setUnscopedRunsAsOwner). */
export function hasDbContext(): boolean {
  return storage.getStore() !== undefined;
}

export function runWithDbContext<T>(source: DbContextSource, work: () => T): T {
  return storage.run(source, work);
}

/**
 * Runs `work` (and everything it starts) as the system: every row, every store. For background work
 * only; a request never runs as the system except on the routes of system-routes.ts.
 */
export function runAsSystem<T>(work: () => T): T {
  return storage.run({ fixed: SYSTEM_CONTEXT }, work);
}

/** A stable text form: two contexts with the same key set the same session variables. */
export function contextKey(context: DbContext): string {
  return `${context.role}|${context.userId ?? ''}|${context.storeIds.join(',')}|${context.cartSession ?? ''}`;
}

/** The four set_config values, in the order of the stamp statements (context-stamping.ts). */
export function contextSettings(context: DbContext): [string, string, string, string] {
  return [
    context.userId ?? '',
    context.role,
    context.storeIds.length > 0 ? `{${context.storeIds.join(',')}}` : '',
    context.cartSession ?? '',
  ];
}
