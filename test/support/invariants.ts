import { Client } from 'pg';

export interface InventoryViolation {
  variant_id: string;
  quantity: number;
  reserved: number;
  held: number;
}

/**
 * The stock invariants, read from the database: 0 ≤ reserved ≤ quantity, and reserved equals the sum
 * of the variant's active holds. Returns the variants that break them (an empty list is the pass).
 */
export async function inventoryViolations(sql: Client): Promise<InventoryViolation[]> {
  const { rows } = await sql.query<InventoryViolation>(`
    SELECT i.variant_id, i.quantity, i.reserved, COALESCE(h.held, 0)::int AS held
      FROM inventory i
      LEFT JOIN (SELECT variant_id, sum(quantity) AS held FROM inventory_reservations
                  WHERE status = 'active' GROUP BY variant_id) h ON h.variant_id = i.variant_id
     WHERE i.reserved < 0 OR i.reserved > i.quantity OR i.reserved <> COALESCE(h.held, 0)`);
  return rows;
}

/** A store with `variants` variants of one product, each with `stock` units; returns their ids. */
export async function insertStockedVariants(
  sql: Client,
  variants: number,
  stock: number,
): Promise<{ storeId: string; productId: string; variantIds: string[] }> {
  const store = await sql.query<{ id: string }>(
    `INSERT INTO stores (slug, name) VALUES ('s-' || substr(md5(random()::text), 1, 8), 'Stock store') RETURNING id`,
  );
  const storeId = store.rows[0].id;
  const product = await sql.query<{ id: string }>(
    `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'p', 10) RETURNING id`,
    [storeId],
  );
  const productId = product.rows[0].id;
  const created = await sql.query<{ id: string }>(
    `INSERT INTO product_variants (store_id, product_id, sku, name)
     SELECT $1, $2, 'SKU-' || g, 'V' || g FROM generate_series(1, $3) g RETURNING id`,
    [storeId, productId, variants],
  );
  const variantIds = created.rows.map((r) => r.id).sort();
  await sql.query(`INSERT INTO inventory (variant_id, quantity) SELECT unnest($1::uuid[]), $2`, [
    variantIds,
    stock,
  ]);
  return { storeId, productId, variantIds };
}

/** `n` pending orders of one customer in the store (the rows reservations hang off). */
export async function insertPendingOrders(sql: Client, storeId: string, n: number): Promise<string[]> {
  const customer = await sql.query<{ id: string }>(
    `INSERT INTO profiles (email) VALUES ('c-' || substr(md5(random()::text), 1, 12) || '@test.example') RETURNING id`,
  );
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO orders (store_id, user_id, order_number, subtotal, total)
     SELECT $1, $2, 'T' || substr(md5(random()::text), 1, 16), 0, 0 FROM generate_series(1, $3) RETURNING id`,
    [storeId, customer.rows[0].id, n],
  );
  return rows.map((r) => r.id);
}
