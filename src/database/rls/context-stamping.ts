import { escapeLiteral, Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import {
  ANONYMOUS_CONTEXT,
  contextKey,
  contextSettings,
  currentDbContext,
  currentDbContextSource,
  hasDbContext,
} from './db-context';

export interface ContextStampingOptions {
  /**
   * DATABASE_APP_ROLE: the login role is the tables' owner, and each session switches to this role
   * (set_config('role', …) = SET ROLE) with its context. Unset: the login role is the app's own.
   */
  appRole?: string;
}

interface Stamp {
  key: string;
  statement: { name: string; text: string };
  values: string[];
}

/** The session variables a stamp sets, by name, in the order of its statement. */
const SETTING_NAMES = ['app.user_id', 'app.role', 'app.store_ids', 'app.cart_session'] as const;

const setters = (local: boolean, withRole: boolean): string =>
  `SELECT ${withRole ? `set_config('role', $5, ${local}), ` : ''}` +
  `set_config('app.user_id', $1, ${local}), set_config('app.role', $2, ${local}), ` +
  `set_config('app.store_ids', $3, ${local}), set_config('app.cart_session', $4, ${local})`;

/** Named statements: parsed and planned once per connection. */
const STATEMENTS = {
  session: { name: 'rls_stamp_session', text: setters(false, false) },
  sessionWithRole: { name: 'rls_stamp_session_role', text: setters(false, true) },
  transaction: { name: 'rls_stamp_transaction', text: setters(true, false) },
  transactionWithRole: { name: 'rls_stamp_transaction_role', text: setters(true, true) },
};

/** What a pooled connection's session holds now. A new connection holds nothing (its key is ''). */
const stamped = new WeakMap<object, string>();
/** The context the open transaction of a connection carries itself (its START TRANSACTION set it). */
const transactionStamped = new WeakMap<object, string>();
/** Contexts (their sources, db-context.ts) whose next checkout opens a transaction: see openingTransaction. */
const opening = new WeakSet<object>();
const stampingOptions = new WeakMap<DataSource, ContextStampingOptions>();
let unscopedAsOwner = false;

/**
 * Tests only: code outside any request or runAsSystem — a test's own setup through the app's
 * DataSource — runs as the login role (the owner, with DATABASE_APP_ROLE), as before row-level
 * security. In the app, such code runs anonymous: it sees the public catalog and nothing else.
 */
export function setUnscopedRunsAsOwner(on: boolean): void {
  unscopedAsOwner = on;
}

type ConnectCallback = (err: Error | undefined, client?: PoolClient, release?: (err?: Error) => void) => void;

/**
 * Makes every connection the app's pool hands out carry the context of the code that asked for it
 * (db-context.ts): TypeORM's query runners and transactions, repositories and queryPrepared all check
 * out through pool.connect. The session variables are set (set_config(…, false)) only when the
 * connection last carried another context, so a run of anonymous storefront reads costs no extra round
 * trip. These statements bypass TypeORM's logger: they carry no data of the request.
 */
export function installContextStamping(dataSource: DataSource, options: ContextStampingOptions = {}): void {
  if (stampingOptions.has(dataSource)) return;
  stampingOptions.set(dataSource, options);
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const stampedConnect = (callback?: ConnectCallback): Promise<PoolClient> | undefined => {
    // Decided now: the checkout may wait for a free connection in another async context.
    const stamp = stampFor(options, false);
    // Its transaction's own stamp, when this checkout opens one (openingTransaction).
    const transactionStamp = takeOpening() ? stampFor(options, true) : undefined;
    const checkout = connect().then(async (client) => {
      transactionStamped.delete(client);
      if (stamped.get(client) === stamp.key) return client;
      if (transactionStamp) {
        stampOnBegin(client, stamp, transactionStamp);
        return client;
      }
      // Forgotten first: a failed stamp must not leave the old key claiming the connection.
      stamped.delete(client);
      try {
        await client.query({ ...stamp.statement, values: stamp.values });
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      stamped.set(client, stamp.key);
      return client;
    });
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (err?: Error) => client.release(err)),
      (error: Error) => callback(error),
    );
    return undefined;
  };
  (pool as unknown as { connect: typeof stampedConnect }).connect = stampedConnect;
}

export function isContextStamped(dataSource: DataSource): boolean {
  return stampingOptions.has(dataSource);
}

/**
 * The next checkout of the running context opens a transaction (inTransaction calls this just before
 * TypeORM's): unless its connection's session carries the context already, the context then rides in
 * the transaction's own first round trip — `START TRANSACTION; SELECT set_config(…, true), …` — instead
 * of a session stamp of its own before it. Local to the transaction: when it ends, the session is back
 * to what `stamped` says it holds. Outside any context (setup code), nothing changes.
 */
export function openingTransaction(): void {
  const source = currentDbContextSource();
  if (source) opening.add(source);
}

function takeOpening(): boolean {
  const source = currentDbContextSource();
  return source !== undefined && opening.delete(source);
}

type QueryArgs = Parameters<PoolClient['query']>;

/**
 * Makes the first query of this checkout carry `local` when it is TypeORM's `START TRANSACTION` (a
 * simple-protocol text, so one more statement can follow it in the same message, with the values
 * written as literals). Anything else first — another query of the same request took the checkout
 * meant for its transaction — gets the session stamp before it, as any checkout does, and runs only
 * once that succeeded.
 */
function stampOnBegin(client: PoolClient, session: Stamp, local: Stamp): void {
  const own = client as unknown as { query?: unknown };
  own.query = (...args: QueryArgs): unknown => {
    delete own.query;
    const [config, values, callback] = args as unknown[];
    if (config === 'START TRANSACTION' && values === undefined && callback === undefined) {
      transactionStamped.set(client, local.key);
      return client.query(`START TRANSACTION; ${literalSetters(local)}`);
    }
    // Forgotten first, as on any checkout: a failed stamp must not leave the old key claiming it.
    stamped.delete(client);
    const stampedFirst = client
      .query({ ...session.statement, values: session.values })
      .then(() => void stamped.set(client, session.key));
    return runAfter(client, stampedFirst, args);
  };
}

/** `args` sent once `first` resolved, in whichever form they came (promise, callback, submittable). */
function runAfter(client: PoolClient, first: Promise<void>, args: QueryArgs): unknown {
  const send = client.query.bind(client) as (...a: unknown[]) => unknown;
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    const done = last as (error: Error) => void;
    first.then(() => send(...args), done);
    return undefined;
  }
  const submittable = args[0] as { submit?: unknown; handleError?: (error: Error) => void };
  if (typeof submittable?.submit === 'function') {
    first.then(
      () => send(...args),
      (error: Error) => submittable.handleError?.(error),
    );
    return submittable;
  }
  return first.then(() => send(...args));
}

/** The stamp's set_config calls with their values as literals (a simple-protocol statement). */
function literalSetters(stamp: Stamp): string {
  const calls = SETTING_NAMES.map(
    (name, i) => `set_config('${name}', ${escapeLiteral(stamp.values[i])}, true)`,
  );
  if (stamp.values.length > SETTING_NAMES.length) {
    calls.unshift(`set_config('role', ${escapeLiteral(stamp.values[SETTING_NAMES.length])}, true)`);
  }
  return `SELECT ${calls.join(', ')}`;
}

/**
 * The transaction's context, local to the transaction `tx` has open (set_config(…, true)), when its
 * connection's session does not carry that context already. Nothing when it does — the usual case:
 * the connection was stamped for this very context when it was checked out, and a session setting
 * cannot reach anybody else, since row-level security is refused behind a transaction-mode pooler
 * (DATABASE_PREPARED_STATEMENTS=false, app-config.ts). That saves a round trip per transaction (three
 * per checkout).
 */
export async function stampTransaction(dataSource: DataSource, tx: EntityManager): Promise<void> {
  const runner = tx.queryRunner;
  const options = stampingOptions.get(dataSource);
  if (!runner || !options) return;
  const stamp = stampFor(options, true);
  const client = (await runner.connect()) as PoolClient;
  if (stamped.get(client) === stamp.key || transactionStamped.get(client) === stamp.key) return;
  await client.query({ ...stamp.statement, values: stamp.values });
}

function stampFor(options: ContextStampingOptions, local: boolean): Stamp {
  const owner = unscopedAsOwner && options.appRole !== undefined && !hasDbContext();
  const context = owner ? ANONYMOUS_CONTEXT : currentDbContext();
  const values = contextSettings(context);
  if (options.appRole === undefined) {
    return {
      key: contextKey(context),
      statement: local ? STATEMENTS.transaction : STATEMENTS.session,
      values,
    };
  }
  // 'none' = RESET ROLE: back to the login role.
  const role = owner ? 'none' : options.appRole;
  return {
    key: `${role}|${contextKey(context)}`,
    statement: local ? STATEMENTS.transactionWithRole : STATEMENTS.sessionWithRole,
    values: [...values, role],
  };
}
