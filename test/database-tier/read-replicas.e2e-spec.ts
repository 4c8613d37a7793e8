/**
 * DATABASE_REPLICA_URLS against a real streaming replica (two Debian PostgreSQL 15 clusters,
 * pg_basebackup -R): the storefront's catalog reads come from the replica, the checkout from the primary;
 * a paused replica shows the past, a dead one is skipped within a bound.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { insertStockedVariants } from '../support/invariants';
import { replicaBinariesAvailable, ReplicaCluster } from '../support/replica-cluster';
import { fillCart, insertAddress } from '../support/shoppers';

/** A read that meets a dead replica pays at most a refused connection, then reads the primary. */
const FALLBACK_BOUND_MS = 2000;

const describeIfBinaries = replicaBinariesAvailable() ? describe : describe.skip;

describeIfBinaries('read replicas (DATABASE_REPLICA_URLS)', () => {
  let cluster: ReplicaCluster;
  let app: INestApplication;
  let sql: Client;
  let slug: string;
  let storeId: string;
  let variantIds: string[];
  const http = () => request(app.getHttpServer());

  const available = async (): Promise<number[]> => {
    const res = await http().get(`/api/stores/${slug}/products/p`).expect(200);
    const variants = (res.body as { variants: Array<{ id: string; available: number }> }).variants;
    return variantIds.map((id) => variants.find((v) => v.id === id)?.available ?? -1);
  };
  const listedNames = async (): Promise<string[]> => {
    const res = await http().get(`/api/stores/${slug}/products`).expect(200);
    return (res.body as { items: Array<{ name: string }> }).items.map((p) => p.name).sort();
  };

  beforeAll(async () => {
    cluster = await ReplicaCluster.start();
    sql = new Client({ connectionString: cluster.primary.url });
    await sql.connect();
    app = await createTestApp(cluster.primary.url, { DATABASE_REPLICA_URLS: cluster.replica.url });
    ({ storeId, variantIds } = await insertStockedVariants(sql, 2, 5));
    slug = (await sql.query<{ slug: string }>('SELECT slug FROM stores WHERE id = $1', [storeId])).rows[0]
      .slug;
    await cluster.waitForReplay();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await cluster?.stop();
  });

  it('shows a product created on the primary once the replica has replayed it', async () => {
    expect(await listedNames()).toEqual(['P']);
    await sql.query(`INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'Q', 'q', 7)`, [
      storeId,
    ]);
    await cluster.waitForReplay();
    expect(await listedNames()).toEqual(['P', 'Q']);
  });

  it('with replay paused, the storefront shows stale stock and price while the checkout uses fresh ones', async () => {
    const customer = await createTestUser(app, 'customer');
    const addressId = await insertAddress(sql, customer.id);
    await cluster.waitForReplay();
    await cluster.pauseReplay();
    try {
      // Sold out elsewhere, and repriced: on the primary only.
      await sql.query('UPDATE inventory SET quantity = 0 WHERE variant_id = $1', [variantIds[1]]);
      await sql.query(`UPDATE products SET base_price = 12 WHERE store_id = $1 AND slug = 'p'`, [storeId]);
      await sql.query(`INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'R', 'r', 7)`, [
        storeId,
      ]);

      expect(await available()).toEqual([5, 5]);
      const detail = await http().get(`/api/stores/${slug}/products/p`).expect(200);
      expect((detail.body as { basePrice: string }).basePrice).toBe('10.00');
      expect(await listedNames()).toEqual(['P', 'Q']);

      // The checkout reads and locks on the primary: the unit the storefront still offers is gone…
      await fillCart(sql, storeId, customer.id, [{ variantId: variantIds[1], quantity: 1 }]);
      const refused = await http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(customer))
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddressId: addressId });
      expect(refused.status).toBe(409);

      // …and an order is priced at the new price, not the one the replica shows.
      await sql.query('DELETE FROM cart_items WHERE variant_id = $1', [variantIds[1]]);
      await fillCart(sql, storeId, customer.id, [{ variantId: variantIds[0], quantity: 1 }]);
      const placed = await http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(customer))
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddressId: addressId });
      expect(placed.status).toBe(201);
      expect((placed.body as { order: { subtotal: string } }).order.subtotal).toBe('12.00');
      // The customer's own order is read back from the primary at once.
      const orderId = (placed.body as { order: { id: string } }).order.id;
      await http().get(`/api/orders/${orderId}`).set(bearer(customer)).expect(200);
    } finally {
      await cluster.resumeReplay();
    }
    await cluster.waitForReplay();
    expect(await available()).toEqual([4, 0]);
    expect(await listedNames()).toEqual(['P', 'Q', 'R']);
  });

  it('with the replica hung (SIGSTOP), a read waits at most the query/connect timeout, then reads the primary', async () => {
    const timeouts = {
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_QUERY_TIMEOUT_MS: '1000',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
    };
    const bounded = await createTestApp(cluster.primary.url, {
      DATABASE_REPLICA_URLS: cluster.replica.url,
      ...timeouts,
    });
    try {
      // A pooled replica connection first, so the hang meets an open connection as well as new ones.
      await request(bounded.getHttpServer()).get(`/api/stores/${slug}/products`).expect(200);
      const thaw = cluster.freezeReplica();
      try {
        const durations: number[] = [];
        for (let i = 0; i < 4; i++) {
          const started = Date.now();
          await request(bounded.getHttpServer()).get(`/api/stores/${slug}/products`).expect(200);
          durations.push(Date.now() - started);
        }
        // The first read pays the timeout; the replica is then skipped (REPLICA_RETRY_MS).
        expect(durations[0]).toBeLessThan(1000 + FALLBACK_BOUND_MS);
        expect(Math.max(...durations.slice(1))).toBeLessThan(500);
      } finally {
        thaw();
      }
    } finally {
      await closeTestApp(bounded);
    }
  }, 60_000);

  it('with the replica stopped, reads fall back to the primary within the bound, and return to it once it is back', async () => {
    await cluster.stopReplica();
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const res = await http().get(`/api/stores/${slug}/products`);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(FALLBACK_BOUND_MS);
    }
    // Written while the replica is down: only the primary has it, and the storefront shows it.
    await sql.query(`INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'S', 's', 7)`, [
      storeId,
    ]);
    expect(await listedNames()).toEqual(['P', 'Q', 'R', 'S']);

    await cluster.startReplica();
    await cluster.waitForReplay();
    await cluster.pauseReplay();
    try {
      await sql.query(`INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'T', 't', 7)`, [
        storeId,
      ]);
      // Past the retry delay the replica is used again: T (primary only) is not shown.
      const deadline = Date.now() + 15_000;
      let names = await listedNames();
      while (names.includes('T') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        names = await listedNames();
      }
      expect(names).toEqual(['P', 'Q', 'R', 'S']);
    } finally {
      await cluster.resumeReplay();
    }
  }, 60_000);
});
