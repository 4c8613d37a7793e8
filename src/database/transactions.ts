import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { pgErrorCode } from '../common/database-errors';
import { allInOrder, markCommitSent } from './pipelining';
import { isContextStamped, openingTransaction, stampTransaction } from './rls/context-stamping';

/** serialization_failure and deadlock_detected: the transaction lost a race and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in a transaction, retrying it (a bounded number of times, with a short jittered pause)
 * when PostgreSQL aborts it for a serialization failure or a deadlock. Such an abort rolls everything
 * back, so running the whole unit again is safe. Any other error propagates at once. `work` may end
 * the transaction itself with commitWith; otherwise it commits once `work` resolves.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(dataSource, work);
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

/** One attempt, as TypeORM's EntityManager.transaction runs it, but leaving a commit sent by commitWith alone. */
async function runOnce<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const stamped = isContextStamped(dataSource);
  if (stamped) openingTransaction();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    // Row-level security: the transaction carries its context itself (rls/context-stamping.ts).
    if (stamped) await stampTransaction(dataSource, runner.manager);
    const result = await work(runner.manager);
    if (runner.isTransactionActive) await runner.commitTransaction();
    return result;
  } catch (error) {
    // Rolled back already when a commitWith's COMMIT came behind the failed statement.
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Ends `tx`'s transaction with the statements `last` has just sent (started in the same synchronous
 * stretch, pipelining.ts): the COMMIT is written right behind them instead of after their answers. The
 * locks they take (a popular variant's stock row) are then held for their execution and the commit
 * only, not also for the trip back to the app and the app's turn to answer, which on a busy event loop
 * was most of each order's time on a hot row. Behind a failed statement PostgreSQL turns the COMMIT into
 * a ROLLBACK, so a failure is still all-or-nothing, and this rejects with that statement's error; the
 * statements in `last` must therefore fail (not merely answer) when the work must not commit. No
 * statement may follow: runStatement refuses one on this transaction from now on.
 *
 * A COMMIT turned into a ROLLBACK still reports as a commit to TypeORM's subscribers (CommitSignal then
 * kicks this process's event delivery, which finds nothing new).
 */
export async function commitWith<T>(tx: EntityManager, last: Promise<T>): Promise<T> {
  const runner: QueryRunner | undefined = tx.queryRunner;
  if (!runner?.isTransactionActive) {
    // Handled, so that the caller's error is this one, not `last`'s rejection left unobserved.
    last.catch(() => undefined);
    throw new Error('commitWith: not in a transaction');
  }
  markCommitSent(runner);
  const [value] = await allInOrder([last, runner.commitTransaction()]);
  return value;
}
