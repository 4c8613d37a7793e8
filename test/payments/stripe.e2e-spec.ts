/**
 * Stripe payments through the real `stripe` SDK against a local fake Stripe server: PaymentIntents at
 * checkout, provider failures and timeouts, signed webhooks applied exactly once, refunds.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import request from 'supertest';
import { parseMoney } from '../../src/common/money';
import { ReservationSweeper } from '../../src/orders/reservation-sweeper';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { FakeStripe } from '../support/fake-stripe';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

const WEBHOOK_SECRET = 'whsec_test_payments';
const TIMEOUT_MS = 700;

interface PlacedOrder {
  id: string;
  /** Minor units. */
  total: number;
  currency: string;
  variantId: string;
  quantity: number;
  /** The PaymentIntent id the fake gave out. */
  intentId: string;
  clientSecret: string;
}

describe('payments: Stripe', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let fake: FakeStripe;
  let admin: TestUser;
  let storeId: string;
  let slug: string;
  let variants: string[];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    fake = await FakeStripe.start();
    db = await createTestDatabase();
    app = await createTestApp(db.url, {
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: fake.url,
      STRIPE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    admin = await createTestUser(app, 'admin');
    ({ storeId, variantIds: variants } = await insertStockedVariants(sql, 4, 50));
    const store = await sql.query<{ slug: string }>(
      `UPDATE stores SET currency = 'EUR', tax_rate = 0, shipping_flat = 0 WHERE id = $1 RETURNING slug`,
      [storeId],
    );
    slug = store.rows[0].slug;
  });

  beforeEach(() => fake.reset());

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
    await fake?.stop();
  });

  const stock = async (variantId: string) =>
    (
      await sql.query<{ quantity: number; reserved: number }>(
        `SELECT quantity, reserved FROM inventory WHERE variant_id = $1`,
        [variantId],
      )
    ).rows[0];
  const orderRow = async (id: string) =>
    (
      await sql.query<{ status: string; payment_status: string; payment_method: string }>(
        `SELECT status, payment_status, payment_method FROM orders WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const paymentRow = async (orderId: string) =>
    (
      await sql.query<{
        provider: string;
        provider_ref: string | null;
        status: string;
        amount: string;
        refunded_amount: string;
      }>(`SELECT provider, provider_ref, status, amount, refunded_amount FROM payments WHERE order_id = $1`, [
        orderId,
      ])
    ).rows;
  const auditActions = async (orderId: string) =>
    (
      await sql.query<{ action: string }>(
        `SELECT action FROM logs WHERE entity_id = $1 ORDER BY created_at, id`,
        [orderId],
      )
    ).rows.map((r) => r.action);
  const eventCount = async () =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM payment_events`)).rows[0].n;

  /** A customer with an address and `quantity` of `variantId` in the cart. */
  async function shopper(
    variantId: string,
    quantity: number,
  ): Promise<{ user: TestUser; addressId: string }> {
    const user = await createTestUser(app, 'customer');
    const addressId = await insertAddress(sql, user.id);
    await fillCart(sql, storeId, user.id, [{ variantId, quantity }]);
    return { user, addressId };
  }

  const checkoutRequest = (buyer: { user: TestUser; addressId: string }, key: string, extra = {}) =>
    http()
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(buyer.user))
      .set('Idempotency-Key', key)
      .send({ shippingAddressId: buyer.addressId, ...extra });

  /** Checkout through the API with Stripe answering; returns the order and its PaymentIntent. */
  async function placeOrder(
    variantId = variants[0],
    quantity = 2,
  ): Promise<PlacedOrder & { user: TestUser }> {
    const buyer = await shopper(variantId, quantity);
    const res = await checkoutRequest(buyer, randomUUID()).expect(201);
    const intent = fake.requestsTo('/v1/payment_intents').at(-1);
    const intentId = (await paymentRow(res.body.order.id))[0].provider_ref;
    if (!intent || !intentId) throw new Error('checkout did not create a PaymentIntent');
    return {
      id: res.body.order.id,
      total: parseMoney(res.body.order.total),
      currency: res.body.order.currency,
      variantId,
      quantity,
      intentId,
      clientSecret: res.body.payment.clientSecret,
      user: buyer.user,
    };
  }

  function intentEvent(
    type: string,
    order: Pick<PlacedOrder, 'id' | 'total' | 'currency' | 'intentId'>,
    overrides: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: {
        object: {
          id: order.intentId,
          object: 'payment_intent',
          amount: order.total,
          amount_received: type === 'payment_intent.succeeded' ? order.total : 0,
          currency: order.currency.toLowerCase(),
          metadata: { order_id: order.id },
          status: type === 'payment_intent.succeeded' ? 'succeeded' : 'requires_payment_method',
          ...overrides,
        },
      },
    };
  }

  function chargeRefundedEvent(order: PlacedOrder, amountRefunded: number): Record<string, unknown> {
    return {
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'charge.refunded',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: {
        object: {
          id: `ch_${order.intentId}`,
          object: 'charge',
          amount: order.total,
          amount_refunded: amountRefunded,
          refunded: amountRefunded === order.total,
          currency: order.currency.toLowerCase(),
          payment_intent: order.intentId,
        },
      },
    };
  }

  /** POSTs the event signed like Stripe signs it (or with the given Stripe-Signature header). */
  function sendEvent(event: Record<string, unknown>, signature?: string | null, body?: string) {
    const payload = JSON.stringify(event);
    const header =
      signature === undefined
        ? Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
        : signature;
    const req = http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json');
    if (header !== null) req.set('Stripe-Signature', header);
    return req.send(body ?? payload);
  }

  describe('checkout', () => {
    it('creates a PaymentIntent in minor units, lower-case currency, order id in metadata and as idempotency key', async () => {
      const buyer = await shopper(variants[0], 3);
      const key = randomUUID();
      const res = await checkoutRequest(buyer, key).expect(201);
      const orderId: string = res.body.order.id;
      expect(res.body.order).toEqual(
        expect.objectContaining({
          status: 'pending',
          paymentStatus: 'unpaid',
          total: '30.00',
          currency: 'EUR',
        }),
      );

      const calls = fake.requestsTo('/v1/payment_intents');
      expect(calls).toHaveLength(1);
      expect(calls[0].method).toBe('POST');
      expect(calls[0].idempotencyKey).toBe(orderId);
      expect(calls[0].authorization).toBe('Bearer sk_test_x');
      expect(calls[0].form).toEqual(
        expect.objectContaining({ amount: '3000', currency: 'eur', 'metadata[order_id]': orderId }),
      );
      expect(res.body.payment).toEqual({
        provider: 'stripe',
        status: 'pending',
        clientSecret: expect.stringMatching(/^pi_fake_\d+_secret_/),
      });

      const [payment] = await paymentRow(orderId);
      expect(payment).toEqual({
        provider: 'stripe',
        provider_ref: expect.stringMatching(/^pi_fake_/),
        status: 'pending',
        amount: '30.00',
        refunded_amount: '0.00',
      });
      expect(String(res.body.payment.clientSecret).startsWith(`${payment.provider_ref}_secret_`)).toBe(true);
      expect((await orderRow(orderId)).payment_method).toBe('stripe');
      expect(await auditActions(orderId)).toEqual(['order.created', 'payment.opened']);

      // Same key, same body: the stored answer with the same client secret; Stripe is not called again.
      const again = await checkoutRequest(buyer, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(res.body);
      expect(fake.requestsTo('/v1/payment_intents')).toHaveLength(1);
    });

    it.each([
      ['answers 500', 'fail' as const],
      ['does not answer before the timeout', 'hang' as const],
    ])(
      'Stripe %s: 502 PAYMENT_PROVIDER_ERROR, the order cancelled, stock and discount use given back',
      async (_label, mode) => {
        const variantId = variants[1];
        const before = await stock(variantId);
        const code = `FAIL${mode.toUpperCase()}`;
        const discount = await sql.query<{ id: string }>(
          `INSERT INTO discounts (store_id, code, type, value, max_uses) VALUES ($1, $2, 'fixed', 1, 5) RETURNING id`,
          [storeId, code],
        );
        const buyer = await shopper(variantId, 4);
        fake.mode = mode;
        const key = randomUUID();
        const started = Date.now();
        const res = await checkoutRequest(buyer, key, { discountCode: code }).expect(502);
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 5_000);
        expect(res.body).toEqual(
          expect.objectContaining({ statusCode: 502, error: 'Bad Gateway', code: 'PAYMENT_PROVIDER_ERROR' }),
        );
        expect(fake.requestsTo('/v1/payment_intents')).toHaveLength(1);

        const orders = await sql.query<{ id: string; status: string; payment_status: string }>(
          `SELECT id, status, payment_status FROM orders WHERE user_id = $1`,
          [buyer.user.id],
        );
        expect(orders.rows).toEqual([
          expect.objectContaining({ status: 'cancelled', payment_status: 'failed' }),
        ]);
        const orderId = orders.rows[0].id;
        expect(await stock(variantId)).toEqual(before);
        const holds = await sql.query(`SELECT status FROM inventory_reservations WHERE order_id = $1`, [
          orderId,
        ]);
        expect(holds.rows).toEqual([{ status: 'released' }]);
        const uses = await sql.query(`SELECT times_used FROM discounts WHERE id = $1`, [discount.rows[0].id]);
        expect(uses.rows[0].times_used).toBe(0);
        expect((await paymentRow(orderId)).map((p) => p.status)).toEqual(['failed']);
        expect(await auditActions(orderId)).toEqual(['order.created', 'order.payment_provider_error']);

        // The 502 is stored under the key: the same request replays it and creates nothing.
        fake.mode = 'ok';
        const replay = await checkoutRequest(buyer, key, { discountCode: code }).expect(502);
        expect(replay.body).toEqual(res.body);
        expect(fake.requestsTo('/v1/payment_intents')).toHaveLength(1);
        const count = await sql.query(`SELECT count(*)::int AS n FROM orders WHERE user_id = $1`, [
          buyer.user.id,
        ]);
        expect(count.rows[0].n).toBe(1);
      },
    );
  });

  describe('cancelling an unpaid order withdraws its PaymentIntent', () => {
    const cancelCalls = (intentId: string) => fake.requestsTo(`/v1/payment_intents/${intentId}/cancel`);

    it('customer cancel: the intent is cancelled at Stripe (idempotently), after the order is', async () => {
      const order = await placeOrder(variants[2], 1);
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      expect(await orderRow(order.id)).toEqual(expect.objectContaining({ status: 'cancelled' }));
      const calls = cancelCalls(order.intentId);
      expect(calls).toHaveLength(1);
      expect(calls[0].idempotencyKey).toBe(`cancel-${order.id}`);
      expect(calls[0].form).toEqual({ cancellation_reason: 'abandoned' });
      expect(await auditActions(order.id)).toEqual(
        expect.arrayContaining(['order.cancelled', 'payment.withdrawn']),
      );
    });

    it('admin cancel and reservation expiry withdraw it too', async () => {
      const byAdmin = await placeOrder(variants[2], 1);
      await http()
        .patch(`/api/admin/orders/${byAdmin.id}/status`)
        .set(bearer(admin))
        .send({ status: 'cancelled' })
        .expect(200);
      expect(cancelCalls(byAdmin.intentId)).toHaveLength(1);

      const stale = await placeOrder(variants[2], 1);
      await sql.query(`UPDATE orders SET created_at = now() - interval '2 days' WHERE id = $1`, [stale.id]);
      expect(await app.get(ReservationSweeper).expireStale(60)).toBeGreaterThanOrEqual(1);
      expect(await orderRow(stale.id)).toEqual(expect.objectContaining({ status: 'cancelled' }));
      expect(cancelCalls(stale.intentId)).toHaveLength(1);
      expect(await auditActions(stale.id)).toEqual(
        expect.arrayContaining(['order.expired', 'payment.withdrawn']),
      );
    });

    it('already paid at Stripe: the cancel stands, the refusal is audited, and the success webhook settles it', async () => {
      const order = await placeOrder(variants[2], 1);
      fake.succeededIntents.add(order.intentId);
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      expect(cancelCalls(order.intentId)).toHaveLength(1);
      expect(await auditActions(order.id)).toContain('payment.withdraw_too_late');
      const res = await sendEvent(intentEvent('payment_intent.succeeded', order)).expect(200);
      expect(res.body.outcome).toBe('reinstated');
    });

    it('Stripe down: the cancel still succeeds, the failure is audited', async () => {
      const order = await placeOrder(variants[2], 1);
      fake.mode = 'fail';
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      expect(await orderRow(order.id)).toEqual(expect.objectContaining({ status: 'cancelled' }));
      expect(await auditActions(order.id)).toContain('payment.withdraw_failed');
    });
  });

  describe('webhooks', () => {
    it('payment_intent.succeeded sent 10 times at once: applied once, order paid, stock committed once', async () => {
      const before = await stock(variants[2]);
      const order = await placeOrder(variants[2], 3);
      expect(await stock(variants[2])).toEqual({ quantity: before.quantity, reserved: before.reserved + 3 });
      const eventsBefore = await eventCount();

      const event = intentEvent('payment_intent.succeeded', order);
      const responses = await Promise.all(Array.from({ length: 10 }, () => sendEvent(event)));
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(responses.filter((r) => r.body.outcome === 'paid')).toHaveLength(1);
      expect(responses.filter((r) => r.body.outcome === 'duplicate')).toHaveLength(9);

      const events = await sql.query(`SELECT type, processed_at FROM payment_events WHERE event_id = $1`, [
        event.id,
      ]);
      expect(events.rows).toEqual([{ type: 'payment_intent.succeeded', processed_at: expect.any(Date) }]);
      expect(await eventCount()).toBe(eventsBefore + 1);
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
      );
      expect(await paymentRow(order.id)).toEqual([
        expect.objectContaining({ provider: 'stripe', provider_ref: order.intentId, status: 'succeeded' }),
      ]);
      expect(await stock(variants[2])).toEqual({ quantity: before.quantity - 3, reserved: before.reserved });
      expect((await auditActions(order.id)).filter((a) => a === 'order.paid')).toHaveLength(1);

      // A later replay of the same event changes nothing.
      const replay = await sendEvent(event).expect(200);
      expect(replay.body.outcome).toBe('duplicate');
      expect(await stock(variants[2])).toEqual({ quantity: before.quantity - 3, reserved: before.reserved });

      // A late failure never undoes the payment.
      const late = await sendEvent(intentEvent('payment_intent.payment_failed', order)).expect(200);
      expect(late.body.outcome).toBe('late_failure_ignored');
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
      );
      expect(await stock(variants[2])).toEqual({ quantity: before.quantity - 3, reserved: before.reserved });
    });

    it('payment_intent.payment_failed cancels a pending order: stock released, payment failed', async () => {
      const before = await stock(variants[0]);
      const order = await placeOrder(variants[0], 2);
      const res = await sendEvent(
        intentEvent('payment_intent.payment_failed', order, {
          last_payment_error: { message: 'Card declined' },
        }),
      ).expect(200);
      expect(res.body.outcome).toBe('cancelled');
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'cancelled', payment_status: 'failed' }),
      );
      expect((await paymentRow(order.id)).map((p) => p.status)).toEqual(['failed']);
      expect(await stock(variants[0])).toEqual(before);
      expect(await auditActions(order.id)).toContain('order.payment_failed');
    });

    it('a missing or bad signature is 400 and writes nothing', async () => {
      const order = await placeOrder(variants[0], 1);
      const eventsBefore = await eventCount();
      const logsBefore = (await auditActions(order.id)).length;
      const event = intentEvent('payment_intent.succeeded', order);
      const payload = JSON.stringify(event);

      const missing = await sendEvent(event, null).expect(400);
      expect(missing.body.code).toBe('INVALID_SIGNATURE');
      const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
      expect((await sendEvent(event, wrongSecret).expect(400)).body.code).toBe('INVALID_SIGNATURE');
      await sendEvent(event, 'garbage').expect(400);
      // Signed for one body, sent with another (amount changed in transit).
      const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      const tampered = JSON.stringify(intentEvent('payment_intent.succeeded', { ...order, total: 1 }));
      await sendEvent(event, signed, tampered).expect(400);
      // Correctly signed, but long ago (replayed from a capture).
      const stale = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: WEBHOOK_SECRET,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      });
      await sendEvent(event, stale).expect(400);

      expect(await eventCount()).toBe(eventsBefore);
      expect((await auditActions(order.id)).length).toBe(logsBefore);
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'pending', payment_status: 'unpaid' }),
      );
    });

    it('an amount or currency that differs from the order is not marked paid, and is audited', async () => {
      const order = await placeOrder(variants[3], 1);
      const before = await stock(variants[3]);
      const less = await sendEvent(
        intentEvent('payment_intent.succeeded', order, {
          amount: order.total - 1,
          amount_received: order.total - 1,
        }),
      ).expect(200);
      expect(less.body.outcome).toBe('amount_mismatch');
      const otherCurrency = await sendEvent(
        intentEvent('payment_intent.succeeded', order, { currency: 'usd' }),
      ).expect(200);
      expect(otherCurrency.body.outcome).toBe('amount_mismatch');

      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'pending', payment_status: 'unpaid' }),
      );
      expect(await stock(variants[3])).toEqual(before);
      const mismatches = await sql.query<{ details: { expected: unknown; received: unknown } }>(
        `SELECT details FROM logs WHERE entity_id = $1 AND action = 'payment.amount_mismatch' ORDER BY created_at`,
        [order.id],
      );
      expect(mismatches.rows.map((r) => r.details)).toEqual([
        expect.objectContaining({
          expected: { amount: order.total, currency: 'EUR' },
          received: { amount: order.total - 1, currency: 'EUR' },
        }),
        expect.objectContaining({ received: { amount: order.total, currency: 'USD' } }),
      ]);
    });

    it('an unknown event type is answered 200, stored, and ignored', async () => {
      const event = {
        id: `evt_${randomUUID().replace(/-/g, '')}`,
        object: 'event',
        type: 'customer.created',
        data: { object: { id: 'cus_1', object: 'customer' } },
      };
      const res = await sendEvent(event).expect(200);
      expect(res.body.outcome).toBe('ignored');
      const stored = await sql.query(
        `SELECT provider, type, processed_at FROM payment_events WHERE event_id = $1`,
        [event.id],
      );
      expect(stored.rows).toEqual([{ provider: 'stripe', type: 'customer.created', processed_at: null }]);
    });

    it('a success for an order cancelled meanwhile re-sells it while stock allows', async () => {
      const before = await stock(variants[1]);
      const order = await placeOrder(variants[1], 2);
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      expect(await stock(variants[1])).toEqual(before);

      const res = await sendEvent(intentEvent('payment_intent.succeeded', order)).expect(200);
      expect(res.body.outcome).toBe('reinstated');
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
      );
      expect(await stock(variants[1])).toEqual({ quantity: before.quantity - 2, reserved: before.reserved });
      expect(await auditActions(order.id)).toContain('order.reinstated');

      // A full refund with restock puts back exactly what was sold.
      await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ restock: true })
        .expect(200);
      expect(await stock(variants[1])).toEqual(before);
    });

    it('a success for a cancelled order whose stock is gone never oversells: it stays cancelled and is refunded', async () => {
      const { variantIds } = await insertStockedVariants(sql, 1, 0);
      // The scarce variant lives in our store: move it there with 2 units.
      await sql.query(
        `UPDATE products SET store_id = $1, slug = 'scarce-' || substr(md5(random()::text), 1, 6)
          WHERE id = (SELECT product_id FROM product_variants WHERE id = $2)`,
        [storeId, variantIds[0]],
      );
      await sql.query(`UPDATE product_variants SET store_id = $1, sku = 'SCARCE-1' WHERE id = $2`, [
        storeId,
        variantIds[0],
      ]);
      await sql.query(`UPDATE inventory SET quantity = 2 WHERE variant_id = $1`, [variantIds[0]]);
      const scarce = variantIds[0];

      const order = await placeOrder(scarce, 2);
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)).expect(200);
      // Someone else buys the two units meanwhile.
      await sql.query(`UPDATE inventory SET quantity = 0 WHERE variant_id = $1`, [scarce]);
      fake.reset();

      const res = await sendEvent(intentEvent('payment_intent.succeeded', order)).expect(200);
      expect(res.body.outcome).toBe('refund_required');
      expect(await stock(scarce)).toEqual({ quantity: 0, reserved: 0 });
      const refunds = fake.requestsTo('/v1/refunds');
      expect(refunds).toHaveLength(1);
      expect(refunds[0].form).toEqual({ payment_intent: order.intentId, amount: String(order.total) });
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'cancelled', payment_status: 'refunded' }),
      );
      expect(await paymentRow(order.id)).toEqual([
        expect.objectContaining({ status: 'refunded', refunded_amount: (order.total / 100).toFixed(2) }),
      ]);
      const actions = await auditActions(order.id);
      expect(actions).toEqual(expect.arrayContaining(['payment.refund_required', 'order.refunded']));
      expect(actions).not.toContain('order.reinstated');
    });
  });

  describe('refunds', () => {
    async function paidOrder(variantId: string, quantity: number) {
      const order = await placeOrder(variantId, quantity);
      await sendEvent(intentEvent('payment_intent.succeeded', order)).expect(200);
      fake.reset();
      return order;
    }

    it('partial then full through the admin route: Stripe refunds the right amounts, once each', async () => {
      const before = await stock(variants[3]);
      const order = await paidOrder(variants[3], 3);

      const partial = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ amount: '5.00' })
        .expect(200);
      expect(partial.body).toEqual(expect.objectContaining({ status: 'paid', paymentStatus: 'paid' }));
      let refunds = fake.requestsTo('/v1/refunds');
      expect(refunds).toHaveLength(1);
      expect(refunds[0].form).toEqual({ payment_intent: order.intentId, amount: '500' });
      expect(refunds[0].idempotencyKey).toEqual(expect.stringMatching(/^refund:/));
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'succeeded', refunded_amount: '5.00' }),
      );

      await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ amount: '25.01' })
        .expect(409);
      expect(fake.requestsTo('/v1/refunds')).toHaveLength(1);

      const full = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ restock: true })
        .expect(200);
      expect(full.body).toEqual(expect.objectContaining({ status: 'refunded', paymentStatus: 'refunded' }));
      refunds = fake.requestsTo('/v1/refunds');
      expect(refunds).toHaveLength(2);
      expect(refunds[1].form).toEqual({ payment_intent: order.intentId, amount: String(order.total - 500) });
      expect(refunds[1].idempotencyKey).not.toBe(refunds[0].idempotencyKey);
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'refunded', refunded_amount: '30.00' }),
      );
      expect(await stock(variants[3])).toEqual(before);

      // Stripe's charge.refunded for what we already applied changes nothing.
      const echo = await sendEvent(chargeRefundedEvent(order, order.total)).expect(200);
      expect(echo.body.outcome).toBe('already_applied');
      expect(await stock(variants[3])).toEqual(before);
    });

    it('Stripe failing a refund: 502, nothing refunded or reserved, no audit row; a retry works', async () => {
      const order = await paidOrder(variants[2], 1);
      const logsBefore = await auditActions(order.id);
      fake.mode = 'fail';
      const res = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({})
        .expect(502);
      expect(res.body.code).toBe('PAYMENT_PROVIDER_ERROR');
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
      );
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'succeeded', refunded_amount: '0.00' }),
      );
      expect(await auditActions(order.id)).toEqual(logsBefore);

      fake.mode = 'ok';
      await http().post(`/api/admin/orders/${order.id}/refund`).set(bearer(admin)).send({}).expect(200);
      const refunds = fake.requestsTo('/v1/refunds');
      expect(refunds).toHaveLength(2);
      // The same refund, so the same key: had the failed call reached Stripe, this is not a second refund.
      expect(refunds[1].idempotencyKey).toBe(refunds[0].idempotencyKey);
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'refunded', payment_status: 'refunded' }),
      );
    });

    it('charge.refunded from the Dashboard: partial updates the payment, full refunds payment and order', async () => {
      const before = await stock(variants[0]);
      const order = await paidOrder(variants[0], 2);
      const partial = await sendEvent(chargeRefundedEvent(order, 700)).expect(200);
      expect(partial.body.outcome).toBe('refunded');
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'succeeded', refunded_amount: '7.00' }),
      );
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
      );

      const full = await sendEvent(chargeRefundedEvent(order, order.total)).expect(200);
      expect(full.body.outcome).toBe('refunded');
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'refunded', refunded_amount: '20.00' }),
      );
      expect(await orderRow(order.id)).toEqual(
        expect.objectContaining({ status: 'refunded', payment_status: 'refunded' }),
      );
      // Nobody said the goods came back: stock stays sold.
      expect((await stock(variants[0])).quantity).toBe(before.quantity - 2);
      expect(await auditActions(order.id)).toEqual(
        expect.arrayContaining(['payment.refund_recorded', 'order.refunded']),
      );
    });

    it('an admin cancel of a Stripe-paid order refunds it through Stripe and restocks', async () => {
      const before = await stock(variants[1]);
      const order = await paidOrder(variants[1], 1);
      const res = await http()
        .patch(`/api/admin/orders/${order.id}/status`)
        .set(bearer(admin))
        .send({ status: 'cancelled' })
        .expect(200);
      expect(res.body).toEqual(expect.objectContaining({ status: 'cancelled', paymentStatus: 'refunded' }));
      expect(fake.requestsTo('/v1/refunds').map((r) => r.form.amount)).toEqual([String(order.total)]);
      expect(await stock(variants[1])).toEqual(before);
    });

    it('two concurrent refunds that together exceed the payment: one is refunded, the other 409, Stripe called once', async () => {
      const order = await paidOrder(variants[2], 2);
      const [a, b] = await Promise.all(
        [0, 1].map(() =>
          http().post(`/api/admin/orders/${order.id}/refund`).set(bearer(admin)).send({ amount: '15.00' }),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(fake.requestsTo('/v1/refunds').map((r) => r.form.amount)).toEqual(['1500']);
      expect((await paymentRow(order.id))[0]).toEqual(
        expect.objectContaining({ status: 'succeeded', refunded_amount: '15.00' }),
      );
    });

    it('a success racing the customer’s cancel: paid either way, stock sold exactly once', async () => {
      for (let round = 0; round < 5; round += 1) {
        const before = await stock(variants[3]);
        const order = await placeOrder(variants[3], 1);
        const [cancel, webhook] = await Promise.all([
          http().post(`/api/orders/${order.id}/cancel`).set(bearer(order.user)),
          sendEvent(intentEvent('payment_intent.succeeded', order)),
        ]);
        expect(webhook.status).toBe(200);
        expect(webhook.body.outcome).toBe(cancel.status === 200 ? 'reinstated' : 'paid');
        expect(await orderRow(order.id)).toEqual(
          expect.objectContaining({ status: 'paid', payment_status: 'paid' }),
        );
        expect(await stock(variants[3])).toEqual({
          quantity: before.quantity - 1,
          reserved: before.reserved,
        });
      }
    });

    it('the manual confirm route refuses a Stripe order', async () => {
      const order = await placeOrder(variants[0], 1);
      const res = await http()
        .post(`/api/admin/orders/${order.id}/payments/confirm`)
        .set(bearer(admin))
        .expect(409);
      expect(res.body.code).toBe('PAYMENT_PROVIDER_MISMATCH');
    });
  });
});
