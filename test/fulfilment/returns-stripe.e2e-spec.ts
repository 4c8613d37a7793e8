/**
 * Returns through Stripe (the real SDK against the fake server): the received lines are refunded with
 * one POST /v1/refunds in minor units, idempotency key `return:<id>`; a provider failure answers 502 and
 * leaves nothing refunded (the return approved again, no stock moved); concurrent receives send one
 * refund. Fulfilments of a Stripe-paid order move it like a manual one.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import request from 'supertest';
import { formatMoney } from '../../src/common/money';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { FakeStripe } from '../support/fake-stripe';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { insertOrder, orderState, paymentTotals, shipAll, TestOrder } from './helpers';

const WEBHOOK_SECRET = 'whsec_test_returns';

describe('returns through Stripe', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let fake: FakeStripe;
  let admin: TestUser;
  let customer: TestUser;
  let storeId: string;
  let productId: string;
  let variants: string[];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    fake = await FakeStripe.start();
    db = await createTestDatabase();
    app = await createTestApp(db.url, {
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: fake.url,
      STRIPE_TIMEOUT_MS: '700',
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    ({ storeId, productId, variantIds: variants } = await insertStockedVariants(sql, 2, 100));
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
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

  /** An order paid through Stripe: its PaymentIntent's `payment_intent.succeeded`, signed. */
  async function paidThroughStripe(): Promise<TestOrder & { intentId: string }> {
    const order = await insertOrder(app, {
      storeId,
      userId: customer.id,
      productId,
      lines: [
        { variantId: variants[0], quantity: 2, unitPrice: 1250, discountAmount: 51 },
        { variantId: variants[1], quantity: 1, unitPrice: 999 },
      ],
    });
    const intentId = `pi_test_${randomUUID().replace(/-/g, '')}`;
    const { rows } = await sql.query<{ currency: string }>(`SELECT currency FROM orders WHERE id = $1`, [
      order.id,
    ]);
    await sql.query(
      `INSERT INTO payments (order_id, provider, provider_ref, amount, currency, status) VALUES ($1, 'stripe', $2, $3, $4, 'pending')`,
      [order.id, intentId, formatMoney(order.total), rows[0].currency],
    );
    const event = {
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: {
        object: {
          id: intentId,
          object: 'payment_intent',
          amount: order.total,
          amount_received: order.total,
          currency: rows[0].currency.toLowerCase(),
          metadata: { order_id: order.id },
          status: 'succeeded',
        },
      },
    };
    const payload = JSON.stringify(event);
    await http()
      .post('/api/payments/stripe/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }))
      .send(payload)
      .expect(200);
    expect(await orderState(sql, order.id)).toEqual({ status: 'paid', payment_status: 'paid' });
    return { ...order, intentId };
  }

  /** Delivered, with an approved return of every unit. */
  async function approvedReturn(): Promise<{ order: TestOrder & { intentId: string }; returnId: string }> {
    const order = await paidThroughStripe();
    await shipAll(app, admin, order, [2, 1]);
    expect(await orderState(sql, order.id)).toEqual({ status: 'delivered', payment_status: 'paid' });
    const asked = await http()
      .post(`/api/orders/${order.id}/returns`)
      .set(bearer(customer))
      .send({
        items: [
          { orderItemId: order.itemIds[0], quantity: 2 },
          { orderItemId: order.itemIds[1], quantity: 1 },
        ],
        reason: 'Wrong colour',
      })
      .expect(201);
    await http().post(`/api/admin/returns/${asked.body.id}/approve`).set(bearer(admin)).expect(200);
    return { order, returnId: asked.body.id };
  }

  const everything = (order: TestOrder) => [
    { orderItemId: order.itemIds[0], quantity: 2, restock: true },
    { orderItemId: order.itemIds[1], quantity: 1, restock: true },
  ];
  const receive = (id: string, items: object[]) =>
    http().post(`/api/admin/returns/${id}/receive`).set(bearer(admin)).send({ items });
  const stock = async (variantId: string) =>
    (
      await sql.query<{ quantity: number }>(`SELECT quantity FROM inventory WHERE variant_id = $1`, [
        variantId,
      ])
    ).rows[0].quantity;

  it('refunds the received lines with one Stripe refund keyed return:<id>; the order is refunded', async () => {
    const { order, returnId } = await approvedReturn();
    const before = await stock(variants[0]);
    const res = await receive(returnId, everything(order)).expect(200);
    // 25.00 − 0.51 + 9.99: the whole order (no shipping, no tax).
    expect(res.body).toEqual(expect.objectContaining({ status: 'refunded', refundAmount: '34.48' }));
    const refunds = fake.requestsTo('/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0].idempotencyKey).toBe(`return:${returnId}`);
    expect(refunds[0].form).toEqual(
      expect.objectContaining({ amount: '3448', payment_intent: order.intentId }),
    );
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 3448, refunded: 3448 });
    expect(await orderState(sql, order.id)).toEqual({ status: 'refunded', payment_status: 'refunded' });
    expect(await stock(variants[0])).toBe(before + 2);
    const { rows } = await sql.query(`SELECT refund_ref FROM returns WHERE id = $1`, [returnId]);
    expect(rows[0].refund_ref).toMatch(/^re_fake_/);
  });

  it('a provider failure answers 502 and changes nothing; the receive can be retried', async () => {
    const { order, returnId } = await approvedReturn();
    const before = await stock(variants[0]);
    fake.mode = 'fail';
    const failed = await receive(returnId, everything(order)).expect(502);
    expect(failed.body.code).toBe('PAYMENT_PROVIDER_ERROR');
    const { rows } = await sql.query(`SELECT status FROM returns WHERE id = $1`, [returnId]);
    expect(rows).toEqual([{ status: 'approved' }]);
    const items = await sql.query(
      `SELECT received_quantity, restock FROM return_items WHERE return_id = $1`,
      [returnId],
    );
    expect(items.rows.every((r) => r.received_quantity === null && r.restock === null)).toBe(true);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 3448, refunded: 0 });
    expect(await stock(variants[0])).toBe(before);
    expect(await orderState(sql, order.id)).toEqual({ status: 'delivered', payment_status: 'paid' });

    fake.mode = 'ok';
    await receive(returnId, everything(order)).expect(200);
    // The retry is the same refund at Stripe (same idempotency key).
    expect(new Set(fake.requestsTo('/v1/refunds').map((r) => r.idempotencyKey))).toEqual(
      new Set([`return:${returnId}`]),
    );
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 3448, refunded: 3448 });
  });

  it('concurrent receives send one refund to Stripe', async () => {
    const { order, returnId } = await approvedReturn();
    const results = await Promise.all(Array.from({ length: 4 }, () => receive(returnId, everything(order))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(fake.requestsTo('/v1/refunds')).toHaveLength(1);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 3448, refunded: 3448 });
  });

  it('a receive racing an admin refund never refunds more than was paid', async () => {
    const { order, returnId } = await approvedReturn();
    const [rec, refund] = await Promise.all([
      receive(returnId, everything(order)),
      http().post(`/api/admin/orders/${order.id}/refund`).set(bearer(admin)).send({}),
    ]);
    expect([rec.status, refund.status].sort()).toEqual([200, 409]);
    const { rows } = await sql.query<{ refunded: string; amount: string }>(
      `SELECT refunded_amount AS refunded, amount FROM payments WHERE order_id = $1`,
      [order.id],
    );
    expect(rows).toEqual([{ refunded: '34.48', amount: '34.48' }]);
    const sent = fake.requestsTo('/v1/refunds').reduce((sum, r) => sum + Number(r.form.amount), 0);
    expect(sent).toBe(3448);
  });

  it('a receive that died between its steps is resumed once its lease ran out, with the same idempotency key', async () => {
    const { order, returnId } = await approvedReturn();
    // What step 1 leaves behind when the process dies before the provider answered.
    await sql.query(`ALTER TABLE returns DISABLE TRIGGER trg_returns_updated_at`);
    try {
      await sql.query(
        `UPDATE returns SET status = 'receiving', refund_amount = 34.48, updated_at = now() - interval '1 minute'
          WHERE id = $1`,
        [returnId],
      );
      await sql.query(
        `UPDATE return_items SET received_quantity = quantity, restock = false WHERE return_id = $1`,
        [returnId],
      );
      await sql.query(`UPDATE payments SET refunded_amount = 34.48 WHERE order_id = $1`, [order.id]);
      // Within the lease: somebody may still be at it.
      expect((await receive(returnId, everything(order)).expect(409)).body.code).toBe('INVALID_TRANSITION');
      await sql.query(`UPDATE returns SET updated_at = now() - interval '6 minutes' WHERE id = $1`, [
        returnId,
      ]);
    } finally {
      await sql.query(`ALTER TABLE returns ENABLE TRIGGER trg_returns_updated_at`);
    }
    const results = await Promise.all([
      receive(returnId, everything(order)),
      receive(returnId, everything(order)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refunds = fake.requestsTo('/v1/refunds');
    expect(refunds.map((r) => [r.idempotencyKey, r.form.amount])).toEqual([[`return:${returnId}`, '3448']]);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 3448, refunded: 3448 });
    expect(await orderState(sql, order.id)).toEqual({ status: 'refunded', payment_status: 'refunded' });
    const { rows } = await sql.query(`SELECT status, refund_amount FROM returns WHERE id = $1`, [returnId]);
    expect(rows).toEqual([{ status: 'refunded', refund_amount: '34.48' }]);
  });
});
