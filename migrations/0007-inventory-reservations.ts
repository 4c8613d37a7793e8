import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  backfillOrderNumberCounters,
  bulkBackfill,
  createBridge,
  drainQueue,
  dropBridge,
  syncAllQueued,
} from './reservations-backfill';
import {
  constraintExists,
  constraintValidated,
  inBriefLockTransaction,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/**
 * Race-free versions of the seed's database functions (seed migration 003). The seed's
 * reserve_inventory read availability and then wrote, so two buyers could both take the last unit;
 * its release/commit clamped with GREATEST(0, …), hiding mismatches; its generate_order_number used
 * MAX()+1 (collides under concurrency), SUBSTRING(… FROM 8) (skips a digit) and LPAD(…, 5) (truncates).
 */
const FUNCTIONS_SQL = [
  `CREATE OR REPLACE FUNCTION get_available_stock(variant_uuid UUID) RETURNS INTEGER AS $$
     SELECT quantity - reserved FROM inventory WHERE variant_id = variant_uuid;
   $$ LANGUAGE SQL STABLE`,

  // One conditional UPDATE: its row lock makes "is there enough?" and "take it" a single atomic step.
  `CREATE OR REPLACE FUNCTION reserve_inventory(
     order_uuid UUID, variant_uuid UUID, reserve_qty INTEGER, hold_until TIMESTAMPTZ DEFAULT NULL
   ) RETURNS BOOLEAN AS $$
   BEGIN
     IF reserve_qty IS NULL OR reserve_qty <= 0 THEN
       RAISE EXCEPTION 'reserve_inventory: quantity must be positive, got %', reserve_qty
         USING ERRCODE = 'check_violation';
     END IF;
     UPDATE inventory SET reserved = reserved + reserve_qty
      WHERE variant_id = variant_uuid AND quantity - reserved >= reserve_qty;
     IF NOT FOUND THEN
       RETURN FALSE;
     END IF;
     INSERT INTO inventory_reservations (order_id, variant_id, quantity, status, expires_at)
     VALUES (order_uuid, variant_uuid, reserve_qty, 'active', hold_until);
     RETURN TRUE;
   END;
   $$ LANGUAGE plpgsql`,

  // Acts on the order's active holds exactly once: a concurrent second call waits on the row locks,
  // then finds no active hold left. Locks in variant order, like reserve, to avoid deadlocks.
  `CREATE OR REPLACE FUNCTION release_inventory(order_uuid UUID) RETURNS INTEGER AS $$
   DECLARE
     hold RECORD;
     released INTEGER := 0;
   BEGIN
     FOR hold IN
       SELECT id, variant_id, quantity FROM inventory_reservations
        WHERE order_id = order_uuid AND status = 'active'
        ORDER BY variant_id FOR UPDATE
     LOOP
       UPDATE inventory SET reserved = reserved - hold.quantity
        WHERE variant_id = hold.variant_id AND reserved >= hold.quantity;
       IF NOT FOUND THEN
         RAISE EXCEPTION 'release_inventory: variant % has less reserved stock than the % unit(s) held by order %',
           hold.variant_id, hold.quantity, order_uuid USING ERRCODE = 'data_exception';
       END IF;
       UPDATE inventory_reservations SET status = 'released', settled_at = NOW() WHERE id = hold.id;
       released := released + 1;
     END LOOP;
     RETURN released;
   END;
   $$ LANGUAGE plpgsql`,

  `CREATE OR REPLACE FUNCTION commit_inventory(order_uuid UUID) RETURNS INTEGER AS $$
   DECLARE
     hold RECORD;
     committed INTEGER := 0;
   BEGIN
     FOR hold IN
       SELECT id, variant_id, quantity FROM inventory_reservations
        WHERE order_id = order_uuid AND status = 'active'
        ORDER BY variant_id FOR UPDATE
     LOOP
       UPDATE inventory SET quantity = quantity - hold.quantity, reserved = reserved - hold.quantity
        WHERE variant_id = hold.variant_id AND reserved >= hold.quantity AND quantity >= hold.quantity;
       IF NOT FOUND THEN
         RAISE EXCEPTION 'commit_inventory: variant % cannot supply the % unit(s) held by order %',
           hold.variant_id, hold.quantity, order_uuid USING ERRCODE = 'data_exception';
       END IF;
       UPDATE inventory_reservations SET status = 'committed', settled_at = NOW() WHERE id = hold.id;
       committed := committed + 1;
     END LOOP;
     RETURN committed;
   END;
   $$ LANGUAGE plpgsql`,
];

// YYYYMM + at least five digits; the counter row is bumped atomically, and lpad never truncates.
const ORDER_NUMBER_FUNCTION_SQL = `CREATE OR REPLACE FUNCTION generate_order_number() RETURNS TEXT AS $$
   DECLARE
     v_period TEXT := to_char(NOW() AT TIME ZONE 'UTC', 'YYYYMM');
     v_seq BIGINT;
   BEGIN
     INSERT INTO order_number_counters AS c (period, last_value) VALUES (v_period, 1)
     ON CONFLICT (period) DO UPDATE SET last_value = c.last_value + 1
     RETURNING c.last_value INTO v_seq;
     RETURN v_period || lpad(v_seq::text, GREATEST(5, length(v_seq::text)), '0');
   END;
   $$ LANGUAGE plpgsql`;

/**
 * 0007 — inventory holds as rows (`inventory_reservations`), the per-month order number counter, the
 * race-free stock functions, and `CHECK (reserved <= quantity)`.
 *
 * Existing data is carried over: each pending order's lines become active holds, and the counters
 * start after the highest order number already issued. If a variant's `reserved` differs from what its
 * pending orders hold, the migration refuses before changing anything and lists the variants (see
 * docs/migrations.md for the fix).
 *
 * It runs while orders are being placed (docs/migrations.md, "0007 under live traffic"): the only
 * table locks on orders and order_items are two short transactions (creating the table with its
 * foreign key and the bridge triggers; dropping the triggers), each bounded by a short lock_timeout and
 * retried. Everything that reads many rows runs outside them: the checks, the counter scan, and the
 * backfill in keyed batches of their own transactions; orders changed meanwhile are queued by the
 * bridge and re-synced. Every step is idempotent: after a crash, run the migrations again.
 */
export class InventoryReservations1000000000007 implements MigrationInterface {
  name = 'InventoryReservations1000000000007';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await this.refuseOverReserved(q);
    await this.refuseReservedMismatch(q);

    // No lock on existing tables: a new table, and functions that touch no table when created.
    await inBriefLockTransaction(q, () => this.createCounters(q));

    // Short: catalog changes only (the new table is empty, so its foreign keys check nothing).
    const [{ present }] = (await q.query(
      `SELECT to_regclass('public.inventory_reservations') IS NOT NULL AS present`,
    )) as Array<{ present: boolean }>;
    await inBriefLockTransaction(q, async () => {
      // Up front and in one order, so this transaction never waits holding half of what it needs.
      await q.query(`LOCK TABLE orders, order_items, product_variants IN SHARE ROW EXCLUSIVE MODE`);
      if (!present) await this.createReservationsTable(q);
      await createBridge(q);
      // The seed's racy overloads must not stay callable next to the safe ones.
      await q.query(`DROP FUNCTION IF EXISTS reserve_inventory(UUID, INTEGER)`);
      await q.query(`DROP FUNCTION IF EXISTS release_inventory(UUID, INTEGER)`);
      await q.query(`DROP FUNCTION IF EXISTS commit_inventory(UUID, INTEGER)`);
      for (const sql of FUNCTIONS_SQL) await q.query(sql);
    });

    // Numbers continue after the highest one issued in each month: orders written before the bridge
    // are in this scan, later ones raised their counter through it. Only then the counting function.
    await backfillOrderNumberCounters(q);
    await inOneTransaction(q, async () => {
      await q.query(ORDER_NUMBER_FUNCTION_SQL);
    });

    // What pending orders hold becomes explicit holds, then the orders changed meanwhile are re-synced.
    await bulkBackfill(q);
    await drainQueue(q);
    await inBriefLockTransaction(q, async () => {
      // Writers and readers of orders wait for the rest of this transaction: a few queued orders and
      // dropping the triggers (DROP TRIGGER needs ACCESS EXCLUSIVE anyway).
      await q.query(`LOCK TABLE orders, order_items IN ACCESS EXCLUSIVE MODE`);
      await syncAllQueued(q);
      await dropBridge(q);
    });

    await withLockTimeout(q, async () => {
      if (!(await constraintExists(q, 'inventory', 'chk_inventory_reserved_le_quantity'))) {
        await q.query(
          `ALTER TABLE inventory ADD CONSTRAINT chk_inventory_reserved_le_quantity CHECK (reserved <= quantity) NOT VALID`,
        );
      }
      if (!(await constraintValidated(q, 'inventory', 'chk_inventory_reserved_le_quantity'))) {
        await q.query(`ALTER TABLE inventory VALIDATE CONSTRAINT chk_inventory_reserved_le_quantity`);
      }
    });
  }

  private async refuseOverReserved(q: QueryRunner): Promise<void> {
    const overReserved = (await q.query(
      `SELECT variant_id::text AS "variantId", quantity, reserved FROM inventory
        WHERE reserved > quantity ORDER BY variant_id LIMIT 20`,
    )) as Array<{ variantId: string; quantity: number; reserved: number }>;
    if (overReserved.length > 0) {
      throw new Error(
        [
          'Migration 0007 (inventory reservations) refused: some inventory rows reserve more than they hold.',
          ...overReserved.map(
            (r) => `  - variant ${r.variantId}: quantity ${r.quantity}, reserved ${r.reserved}`,
          ),
          'Correct quantity or reserved for these rows, then run the migrations again.',
        ].join('\n'),
      );
    }
  }

  /**
   * What the holds will be, compared with `reserved`, in one statement (one snapshot; a writer that
   * changes an order and its stock in one transaction keeps them equal in it). Reads only.
   */
  private async refuseReservedMismatch(q: QueryRunner): Promise<void> {
    const mismatched = (await q.query(`
      SELECT i.variant_id::text AS "variantId", i.reserved, COALESCE(h.held, 0)::int AS held
        FROM inventory i
        LEFT JOIN (SELECT oi.variant_id, sum(oi.quantity) AS held
                     FROM order_items oi JOIN orders o ON o.id = oi.order_id
                    WHERE o.status = 'pending' GROUP BY oi.variant_id) h ON h.variant_id = i.variant_id
       WHERE i.reserved <> COALESCE(h.held, 0)
       ORDER BY i.variant_id LIMIT 20`)) as Array<{ variantId: string; reserved: number; held: number }>;
    if (mismatched.length > 0) {
      throw new Error(
        [
          'Migration 0007 (inventory reservations) refused: inventory.reserved does not match the pending orders.',
          ...mismatched.map(
            (m) => `  - variant ${m.variantId}: reserved ${m.reserved}, held by pending orders ${m.held}`,
          ),
          'Set inventory.reserved to the units held by pending orders (docs/migrations.md), then run the migrations again.',
        ].join('\n'),
      );
    }
  }

  private async createCounters(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS order_number_counters (
        period CHAR(6) NOT NULL,
        last_value BIGINT NOT NULL DEFAULT 0,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT order_number_counters_pkey PRIMARY KEY (period),
        CONSTRAINT chk_order_number_counters_period CHECK (period ~ '^[0-9]{6}$')
      )`);
    await q.query(
      `CREATE OR REPLACE TRIGGER trg_order_number_counters_updated_at BEFORE UPDATE ON order_number_counters
       FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
    );
  }

  private async createReservationsTable(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory_reservations (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        order_id UUID NOT NULL,
        variant_id UUID NOT NULL,
        quantity INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        expires_at TIMESTAMPTZ,
        settled_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT inventory_reservations_pkey PRIMARY KEY (id),
        CONSTRAINT fk_inventory_reservations_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
        CONSTRAINT fk_inventory_reservations_variant FOREIGN KEY (variant_id)
          REFERENCES product_variants (id) ON DELETE RESTRICT,
        CONSTRAINT chk_inventory_reservations_quantity CHECK (quantity > 0),
        CONSTRAINT chk_inventory_reservations_status CHECK (status IN ('active', 'committed', 'released'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_inventory_reservations_order_variant ON inventory_reservations (order_id, variant_id)`,
    );
    await q.query(
      `CREATE INDEX idx_inventory_reservations_variant_active ON inventory_reservations (variant_id)
        WHERE status = 'active'`,
    );
    await q.query(
      `CREATE TRIGGER trg_inventory_reservations_updated_at BEFORE UPDATE ON inventory_reservations
       FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`ALTER TABLE inventory DROP CONSTRAINT IF EXISTS chk_inventory_reserved_le_quantity`);
    });
    await inBriefLockTransaction(q, async () => {
      // Dropping the table removes its foreign keys' triggers on orders and product_variants.
      await q.query(`LOCK TABLE orders, order_items, product_variants IN ACCESS EXCLUSIVE MODE`);
      await dropBridge(q); // left behind by an interrupted up
      for (const fn of [
        'generate_order_number()',
        'commit_inventory(UUID)',
        'release_inventory(UUID)',
        'reserve_inventory(UUID, UUID, INTEGER, TIMESTAMPTZ)',
        'get_available_stock(UUID)',
      ]) {
        await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
      }
      await q.query(`DROP TABLE IF EXISTS order_number_counters`);
      await q.query(`DROP TABLE IF EXISTS inventory_reservations`);
    });
  }
}
