import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Deletes delivered outbox events (the retention job, src/jobs/retention). */
@Injectable()
export class OutboxRetention {
  /**
   * Up to `limit` events fanned out before `olderThan` whose every delivery is `delivered`; their
   * delivery rows (and mail_deliveries) go with them by ON DELETE CASCADE. An event with a pending or
   * failed delivery is kept (retries, GET /admin/events/stats). Returns how many events went.
   */
  async pruneDelivered(tx: EntityManager, olderThan: Date, limit: number): Promise<number> {
    const rows = await tx.query<Array<{ n: number }>>(
      `WITH done AS (
         SELECT o.id FROM outbox_events o
          WHERE o.dispatched_at < $1
            AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = o.id AND d.status <> 'delivered')
          ORDER BY o.dispatched_at LIMIT $2 FOR UPDATE OF o SKIP LOCKED
       ), gone AS (DELETE FROM outbox_events o USING done WHERE o.id = done.id RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [olderThan, limit],
    );
    return rows[0]?.n ?? 0;
  }
}
