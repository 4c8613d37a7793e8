/**
 * GET /api/metrics (Prometheus text) and the probes, on the real app: HTTP series by route pattern,
 * the pool, checkout outcomes counted at the route, reservations and outbox gauges read from the
 * database at scrape time, email sends; METRICS_TOKEN; readiness with a migration missing.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

/** The value of one series (`name{labels}` exactly as rendered, labels in declaration order). */
function sample(metrics: string, series: string): number | undefined {
  for (const line of metrics.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return undefined;
}

describe('metrics and probes', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());
  const scrape = async (): Promise<string> => {
    const res = await http().get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return res.text;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { EVENTS_RETRY_BASE_MS: '10', EVENTS_POLL_INTERVAL_MS: '50' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  it('counts requests by route pattern and status, never the raw URL', async () => {
    const id = randomUUID();
    await http().get(`/api/orders/${id}`).expect(401);
    // A documented path with a method it does not have: no route matched.
    await http().delete('/api/health/live').expect(404);
    await http().get('/api/health/live').expect(200);
    const metrics = await scrape();
    expect(sample(metrics, 'http_requests_total{method="GET",route="/api/orders/:id",status="401"}')).toBe(1);
    expect(sample(metrics, 'http_requests_total{method="DELETE",route="unmatched",status="404"}')).toBe(1);
    expect(
      sample(
        metrics,
        'http_request_duration_seconds_count{method="GET",route="/api/health/live",status="200"}',
      ),
    ).toBe(1);
    expect(metrics).not.toContain(id);
    expect(sample(metrics, `commerce_process_http_requests_total{pid="${process.pid}"}`)).toBeGreaterThan(0);
    // Process metrics (prom-client defaults) and the pool.
    expect(metrics).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(sample(metrics, 'commerce_db_pool_max_connections')).toBe(10);
    expect(sample(metrics, 'commerce_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'commerce_db_pool_waiting_requests')).toBe(0);
  });

  it('checkout outcomes, active reservations (from the database) and email sends', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 5);
    const { rows } = await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [storeId]);
    const slug = rows[0].slug;
    const buyer = await createTestUser(app, 'customer');
    const addressId = await insertAddress(sql, buyer.id);
    const checkout = (key: string) =>
      http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(buyer))
        .set('Idempotency-Key', key)
        .send({ shippingAddressId: addressId });
    const before = await scrape();
    const outcome = (metrics: string, name: string): number =>
      sample(metrics, `commerce_checkout_outcomes_total{outcome="${name}"}`) ?? 0;

    await fillCart(sql, storeId, buyer.id, [{ variantId: variantIds[0], quantity: 6 }]);
    await checkout(randomUUID()).expect(409);
    await sql.query(`UPDATE cart_items SET quantity = 3`);
    const key = randomUUID();
    await checkout(key).expect(201);
    await checkout(key).expect(201);
    await checkout(randomUUID()).expect(409); // CART_EMPTY: rejected

    const after = await scrape();
    expect(outcome(after, 'insufficient_stock') - outcome(before, 'insufficient_stock')).toBe(1);
    expect(outcome(after, 'created') - outcome(before, 'created')).toBe(1);
    expect(outcome(after, 'replayed') - outcome(before, 'replayed')).toBe(1);
    expect(outcome(after, 'rejected') - outcome(before, 'rejected')).toBe(1);

    const held = await sql.query<{ holds: number; units: number }>(
      `SELECT count(*)::int AS holds, coalesce(sum(quantity), 0)::int AS units
         FROM inventory_reservations WHERE status = 'active'`,
    );
    expect(held.rows[0].units).toBe(3);
    expect(sample(after, 'commerce_inventory_reservations_active{unit="holds"}')).toBe(held.rows[0].holds);
    expect(sample(after, 'commerce_inventory_reservations_active{unit="units"}')).toBe(3);
    expect(sample(after, 'commerce_outbox_pending_events')).toBeGreaterThanOrEqual(0);
    expect(after).toMatch(/^commerce_outbox_oldest_pending_age_seconds \d/m);

    // order.placed → the order confirmation, written as .eml (no SMTP_URL) by the outbox subscriber.
    const deadline = Date.now() + 15_000;
    let sent = 0;
    while (sent === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sent = [
        ...(await scrape()).matchAll(/^commerce_mail_sends_total\{template="[^"]+",outcome="sent"\} (\d+)/gm),
      ]
        .map((m) => Number(m[1]))
        .reduce((a, b) => a + b, 0);
    }
    expect(sent).toBeGreaterThan(0);
  });

  it('outbox failures per subscriber come from the database', async () => {
    await sql
      .query(
        `INSERT INTO outbox_events (id, type, store_id, payload, occurred_at, dispatched_at)
       VALUES ($1, 'order.paid', NULL, '{}'::jsonb, now(), now())`,
        [randomUUID()],
      )
      .catch(() => undefined);
    const [event] = (
      await sql.query<{ id: string }>(`SELECT id FROM outbox_events ORDER BY occurred_at DESC LIMIT 1`)
    ).rows;
    await sql.query(
      `INSERT INTO event_deliveries (event_id, subscriber, status, attempts) VALUES ($1, 'Metrics.spec', 'failed', 12)`,
      [event.id],
    );
    expect(sample(await scrape(), 'commerce_outbox_failed_deliveries{subscriber="Metrics.spec"}')).toBe(1);
  });

  describe('METRICS_TOKEN', () => {
    const token = 'metrics-token-0123456789';
    let guarded: INestApplication;

    beforeAll(async () => {
      guarded = await createTestApp(db.url, { METRICS_TOKEN: token });
    });

    afterAll(() => closeTestApp(guarded));

    it('401 without it or with another, 200 with it; a user token does not count', async () => {
      const h = () => request(guarded.getHttpServer());
      const none = await h().get('/api/metrics').expect(401);
      expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
      expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      await h().get('/api/metrics').set('Authorization', 'Bearer metrics-token-wrong-000000').expect(401);
      const user = await createTestUser(guarded, 'super_admin');
      await h().get('/api/metrics').set(bearer(user)).expect(401);
      const ok = await h().get('/api/metrics').set('Authorization', `Bearer ${token}`).expect(200);
      expect(ok.text).toContain('http_requests_total');
    });
  });

  describe('probes', () => {
    it('live and ready answer 200', async () => {
      expect((await http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await http().get('/api/health/ready').expect(200)).body).toEqual({ status: 'ready' });
    });

    it('ready is 503 migrations_pending on a database that lacks a migration of this build', async () => {
      const behind = await createTestDatabase();
      const client = new Client({ connectionString: behind.url });
      await client.connect();
      await client.query(`DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations)`);
      await client.end();
      const behindApp = await createTestApp(behind.url);
      try {
        const res = await request(behindApp.getHttpServer()).get('/api/health/ready').expect(503);
        expect(res.body).toEqual({ status: 'not_ready', reason: 'migrations_pending' });
        await request(behindApp.getHttpServer()).get('/api/health/live').expect(200);
      } finally {
        await closeTestApp(behindApp);
        await behind.drop();
      }
    });
  });
});
