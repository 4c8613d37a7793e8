import { escapeLiteral, Pool, PoolClient } from 'pg';
import { queryBehind } from './stamped-query';
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
  `SELECT ${withRole ? `set_config('role', $${SETTING_NAMES.length + 1}, ${local}), ` : ''}` +
  SETTING_NAMES.map((name, i) => `set_config('${name}', $${i + 1}, ${local})`).join(', ');

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
      // A previous checkout's, if it sent no query: it would stamp that checkout's context.
      delete (client as unknown as { query?: unknown }).query;
      if (stamped.get(client) === stamp.key) return client;
      if (transactionStamp || hasParsed(client, stamp.statement.name)) {
        stampWithFirstQuery(client, stamp, transactionStamp);
        return client;
      }
      // The connection's first stamp: on its own, which also parses the statement the later ones bind.
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

function hasParsed(client: PoolClient, statement: string): boolean {
  const connection = (client as unknown as { connection: { parsedStatements: Record<string, unknown> } })
    .connection;
  return connection.parsedStatements[statement] !== undefined;
}

function takeOpening(): boolean {
  const source = currentDbContextSource();
  return source !== undefined && opening.delete(source);
}

type QueryCall = unknown[];
type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * Sets the checkout's context with its first query instead of in a round trip of its own before it:
 * - the `START TRANSACTION` TypeORM opens a transaction with, on a checkout meant for one
 *   (`transaction`, see openingTransaction): `START TRANSACTION; SELECT set_config(…, true), …` in one
 *   simple-protocol message. Local to the transaction: the session is left as `stamped` says.
 * - a query of the extended protocol (named, or with values), once this connection has parsed the
 *   session stamp: the stamp's Bind and Execute ahead of it under the same Sync (stamped-query.ts), so
 *   both take effect or neither does.
 * - anything else: the session stamp on its own first, as at any checkout, then the query.
 * Until the context is in place, every query of the checkout comes through here (one sent meanwhile
 * waits for the one before), so none runs on a session that carries another context.
 */
function stampWithFirstQuery(client: PoolClient, session: Stamp, transaction: Stamp | undefined): void {
  const own = client as unknown as { query?: (...args: QueryCall) => unknown; connection: unknown };
  const proto = Object.getPrototypeOf(client) as { query: (...args: QueryCall) => unknown };
  const send = (args: QueryCall): unknown => proto.query.apply(client, args);
  const inPlace = (): void => {
    delete own.query;
  };
  let inFlight: Promise<void> | undefined;
  own.query = (...args: QueryCall): unknown => {
    if (inFlight) {
      const after = inFlight;
      return runAfter(after, args, (a) => (own.query ? own.query(...a) : send(a)));
    }
    const [config, values, callback] = args;
    if (transaction && config === 'START TRANSACTION' && values === undefined && callback === undefined) {
      transactionStamped.set(client, transaction.key);
      // TypeORM waits for it; what follows is in the transaction, or its ROLLBACK.
      inPlace();
      return send([`START TRANSACTION; ${literalSetters(transaction)}`]);
    }
    // Forgotten first, as on any checkout: a failed stamp must not leave the old key claiming it.
    stamped.delete(client);
    const stampAlone = (): Promise<void> =>
      (send([{ ...session.statement, values: session.values }]) as Promise<unknown>).then(() => {
        stamped.set(client, session.key);
        inPlace();
      });
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
      // A cursor or stream (pg-query-stream): handed back at once, submitted once the stamp is in.
      const stampFirst = stampAlone();
      inFlight = stampFirst.then(
        () => (inFlight = undefined),
        () => (inFlight = undefined),
      );
      return runAfter(stampFirst, args, send);
    }
    const last = args[args.length - 1];
    const callerCallback = typeof last === 'function' ? (last as QueryCallback) : undefined;
    const queryArgs = callerCallback ? args.slice(0, -1) : args;
    let settle: (() => void) | undefined;
    inFlight = new Promise<void>((resolve) => (settle = resolve));
    let answer: Promise<unknown> | undefined;
    let reply: QueryCallback = () => undefined;
    if (callerCallback) reply = callerCallback;
    else answer = new Promise((resolve, reject) => (reply = (e, r) => (e ? reject(e) : resolve(r))));
    const finish: QueryCallback = (error, result) => {
      if (!error) {
        stamped.set(client, session.key);
        inPlace();
      }
      inFlight = undefined;
      settle?.();
      reply(error, result);
    };
    const stampStatement = { name: session.statement.name, values: session.values };
    const behind = queryBehind(own.connection, stampStatement, queryArgs[0], queryArgs[1], finish);
    if (behind) {
      send([behind]);
      return answer;
    }
    stampAlone().then(
      () =>
        (send(queryArgs) as Promise<unknown>).then(
          (r) => finish(null, r),
          (e: Error) => finish(e),
        ),
      (e: Error) => finish(e),
    );
    return answer;
  };
}

/**
 * `args` sent by `sendNow` once `first` resolved, in whichever form they came (promise, callback,
 * submittable); if `first` fails, the query fails with its error without being sent.
 */
function runAfter(first: Promise<void>, args: QueryCall, sendNow: (args: QueryCall) => unknown): unknown {
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    first.then(
      () => sendNow(args),
      (error: Error) => (last as QueryCallback)(error),
    );
    return undefined;
  }
  const submittable = args[0] as { submit?: unknown; handleError?: (error: Error) => void } | undefined;
  if (typeof submittable?.submit === 'function') {
    first.then(
      () => sendNow(args),
      (error: Error) => submittable.handleError?.(error),
    );
    return submittable;
  }
  return first.then(() => sendNow(args));
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
