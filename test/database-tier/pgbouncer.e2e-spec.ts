/**
 * Behind a real PgBouncer (Debian's 1.18) in transaction mode, with fewer server connections than the
 * app's pool: DATABASE_PREPARED_STATEMENTS=false makes the app work there (listing, cart, checkout,
 * an admin write, many at once); with named prepared statements it fails, which is why the switch exists.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { loadAppConfig } from '../../src/config/app-config';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';
import { Pgbouncer, pgbouncerAvailable, startPgbouncer } from '../support/pgbouncer';
import { insertAddress } from '../support/shoppers';

const describeIfPgbouncer = pgbouncerAvailable() ? describe : describe.skip;
// Behind a transaction pooler the session-stamped RLS context cannot be used (config refuses the pair).
const BEHIND_POOLER = { DATABASE_PREPARED_STATEMENTS: 'false', DATABASE_RLS: 'off' };

describeIfPgbouncer('behind PgBouncer in transaction mode', () => {
  let db: TestDatabase;
  let bouncer: Pgbouncer;
  let sql: Client;
  let storeId: string;
  let slug: string;
  let variantIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    bouncer = await startPgbouncer(db.url, { poolMode: 'transaction', poolSize: 3 });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    ({ storeId, variantIds } = await insertStockedVariants(sql, 3, 100));
    slug = (await sql.query<{ slug: string }>('SELECT slug FROM stores WHERE id = $1', [storeId])).rows[0]
      .slug;
  });

  afterAll(async () => {
    await sql?.end();
    await bouncer?.stop();
    await db?.drop();
  });

  /** Storefront reads and token lookups (both prepared statements when the switch is on), 40 at once. */
  const burst = (app: INestApplication, token: { Authorization: string }) =>
    Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? request(app.getHttpServer()).get(`/api/stores/${slug}/products/p`)
          : request(app.getHttpServer()).get(`/api/stores/${slug}/cart`).set(token),
      ),
    ).then((responses) => responses.map((r) => r.status));

  describe('DATABASE_PREPARED_STATEMENTS=false', () => {
    let app: INestApplication;
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      app = await createTestApp(bouncer.url, BEHIND_POOLER);
    });
    afterAll(() => closeTestApp(app));

    it('serves a listing, a cart, a checkout and an admin write', async () => {
      const listing = await http().get(`/api/stores/${slug}/products`).expect(200);
      expect((listing.body as { items: unknown[] }).items).toHaveLength(1);

      const customer = await createTestUser(app, 'customer');
      const addressId = await insertAddress(sql, customer.id);
      await http()
        .post(`/api/stores/${slug}/cart/items`)
        .set(bearer(customer))
        .send({ variantId: variantIds[0], quantity: 2 })
        .expect(201);
      const cart = await http().get(`/api/stores/${slug}/cart`).set(bearer(customer)).expect(200);
      expect((cart.body as { items: unknown[] }).items).toHaveLength(1);
      const placed = await http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(customer))
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddressId: addressId });
      expect(placed.status).toBe(201);
      const orders = await sql.query<{ n: string }>('SELECT count(*) AS n FROM orders WHERE user_id = $1', [
        customer.id,
      ]);
      expect(orders.rows[0].n).toBe('1');

      const admin = await createTestUser(app, 'admin');
      const created = await http()
        .post(`/api/admin/stores/${storeId}/products`)
        .set(bearer(admin))
        .send({ name: 'Pooled', basePrice: '3.00' });
      expect(created.status).toBe(201);
      await http().get(`/api/stores/${slug}/products`).expect(200);
    });

    it('answers a burst of prepared-statement routes sharing 3 server connections', async () => {
      const customer = await createTestUser(app, 'customer');
      const statuses = await burst(app, bearer(customer));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    });
  });

  describe('with named prepared statements (the default)', () => {
    it('fails behind a transaction pooler: the reason for the switch (docs/operations.md)', async () => {
      // Its 500s are the point here, not a contract violation: conformance checking off for this app.
      const mode = process.env.OPENAPI_CONFORMANCE;
      process.env.OPENAPI_CONFORMANCE = 'off';
      const app = await createTestApp(bouncer.url, { DATABASE_RLS: 'off' }).finally(() => {
        if (mode === undefined) delete process.env.OPENAPI_CONFORMANCE;
        else process.env.OPENAPI_CONFORMANCE = mode;
      });
      try {
        const customer = await createTestUser(app, 'customer');
        const statuses = await burst(app, bearer(customer));
        expect(statuses.some((s) => s >= 500)).toBe(true);
      } finally {
        await closeTestApp(app);
      }
    });

    it('cannot be combined with DATABASE_RLS=on when switched off (a config error at start-up)', () => {
      expect(() =>
        loadAppConfig({
          DATABASE_URL: bouncer.url,
          JWT_SECRET: 'x'.repeat(32),
          DATABASE_RLS: 'on',
          DATABASE_PREPARED_STATEMENTS: 'false',
        }),
      ).toThrow(/DATABASE_PREPARED_STATEMENTS.*DATABASE_RLS=on/s);
    });
  });
});
