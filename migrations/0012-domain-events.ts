import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0012 — the domain-event outbox (src/events): `outbox_events`, written in the transaction of each
 * change, and `event_deliveries`, one row per event and subscriber so that each subscriber is retried
 * on its own.
 *
 * New tables only: nothing else is locked or rewritten, so the indexes are built inline on the empty
 * tables (CONCURRENTLY is for tables that already carry traffic). No foreign key to stores: an event
 * is a record of the past and must not block (or vanish with) a store's deletion, and a key check on
 * the checkout path costs a lookup per event. lock_timeout still bounds the catalog locks.
 */
export class DomainEvents1000000000012 implements MigrationInterface {
  name = 'DomainEvents1000000000012';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE outbox_events (
          id UUID NOT NULL,
          type TEXT NOT NULL,
          store_id UUID,
          payload JSONB NOT NULL,
          occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          dispatched_at TIMESTAMPTZ,
          CONSTRAINT outbox_events_pkey PRIMARY KEY (id)
        )`);
      await q.query(
        `CREATE INDEX idx_outbox_events_undispatched ON outbox_events (occurred_at) WHERE dispatched_at IS NULL`,
      );
      await q.query(`
        CREATE TABLE event_deliveries (
          event_id UUID NOT NULL,
          subscriber TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending',
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          last_error TEXT,
          delivered_at TIMESTAMPTZ,
          CONSTRAINT event_deliveries_pkey PRIMARY KEY (event_id, subscriber),
          CONSTRAINT fk_event_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (id) ON DELETE CASCADE,
          CONSTRAINT chk_event_deliveries_status CHECK (status IN ('pending', 'delivered', 'failed'))
        )`);
      await q.query(
        `CREATE INDEX idx_event_deliveries_due ON event_deliveries (next_attempt_at) WHERE status = 'pending'`,
      );
      await q.query(
        `CREATE INDEX idx_event_deliveries_failed ON event_deliveries (subscriber) WHERE status = 'failed'`,
      );
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS event_deliveries`);
      await q.query(`DROP TABLE IF EXISTS outbox_events`);
    });
  }
}
