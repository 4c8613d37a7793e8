import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0014 — outgoing webhooks (src/webhooks): `webhook_endpoints`, a store's subscriptions (URL, event
 * types, signing secret), and `webhook_deliveries`, one row per (endpoint, event) with its attempts,
 * unique on that pair so a re-delivered event never sends twice.
 *
 * New tables only, so their indexes are built inline while they are empty; the foreign key to stores
 * takes a SHARE ROW EXCLUSIVE lock on `stores` for an instant, bounded by lock_timeout. `store_id` is
 * on deliveries too (no join to find a store's rows, and the column a Citus distribution would use).
 */
export class Webhooks1000000000014 implements MigrationInterface {
  name = 'Webhooks1000000000014';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE webhook_endpoints (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          store_id UUID NOT NULL,
          url TEXT NOT NULL,
          events TEXT[] NOT NULL,
          secret TEXT NOT NULL,
          is_active BOOLEAN NOT NULL DEFAULT true,
          disabled_at TIMESTAMPTZ,
          consecutive_failures INTEGER NOT NULL DEFAULT 0,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id),
          CONSTRAINT fk_webhook_endpoints_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
          CONSTRAINT chk_webhook_endpoints_failures CHECK (consecutive_failures >= 0)
        )`);
      await q.query(`CREATE INDEX idx_webhook_endpoints_store ON webhook_endpoints (store_id)`);
      // updated_at kept by the database, like every other table that has one (0001's function).
      await q.query(
        `CREATE TRIGGER trg_webhook_endpoints_updated_at BEFORE UPDATE ON webhook_endpoints
           FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
      );
      await q.query(`
        CREATE TABLE webhook_deliveries (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          store_id UUID NOT NULL,
          endpoint_id UUID NOT NULL,
          event_id UUID NOT NULL,
          event_type TEXT NOT NULL,
          payload JSONB NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending',
          attempts INTEGER NOT NULL DEFAULT 0,
          last_status_code INTEGER,
          last_error TEXT,
          next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          delivered_at TIMESTAMPTZ,
          CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
          CONSTRAINT uq_webhook_deliveries_endpoint_event UNIQUE (endpoint_id, event_id),
          CONSTRAINT fk_webhook_deliveries_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
          CONSTRAINT chk_webhook_deliveries_status CHECK (status IN ('pending', 'succeeded', 'failed'))
        )`);
      await q.query(
        `CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
      );
      await q.query(
        `CREATE INDEX idx_webhook_deliveries_endpoint_created ON webhook_deliveries (endpoint_id, created_at)`,
      );
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS webhook_deliveries`);
      await q.query(`DROP TABLE IF EXISTS webhook_endpoints`);
    });
  }
}
