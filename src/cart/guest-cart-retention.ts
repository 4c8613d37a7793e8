import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Deletes abandoned guest carts (the retention job, src/jobs/retention). */
@Injectable()
export class GuestCartRetention {
  /**
   * Up to `limit` guest carts (no user) neither the cart nor any of its lines touched since
   * `olderThan`; their lines go with them (ON DELETE CASCADE). A customer's cart is never deleted.
   * Returns how many were deleted.
   */
  async pruneGuestCarts(tx: EntityManager, olderThan: Date, limit: number): Promise<number> {
    const rows = await tx.query<Array<{ n: number }>>(
      `WITH stale AS (
         SELECT c.id FROM carts c
          WHERE c.user_id IS NULL AND c.updated_at < $1
            AND NOT EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id AND i.updated_at >= $1)
          ORDER BY c.updated_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), gone AS (DELETE FROM carts c USING stale WHERE c.id = stale.id RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [olderThan, limit],
    );
    return rows[0]?.n ?? 0;
  }
}
