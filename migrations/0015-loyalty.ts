import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0015 — the loyalty example module (src/extensions/loyalty): `loyalty_accounts`, one balance per
 * store and customer (CHECK balance >= 0), and `loyalty_ledger`, one row per points change, UNIQUE on
 * the domain event it came from (so a redelivered event changes nothing) and on the credit of an order.
 *
 * New tables only, so the indexes are built inline on them while empty (CONCURRENTLY is for tables
 * that already carry traffic). The foreign keys to stores and profiles take a SHARE ROW EXCLUSIVE
 * lock on those two tables for the CREATE TABLE (milliseconds: writes to them wait that long, reads
 * continue); lock_timeout bounds the wait for it. No foreign key to orders: the ledger must never
 * block, or vanish with, a change in orders.
 */
export class Loyalty1000000000015 implements MigrationInterface {
  name = 'Loyalty1000000000015';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE loyalty_accounts (
          store_id UUID NOT NULL,
          profile_id UUID NOT NULL,
          balance INTEGER NOT NULL DEFAULT 0,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT loyalty_accounts_pkey PRIMARY KEY (store_id, profile_id),
          CONSTRAINT fk_loyalty_accounts_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
          CONSTRAINT fk_loyalty_accounts_profile FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE,
          CONSTRAINT chk_loyalty_accounts_balance CHECK (balance >= 0)
        )`);
      // updated_at kept by the database, like every other table that has one (0001's function).
      await q.query(
        `CREATE TRIGGER trg_loyalty_accounts_updated_at BEFORE UPDATE ON loyalty_accounts
           FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
      );
      await q.query(`
        CREATE TABLE loyalty_ledger (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          store_id UUID NOT NULL,
          profile_id UUID NOT NULL,
          order_id UUID NOT NULL,
          event_id UUID NOT NULL,
          points INTEGER NOT NULL,
          reason TEXT NOT NULL,
          amount DECIMAL(10, 2) NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT loyalty_ledger_pkey PRIMARY KEY (id),
          CONSTRAINT fk_loyalty_ledger_account FOREIGN KEY (store_id, profile_id)
            REFERENCES loyalty_accounts (store_id, profile_id) ON DELETE CASCADE,
          CONSTRAINT chk_loyalty_ledger_reason CHECK (reason IN ('order_paid', 'order_refunded')),
          CONSTRAINT chk_loyalty_ledger_points CHECK (
            (reason = 'order_paid' AND points >= 0) OR (reason = 'order_refunded' AND points <= 0))
        )`);
      await q.query(`CREATE UNIQUE INDEX uq_loyalty_ledger_event ON loyalty_ledger (event_id)`);
      await q.query(
        `CREATE UNIQUE INDEX uq_loyalty_ledger_order_credit ON loyalty_ledger (order_id) WHERE reason = 'order_paid'`,
      );
      await q.query(
        `CREATE INDEX idx_loyalty_ledger_account ON loyalty_ledger (store_id, profile_id, created_at)`,
      );
      await q.query(`CREATE INDEX idx_loyalty_ledger_order ON loyalty_ledger (order_id)`);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS loyalty_ledger`);
      await q.query(`DROP TABLE IF EXISTS loyalty_accounts`);
    });
  }
}
