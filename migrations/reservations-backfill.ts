import { QueryRunner } from 'typeorm';
import { inOneTransaction } from './support';

/**
 * Migration 0007's backfill of `inventory_reservations` while orders keep being written: a bulk pass
 * in keyed batches, and a bridge (a queue table fed by triggers) that catches every order changed
 * meanwhile so it can be re-synced. See docs/migrations.md, "0007 under live traffic".
 */

/** Orders read per bulk batch (each batch is one statement, its own transaction). */
export const ORDERS_PER_BATCH = 10_000;
/** Queued orders re-synced per transaction. */
export const QUEUED_PER_SYNC = 1_000;
/** The final, exclusive step starts once no more than this many orders wait in the queue. */
export const FINAL_QUEUE_THRESHOLD = 200;
/** Rounds of draining before the final step starts anyway (traffic faster than the drain). */
const MAX_DRAIN_ROUNDS = 200;

export const BRIDGE_QUEUE = 'inventory_reservations_backfill_queue';
const BRIDGE_FUNCTION = 'inventory_reservations_backfill_touch()';
const BRIDGE_TRIGGERS = [
  { name: 'trg_inventory_reservations_backfill_orders', table: 'orders' },
  { name: 'trg_inventory_reservations_backfill_order_items', table: 'order_items' },
];

/**
 * The bridge: every order whose status or lines change is queued, and every order number issued
 * raises its month's counter. Created in the same short transaction as the holds table, so each write
 * to orders is either committed before it (seen by the bulk pass and the counter scan) or queued.
 * The queue's upsert takes a row lock: a sync that dequeues the order waits for the writer to commit
 * (and then sees its change), or the writer waits for the sync and queues the order again.
 */
export async function createBridge(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TABLE IF NOT EXISTS ${BRIDGE_QUEUE} (
      order_id UUID NOT NULL PRIMARY KEY,
      touched_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
    )`);
  await q.query(`
    CREATE OR REPLACE FUNCTION ${BRIDGE_FUNCTION} RETURNS trigger AS $$
    BEGIN
      IF TG_TABLE_NAME = 'orders' THEN
        -- Read first: upserting an up-to-date counter would still lock its row till commit.
        IF NEW.order_number ~ '^[0-9]{11,}$' AND NOT EXISTS (
          SELECT 1 FROM order_number_counters
           WHERE period = substr(NEW.order_number, 1, 6) AND last_value >= substr(NEW.order_number, 7)::bigint
        ) THEN
          INSERT INTO order_number_counters AS c (period, last_value)
          VALUES (substr(NEW.order_number, 1, 6), substr(NEW.order_number, 7)::bigint)
          ON CONFLICT (period) DO UPDATE SET last_value = GREATEST(c.last_value, EXCLUDED.last_value)
          WHERE c.last_value < EXCLUDED.last_value;
        END IF;
        IF TG_OP = 'UPDATE' THEN
          INSERT INTO ${BRIDGE_QUEUE} AS b (order_id) VALUES (NEW.id)
          ON CONFLICT (order_id) DO UPDATE SET touched_at = clock_timestamp();
        END IF;
      ELSE
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO ${BRIDGE_QUEUE} AS b (order_id) VALUES (OLD.order_id)
          ON CONFLICT (order_id) DO UPDATE SET touched_at = clock_timestamp();
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO ${BRIDGE_QUEUE} AS b (order_id) VALUES (NEW.order_id)
          ON CONFLICT (order_id) DO UPDATE SET touched_at = clock_timestamp();
        END IF;
      END IF;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql`);
  await q.query(`CREATE OR REPLACE TRIGGER ${BRIDGE_TRIGGERS[0].name}
      AFTER INSERT OR UPDATE OF status, order_number ON orders
      FOR EACH ROW EXECUTE FUNCTION ${BRIDGE_FUNCTION}`);
  await q.query(`CREATE OR REPLACE TRIGGER ${BRIDGE_TRIGGERS[1].name}
      AFTER INSERT OR UPDATE OR DELETE ON order_items
      FOR EACH ROW EXECUTE FUNCTION ${BRIDGE_FUNCTION}`);
}

/** Removes the bridge (the final step, and `down`). DROP TRIGGER takes ACCESS EXCLUSIVE on the table. */
export async function dropBridge(q: QueryRunner): Promise<void> {
  for (const t of BRIDGE_TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${t.name} ON ${t.table}`);
  await q.query(`DROP FUNCTION IF EXISTS ${BRIDGE_FUNCTION}`);
  await q.query(`DROP TABLE IF EXISTS ${BRIDGE_QUEUE}`);
}

/** Each month's counter after the highest order number issued in it (a scan of orders, no lock). */
export async function backfillOrderNumberCounters(q: QueryRunner): Promise<void> {
  await q.query(`
    INSERT INTO order_number_counters AS c (period, last_value)
    SELECT substr(order_number, 1, 6), max(substr(order_number, 7)::bigint)
      FROM orders WHERE order_number ~ '^[0-9]{11,}$'
     GROUP BY 1
    ON CONFLICT (period) DO UPDATE SET last_value = GREATEST(c.last_value, EXCLUDED.last_value)`);
}

/**
 * The bulk pass: pending orders' lines become active holds, ORDERS_PER_BATCH orders (keyed by id) per
 * statement. Idempotent (ON CONFLICT DO NOTHING). Row locks only: the foreign key's check takes
 * FOR KEY SHARE on each pending order, which blocks nothing but deleting it.
 */
export async function bulkBackfill(q: QueryRunner): Promise<number> {
  let last: string | null = null;
  let held = 0;
  for (;;) {
    const rows = (await q.query(
      `WITH batch AS (
         SELECT id, status FROM orders WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${ORDERS_PER_BATCH}
       ), held AS (
         INSERT INTO inventory_reservations (order_id, variant_id, quantity, status)
         SELECT oi.order_id, oi.variant_id, sum(oi.quantity), 'active'
           FROM batch b JOIN order_items oi ON oi.order_id = b.id
          WHERE b.status = 'pending'
          GROUP BY oi.order_id, oi.variant_id
         ON CONFLICT (order_id, variant_id) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT id::text FROM batch ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*)::int FROM held) AS held`,
      [last],
    )) as Array<{ last: string | null; held: number }>;
    if (!rows[0].last) return held;
    last = rows[0].last;
    held += rows[0].held;
  }
}

/**
 * Dequeues up to `limit` orders and makes their active holds equal their lines if pending (none if
 * not). Changes a hold only where it differs, and never one that is no longer active (a hold being
 * committed or released meanwhile keeps what its function did). Run inside a transaction.
 */
export async function syncQueued(q: QueryRunner, limit: number): Promise<number> {
  // Through a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
  const picked = (await q.query(
    `WITH picked AS (
       DELETE FROM ${BRIDGE_QUEUE}
        WHERE order_id IN (SELECT order_id FROM ${BRIDGE_QUEUE} ORDER BY order_id LIMIT ${limit})
       RETURNING order_id
     )
     SELECT order_id::text AS id FROM picked`,
  )) as Array<{ id: string }>;
  if (picked.length === 0) return 0;
  const ids = picked.map((p) => p.id);
  // A fresh snapshot after the dequeue: every writer the dequeue waited for is visible.
  await q.query(
    `WITH desired AS (
       SELECT oi.order_id, oi.variant_id, sum(oi.quantity)::int AS quantity
         FROM orders o JOIN order_items oi ON oi.order_id = o.id
        WHERE o.id = ANY($1::uuid[]) AND o.status = 'pending'
        GROUP BY oi.order_id, oi.variant_id
     ), gone AS (
       DELETE FROM inventory_reservations r
        WHERE r.order_id = ANY($1::uuid[]) AND r.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM desired d WHERE d.order_id = r.order_id AND d.variant_id = r.variant_id)
     )
     INSERT INTO inventory_reservations AS r (order_id, variant_id, quantity, status)
     SELECT order_id, variant_id, quantity, 'active' FROM desired
     ON CONFLICT (order_id, variant_id) DO UPDATE SET quantity = EXCLUDED.quantity
      WHERE r.status = 'active' AND r.quantity <> EXCLUDED.quantity`,
    [ids],
  );
  return ids.length;
}

/** Drains the queue in short transactions until it is small enough for the final step. */
export async function drainQueue(q: QueryRunner): Promise<void> {
  for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
    const [{ queued }] = (await q.query(`SELECT count(*)::int AS queued FROM ${BRIDGE_QUEUE}`)) as Array<{
      queued: number;
    }>;
    if (queued <= FINAL_QUEUE_THRESHOLD) return;
    await inOneTransaction(q, async () => {
      await syncQueued(q, QUEUED_PER_SYNC);
    });
  }
}

/** Inside the final transaction (orders and order_items locked): syncs whatever is still queued. */
export async function syncAllQueued(q: QueryRunner): Promise<void> {
  while ((await syncQueued(q, QUEUED_PER_SYNC)) > 0) {
    // the tables are locked: the queue only shrinks
  }
}
