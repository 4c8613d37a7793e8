/** Seed task 2.3: a store's customers and the legacy order summary, read from `orders`. */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';

describe('admin: store customers', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let storeId: string;
  let otherStoreId: string;
  const http = () => request(app.getHttpServer());

  async function order(
    store: string,
    user: TestUser,
    total: string,
    status: string,
    paymentStatus: string,
    createdAt: string,
  ): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO orders (store_id, user_id, order_number, status, payment_status, subtotal, total, created_at)
       VALUES ($1, $2, 'T' || substr(md5(random()::text), 1, 12), $3, $4, $5, $5, $6) RETURNING id`,
      [store, user.id, status, paymentStatus, total, createdAt],
    );
    return rows[0].id;
  }

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin');
    alice = await createTestUser(app, 'customer', 'alice@test.example');
    bob = await createTestUser(app, 'customer', 'bob@test.example');
    storeId = (await insertStockedVariants(sql, 1, 1)).storeId;
    otherStoreId = (await insertStockedVariants(sql, 1, 1)).storeId;
    await sql.query(
      `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2), ($1, $3), ($4, $2)`,
      [storeId, alice.id, bob.id, otherStoreId],
    );
    await order(storeId, alice, '30.00', 'delivered', 'paid', '2026-01-01T10:00:00Z');
    const partlyRefunded = await order(storeId, alice, '20.00', 'paid', 'paid', '2026-02-01T10:00:00Z');
    await sql.query(
      `INSERT INTO payments (order_id, provider, amount, refunded_amount, currency, status) VALUES ($1, 'manual', 20, 5, 'USD', 'succeeded')`,
      [partlyRefunded],
    );
    await order(storeId, alice, '99.00', 'cancelled', 'unpaid', '2026-03-01T10:00:00Z');
    // In another store: never counted here.
    await order(otherStoreId, alice, '500.00', 'paid', 'paid', '2026-04-01T10:00:00Z');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('lists the store’s customers with ordersCount, totalSpent (paid, net of refunds) and lastOrderAt', async () => {
    const res = await http().get(`/api/admin/stores/${storeId}/customers`).set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 24 });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        profileId: alice.id,
        email: 'alice@test.example',
        ordersCount: 3,
        totalSpent: '45.00',
        lastOrderAt: '2026-03-01T10:00:00.000Z',
      }),
      expect.objectContaining({ profileId: bob.id, ordersCount: 0, totalSpent: '0.00', lastOrderAt: null }),
    ]);
    const paged = await http()
      .get(`/api/admin/stores/${storeId}/customers?limit=1&page=2`)
      .set(bearer(admin))
      .expect(200);
    expect(paged.body).toMatchObject({ total: 2, items: [{ profileId: bob.id }] });
  });

  it('serves the legacy summary shape from orders, identical to the read-only view', async () => {
    const res = await http()
      .get(`/api/admin/stores/${storeId}/customers/${alice.id}/orders-summary`)
      .set(bearer(admin))
      .expect(200);
    const body = res.body as { orders: Array<{ total: string; created_at: string }> };
    expect(body.orders.map((o) => o.total)).toEqual(['30.00', '20.00', '99.00']);
    const view = await sql.query(
      `SELECT store_customer_id, store_id, profile_id, orders FROM store_customer_orders WHERE store_id = $1 AND profile_id = $2`,
      [storeId, alice.id],
    );
    const fromView = view.rows[0] as { orders: Array<{ created_at: string }> };
    // The view renders timestamps as PostgreSQL's JSON text; compare instants.
    const normalise = (body: { orders: Array<{ created_at: string }> }) => ({
      ...body,
      orders: body.orders.map((o) => ({ ...o, created_at: new Date(o.created_at).toISOString() })),
    });
    expect(normalise(body)).toEqual(normalise(fromView));
  });

  it('404 for an unknown store or a profile that is not its customer; 400 for a malformed id', async () => {
    await http().get(`/api/admin/stores/${randomUUID()}/customers`).set(bearer(admin)).expect(404);
    await http()
      .get(`/api/admin/stores/${otherStoreId}/customers/${bob.id}/orders-summary`)
      .set(bearer(admin))
      .expect(404);
    await http().get(`/api/admin/stores/not-a-uuid/customers`).set(bearer(admin)).expect(400);
    await http().get(`/api/admin/stores/${storeId}/customers?limit=101`).set(bearer(admin)).expect(400);
  });

  it('admin only', async () => {
    await http().get(`/api/admin/stores/${storeId}/customers`).expect(401);
    await http().get(`/api/admin/stores/${storeId}/customers`).set(bearer(alice)).expect(403);
  });
});
