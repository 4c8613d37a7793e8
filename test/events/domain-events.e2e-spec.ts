/**
 * Every event of the contract is recorded in the transaction of its change (issue 11 §2): each state
 * change made through the real routes leaves exactly one outbox row of its type with its data, read
 * back in SQL; a refused change leaves none. Low stock is recorded once per crossing of the threshold.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import request from 'supertest';
import { ReservationSweeper } from '../../src/orders/reservation-sweeper';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { FakeStripe } from '../support/fake-stripe';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

interface EventRow {
  type: string;
  store_id: string | null;
  payload: Record<string, unknown>;
}

interface Placed {
  id: string;
  orderNumber: string;
  total: string;
  currency: string;
  user: TestUser;
}

/** Outbox rows whose data has `key` = `value`, oldest first (ties by type). */
async function eventsWith(sql: Client, key: string, value: string): Promise<EventRow[]> {
  const { rows } = await sql.query<EventRow>(
    `SELECT type, store_id::text, payload FROM outbox_events WHERE payload->>$1 = $2
      ORDER BY occurred_at, type`,
    [key, value],
  );
  return rows;
}

async function countOf(sql: Client, type: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_events WHERE type = $1`,
    [type],
  );
  return rows[0].n;
}

/** The checkout route with a fresh customer, address and cart of `quantity` × `variantId`. */
async function checkout(
  app: INestApplication,
  sql: Client,
  store: { id: string; slug: string },
  variantId: string,
  quantity: number,
): Promise<request.Response & { user: TestUser }> {
  const user = await createTestUser(app, 'customer');
  const addressId = await insertAddress(sql, user.id);
  await fillCart(sql, store.id, user.id, [{ variantId, quantity }]);
  const res = await request(app.getHttpServer())
    .post(`/api/stores/${store.slug}/checkout`)
    .set(bearer(user))
    .set('Idempotency-Key', randomUUID())
    .send({ shippingAddressId: addressId });
  return Object.assign(res, { user });
}

function placedOf(res: request.Response & { user: TestUser }): Placed {
  const order = (res.body as { order: Omit<Placed, 'user'> }).order;
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    total: order.total,
    currency: order.currency,
    user: res.user,
  };
}

describe('domain events: one outbox row per change, in its transaction (manual payments)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let store: { id: string; slug: string };
  let variants: string[];
  const http = () => request(app.getHttpServer());
  const orderEvents = (orderId: string) => eventsWith(sql, 'orderId', orderId);

  beforeAll(async () => {
    db = await createTestDatabase();
    // Recording is what is tested: nothing needs delivering.
    app = await createTestApp(db.url, { EVENTS_DISPATCH: 'false' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    admin = await createTestUser(app, 'admin');
    const stocked = await insertStockedVariants(sql, 3, 100);
    variants = stocked.variantIds;
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET currency = 'EUR', tax_rate = 0, shipping_flat = 0 WHERE id = $1 RETURNING slug`,
      [stocked.storeId],
    );
    store = { id: stocked.storeId, slug: rows[0].slug };
  });

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  const place = async (quantity = 1, variantId = variants[0]): Promise<Placed> => {
    const res = await checkout(app, sql, store, variantId, quantity);
    expect(res.status).toBe(201);
    return placedOf(res);
  };
  const confirm = (orderId: string) =>
    http().post(`/api/admin/orders/${orderId}/payments/confirm`).set(bearer(admin));
  const setStatus = (orderId: string, status: string) =>
    http().patch(`/api/admin/orders/${orderId}/status`).set(bearer(admin)).send({ status });
  const refund = (orderId: string, body: Record<string, unknown> = {}) =>
    http().post(`/api/admin/orders/${orderId}/refund`).set(bearer(admin)).send(body);

  describe('customer.registered (and customer.signed_in with a guest cart)', () => {
    it('register records customer.registered with the new account; a taken email records nothing', async () => {
      const email = `reg-${randomUUID()}@test.example`;
      const res = await http().post('/api/auth/register').send({ email, password: 'a long passw0rd!' });
      expect(res.status).toBe(201);
      const userId = (res.body as { user: { id: string } }).user.id;
      expect(await eventsWith(sql, 'userId', userId)).toEqual([
        { type: 'customer.registered', store_id: null, payload: { userId, email } },
      ]);

      const before = await countOf(sql, 'customer.registered');
      await http()
        .post('/api/auth/register')
        .send({ email: email.toUpperCase(), password: 'a long passw0rd!' })
        .expect(409);
      expect(await countOf(sql, 'customer.registered')).toBe(before);
    });

    it('register with X-Cart-Session records both events in its transaction; login records signed_in', async () => {
      const email = `reg-${randomUUID()}@test.example`;
      const password = 'a long passw0rd!';
      const res = await http()
        .post('/api/auth/register')
        .set('X-Cart-Session', 'guest-session-events')
        .send({ email, password })
        .expect(201);
      const userId = (res.body as { user: { id: string } }).user.id;
      const signedIn = { userId, cartSessionId: 'guest-session-events' };
      expect((await eventsWith(sql, 'userId', userId)).map((e) => [e.type, e.payload])).toEqual([
        ['customer.registered', { userId, email }],
        ['customer.signed_in', signedIn],
      ]);
      await http().post('/api/auth/login').send({ email, password }).expect(200);
      await http()
        .post('/api/auth/login')
        .set('X-Cart-Session', 'guest-session-events')
        .send({ email, password: 'wrong password' })
        .expect(401);
      await http()
        .post('/api/auth/login')
        .set('X-Cart-Session', 'guest-session-events')
        .send({ email, password })
        .expect(200);
      expect((await eventsWith(sql, 'userId', userId)).map((e) => e.type)).toEqual([
        'customer.registered',
        'customer.signed_in',
        'customer.signed_in',
      ]);
    });
  });

  describe('orders', () => {
    it('checkout records order.placed; a checkout refused for stock records nothing', async () => {
      const order = await place(2);
      expect(await orderEvents(order.id)).toEqual([
        {
          type: 'order.placed',
          store_id: store.id,
          payload: {
            orderId: order.id,
            orderNumber: order.orderNumber,
            customerId: order.user.id,
            email: order.user.email,
            total: '20.00',
            currency: 'EUR',
          },
        },
      ]);

      const before = await countOf(sql, 'order.placed');
      const refused = await checkout(app, sql, store, variants[1], 1000);
      expect(refused.status).toBe(409);
      expect((refused.body as { code: string }).code).toBe('INSUFFICIENT_STOCK');
      expect(await countOf(sql, 'order.placed')).toBe(before);
      // Written by the order's own transaction (rows of one transaction share xmin).
      const { rows } = await sql.query<{ same: boolean }>(
        `SELECT e.xmin = i.xmin AS same FROM outbox_events e, order_items i
          WHERE e.type = 'order.placed' AND e.payload->>'orderId' = $1 AND i.order_id = $1::uuid`,
        [order.id],
      );
      expect(rows).toEqual([{ same: true }]);
    });

    it('concurrent buyers of the last units: an order.placed for each order, none for the checkouts rolled back', async () => {
      const fresh = await insertStockedVariants(sql, 1, 2);
      const [variantId] = fresh.variantIds;
      const { rows: stores } = await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [
        fresh.storeId,
      ]);
      const lastUnits = { id: fresh.storeId, slug: stores[0].slug };
      const before = await countOf(sql, 'order.placed');
      // Started together, most pass the early stock check and are refused by the hold, in their transaction.
      const results = await Promise.all(
        Array.from({ length: 8 }, () => checkout(app, sql, lastUnits, variantId, 1)),
      );
      const placed = results.filter((r) => r.status === 201).map(placedOf);
      expect(placed).toHaveLength(2);
      expect(results.filter((r) => r.status === 409)).toHaveLength(6);
      expect(await countOf(sql, 'order.placed')).toBe(before + 2);
      for (const order of placed)
        expect((await orderEvents(order.id)).map((e) => e.type)).toEqual(['order.placed']);
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (
           SELECT 1 FROM outbox_events e WHERE e.type = 'order.placed' AND e.payload->>'orderId' = o.id::text)`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('manual confirmation records order.paid with the payment; a second confirmation records nothing', async () => {
      const order = await place(3);
      await confirm(order.id).expect(200);
      const { rows } = await sql.query<{ id: string }>(`SELECT id FROM payments WHERE order_id = $1`, [
        order.id,
      ]);
      const events = await orderEvents(order.id);
      expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid']);
      expect(events[1]).toEqual({
        type: 'order.paid',
        store_id: store.id,
        payload: {
          orderId: order.id,
          orderNumber: order.orderNumber,
          paymentId: rows[0].id,
          // The buyer's id (checked against the order in test/orders/order-metadata.e2e-spec.ts).
          customerId: expect.any(String),
          email: expect.any(String),
          amount: '30.00',
          currency: 'EUR',
        },
      });
      await confirm(order.id).expect(409);
      expect(await orderEvents(order.id)).toHaveLength(2);
    });

    it('the customer’s cancel records order.cancelled (customer); cancelling again records nothing', async () => {
      const order = await place();
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(409);
      const events = await orderEvents(order.id);
      expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.cancelled']);
      expect(events[1].payload).toEqual({
        orderId: order.id,
        orderNumber: order.orderNumber,
        reason: 'customer',
      });
    });

    it('an admin cancelling a pending order records order.cancelled (admin)', async () => {
      const order = await place();
      await setStatus(order.id, 'cancelled').expect(200);
      const events = await orderEvents(order.id);
      expect(events.map((e) => [e.type, e.payload.reason])).toEqual([
        ['order.placed', undefined],
        ['order.cancelled', 'admin'],
      ]);
    });

    it('admin status: processing records nothing, shipped and delivered one each; an invalid move none', async () => {
      const order = await place();
      await confirm(order.id).expect(200);
      await setStatus(order.id, 'processing').expect(200);
      await setStatus(order.id, 'shipped').expect(200);
      await setStatus(order.id, 'delivered').expect(200);
      const res = await setStatus(order.id, 'shipped').expect(409);
      expect((res.body as { code: string }).code).toBe('INVALID_TRANSITION');
      const events = await orderEvents(order.id);
      expect(events.map((e) => e.type)).toEqual([
        'order.placed',
        'order.paid',
        'order.shipped',
        'order.delivered',
      ]);
      const ref = { orderId: order.id, orderNumber: order.orderNumber };
      expect(events[2]).toEqual({
        type: 'order.shipped',
        store_id: store.id,
        payload: { ...ref, carrier: null, trackingNumber: null, trackingUrl: null },
      });
      expect(events[3]).toEqual({ type: 'order.delivered', store_id: store.id, payload: ref });
    });

    it('every refund records order.refunded (partial ones too) with its amount and the running total', async () => {
      const order = await place(2); // 20.00
      await confirm(order.id).expect(200);
      await refund(order.id, { amount: '5.00' }).expect(200);
      await refund(order.id, { amount: '50.00' }).expect(409);
      await refund(order.id).expect(200);
      await refund(order.id).expect(409);
      const refunds = (await orderEvents(order.id)).filter((e) => e.type === 'order.refunded');
      const ref = { orderId: order.id, orderNumber: order.orderNumber, currency: 'EUR' };
      expect(refunds.map((e) => e.payload)).toEqual([
        { ...ref, amount: '5.00', totalRefunded: '5.00', full: false },
        { ...ref, amount: '15.00', totalRefunded: '20.00', full: true },
      ]);
    });

    it('an admin cancelling a paid order records order.refunded and order.cancelled (admin), together', async () => {
      const order = await place();
      await confirm(order.id).expect(200);
      await setStatus(order.id, 'cancelled').expect(200);
      const events = await orderEvents(order.id);
      expect(events.map((e) => e.type).sort()).toEqual([
        'order.cancelled',
        'order.paid',
        'order.placed',
        'order.refunded',
      ]);
      expect(events.find((e) => e.type === 'order.cancelled')?.payload.reason).toBe('admin');
      expect(events.find((e) => e.type === 'order.refunded')?.payload).toMatchObject({
        amount: '10.00',
        full: true,
      });
    });

    it('the reservation sweep records order.cancelled (expired) for each order it expires', async () => {
      const [a, b] = [await place(), await place()];
      await sql.query(`UPDATE orders SET created_at = now() - interval '2 hours' WHERE id = ANY($1)`, [
        [a.id, b.id],
      ]);
      await app.get(ReservationSweeper).expireStale(60);
      for (const order of [a, b]) {
        const events = await orderEvents(order.id);
        expect(events.map((e) => [e.type, e.payload.reason])).toEqual([
          ['order.placed', undefined],
          ['order.cancelled', 'expired'],
        ]);
      }
    });
  });

  describe('inventory.low_stock', () => {
    const patch = (variantId: string, body: Record<string, unknown>) =>
      http().patch(`/api/admin/inventory/${variantId}`).set(bearer(admin)).send(body);
    const lowStock = (variantId: string) =>
      eventsWith(sql, 'variantId', variantId).then((rows) =>
        rows.filter((r) => r.type === 'inventory.low_stock'),
      );

    it('a sale that takes the stock to the threshold records it once; later sales below it do not', async () => {
      const variantId = variants[2];
      await patch(variantId, { quantity: 12, lowStockThreshold: 10 }).expect(200);
      // Holds do not move quantity: a checkout records no low stock.
      const first = await place(2, variantId);
      const second = await place(1, variantId);
      expect(await lowStock(variantId)).toEqual([]);
      await confirm(first.id).expect(200); // 12 → 10: crossed
      await confirm(second.id).expect(200); // 10 → 9: still below
      const sku = (
        await sql.query<{ sku: string }>(`SELECT sku FROM product_variants WHERE id = $1`, [variantId])
      ).rows[0].sku;
      expect(await lowStock(variantId)).toEqual([
        {
          type: 'inventory.low_stock',
          store_id: store.id,
          payload: { variantId, sku, available: 9, threshold: 10 },
        },
      ]);
      // Recorded with the crossing sale's order.paid, by its transaction (rows of one transaction share xmin).
      const { rows } = await sql.query<{ type: string }>(
        `SELECT e.type FROM outbox_events e JOIN outbox_events paid ON paid.xmin = e.xmin
          WHERE paid.type = 'order.paid' AND paid.payload->>'orderId' = $1 ORDER BY e.type`,
        [first.id],
      );
      expect(rows.map((r) => r.type)).toEqual(['inventory.low_stock', 'order.paid']);
    });

    it('admin stock changes: once per crossing (count or threshold), none above it or while below it', async () => {
      const variantId = variants[1];
      await patch(variantId, { quantity: 30, lowStockThreshold: 10 }).expect(200);
      await patch(variantId, { adjust: -15 }).expect(200); // 15: above
      expect(await lowStock(variantId)).toHaveLength(0);
      await patch(variantId, { adjust: -10 }).expect(200); // 5: crossed
      await patch(variantId, { adjust: -1 }).expect(200); // 4: still below
      await patch(variantId, { quantity: -1 }).expect(400);
      expect((await lowStock(variantId)).map((e) => e.payload.available)).toEqual([5]);
      await patch(variantId, { lowStockThreshold: 3 }).expect(200); // 4 > 3: above again
      await patch(variantId, { lowStockThreshold: 4 }).expect(200); // 4 ≤ 4: crossed by the threshold
      const events = await lowStock(variantId);
      expect(events.map((e) => [e.payload.available, e.payload.threshold])).toEqual([
        [5, 10],
        [4, 4],
      ]);
    });

    it('a change refused as BELOW_RESERVED records nothing', async () => {
      const variantId = variants[0];
      await patch(variantId, { quantity: 50, lowStockThreshold: 10 }).expect(200);
      const held = await place(20, variantId);
      const before = (await lowStock(variantId)).length;
      const res = await patch(variantId, { quantity: 5 }).expect(409);
      expect((res.body as { code: string }).code).toBe('BELOW_RESERVED');
      expect(await lowStock(variantId)).toHaveLength(before);
      await http().post(`/api/orders/${held.id}/cancel`).set(bearer(held.user)).expect(200);
    });
  });

  describe('products', () => {
    const products = `/api/admin/stores/:storeId/products`;
    const url = (suffix = '') => `${products.replace(':storeId', store?.id ?? '')}${suffix}`;

    it('create, update and delete record product.created / updated / deleted; refused ones nothing', async () => {
      const res = await http()
        .post(url())
        .set(bearer(admin))
        .send({ name: 'Evented Tee', slug: 'evented-tee', basePrice: '12.00' })
        .expect(201);
      const productId = (res.body as { id: string }).id;
      await http()
        .post(url())
        .set(bearer(admin))
        .send({ name: 'Other', slug: 'evented-tee', basePrice: '1.00' })
        .expect(409);
      await http()
        .patch(url(`/${productId}`))
        .set(bearer(admin))
        .send({ slug: 'evented-tee-2' })
        .expect(200);
      // Nothing changes: nothing recorded.
      await http()
        .patch(url(`/${productId}`))
        .set(bearer(admin))
        .send({ slug: 'evented-tee-2' })
        .expect(200);
      await http()
        .patch(url(`/${productId}`))
        .set(bearer(admin))
        .send({ basePrice: '-1.00' })
        .expect(400);
      await http()
        .delete(url(`/${productId}`))
        .set(bearer(admin))
        .expect(204);
      await http()
        .delete(url(`/${productId}`))
        .set(bearer(admin))
        .expect(404);
      expect(await eventsWith(sql, 'productId', productId)).toEqual([
        { type: 'product.created', store_id: store.id, payload: { productId, slug: 'evented-tee' } },
        { type: 'product.updated', store_id: store.id, payload: { productId, slug: 'evented-tee-2' } },
        { type: 'product.deleted', store_id: store.id, payload: { productId } },
      ]);
    });
  });
});

describe('domain events: Stripe webhooks', () => {
  const WEBHOOK_SECRET = 'whsec_test_events';
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let fake: FakeStripe;
  let store: { id: string; slug: string };
  let variantId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    fake = await FakeStripe.start();
    db = await createTestDatabase();
    app = await createTestApp(db.url, {
      EVENTS_DISPATCH: 'false',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: fake.url,
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const stocked = await insertStockedVariants(sql, 1, 100);
    variantId = stocked.variantIds[0];
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET currency = 'EUR', tax_rate = 0, shipping_flat = 0 WHERE id = $1 RETURNING slug`,
      [stocked.storeId],
    );
    store = { id: stocked.storeId, slug: rows[0].slug };
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
    await fake?.stop();
  });

  const place = async (): Promise<Placed & { intentId: string; paymentId: string }> => {
    const res = await checkout(app, sql, store, variantId, 1);
    expect(res.status).toBe(201);
    const placed = placedOf(res);
    const { rows } = await sql.query<{ id: string; provider_ref: string }>(
      `SELECT id, provider_ref FROM payments WHERE order_id = $1`,
      [placed.id],
    );
    return { ...placed, intentId: rows[0].provider_ref, paymentId: rows[0].id };
  };
  const send = (type: string, object: Record<string, unknown>) => {
    const payload = JSON.stringify({
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object },
    });
    return http()
      .post('/api/payments/stripe/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }))
      .send(payload)
      .expect(200);
  };
  const intent = (order: { id: string; intentId: string }, succeeded: boolean) => ({
    id: order.intentId,
    object: 'payment_intent',
    amount: 1000,
    amount_received: succeeded ? 1000 : 0,
    currency: 'eur',
    metadata: { order_id: order.id },
    status: succeeded ? 'succeeded' : 'requires_payment_method',
  });
  const types = async (orderId: string) => (await eventsWith(sql, 'orderId', orderId)).map((e) => e.type);

  it('payment_intent.succeeded records order.paid once (a second success records nothing)', async () => {
    const order = await place();
    const res = await send('payment_intent.succeeded', intent(order, true));
    expect((res.body as { outcome: string }).outcome).toBe('paid');
    await send('payment_intent.succeeded', intent(order, true));
    const events = await eventsWith(sql, 'orderId', order.id);
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid']);
    expect(events[1].payload).toEqual({
      orderId: order.id,
      orderNumber: order.orderNumber,
      paymentId: order.paymentId,
      customerId: expect.any(String),
      email: expect.any(String),
      amount: '10.00',
      currency: 'EUR',
    });
  });

  it('payment_intent.payment_failed records order.cancelled (payment_failed)', async () => {
    const order = await place();
    await send('payment_intent.payment_failed', intent(order, false));
    const events = await eventsWith(sql, 'orderId', order.id);
    expect(events.map((e) => [e.type, e.payload.reason])).toEqual([
      ['order.placed', undefined],
      ['order.cancelled', 'payment_failed'],
    ]);
  });

  it('a payment for an order cancelled meanwhile, stock still there: reinstated, order.paid', async () => {
    const order = await place();
    await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
    const res = await send('payment_intent.succeeded', intent(order, true));
    expect((res.body as { outcome: string }).outcome).toBe('reinstated');
    expect(await types(order.id)).toEqual(['order.placed', 'order.cancelled', 'order.paid']);
  });

  it('charge.refunded for money refunded in the Dashboard records order.refunded; its replay nothing', async () => {
    const order = await place();
    await send('payment_intent.succeeded', intent(order, true));
    const charge = (refunded: number) => ({
      id: `ch_${order.intentId}`,
      object: 'charge',
      amount: 1000,
      amount_refunded: refunded,
      refunded: refunded === 1000,
      currency: 'eur',
      payment_intent: order.intentId,
    });
    await send('charge.refunded', charge(400));
    await send('charge.refunded', charge(400));
    await send('charge.refunded', charge(1000));
    const refunds = (await eventsWith(sql, 'orderId', order.id)).filter((e) => e.type === 'order.refunded');
    const ref = { orderId: order.id, orderNumber: order.orderNumber, currency: 'EUR' };
    expect(refunds.map((e) => e.payload)).toEqual([
      { ...ref, amount: '4.00', totalRefunded: '4.00', full: false },
      { ...ref, amount: '6.00', totalRefunded: '10.00', full: true },
    ]);
  });
});
