import { QueryRunner } from 'typeorm';
import { SqlQuery } from '../src/database/integrity/integrity-checks';

/** Adapts a migration's QueryRunner to the integrity checks' query function. */
export function sqlQuery(q: QueryRunner): SqlQuery {
  return async <T>(sql: string, params?: unknown[]): Promise<T[]> => (await q.query(sql, params)) as T[];
}

/**
 * How long schema changes may wait for a lock before giving up. Waiting longer would queue every
 * other query on the table behind the migration; failing fast and retrying is safer in production.
 */
export const LOCK_TIMEOUT = '5s';

export async function constraintExists(q: QueryRunner, table: string, name: string): Promise<boolean> {
  const rows = (await q.query(`SELECT 1 FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`, [
    `public.${table}`,
    name,
  ])) as unknown[];
  return rows.length > 0;
}

export async function constraintValidated(q: QueryRunner, table: string, name: string): Promise<boolean> {
  const rows = (await q.query(
    `SELECT convalidated FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [`public.${table}`, name],
  )) as Array<{ convalidated: boolean }>;
  return rows[0]?.convalidated === true;
}

export interface ConcurrentIndex {
  name: string;
  /** Everything after `INDEX <name>`, e.g. `ON orders (order_id, product_id)`. */
  definition: string;
  unique?: boolean;
}

/**
 * Builds an index without blocking writes (CREATE INDEX CONCURRENTLY; needs `transaction = false`).
 * A build that failed earlier leaves an INVALID index behind: drop it first so a re-run can succeed.
 */
export async function createIndexConcurrently(q: QueryRunner, index: ConcurrentIndex): Promise<void> {
  const rows = (await q.query(
    `SELECT i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
      WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace`,
    [index.name],
  )) as Array<{ indisvalid: boolean }>;
  if (rows.length > 0 && rows[0].indisvalid) return;
  if (rows.length > 0) await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
  await q.query(
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY ${index.name} ${index.definition}`,
  );
}

/** Runs `work` with lock_timeout set on this migration's connection, and always resets it. */
export async function withLockTimeout(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  await q.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
  try {
    await work();
  } finally {
    await q.query(`RESET lock_timeout`);
  }
}

/**
 * Runs `work` outside any transaction. `migration:revert` (TypeORM's undoLastMigration) opens a
 * transaction even for `transaction = false` migrations, where CONCURRENTLY and NOT VALID/VALIDATE
 * must run as separate statements: close it, do the work, and reopen one for TypeORM's bookkeeping.
 */
export async function outsideTransaction(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  if (!q.isTransactionActive) return work();
  await q.commitTransaction();
  try {
    await work();
  } finally {
    await q.startTransaction();
  }
}

/** For `transaction = false` migrations: runs `work` in a transaction of its own (commit, or roll back and rethrow). */
export async function inOneTransaction(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  await q.startTransaction();
  try {
    await work();
    await q.commitTransaction();
  } catch (error) {
    await q.rollbackTransaction();
    throw error;
  }
}

/** PostgreSQL's lock_not_available (lock_timeout expired) and deadlock_detected. */
const RETRYABLE_LOCK_ERRORS = new Set(['55P03', '40P01']);

export interface BriefLockOptions {
  /**
   * lock_timeout for this transaction. Everyone who asks for a conflicting lock after us queues behind
   * our request while we wait, so this bounds their wait too: keep it well under what a request may wait.
   */
  lockTimeout: string;
  /** Tries in all before the migration fails (and can be run again). */
  attempts: number;
  /** Pause before retry n is n × this (the conflicting transaction gets room to finish). */
  backoffMs: number;
}

export const BRIEF_LOCK: BriefLockOptions = { lockTimeout: '500ms', attempts: 20, backoffMs: 250 };

/** Told of every retry of inBriefLockTransaction (scripts/upgrade-under-load.ts counts them). */
export type BriefLockRetryListener = (retry: { code: string; attempt: number }) => void;
let briefLockRetryListener: BriefLockRetryListener | undefined;

/** One listener at a time; `undefined` removes it. */
export function observeBriefLockRetries(listener: BriefLockRetryListener | undefined): void {
  briefLockRetryListener = listener;
}

function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * For `transaction = false` migrations: runs `work` in a short transaction of its own with
 * `SET LOCAL lock_timeout`, and when a lock cannot be had in time (or a deadlock is detected) rolls
 * back, waits and tries again, up to `attempts` times. `work` must be safe to run again from scratch.
 */
export async function inBriefLockTransaction(
  q: QueryRunner,
  work: () => Promise<void>,
  options: BriefLockOptions = BRIEF_LOCK,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await inOneTransaction(q, async () => {
        await q.query(`SET LOCAL lock_timeout = '${options.lockTimeout}'`);
        await work();
      });
      return;
    } catch (error) {
      const code = sqlStateOf(error);
      if (!code || !RETRYABLE_LOCK_ERRORS.has(code) || attempt >= options.attempts) throw error;
      briefLockRetryListener?.({ code, attempt });
      await new Promise((resolve) => setTimeout(resolve, attempt * options.backoffMs));
    }
  }
}
