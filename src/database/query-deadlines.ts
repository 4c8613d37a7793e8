import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/** The message node-postgres gives its own query_timeout; database-errors.ts maps it to 503. */
export const QUERY_READ_TIMEOUT_MESSAGE = 'Query read timeout';

/** How often the watchdog looks: a tenth of the bound, within [50 ms, 1 s]. */
export function deadlineTickMs(timeoutMs: number): number {
  return Math.min(1000, Math.max(50, Math.floor(timeoutMs / 10)));
}

/** What the watchdog reads of node-postgres's client and query (internals its typings leave out). */
interface WatchedQuery {
  callback?: (error: Error | null, result?: unknown) => void;
}
interface WatchedClient {
  end(): Promise<void>;
  pipeline?: boolean;
  connection: { stream: { destroy(): void } };
  _getActiveQuery(): WatchedQuery | null | undefined;
  /** Pipeline mode: written to the server behind the running one, not answered yet. */
  _sentQueryQueue?: WatchedQuery[];
  _queryQueue: WatchedQuery[];
  _pulseQueryQueue(): void;
}
interface WatchedPool {
  _clients: PoolClient[];
  ending: boolean;
}

const watched = new WeakSet<Pool>();

/**
 * DATABASE_QUERY_TIMEOUT_MS, the client's own bound on a query for a server that cannot answer at all
 * (frozen, partitioned), kept by one watchdog per pool instead of node-postgres's `query_timeout`.
 * That option arms a timer per query whose closure holds the query, and the timer lists are old
 * objects: under load every query's rows outlived the young generation (14 KB promoted per catalog
 * page, three times the scavenging and regular full collections; docs/benchmarks.md, 2026-12-03).
 *
 * Every tick the watchdog notes each connection's running and queued queries the first time it sees
 * them; a query still there `timeoutMs` after that fails with node-postgres's own timeout error, its
 * callback called once, so a query is given up between `timeoutMs` and `timeoutMs` plus two ticks after
 * it was sent. A running one takes its connection down with it (and the statements queued behind it
 * on that connection): unlike `query_timeout`, which left the connection to whoever took it next,
 * queued behind the statement the server never answered. Nothing per query otherwise: a query that
 * ends before a tick is never looked at.
 */
export function installQueryDeadlines(dataSource: DataSource, timeoutMs: number): void {
  if (!(timeoutMs > 0)) return;
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || watched.has(pool)) return;
  watched.add(pool);
  const firstSeen = new WeakMap<WatchedQuery, number>();
  const timer = setInterval(() => {
    const internals = pool as unknown as WatchedPool;
    if (internals.ending) {
      clearInterval(timer);
      return;
    }
    const now = Date.now();
    for (const client of internals._clients) {
      expireOverdue(client as unknown as WatchedClient, firstSeen, now, timeoutMs);
    }
  }, deadlineTickMs(timeoutMs));
  timer.unref();
}

function expireOverdue(
  client: WatchedClient,
  firstSeen: WeakMap<WatchedQuery, number>,
  now: number,
  timeoutMs: number,
): void {
  const overdue = (query: WatchedQuery): boolean => {
    const seen = firstSeen.get(query);
    if (seen === undefined) {
      firstSeen.set(query, now);
      return false;
    }
    return now - seen >= timeoutMs;
  };
  const active = client._getActiveQuery();
  // On the wire: the running query and, pipelined, those written behind it (each one noted).
  const onWire = [...(active ? [active] : []), ...(client._sentQueryQueue ?? [])];
  const activeOverdue = onWire.map(overdue).some(Boolean);
  // Queued behind the running one (a transaction's next statement): in place, node-postgres holds the array.
  const queue = client._queryQueue;
  let removed = false;
  for (let i = queue.length - 1; i >= 0; i--) {
    const query = queue[i];
    if (!activeOverdue && !overdue(query)) continue;
    queue.splice(i, 1);
    fail(query);
    removed = true;
  }
  if (activeOverdue) {
    // The connection is stuck until the server answers, if it ever does: ended before the caller hears
    // of it, so that the pool drops it when it comes back (a client that is ending is not reused) and
    // nothing queues behind it. With a query running, node-postgres's end() destroys the socket; in
    // pipeline mode it would wait for the answers, so the socket is destroyed here.
    if (client.pipeline) client.connection.stream.destroy();
    void client.end();
    for (const query of onWire) fail(query);
  } else if (removed) {
    client._pulseQueryQueue();
  }
}

/** As node-postgres's read timeout: the caller gets the error now, whatever the server answers later. */
function fail(query: WatchedQuery): void {
  const callback = query.callback;
  query.callback = () => undefined;
  callback?.(new Error(QUERY_READ_TIMEOUT_MESSAGE));
}
