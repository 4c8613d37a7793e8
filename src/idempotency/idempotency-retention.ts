import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Deletes answered Idempotency-Keys past their replay window (the retention job, src/jobs/retention). */
@Injectable()
export class IdempotencyRetention {
  /**
   * Up to `limit` keys whose answer was stored (completed_at; created_at for rows older than that
   * column's use) before `olderThan`. A key without an answer (a
   * request in progress, or a checkpoint a retry may still finish) is kept. Returns how many went.
   */
  async pruneFinishedKeys(tx: EntityManager, olderThan: Date, limit: number): Promise<number> {
    const rows = await tx.query<Array<{ n: number }>>(
      `WITH old AS (
         SELECT id FROM idempotency_keys
          WHERE response_status IS NOT NULL AND COALESCE(completed_at, created_at) < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED
       ), gone AS (DELETE FROM idempotency_keys k USING old WHERE k.id = old.id RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [olderThan, limit],
    );
    return rows[0]?.n ?? 0;
  }
}
