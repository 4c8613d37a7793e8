import { Client } from 'pg';

/**
 * A legacy database (the baseline schema, migration 0001) filled set-based with generate_series, in
 * batches of their own statements: `orderItems` lines, three per order; every tenth order pending
 * (its lines reserved in `inventory.reserved`, as the legacy app kept it); each seventh order's lines
 * all on one variant (a hold sums them); order numbers YYYYMM + 5 digits over consecutive months.
 * Ids are md5-derived, so a key k names the same row in every statement (and in the traffic).
 */
export interface LegacyDataSize {
  orderItems: number;
  stores: number;
  customers: number;
  variants: number;
}

export const LINES_PER_ORDER = 3;
/** Orders per INSERT statement (and items: three times as many). */
const ORDERS_PER_STATEMENT = 100_000;
/** Order numbers per month in the legacy scheme (5 digits). */
const NUMBERS_PER_MONTH = 99_999;
/** So much stock that the traffic never runs out of it. */
export const STOCK_PER_VARIANT = 100_000_000;

export const uuidOf = (kind: string, key: string | number): string => `md5('${kind}-' || ${key})::uuid`;

export function legacySize(orderItems: number): LegacyDataSize {
  return { orderItems, stores: 20, customers: 2_000, variants: 2_000 };
}

export function orderCount(size: LegacyDataSize): number {
  return Math.ceil(size.orderItems / LINES_PER_ORDER);
}

export async function seedLegacyData(
  client: Client,
  size: LegacyDataSize,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<void> {
  const { stores, customers, variants } = size;
  const products = Math.ceil(variants / 2);
  await client.query(`
    INSERT INTO stores (id, slug, name)
    SELECT ${uuidOf('store', 's')}, 'legacy-' || s, 'Legacy store ' || s FROM generate_series(0, ${stores - 1}) s;
    INSERT INTO profiles (id, email)
    SELECT ${uuidOf('profile', 'p')}, 'legacy-' || p || '@example.com' FROM generate_series(0, ${customers - 1}) p;
    INSERT INTO products (id, store_id, name, slug, base_price)
    SELECT ${uuidOf('product', 'p')}, ${uuidOf('store', `p % ${stores}`)}, 'Product ' || p, 'product-' || p, 10
      FROM generate_series(0, ${products - 1}) p;
    INSERT INTO product_variants (id, store_id, product_id, sku, name)
    SELECT ${uuidOf('variant', 'v')}, ${uuidOf('store', `(v / 2) % ${stores}`)}, ${uuidOf('product', 'v / 2')},
           'SKU-' || v, 'Variant ' || v
      FROM generate_series(0, ${variants - 1}) v;
    INSERT INTO inventory (variant_id, quantity)
    SELECT ${uuidOf('variant', 'v')}, ${STOCK_PER_VARIANT} FROM generate_series(0, ${variants - 1}) v;`);

  const orders = orderCount(size);
  const total = orders + size.orderItems;
  let done = 0;
  for (let from = 0; from < orders; from += ORDERS_PER_STATEMENT) {
    const to = Math.min(orders, from + ORDERS_PER_STATEMENT) - 1;
    await client.query(`
      INSERT INTO orders (id, store_id, user_id, order_number, status, payment_status, subtotal, total, created_at)
      SELECT ${uuidOf('order', 'k')}, ${uuidOf('store', `k % ${stores}`)}, ${uuidOf('profile', `k % ${customers}`)},
             to_char(date '2020-01-01' + (k / ${NUMBERS_PER_MONTH}) * interval '1 month', 'YYYYMM')
               || lpad((k % ${NUMBERS_PER_MONTH} + 1)::text, 5, '0'),
             CASE WHEN k % 10 = 0 THEN 'pending'
                  ELSE (ARRAY['paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'])[k % 6 + 1] END,
             CASE WHEN k % 10 = 0 OR k % 6 = 4 THEN 'unpaid' WHEN k % 6 = 5 THEN 'refunded' ELSE 'paid' END,
             30, 30,
             timestamptz '2020-01-01' + (k / ${NUMBERS_PER_MONTH}) * interval '1 month' + (k % ${NUMBERS_PER_MONTH}) * interval '20 seconds'
        FROM generate_series(${from}, ${to}) k`);
    done += to - from + 1;
    progress(done, total);
  }
  const perStatement = ORDERS_PER_STATEMENT * LINES_PER_ORDER;
  for (let from = 0; from < size.orderItems; from += perStatement) {
    const to = Math.min(size.orderItems, from + perStatement) - 1;
    // Line j belongs to order j / 3; an order k % 7 = 0 has all its lines on one variant.
    await client.query(`
      INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
      SELECT ${uuidOf('order', 'k')}, ${uuidOf('product', 'v / 2')}, ${uuidOf('variant', 'v')},
             'Product ' || (v / 2), 'Variant ' || v, 'SKU-' || v, q, 10, 10 * q
        FROM (SELECT j / ${LINES_PER_ORDER} AS k, 1 + j % 3 AS q,
                     ((j / ${LINES_PER_ORDER}) * 31 + CASE WHEN (j / ${LINES_PER_ORDER}) % 7 = 0 THEN 0 ELSE (j % ${LINES_PER_ORDER}) * 577 END) % ${variants} AS v
                FROM generate_series(${from}, ${to}) j) line`);
    done += to - from + 1;
    progress(done, total);
  }
  // What the legacy app kept: each variant's reserved = its pending orders' units.
  await client.query(`
    UPDATE inventory i SET reserved = h.held
      FROM (SELECT oi.variant_id, sum(oi.quantity)::int AS held
              FROM order_items oi JOIN orders o ON o.id = oi.order_id
             WHERE o.status = 'pending' GROUP BY oi.variant_id) h
     WHERE h.variant_id = i.variant_id`);
  await client.query(`ANALYZE`);
}
