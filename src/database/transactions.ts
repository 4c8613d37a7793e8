import { DataSource, EntityManager } from 'typeorm';
import { pgErrorCode } from '../common/database-errors';
import { isContextStamped, openingTransaction, stampTransaction } from './rls/context-stamping';

/** serialization_failure and deadlock_detected: the transaction lost a race and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in a transaction, retrying it (a bounded number of times, with a short jittered pause)
 * when PostgreSQL aborts it for a serialization failure or a deadlock. Such an abort rolls everything
 * back, so running the whole unit again is safe. Any other error propagates at once.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const stamped = isContextStamped(dataSource);
      if (stamped) openingTransaction();
      return await dataSource.transaction(
        stamped
          ? async (tx) => {
              // Row-level security: the transaction carries its context itself (rls/context-stamping.ts).
              await stampTransaction(dataSource, tx);
              return work(tx);
            }
          : work,
      );
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
