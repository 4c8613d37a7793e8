import { PoolClient } from 'pg';
import { QueryRunner } from 'typeorm';

/**
 * Statements of one transaction sent together. The app's connections run node-postgres in pipeline
 * mode (data-source-options.ts): a statement started while another is still on the wire is written at
 * once instead of after the answer, and PostgreSQL runs them one after the other in the order written,
 * each under its own Sync (in a transaction, the first to fail aborts it and every later one fails
 * with 25P02). A checkout's independent statements (claim the key, lock the cart, read its lines and
 * the address) then cost one round trip instead of four: less waiting while row locks are held, and
 * far fewer wake-ups of Node and of the server (`docs/benchmarks.md`, 2026-12-03).
 *
 * Started together means started in the same synchronous stretch: runStatement sends on a held
 * connection before its first `await`, so the order of the calls is the order on the wire.
 */

/** The pg client a transaction's query runner holds, when it holds one already. */
export function heldConnection(runner: QueryRunner): PoolClient | undefined {
  return (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection ?? undefined;
}

const commitSent = new WeakSet<QueryRunner>();

/** `runner`'s COMMIT has been sent (commitWith): a statement written after it would run outside the transaction. */
export function markCommitSent(runner: QueryRunner): void {
  commitSent.add(runner);
}

/** Throws when `runner`'s COMMIT has been sent already: nothing of its transaction may follow it. */
export function assertBeforeCommit(runner: QueryRunner): void {
  if (commitSent.has(runner)) {
    throw new Error('A statement was started after its transaction’s COMMIT was sent (commitWith)');
  }
}

interface CorkableStream {
  cork(): void;
  uncork(): void;
}

const corked = new WeakSet<CorkableStream>();

/**
 * Statements written to `client` until the current batch of callbacks and promise reactions is done
 * leave in one write (one system call, one wake-up of the server) instead of one each: the socket is
 * corked now and uncorked on the next tick, which Node runs once the microtasks queued now are drained.
 */
export function coalesceWrites(client: PoolClient): void {
  const pipelined = client as unknown as { pipeline?: boolean; connection?: { stream?: CorkableStream } };
  const stream = pipelined.connection?.stream;
  if (!pipelined.pipeline || !stream || typeof stream.cork !== 'function' || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}

type Settled<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * The values of `work`, each started already (statements sent together); when any failed, the
 * failure of the first in the list, not the first to arrive: in a transaction every statement behind a
 * failed one fails too (25P02), and the reason is the first's. Waits for all, so nothing is left
 * running on the connection and no rejection goes unhandled.
 */
export async function allInOrder<T extends readonly unknown[]>(work: readonly [...T]): Promise<Settled<T>> {
  const settled = await Promise.allSettled(work);
  const values: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    values.push(outcome.value);
  }
  return values as Settled<T>;
}
