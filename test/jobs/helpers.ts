import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { InventoryService } from '../../src/inventory/inventory.service';
import { JobsService } from '../../src/jobs/jobs.service';
import { JobStats } from '../../src/jobs/periodic-job';

export interface StaleOrder {
  orderId: string;
  variantId: string;
}

/**
 * A pending order holding `quantity` units of a fresh variant (stock 10), created `minutesAgo`
 * minutes ago: what an abandoned checkout leaves for the sweep.
 */
export async function staleOrder(
  app: INestApplication,
  sql: Client,
  minutesAgo: number,
  quantity = 2,
): Promise<StaleOrder> {
  const store = await sql.query<{ id: string }>(
    `INSERT INTO stores (slug, name) VALUES ('s-' || substr(md5(random()::text), 1, 8), 'S') RETURNING id`,
  );
  const storeId = store.rows[0].id;
  const product = await sql.query<{ id: string }>(
    `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'p-' || substr(md5(random()::text), 1, 8), 10) RETURNING id`,
    [storeId],
  );
  const variant = await sql.query<{ id: string }>(
    `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'SKU-' || substr(md5(random()::text), 1, 8), 'V') RETURNING id`,
    [storeId, product.rows[0].id],
  );
  const variantId = variant.rows[0].id;
  await sql.query(`INSERT INTO inventory (variant_id, quantity) VALUES ($1, 10)`, [variantId]);
  const customer = await sql.query<{ id: string }>(
    `INSERT INTO profiles (email) VALUES ('c-' || substr(md5(random()::text), 1, 12) || '@test.example') RETURNING id`,
  );
  const orderId = await app.get(DataSource).transaction(async (tx) => {
    const [order] = await tx.query<Array<{ id: string }>>(
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, total, created_at)
       VALUES ($1, $2, generate_order_number(), 20, 20, now() - make_interval(mins => $3)) RETURNING id`,
      [storeId, customer.rows[0].id, minutesAgo],
    );
    await tx.query(
      `INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
       VALUES ($1, $2, $3, 'P', 'V', 'SKU', $4, 10, $5)`,
      [order.id, product.rows[0].id, variantId, quantity, quantity * 10],
    );
    await app.get(InventoryService).reserve(tx, order.id, [{ variantId, quantity }]);
    return order.id;
  });
  return { orderId, variantId };
}

export async function orderStatus(sql: Client, orderId: string): Promise<string> {
  const { rows } = await sql.query<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]);
  return rows[0].status;
}

export async function reserved(sql: Client, variantId: string): Promise<number> {
  const { rows } = await sql.query<{ reserved: number }>(
    `SELECT reserved FROM inventory WHERE variant_id = $1`,
    [variantId],
  );
  return rows[0].reserved;
}

export async function statsOf(app: INestApplication, name: string): Promise<JobStats> {
  const stats = await app.get(JobsService).stats();
  const found = stats.find((s) => s.name === name);
  if (!found) throw new Error(`No job ${name}`);
  return found;
}

/** pg-boss's rows of one queue, live and archived. */
export async function bossJobs(
  sql: Client,
  name: string,
): Promise<Array<{ id: string; state: string; retry_count: number; singleton_on: Date | null }>> {
  const { rows } = await sql.query<{
    id: string;
    state: string;
    retry_count: number;
    singleton_on: Date | null;
  }>(
    `SELECT id, state::text, retry_count, singleton_on FROM pgboss.job WHERE name = $1
     UNION ALL SELECT id, state::text, retry_count, singleton_on FROM pgboss.archive WHERE name = $1`,
    [name],
  );
  return rows;
}
