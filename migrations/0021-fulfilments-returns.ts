import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0021 — fulfilments and returns (src/fulfilment): `fulfillments` (one shipment of an order: carrier,
 * tracking, shipped/delivered) with `fulfillment_items` (units per order line), and `returns` (a buyer's
 * request, requested → approved | rejected, approved → receiving → refunded) with `return_items`
 * (units asked for, units received, restocked or not).
 *
 * New tables only, so their indexes are built inline while they are empty. The foreign keys to
 * `orders`, `order_items` and `stores` take a SHARE ROW EXCLUSIVE lock on those tables for the
 * CREATE TABLE (milliseconds: writes to them wait that long, reads go on), bounded by lock_timeout.
 */
export class FulfilmentsReturns1000000000021 implements MigrationInterface {
  name = 'FulfilmentsReturns1000000000021';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE fulfillments (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          order_id UUID NOT NULL,
          store_id UUID NOT NULL,
          status TEXT NOT NULL DEFAULT 'shipped',
          carrier TEXT,
          tracking_number TEXT,
          tracking_url TEXT,
          shipped_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          delivered_at TIMESTAMPTZ,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT fulfillments_pkey PRIMARY KEY (id),
          CONSTRAINT fk_fulfillments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
          CONSTRAINT fk_fulfillments_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE RESTRICT,
          CONSTRAINT chk_fulfillments_status CHECK (status IN ('shipped', 'delivered')),
          CONSTRAINT chk_fulfillments_delivered CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
        )`);
      await q.query(`CREATE INDEX idx_fulfillments_order ON fulfillments (order_id)`);
      // updated_at kept by the database, like every other table that has one (0001's function).
      await q.query(
        `CREATE TRIGGER trg_fulfillments_updated_at BEFORE UPDATE ON fulfillments
           FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
      );
      await q.query(`
        CREATE TABLE fulfillment_items (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          fulfillment_id UUID NOT NULL,
          order_item_id UUID NOT NULL,
          quantity INTEGER NOT NULL,
          CONSTRAINT fulfillment_items_pkey PRIMARY KEY (id),
          CONSTRAINT fk_fulfillment_items_fulfillment FOREIGN KEY (fulfillment_id)
            REFERENCES fulfillments (id) ON DELETE CASCADE,
          CONSTRAINT fk_fulfillment_items_order_item FOREIGN KEY (order_item_id)
            REFERENCES order_items (id) ON DELETE CASCADE,
          CONSTRAINT chk_fulfillment_items_quantity CHECK (quantity > 0)
        )`);
      await q.query(
        `CREATE UNIQUE INDEX uq_fulfillment_items_line ON fulfillment_items (fulfillment_id, order_item_id)`,
      );
      await q.query(`CREATE INDEX idx_fulfillment_items_order_item ON fulfillment_items (order_item_id)`);

      await q.query(`
        CREATE TABLE returns (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          order_id UUID NOT NULL,
          store_id UUID NOT NULL,
          status TEXT NOT NULL DEFAULT 'requested',
          reason TEXT NOT NULL,
          requested_by UUID,
          refund_amount DECIMAL(10, 2),
          refund_ref TEXT,
          decided_at TIMESTAMPTZ,
          received_at TIMESTAMPTZ,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT returns_pkey PRIMARY KEY (id),
          CONSTRAINT fk_returns_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
          CONSTRAINT fk_returns_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE RESTRICT,
          CONSTRAINT chk_returns_status CHECK (status IN ('requested', 'approved', 'rejected', 'receiving', 'refunded')),
          CONSTRAINT chk_returns_refund_amount CHECK (refund_amount IS NULL OR refund_amount >= 0)
        )`);
      await q.query(`CREATE INDEX idx_returns_order ON returns (order_id)`);
      await q.query(`CREATE INDEX idx_returns_store_status ON returns (store_id, status, created_at)`);
      await q.query(
        `CREATE TRIGGER trg_returns_updated_at BEFORE UPDATE ON returns
           FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
      );
      await q.query(`
        CREATE TABLE return_items (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          return_id UUID NOT NULL,
          order_item_id UUID NOT NULL,
          quantity INTEGER NOT NULL,
          received_quantity INTEGER,
          restock BOOLEAN,
          CONSTRAINT return_items_pkey PRIMARY KEY (id),
          CONSTRAINT fk_return_items_return FOREIGN KEY (return_id) REFERENCES returns (id) ON DELETE CASCADE,
          CONSTRAINT fk_return_items_order_item FOREIGN KEY (order_item_id)
            REFERENCES order_items (id) ON DELETE CASCADE,
          CONSTRAINT chk_return_items_quantity CHECK (quantity > 0),
          CONSTRAINT chk_return_items_received CHECK (
            received_quantity IS NULL OR (received_quantity >= 0 AND received_quantity <= quantity))
        )`);
      await q.query(`CREATE UNIQUE INDEX uq_return_items_line ON return_items (return_id, order_item_id)`);
      await q.query(`CREATE INDEX idx_return_items_order_item ON return_items (order_item_id)`);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS return_items`);
      await q.query(`DROP TABLE IF EXISTS returns`);
      await q.query(`DROP TABLE IF EXISTS fulfillment_items`);
      await q.query(`DROP TABLE IF EXISTS fulfillments`);
    });
  }
}
