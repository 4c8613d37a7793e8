import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/** One pooled connection kept for a unit of work (withPinnedConnection). */
interface Pin {
  readonly pool: Pool;
  client?: PoolClient;
  taking?: Promise<PoolClient | undefined>;
  /** Statements running on it now, outside a transaction. */
  running: number;
  /** Lent to a TypeORM query runner (a transaction) until its release. */
  lent: boolean;
  unpinned: boolean;
}

const pins = new AsyncLocalStorage<Pin>();

function masterPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * Runs `work` on one pooled connection instead of a checkout per statement: the statements it runs
 * outside a transaction (runStatement) and its transactions (inTransaction, through the pool's
 * connect) share the connection it takes at its first statement. With row-level security each
 * checkout of a connection that last served another context carries a stamp of the session's
 * context; a unit of work of a few reads and a transaction (the checkout) then pays one instead of one
 * per statement. `unpin` gives the connection back early (before a remote call, before waiting); it
 * goes back at the end anyway. Where the connection is busy (two statements at once, or a statement
 * beside an open transaction), the statement takes another pooled connection, as without a pin.
 */
export async function withPinnedConnection<T>(
  dataSource: DataSource,
  work: (unpin: () => void) => Promise<T>,
): Promise<T> {
  const pin: Pin = { pool: masterPool(dataSource), running: 0, lent: false, unpinned: false };
  return pins.run(pin, async () => {
    try {
      return await work(() => unpin(pin));
    } finally {
      unpin(pin);
    }
  });
}

function unpin(pin: Pin): void {
  if (pin.unpinned) return;
  pin.unpinned = true;
  if (pin.client && !pin.lent && pin.running === 0) pin.client.release();
}

function current(pool: Pool): Pin | undefined {
  const pin = pins.getStore();
  return pin && pin.pool === pool && !pin.unpinned ? pin : undefined;
}

/**
 * For runStatement: the pinned connection of the running work on `pool`, taken at its first use, with
 * `done` to call once the statement is answered; undefined when there is no pin, or it is busy.
 */
export async function pinnedForStatement(
  pool: Pool,
): Promise<{ client: PoolClient; done: (error?: Error) => void } | undefined> {
  const pin = current(pool);
  if (!pin || pin.lent || pin.running > 0) return undefined;
  pin.running += 1;
  pin.taking ??= pool.connect().then(
    (client) => (pin.client = client),
    () => undefined,
  );
  const client = await pin.taking;
  if (!client) {
    pin.running -= 1;
    return undefined;
  }
  return {
    client,
    done: (error?: Error) => {
      pin.running -= 1;
      if (isConnectionError(error)) {
        // Not reused: the pool drops it, and the next statement takes another.
        pin.client = undefined;
        pin.taking = undefined;
        client.release(error);
      } else if (pin.unpinned && pin.running === 0 && !pin.lent) {
        client.release();
      }
    },
  };
}

/**
 * For the pool's connect (context-stamping.ts): the pinned connection, lent to a query runner, when
 * the running work has one that is idle and `usable` says its session fits; undefined otherwise.
 */
export function lendPinned(
  pool: Pool,
  usable: (client: PoolClient) => boolean,
): { client: PoolClient; release: (error?: Error) => void } | undefined {
  const pin = current(pool);
  const client = pin?.client;
  if (!pin || !client || pin.lent || pin.running > 0 || !usable(client)) return undefined;
  pin.lent = true;
  return {
    client,
    release: (error?: Error) => {
      pin.lent = false;
      if (error) {
        pin.client = undefined;
        pin.taking = undefined;
        client.release(error);
      } else if (pin.unpinned && pin.running === 0) {
        client.release();
      }
    },
  };
}

/** A statement error that leaves the connection unusable (as opposed to one PostgreSQL answered with). */
function isConnectionError(error: Error | undefined): boolean {
  // PostgreSQL's own answers (pg's DatabaseError) carry a severity; a lost socket or a timeout does not.
  return error !== undefined && (error as { severity?: unknown }).severity === undefined;
}
