/**
 * Migration 0007 on legacy databases: the holds it produces are exactly what pending orders reserved
 * (the rows the former single-transaction version produced, none lost), it refuses before changing
 * anything when `reserved` disagrees, and a run cut off in the middle of its backfill is finished by
 * running the migrations again, including the orders changed in between.
 */
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../../migrations';
import { InventoryReservations1000000000007 } from '../../migrations/0007-inventory-reservations';
import { ORDERS_PER_BATCH } from '../../migrations/reservations-backfill';
import { checkUpgrade, violations } from '../../scripts/upgrade-under-load/check';
import { legacySize, orderCount, seedLegacyData } from '../../scripts/upgrade-under-load/legacy-data';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createEmptyDatabase, TestDatabase } from '../support/database';

const STORE = '1a000000-0000-4000-8000-000000000001';
const CUSTOMER = '1b000000-0000-4000-8000-000000000001';
const PRODUCT = '1c000000-0000-4000-8000-000000000001';
const V1 = '1d000000-0000-4000-8000-000000000001';
const V2 = '1d000000-0000-4000-8000-000000000002';
const V3 = '1d000000-0000-4000-8000-000000000003';
const ORDER = {
  pendingTwoVariants: '1e000000-0000-4000-8000-000000000001',
  pendingSameVariantTwice: '1e000000-0000-4000-8000-000000000002',
  pendingNoLines: '1e000000-0000-4000-8000-000000000003',
  delivered: '1e000000-0000-4000-8000-000000000004',
  cancelled: '1e000000-0000-4000-8000-000000000005',
  pendingOther: '1e000000-0000-4000-8000-000000000006',
};

/** What 0007 did before it was batched: one INSERT … SELECT over the pending orders. */
const FORMER_BACKFILL_SQL = `
  SELECT oi.order_id::text, oi.variant_id::text, sum(oi.quantity)::int AS quantity
    FROM order_items oi JOIN orders o ON o.id = oi.order_id
   WHERE o.status = 'pending'
   GROUP BY oi.order_id, oi.variant_id ORDER BY 1, 2`;
const HOLDS_SQL = `
  SELECT order_id::text, variant_id::text, quantity FROM inventory_reservations
   WHERE status = 'active' ORDER BY 1, 2`;

async function legacyDatabase(): Promise<{ db: TestDatabase; client: Client }> {
  const db = await createEmptyDatabase();
  const baseline = new DataSource({ ...buildDataSourceOptions(db.url), migrations: [LEGACY_BASELINE] });
  await baseline.initialize();
  await baseline.runMigrations();
  await baseline.destroy();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return { db, client };
}

async function migrate(url: string, count?: number): Promise<void> {
  const ds = new DataSource({
    ...buildDataSourceOptions(url),
    migrations: count === undefined ? ALL_MIGRATIONS : ALL_MIGRATIONS.slice(0, count),
  });
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}

async function fixture(client: Client, reservedV1: number): Promise<void> {
  await client.query(`
    INSERT INTO stores (id, slug, name) VALUES ('${STORE}', 's', 'Store');
    INSERT INTO profiles (id, email) VALUES ('${CUSTOMER}', 'legacy-holds@example.com');
    INSERT INTO products (id, store_id, name, slug, base_price) VALUES ('${PRODUCT}', '${STORE}', 'Mug', 'mug', 10);
    INSERT INTO product_variants (id, store_id, product_id, sku, name) VALUES
      ('${V1}', '${STORE}', '${PRODUCT}', 'MUG-1', 'Blue'),
      ('${V2}', '${STORE}', '${PRODUCT}', 'MUG-2', 'Red'),
      ('${V3}', '${STORE}', '${PRODUCT}', 'MUG-3', 'Green');
    INSERT INTO inventory (variant_id, quantity, reserved) VALUES
      ('${V1}', 50, ${reservedV1}), ('${V2}', 50, 1), ('${V3}', 50, 1);
    INSERT INTO orders (id, store_id, user_id, order_number, status, subtotal, total) VALUES
      ('${ORDER.pendingTwoVariants}', '${STORE}', '${CUSTOMER}', '20261000001', 'pending', 30, 30),
      ('${ORDER.pendingSameVariantTwice}', '${STORE}', '${CUSTOMER}', '20261000007', 'pending', 40, 40),
      ('${ORDER.pendingNoLines}', '${STORE}', '${CUSTOMER}', '20261100002', 'pending', 0, 0),
      ('${ORDER.delivered}', '${STORE}', '${CUSTOMER}', '20261100004', 'delivered', 50, 50),
      ('${ORDER.cancelled}', '${STORE}', '${CUSTOMER}', 'LEGACY-99', 'cancelled', 20, 20),
      ('${ORDER.pendingOther}', '${STORE}', '${CUSTOMER}', '20261000003', 'pending', 10, 10);
    INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price) VALUES
      ('${ORDER.pendingTwoVariants}', '${PRODUCT}', '${V1}', 'Mug', 'Blue', 'MUG-1', 2, 10, 20),
      ('${ORDER.pendingTwoVariants}', '${PRODUCT}', '${V2}', 'Mug', 'Red', 'MUG-2', 1, 10, 10),
      ('${ORDER.pendingSameVariantTwice}', '${PRODUCT}', '${V1}', 'Mug', 'Blue', 'MUG-1', 1, 10, 10),
      ('${ORDER.pendingSameVariantTwice}', '${PRODUCT}', '${V1}', 'Mug', 'Blue', 'MUG-1', 3, 10, 30),
      ('${ORDER.delivered}', '${PRODUCT}', '${V1}', 'Mug', 'Blue', 'MUG-1', 5, 10, 50),
      ('${ORDER.cancelled}', '${PRODUCT}', '${V2}', 'Mug', 'Red', 'MUG-2', 2, 10, 20),
      ('${ORDER.pendingOther}', '${PRODUCT}', '${V3}', 'Mug', 'Green', 'MUG-3', 1, 10, 10);`);
}

describe('migration 0007 on legacy data', () => {
  describe('a legacy database whose reserved stock matches its pending orders', () => {
    let db: TestDatabase;
    let client: Client;
    let former: unknown[];

    beforeAll(async () => {
      ({ db, client } = await legacyDatabase());
      await fixture(client, 6);
      former = (await client.query(FORMER_BACKFILL_SQL)).rows;
      await migrate(db.url);
    });

    afterAll(async () => {
      await client?.end();
      await db?.drop();
    });

    it('turns exactly the pending orders’ lines into active holds, summed per variant', async () => {
      const { rows } = await client.query(HOLDS_SQL);
      expect(rows).toEqual(
        [
          { order_id: ORDER.pendingTwoVariants, variant_id: V1, quantity: 2 },
          { order_id: ORDER.pendingTwoVariants, variant_id: V2, quantity: 1 },
          { order_id: ORDER.pendingSameVariantTwice, variant_id: V1, quantity: 4 },
          { order_id: ORDER.pendingOther, variant_id: V3, quantity: 1 },
        ].sort((a, b) => (a.order_id + a.variant_id).localeCompare(b.order_id + b.variant_id)),
      );
      // The same rows as the former single-transaction backfill, and nothing but active holds.
      expect(rows).toEqual(former);
      const { rows: all } = await client.query(`SELECT count(*)::int AS n FROM inventory_reservations`);
      expect(all[0].n).toBe(4);
    });

    it('keeps every order and line, continues each month’s numbers, and leaves no bridge behind', async () => {
      const counts = await client.query(
        `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_items)::int AS items`,
      );
      expect(counts.rows[0]).toEqual({ orders: 6, items: 7 });
      const counters = await client.query(
        `SELECT period, last_value::int FROM order_number_counters ORDER BY 1`,
      );
      expect(counters.rows).toEqual([
        { period: '202610', last_value: 7 },
        { period: '202611', last_value: 4 },
      ]);
      const leftovers = await client.query(
        `SELECT to_regclass('public.inventory_reservations_backfill_queue') AS queue,
                (SELECT count(*)::int FROM pg_trigger WHERE tgname LIKE 'trg_inventory_reservations_backfill%') AS triggers`,
      );
      expect(leftovers.rows[0]).toEqual({ queue: null, triggers: 0 });
      const fk = await client.query(
        `SELECT convalidated FROM pg_constraint WHERE conname = 'fk_inventory_reservations_order'`,
      );
      expect(fk.rows).toEqual([{ convalidated: true }]);
    });
  });

  it('refuses, naming the variant and creating nothing, when reserved differs from the pending orders', async () => {
    const { db, client } = await legacyDatabase();
    try {
      await fixture(client, 5); // V1's pending orders hold 6
      await migrate(db.url, 6);
      const error = await migrate(db.url).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toContain('Migration 0007 (inventory reservations) refused');
      expect(error?.message).toContain(`variant ${V1}: reserved 5, held by pending orders 6`);
      const { rows } = await client.query(
        `SELECT to_regclass('public.inventory_reservations') AS holds, to_regclass('public.order_number_counters') AS counters,
                (SELECT count(*)::int FROM migrations) AS recorded`,
      );
      expect(rows[0]).toEqual({ holds: null, counters: null, recorded: 6 });
    } finally {
      await client.end();
      await db.drop();
    }
  });

  describe('a run cut off in the middle of the backfill', () => {
    const size = legacySize(ORDERS_PER_BATCH * 3 * 2.5); // three bulk batches
    let db: TestDatabase;
    let client: Client;

    beforeAll(async () => {
      ({ db, client } = await legacyDatabase());
      await seedLegacyData(client, size);
      await migrate(db.url, 6);
    }, 120_000);

    afterAll(async () => {
      await client?.end();
      await db?.drop();
    });

    it('leaves the bridge recording changes, and the next run finishes with every hold right', async () => {
      const ds = new DataSource({
        ...buildDataSourceOptions(db.url),
        migrations: ALL_MIGRATIONS.slice(0, 7),
      });
      await ds.initialize();
      const runner = ds.createQueryRunner();
      let batches = 0;
      const crashing = new Proxy(runner, {
        get(target, prop: keyof QueryRunner) {
          if (prop === 'query') {
            return (sql: string, params?: unknown[]) => {
              if (sql.includes('WITH batch AS') && ++batches === 2)
                throw new Error('the migration host died');
              return target.query(sql, params);
            };
          }
          const value = target[prop];
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      try {
        await expect(new InventoryReservations1000000000007().up(crashing)).rejects.toThrow('host died');
      } finally {
        await runner.release();
        await ds.destroy();
      }

      const holds = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inventory_reservations`,
      );
      const pendingLines = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (${FORMER_BACKFILL_SQL}) x`,
      );
      expect(holds.rows[0].n).toBeGreaterThan(0);
      expect(holds.rows[0].n).toBeLessThan(pendingLines.rows[0].n);

      // The legacy app keeps going in between: a pending order is paid (its lines may already be
      // holds), a line is added to another, and a new order is placed; the bridge queues them.
      const paid = `md5('order-0')::uuid`; // pending (k % 10 = 0), first in no particular batch
      const grown = `md5('order-${orderCount(size) - 10}')::uuid`;
      await client.query(`
        BEGIN;
        UPDATE inventory SET quantity = quantity - l.q, reserved = reserved - l.q
          FROM (SELECT variant_id, sum(quantity)::int AS q FROM order_items WHERE order_id = ${paid} GROUP BY 1) l
         WHERE inventory.variant_id = l.variant_id;
        UPDATE orders SET status = 'paid' WHERE id = ${paid};
        INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
          VALUES (${grown}, md5('product-0')::uuid, md5('variant-1')::uuid, 'P', 'V', 'SKU-1', 2, 10, 20);
        UPDATE inventory SET reserved = reserved + 2 WHERE variant_id = md5('variant-1')::uuid;
        INSERT INTO orders (id, store_id, user_id, order_number, status, subtotal, total)
          VALUES ('1f000000-0000-4000-8000-000000000001', md5('store-0')::uuid, md5('profile-0')::uuid, '20991200001', 'pending', 10, 10);
        INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
          VALUES ('1f000000-0000-4000-8000-000000000001', md5('product-1')::uuid, md5('variant-3')::uuid, 'P', 'V', 'SKU-3', 1, 10, 10);
        UPDATE inventory SET reserved = reserved + 1 WHERE variant_id = md5('variant-3')::uuid;
        COMMIT;`);
      const queued = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inventory_reservations_backfill_queue`,
      );
      expect(queued.rows[0].n).toBe(3);

      await migrate(db.url);
      const check = await checkUpgrade(client, size, []);
      // One line was added to a legacy order on purpose: the generated ones number one more.
      expect(check.legacyItemsMissing).toBe(-1);
      expect(violations({ ...check, legacyItemsMissing: 0 })).toEqual([]);
      expect(check.orderItems).toBe(size.orderItems + 2);
      const changed = await client.query(
        `SELECT (SELECT count(*)::int FROM inventory_reservations WHERE order_id = ${paid}) AS paid,
                (SELECT quantity FROM inventory_reservations WHERE order_id = ${grown} AND variant_id = md5('variant-1')::uuid) AS grown,
                (SELECT quantity FROM inventory_reservations WHERE order_id = '1f000000-0000-4000-8000-000000000001') AS placed`,
      );
      expect(changed.rows[0]).toEqual({ paid: 0, grown: 2, placed: 1 });
    }, 120_000);
  });
});
