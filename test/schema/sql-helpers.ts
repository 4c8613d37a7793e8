/**
 * Small helpers for the schema tests: they talk to PostgreSQL directly (pg), so every verdict in them
 * comes from the database itself.
 */
import { randomUUID } from 'node:crypto';
import { Client, ClientBase, DatabaseError, Pool } from 'pg';

export interface SqlFailure {
  code: string | undefined;
  constraint: string | undefined;
  detail?: string;
  message: string;
}

/** Awaits `work`, which must fail with a PostgreSQL error; returns its SQLSTATE and constraint name. */
export async function sqlFailure(work: Promise<unknown>): Promise<SqlFailure> {
  try {
    await work;
  } catch (error: unknown) {
    if (error instanceof DatabaseError) {
      return { code: error.code, constraint: error.constraint, detail: error.detail, message: error.message };
    }
    throw error;
  }
  throw new Error('Expected the statement to be rejected by the database, but it succeeded');
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'schema-tests' });
  await client.connect();
  return client;
}

/**
 * Ends `pool` and waits until its server backends are really gone. `Pool.end()` resolves as soon as it
 * has asked each connection to close; dropping the database (WITH FORCE) before they have closed would
 * terminate them and make the pool emit an unhandled 'error'.
 */
export async function endPool(pool: Pool, observer: ClientBase, applicationName: string): Promise<void> {
  pool.on('error', () => undefined); // late "terminating connection" notices while closing are expected
  await pool.end();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const left = await count(
      observer,
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [applicationName],
    );
    if (left === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function count(client: ClientBase, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM (${sql}) AS counted`,
    params,
  );
  return Number(rows[0].n);
}

export function uuid(): string {
  return randomUUID();
}

/** One of each row the store-scoped tables need, all inside one store. */
export interface StoreGraph {
  storeId: string;
  profileId: string;
  categoryId: string;
  tagId: string;
  productId: string;
  variantId: string;
  inventoryId: string;
  orderId: string | null;
}

/**
 * Inserts a store with a category, a tag, a product (tagged, in the category), a variant with stock, and
 * optionally an order, all with fresh ids and slugs/SKUs prefixed by `key`.
 */
export async function insertStoreGraph(
  client: ClientBase,
  key: string,
  options: { profileId?: string; withOrder?: boolean; quantity?: number } = {},
): Promise<StoreGraph> {
  const g: StoreGraph = {
    storeId: uuid(),
    profileId: options.profileId ?? uuid(),
    categoryId: uuid(),
    tagId: uuid(),
    productId: uuid(),
    variantId: uuid(),
    inventoryId: uuid(),
    orderId: options.withOrder ? uuid() : null,
  };
  await client.query(`INSERT INTO stores (id, slug, name) VALUES ($1, $2, $3)`, [
    g.storeId,
    key,
    `Store ${key}`,
  ]);
  if (!options.profileId) {
    await client.query(`INSERT INTO profiles (id, email) VALUES ($1, $2)`, [
      g.profileId,
      `${key}@example.com`,
    ]);
  }
  await client.query(`INSERT INTO categories (id, store_id, name, slug) VALUES ($1, $2, 'Mugs', 'mugs')`, [
    g.categoryId,
    g.storeId,
  ]);
  await client.query(`INSERT INTO tags (id, store_id, name, slug) VALUES ($1, $2, 'Sale', 'sale')`, [
    g.tagId,
    g.storeId,
  ]);
  await client.query(
    `INSERT INTO products (id, store_id, name, slug, category_id, base_price)
     VALUES ($1, $2, 'Mug', 'mug', $3, 12.50)`,
    [g.productId, g.storeId, g.categoryId],
  );
  await client.query(`INSERT INTO product_tags (product_id, tag_id) VALUES ($1, $2)`, [g.productId, g.tagId]);
  await client.query(
    `INSERT INTO product_variants (id, store_id, product_id, sku, name) VALUES ($1, $2, $3, 'MUG-BLUE', 'Blue')`,
    [g.variantId, g.storeId, g.productId],
  );
  await client.query(`INSERT INTO inventory (id, variant_id, quantity) VALUES ($1, $2, $3)`, [
    g.inventoryId,
    g.variantId,
    options.quantity ?? 10,
  ]);
  if (g.orderId) {
    await client.query(
      `INSERT INTO orders (id, store_id, user_id, order_number, subtotal, total)
       VALUES ($1, $2, $3, $4, 12.50, 12.50)`,
      [g.orderId, g.storeId, g.profileId, `T-${key}-${g.orderId}`],
    );
  }
  return g;
}
