/**
 * The indexes of migration 0003 are the ones the planner actually uses for the lookups they were made
 * for (seed task 1.3). The data is shaped like production: many stores that reuse the same slugs, orders
 * with several lines each, so the composite indexes are the selective ones and no planner setting has
 * to be forced.
 */
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { connect } from './sql-helpers';

const STORES = 40;
const PRODUCTS_PER_STORE = 100; // 4,000 products; every store reuses the slugs product-1 … product-100
const CATEGORIES_PER_STORE = 30;
const TAGS_PER_STORE = 30;
const ORDERS = 1_000;
const LINES_PER_ORDER = 4; // 4,000 order_items

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every index a plan reads, whatever the scan type (Index Scan, Index Only Scan, Bitmap Index Scan). */
function indexNames(node: PlanNode): string[] {
  const own = node['Index Name'] ? [node['Index Name']] : [];
  return own.concat(...(node.Plans ?? []).map(indexNames));
}

function describePlan(node: PlanNode, depth = 0): string {
  const line = `${'  '.repeat(depth)}${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`;
  return [line, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

describe('query plans use the per-store and order_items indexes', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  let sample: { storeId: string; orderId: string; productId: string; variantId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await connect(db.url);
    await client.query(`
      INSERT INTO stores (slug, name) SELECT 'store-' || s, 'Store ' || s FROM generate_series(1, ${STORES}) s;
      INSERT INTO profiles (email) SELECT 'buyer' || u || '@example.com' FROM generate_series(1, 50) u;

      INSERT INTO categories (store_id, name, slug)
      SELECT st.id, 'Category ' || c, 'category-' || c
        FROM stores st CROSS JOIN generate_series(1, ${CATEGORIES_PER_STORE}) c;
      INSERT INTO tags (store_id, name, slug)
      SELECT st.id, 'Tag ' || t, 'tag-' || t FROM stores st CROSS JOIN generate_series(1, ${TAGS_PER_STORE}) t;
      INSERT INTO products (store_id, name, slug, base_price)
      SELECT st.id, 'Product ' || p, 'product-' || p, (p % 50) + 0.99
        FROM stores st CROSS JOIN generate_series(1, ${PRODUCTS_PER_STORE}) p;
      INSERT INTO product_variants (store_id, product_id, sku, name)
      SELECT p.store_id, p.id, upper(p.slug) || '-' || v, 'Variant ' || v
        FROM products p CROSS JOIN generate_series(1, 2) v;

      INSERT INTO orders (store_id, user_id, order_number, subtotal, total)
      SELECT (SELECT id FROM stores ORDER BY slug OFFSET (o % ${STORES}) LIMIT 1),
             (SELECT id FROM profiles ORDER BY email OFFSET (o % 50) LIMIT 1),
             '2026010' || lpad(o::text, 4, '0'), 10, 10
        FROM generate_series(1, ${ORDERS}) o;

      -- Each order gets LINES_PER_ORDER lines: variants of its own store, spread over the catalog.
      INSERT INTO order_items
        (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
      SELECT o.id, v.product_id, v.id, 'Product', v.name, v.sku, 1, 10, 10
        FROM (SELECT id, store_id, row_number() OVER (ORDER BY id) AS n FROM orders) o
        CROSS JOIN generate_series(1, ${LINES_PER_ORDER}) line
        JOIN LATERAL (
          SELECT pv.id, pv.product_id, pv.name, pv.sku FROM product_variants pv
           WHERE pv.store_id = o.store_id
           ORDER BY pv.sku OFFSET ((o.n * 7 + line * 13) % ${PRODUCTS_PER_STORE * 2}) LIMIT 1
        ) v ON TRUE;

      ANALYZE;
    `);
    const { rows } = await client.query<{
      store_id: string;
      order_id: string;
      product_id: string;
      variant_id: string;
    }>(
      `SELECT o.store_id, oi.order_id, oi.product_id, oi.variant_id
         FROM order_items oi JOIN orders o ON o.id = oi.order_id
        ORDER BY o.order_number LIMIT 1 OFFSET 500`,
    );
    sample = {
      storeId: rows[0].store_id,
      orderId: rows[0].order_id,
      productId: rows[0].product_id,
      variantId: rows[0].variant_id,
    };
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function plan(sql: string, params: unknown[]): Promise<PlanNode> {
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return rows[0]['QUERY PLAN'][0].Plan;
  }

  async function expectIndex(sql: string, params: unknown[], index: string): Promise<void> {
    const root = await plan(sql, params);
    const used = indexNames(root);
    if (!used.includes(index)) {
      throw new Error(`Expected the plan to use ${index}, but it is:\n${describePlan(root)}\nfor: ${sql}`);
    }
  }

  it('has realistic volumes', async () => {
    const { rows } = await client.query<{ products: string; items: string }>(
      `SELECT (SELECT count(*) FROM products)::text AS products, (SELECT count(*) FROM order_items)::text AS items`,
    );
    expect(Number(rows[0].products)).toBe(STORES * PRODUCTS_PER_STORE);
    expect(Number(rows[0].items)).toBe(ORDERS * LINES_PER_ORDER);
  });

  it('order_items by (order_id, product_id) uses idx_order_items_order_product', async () => {
    await expectIndex(
      `SELECT id, quantity, unit_price FROM order_items WHERE order_id = $1 AND product_id = $2`,
      [sample.orderId, sample.productId],
      'idx_order_items_order_product',
    );
  });

  it('order_items by order_id alone uses idx_order_items_order_product (leading column)', async () => {
    await expectIndex(
      `SELECT id, quantity FROM order_items WHERE order_id = $1`,
      [sample.orderId],
      'idx_order_items_order_product',
    );
  });

  it('order_items by variant_id uses idx_order_items_variant', async () => {
    await expectIndex(
      `SELECT id, order_id FROM order_items WHERE variant_id = $1`,
      [sample.variantId],
      'idx_order_items_variant',
    );
  });

  it.each([
    ['products', 'product-42', 'uq_products_store_slug'],
    ['categories', 'category-7', 'uq_categories_store_slug'],
    ['tags', 'tag-7', 'uq_tags_store_slug'],
  ])('%s by (store_id, slug) uses its unique per-store index', async (table, slug, index) => {
    await expectIndex(
      `SELECT id, name FROM ${table} WHERE store_id = $1 AND slug = $2`,
      [sample.storeId, slug],
      index,
    );
  });
});
