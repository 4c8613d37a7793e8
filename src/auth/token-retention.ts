import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Deletes dead refresh and account tokens (the retention job, src/jobs/retention). */
@Injectable()
export class TokenRetention {
  /**
   * Up to `limit` refresh tokens expired or revoked before `olderThan`. A used (rotated) token of a
   * live family is kept until it expires: presenting it again is how theft is detected.
   */
  async pruneRefreshTokens(tx: EntityManager, olderThan: Date, limit: number): Promise<number> {
    const rows = await tx.query<Array<{ n: number }>>(
      `WITH dead AS (
         SELECT id FROM refresh_tokens WHERE expires_at < $1 OR revoked_at < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED
       ), gone AS (DELETE FROM refresh_tokens t USING dead WHERE t.id = dead.id RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [olderThan, limit],
    );
    return rows[0]?.n ?? 0;
  }

  /** Up to `limit` account tokens (verification, reset) used or expired before `olderThan`. */
  async pruneAccountTokens(tx: EntityManager, olderThan: Date, limit: number): Promise<number> {
    const rows = await tx.query<Array<{ n: number }>>(
      `WITH dead AS (
         SELECT id FROM account_tokens WHERE used_at < $1 OR expires_at < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED
       ), gone AS (DELETE FROM account_tokens t USING dead WHERE t.id = dead.id RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [olderThan, limit],
    );
    return rows[0]?.n ?? 0;
  }
}
