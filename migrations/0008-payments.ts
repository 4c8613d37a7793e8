import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 0008 — payments (one row per provider payment attempt) and payment_events (webhook events, unique
 * per provider and event id so each is applied at most once).
 */
export class Payments1000000000008 implements MigrationInterface {
  name = 'Payments1000000000008';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payments (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        order_id UUID NOT NULL,
        provider TEXT NOT NULL,
        provider_ref TEXT,
        amount DECIMAL(10, 2) NOT NULL,
        currency CHAR(3) NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        refunded_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT payments_pkey PRIMARY KEY (id),
        CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT,
        CONSTRAINT chk_payments_provider CHECK (provider IN ('stripe', 'manual')),
        CONSTRAINT chk_payments_status CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled', 'refunded')),
        CONSTRAINT chk_payments_amounts CHECK (amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= amount)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_payments_provider_ref ON payments (provider_ref)`);
    await q.query(`CREATE INDEX idx_payments_order ON payments (order_id)`);
    await q.query(
      `CREATE TRIGGER trg_payments_updated_at BEFORE UPDATE ON payments
       FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
    );

    await q.query(`
      CREATE TABLE payment_events (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        provider TEXT NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload JSONB NOT NULL,
        processed_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT payment_events_pkey PRIMARY KEY (id),
        CONSTRAINT chk_payment_events_provider CHECK (provider IN ('stripe', 'manual'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_payment_events_provider_event ON payment_events (provider, event_id)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_events`);
    await q.query(`DROP TABLE payments`);
  }
}
