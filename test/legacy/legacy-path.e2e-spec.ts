/**
 * The legacy-to-clean migration path (seed tasks 1.1–1.4) on a database that starts in the legacy
 * shape: orphans and a JSON blob that disagrees with `orders` must be found by db:verify, must stop the
 * migrations, and must be fixable without losing a row.
 */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { LEGACY_BASELINE } from '../../migrations';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createEmptyDatabase } from '../support/database';

const ROOT = path.resolve(__dirname, '..', '..');

const STORE_A = '0a000000-0000-4000-8000-000000000001';
const STORE_B = '0a000000-0000-4000-8000-000000000002';
const MISSING_STORE = '0a000000-0000-4000-8000-0000000000ff';
const CUSTOMER = '0b000000-0000-4000-8000-000000000001';
const PRODUCT = '0c000000-0000-4000-8000-000000000001';
const VARIANT = '0d000000-0000-4000-8000-000000000001';
const ORDER_1 = '0e000000-0000-4000-8000-000000000001';
const ORDER_2 = '0e000000-0000-4000-8000-000000000002';
const ORDER_3 = '0e000000-0000-4000-8000-000000000003';

// One orphan per check of db:verify, none of which has children of its own.
const ORPHANS = {
  category: '0f000000-0000-4000-8000-000000000001',
  tag: '0f000000-0000-4000-8000-000000000002',
  product: '0f000000-0000-4000-8000-000000000003',
  variantMissingStore: '0f000000-0000-4000-8000-000000000004',
  variantMissingProduct: '0f000000-0000-4000-8000-000000000005',
  itemMissingOrder: '0f000000-0000-4000-8000-000000000006',
  itemMissingProduct: '0f000000-0000-4000-8000-000000000007',
  itemMissingVariant: '0f000000-0000-4000-8000-000000000008',
};
const MISSING = '0f000000-0000-4000-8000-0000000000ff';

function runVerify(url: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/verify-integrity.ts', ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000 },
  );
}

function legacySummary(orderId: string, total: string, status: string, orderNumber: string) {
  return { order_id: orderId, order_number: orderNumber, status, total };
}

describe('legacy database → clean schema', () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let client: Client;
  let orphanSnapshots: Map<string, unknown>;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    const baseline = new DataSource({ ...buildDataSourceOptions(db.url), migrations: [LEGACY_BASELINE] });
    await baseline.initialize();
    await baseline.runMigrations();
    await baseline.destroy();

    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      INSERT INTO stores (id, slug, name) VALUES ('${STORE_A}', 'a', 'Store A'), ('${STORE_B}', 'b', 'Store B');
      INSERT INTO profiles (id, email) VALUES ('${CUSTOMER}', 'legacy@example.com');
      INSERT INTO products (id, store_id, name, slug, base_price) VALUES ('${PRODUCT}', '${STORE_A}', 'Mug', 'mug', 10);
      INSERT INTO product_variants (id, store_id, product_id, sku, name)
        VALUES ('${VARIANT}', '${STORE_A}', '${PRODUCT}', 'MUG-1', 'Blue');
      INSERT INTO inventory (variant_id, quantity) VALUES ('${VARIANT}', 10);
      INSERT INTO orders (id, store_id, user_id, order_number, status, subtotal, total, created_at) VALUES
        ('${ORDER_1}', '${STORE_A}', '${CUSTOMER}', '20261000001', 'delivered', 10, 10, '2026-10-01T10:00:00Z'),
        ('${ORDER_2}', '${STORE_A}', '${CUSTOMER}', '20261000002', 'paid', 20, 20, '2026-10-02T10:00:00Z'),
        ('${ORDER_3}', '${STORE_A}', '${CUSTOMER}', '20261000003', 'cancelled', 30, 30, '2026-10-03T10:00:00Z');
      INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
        VALUES ('${ORDER_1}', '${PRODUCT}', '${VARIANT}', 'Mug', 'Blue', 'MUG-1', 1, 10, 10);

      INSERT INTO categories (id, store_id, name, slug) VALUES ('${ORPHANS.category}', '${MISSING_STORE}', 'Lost', 'lost');
      INSERT INTO tags (id, store_id, name, slug) VALUES ('${ORPHANS.tag}', '${MISSING_STORE}', 'Lost', 'lost');
      INSERT INTO products (id, store_id, name, slug, base_price)
        VALUES ('${ORPHANS.product}', '${MISSING_STORE}', 'Lost', 'lost', 1);
      INSERT INTO product_variants (id, store_id, product_id, sku, name) VALUES
        ('${ORPHANS.variantMissingStore}', '${MISSING_STORE}', '${PRODUCT}', 'LOST-1', 'Lost'),
        ('${ORPHANS.variantMissingProduct}', '${STORE_A}', '${MISSING}', 'LOST-2', 'Lost');
      INSERT INTO order_items (id, order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price) VALUES
        ('${ORPHANS.itemMissingOrder}', '${MISSING}', '${PRODUCT}', '${VARIANT}', 'Mug', 'Blue', 'MUG-1', 1, 10, 10),
        ('${ORPHANS.itemMissingProduct}', '${ORDER_2}', '${MISSING}', '${VARIANT}', 'Mug', 'Blue', 'MUG-1', 1, 10, 10),
        ('${ORPHANS.itemMissingVariant}', '${ORDER_2}', '${PRODUCT}', '${MISSING}', 'Mug', 'Blue', 'MUG-1', 1, 10, 10);
    `);
    // The JSON blob disagrees with orders: order 2's total is wrong and order 3 is missing.
    await client.query(`INSERT INTO store_customers (store_id, profile_id, orders) VALUES ($1, $2, $3)`, [
      STORE_A,
      CUSTOMER,
      JSON.stringify([
        legacySummary(ORDER_1, '10.00', 'delivered', '20261000001'),
        legacySummary(ORDER_2, '25.00', 'paid', '20261000002'),
      ]),
    ]);

    orphanSnapshots = new Map();
    for (const table of ['categories', 'tags', 'products', 'product_variants', 'order_items']) {
      const { rows } = await client.query<{ id: string; row: unknown }>(
        `SELECT id::text, to_jsonb(t) AS row FROM ${table} t WHERE id = ANY($1::uuid[])`,
        [Object.values(ORPHANS)],
      );
      for (const r of rows) orphanSnapshots.set(r.id, r.row);
    }
    expect(orphanSnapshots.size).toBe(Object.keys(ORPHANS).length);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function migrateRest(): Promise<void> {
    const ds = new DataSource(buildDataSourceOptions(db.url));
    await ds.initialize();
    try {
      await ds.runMigrations();
    } finally {
      await ds.destroy();
    }
  }

  it('db:verify exits 1 and lists every orphan and the JSON difference', () => {
    const result = runVerify(db.url);
    expect(result.status).toBe(1);
    for (const [table, column] of [
      ['categories', 'store_id'],
      ['tags', 'store_id'],
      ['products', 'store_id'],
      ['product_variants', 'store_id'],
      ['product_variants', 'product_id'],
      ['order_items', 'order_id'],
      ['order_items', 'product_id'],
      ['order_items', 'variant_id'],
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^${table}\\s+\\| ${column}\\s+\\|[^|]+\\| 1\\s+\\|`, 'm'));
    }
    for (const id of Object.values(ORPHANS)) expect(result.stdout).toContain(id);
    expect(result.stdout).toContain(`order ${ORDER_2} total is 25.00 in the JSON, 20.00 in orders`);
    expect(result.stdout).toContain(`order ${ORDER_3} is in orders but not in the JSON`);
  });

  it('db:verify --json reports the same, machine-readably', () => {
    const result = runVerify(db.url, '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: Array<{ table: string; column: string; violations: number; sampleIds: string[] }>;
      orderSummaryDifferences: Array<{ orderId: string; problem: string }>;
    };
    expect(report.ok).toBe(false);
    const orphanIds = report.checks.filter((c) => c.violations > 0).flatMap((c) => c.sampleIds);
    expect(new Set(orphanIds)).toEqual(new Set(Object.values(ORPHANS)));
    expect(report.orderSummaryDifferences.map((d) => [d.orderId, d.problem]).sort()).toEqual(
      [
        [ORDER_2, 'total_differs'],
        [ORDER_3, 'missing_in_json'],
      ].sort(),
    );
  });

  it('the foreign-key migration refuses, naming each violation and the fix', async () => {
    const error = await migrateRest().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain('Migration 0002 (store foreign keys) refused');
    expect(error?.message).toContain('products.store_id: 1 row(s) pointing at a missing stores');
    expect(error?.message).toContain(
      'order_items.variant_id: 1 row(s) pointing at a missing product_variants',
    );
    expect(error?.message).toContain('npm run db:verify -- --quarantine');
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'fk_products_store'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('--quarantine moves exactly the orphans, unchanged, in one go; the JSON difference remains', async () => {
    const result = runVerify(db.url, '--quarantine');
    expect(result.status).toBe(1); // the JSON difference is never "fixed" automatically
    expect(result.stdout).toContain('Quarantine: moved 8 row(s)');

    const { rows } = await client.query<{
      source_id: string;
      kind: string;
      reason: string;
      row_data: unknown;
    }>(`SELECT source_id, kind, reason, row_data FROM quarantine.orphans ORDER BY id`);
    expect(rows.every((r) => r.kind === 'orphan' && r.reason.length > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.source_id))).toEqual(new Set(Object.values(ORPHANS)));
    for (const r of rows) expect(r.row_data).toEqual(orphanSnapshots.get(r.source_id));

    // Nothing else was touched.
    const counts = await client.query<{ products: number; variants: number; items: number; orders: number }>(
      `SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM product_variants)::int AS variants,
              (SELECT count(*) FROM order_items)::int AS items, (SELECT count(*) FROM orders)::int AS orders`,
    );
    expect(counts.rows[0]).toEqual({ products: 1, variants: 1, items: 1, orders: 3 });
  });

  it('the drop migration refuses while the JSON disagrees with orders, after the key migrations pass', async () => {
    const error = await migrateRest().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('Migration 0004 (drop store_customers.orders) refused');
    expect(error?.message).toContain(ORDER_2);
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual([
      'LegacyBaseline1000000000001',
      'StoreForeignKeys1000000000002',
      'PerStoreSlugsAndOrderItemIndexes1000000000003',
    ]);
    const column = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'store_customers' AND column_name = 'orders'`,
    );
    expect(column.rowCount).toBe(1);
  });

  it('after the JSON is fixed every migration passes and db:verify is clean', async () => {
    await client.query(`UPDATE store_customers SET orders = $1`, [
      JSON.stringify([
        legacySummary(ORDER_1, '10.00', 'delivered', '20261000001'),
        legacySummary(ORDER_2, '20.00', 'paid', '20261000002'),
        legacySummary(ORDER_3, '30.00', 'cancelled', '20261000003'),
      ]),
    ]);
    await migrateRest();
    const result = runVerify(db.url);
    expect(result.stdout).toContain('OK: no integrity violations.');
    expect(result.status).toBe(0);
  });

  it('the view serves the legacy JSON shape, from orders, for a customer with several orders', async () => {
    const { rows } = await client.query<{ orders: Array<Record<string, unknown>> }>(
      `SELECT orders FROM store_customer_orders WHERE store_id = $1 AND profile_id = $2`,
      [STORE_A, CUSTOMER],
    );
    expect(rows).toHaveLength(1);
    expect(
      rows[0].orders.map((o) =>
        legacySummary(o.order_id as string, o.total as string, o.status as string, o.order_number as string),
      ),
    ).toEqual([
      legacySummary(ORDER_1, '10.00', 'delivered', '20261000001'),
      legacySummary(ORDER_2, '20.00', 'paid', '20261000002'),
      legacySummary(ORDER_3, '30.00', 'cancelled', '20261000003'),
    ]);
    for (const o of rows[0].orders) {
      expect(o).toEqual(
        expect.objectContaining({
          payment_status: 'unpaid',
          currency: 'USD',
          created_at: expect.any(String),
        }),
      );
    }
    // Legacy readers cannot write through it.
    await expect(client.query(`UPDATE store_customer_orders SET orders = '[]'`)).rejects.toThrow();
  });

  it('order numbers continue after the highest legacy number of the month', async () => {
    const { rows } = await client.query<{ last_value: string }>(
      `SELECT last_value FROM order_number_counters WHERE period = '202610'`,
    );
    expect(rows[0].last_value).toBe('3');
  });
});
