/**
 * Returns (manual provider): request within the window, approve/reject, receive with restock per line
 * and a refund of exactly the received lines (price, tax and discount share per unit, the last unit
 * taking the remainder); the order is refunded once everything came back. Concurrency: two receives of
 * one return refund once; a receive racing an admin refund never refunds more than was paid (SQL).
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { newOrderToken } from '../../src/orders/order-token';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { confirmPaid, eventsOf, insertOrder, orderState, paymentTotals, shipAll, TestOrder } from './helpers';

describe('returns', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeId: string;
  let productId: string;
  let variants: string[];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { RETURN_WINDOW_DAYS: '30' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    ({ storeId, productId, variantIds: variants } = await insertStockedVariants(sql, 2, 1000));
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
  });

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  /**
   * Paid: A = 3 × 10.00 with a 1.01 discount share and 1.90 tax, B = 1 × 5.00 with 0.95 tax, prices
   * without tax, 4.99 shipping: total 41.83. Refundable: A 30.89 (10.29 per unit, the last 10.31), B 5.95.
   */
  async function paidOrder(options: { guestToken?: string } = {}): Promise<TestOrder> {
    const order = await insertOrder(app, {
      storeId,
      userId: options.guestToken ? null : customer.id,
      guestToken: options.guestToken,
      productId,
      taxAdded: true,
      shipping: 499,
      lines: [
        { variantId: variants[0], quantity: 3, discountAmount: 101, taxAmount: 190 },
        { variantId: variants[1], quantity: 1, unitPrice: 500, taxAmount: 95 },
      ],
    });
    expect(order.total).toBe(4183);
    await confirmPaid(app, admin, order.id);
    return order;
  }

  async function deliveredOrder(options: { guestToken?: string } = {}): Promise<TestOrder> {
    const order = await paidOrder(options);
    await shipAll(app, admin, order, [3, 1]);
    return order;
  }

  const ask = (
    orderId: string,
    body: object,
    user: TestUser | null = customer,
    headers: Record<string, string> = {},
  ) => {
    const req = http().post(`/api/orders/${orderId}/returns`).set(headers);
    return (user ? req.set(bearer(user)) : req).send(body);
  };
  const decide = (id: string, decision: 'approve' | 'reject') =>
    http().post(`/api/admin/returns/${id}/${decision}`).set(bearer(admin));
  const receive = (id: string, items: object[]) =>
    http().post(`/api/admin/returns/${id}/receive`).set(bearer(admin)).send({ items });
  const stock = async (variantId: string) =>
    (
      await sql.query<{ quantity: number }>(`SELECT quantity FROM inventory WHERE variant_id = $1`, [
        variantId,
      ])
    ).rows[0].quantity;
  const returnCount = async (orderId: string) =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM returns WHERE order_id = $1`, [orderId]))
      .rows[0].n;

  it('request → approve → receive refunds exactly the received lines and restocks; everything back → refunded', async () => {
    const order = await deliveredOrder();
    const [a, b] = order.itemIds;
    const stockA = await stock(variants[0]);
    const stockB = await stock(variants[1]);

    const asked = await ask(order.id, {
      items: [{ orderItemId: a, quantity: 2 }],
      reason: 'Too small',
    }).expect(201);
    expect(asked.body).toEqual(
      expect.objectContaining({
        status: 'requested',
        orderId: order.id,
        storeId,
        reason: 'Too small',
        refundAmount: null,
        items: [{ orderItemId: a, quantity: 2, receivedQuantity: null, restock: null }],
      }),
    );
    const returnId: string = asked.body.id;
    expect(
      (await eventsOf(sql, order.id)).filter((e) => e.type === 'return.requested').map((e) => e.payload),
    ).toEqual([{ orderId: order.id, orderNumber: order.orderNumber, returnId }]);

    const listed = await http()
      .get(`/api/admin/stores/${storeId}/returns?status=requested`)
      .set(bearer(admin))
      .expect(200);
    expect(listed.body).toEqual(expect.objectContaining({ total: 1, page: 1, limit: 24 }));
    expect(listed.body.items[0].id).toBe(returnId);

    // Not yet approved: cannot be received.
    expect(
      (await receive(returnId, [{ orderItemId: a, quantity: 2, restock: true }]).expect(409)).body.code,
    ).toBe('INVALID_TRANSITION');
    expect((await decide(returnId, 'approve').expect(200)).body.status).toBe('approved');
    expect((await decide(returnId, 'reject').expect(409)).body.code).toBe('INVALID_TRANSITION');

    const received = await receive(returnId, [{ orderItemId: a, quantity: 2, restock: true }]).expect(200);
    expect(received.body).toEqual(
      expect.objectContaining({
        status: 'refunded',
        refundAmount: '20.58',
        items: [{ orderItemId: a, quantity: 2, receivedQuantity: 2, restock: true }],
      }),
    );
    expect(await stock(variants[0])).toBe(stockA + 2);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 4183, refunded: 2058 });
    expect(await orderState(sql, order.id)).toEqual({ status: 'delivered', payment_status: 'paid' });
    const types = (await eventsOf(sql, order.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'return.received')).toHaveLength(1);
    expect(types.filter((t) => t === 'order.refunded')).toHaveLength(1);

    // Received twice: 409, nothing more refunded.
    expect(
      (await receive(returnId, [{ orderItemId: a, quantity: 2, restock: true }]).expect(409)).body.code,
    ).toBe('INVALID_TRANSITION');

    // The rest: A's last unit takes the remainder (10.31), B kept out of stock (restock false).
    const rest = await ask(order.id, {
      items: [
        { orderItemId: a, quantity: 1 },
        { orderItemId: b, quantity: 1 },
      ],
      reason: 'Changed my mind',
    }).expect(201);
    await decide(rest.body.id, 'approve').expect(200);
    const last = await receive(rest.body.id, [
      { orderItemId: a, quantity: 1, restock: false },
      { orderItemId: b, quantity: 1, restock: true },
    ]).expect(200);
    expect(last.body.refundAmount).toBe('16.26');
    expect(await stock(variants[0])).toBe(stockA + 2);
    expect(await stock(variants[1])).toBe(stockB + 1);
    // Every line refunded in full: 30.89 + 5.95; the shipping (4.99) is left for an admin refund.
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 4183, refunded: 3684 });
    expect(await orderState(sql, order.id)).toEqual({ status: 'refunded', payment_status: 'paid' });

    // The order view lists both returns.
    const view = await http().get(`/api/orders/${order.id}`).set(bearer(customer)).expect(200);
    expect((view.body.returns as Array<{ status: string }>).map((r) => r.status)).toEqual([
      'refunded',
      'refunded',
    ]);

    // Nothing more can be asked for; the admin refunds the shipping: all of the payment came back.
    expect(
      (await ask(order.id, { items: [{ orderItemId: b, quantity: 1 }], reason: 'x' }).expect(409)).body.code,
    ).toBe('RETURN_NOT_ALLOWED');
    await http().post(`/api/admin/orders/${order.id}/refund`).set(bearer(admin)).send({}).expect(200);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 4183, refunded: 4183 });
    expect(await orderState(sql, order.id)).toEqual({ status: 'refunded', payment_status: 'refunded' });

    const { rows } = await sql.query<{ action: string }>(
      `SELECT action FROM logs WHERE entity_id = ANY($1::uuid[]) AND action LIKE 'return.%' ORDER BY created_at`,
      [[returnId, rest.body.id]],
    );
    expect(rows.map((r) => r.action).sort()).toEqual([
      'return.approved',
      'return.approved',
      'return.received',
      'return.received',
      'return.requested',
      'return.requested',
    ]);
  });

  it('a guest returns with X-Order-Token; a wrong token or another buyer gets 404, no token 401', async () => {
    const token = newOrderToken();
    const order = await deliveredOrder({ guestToken: token });
    const body = { items: [{ orderItemId: order.itemIds[1], quantity: 1 }], reason: 'Broken' };
    expect(
      (await ask(order.id, body, null, { 'X-Order-Token': newOrderToken() }).expect(404)).body.code,
    ).toBe('ORDER_NOT_FOUND');
    expect((await ask(order.id, body, customer).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    await ask(order.id, body, null).expect(401);
    // Admins are not buyers.
    await ask(order.id, body, admin).expect(404);
    expect(await returnCount(order.id)).toBe(0);
    const res = await ask(order.id, body, null, { 'X-Order-Token': token }).expect(201);
    expect(res.body.status).toBe('requested');
  });

  it('only shipped or delivered orders, only within the window (409 RETURN_NOT_ALLOWED)', async () => {
    const paid = await paidOrder();
    const body = (o: TestOrder) => ({ items: [{ orderItemId: o.itemIds[0], quantity: 1 }], reason: 'x' });
    expect((await ask(paid.id, body(paid)).expect(409)).body).toEqual(
      expect.objectContaining({ code: 'RETURN_NOT_ALLOWED', details: { reason: 'status', status: 'paid' } }),
    );

    const delivered = await deliveredOrder();
    await sql.query(`UPDATE fulfillments SET delivered_at = now() - interval '31 days' WHERE order_id = $1`, [
      delivered.id,
    ]);
    const late = await ask(delivered.id, body(delivered)).expect(409);
    expect(late.body).toEqual(expect.objectContaining({ code: 'RETURN_NOT_ALLOWED' }));
    expect(late.body.details.reason).toBe('window_closed');
    await sql.query(`UPDATE fulfillments SET delivered_at = now() - interval '29 days' WHERE order_id = $1`, [
      delivered.id,
    ]);
    await ask(delivered.id, body(delivered)).expect(201);

    // Shipped, never delivered: the window counts from the shipment.
    const shipped = await paidOrder();
    await shipAll(app, admin, shipped, [3, 1], false);
    await sql.query(
      `UPDATE fulfillments SET shipped_at = now() - interval '31 days', delivered_at = NULL WHERE order_id = $1`,
      [shipped.id],
    );
    expect((await ask(shipped.id, body(shipped)).expect(409)).body.details.reason).toBe('window_closed');
    expect(await returnCount(shipped.id)).toBe(0);
    expect(await returnCount(paid.id)).toBe(0);
  });

  it('counts earlier returns that were not rejected (409 RETURN_EXCEEDS_ORDER); a rejected one frees its units', async () => {
    const order = await deliveredOrder();
    const [a] = order.itemIds;
    const first = await ask(order.id, { items: [{ orderItemId: a, quantity: 2 }], reason: 'x' }).expect(201);
    const over = await ask(order.id, { items: [{ orderItemId: a, quantity: 2 }], reason: 'x' }).expect(409);
    expect(over.body).toEqual(
      expect.objectContaining({
        code: 'RETURN_EXCEEDS_ORDER',
        details: [{ orderItemId: a, ordered: 3, returned: 2, requested: 2 }],
      }),
    );
    expect((await decide(first.body.id, 'reject').expect(200)).body.status).toBe('rejected');
    expect((await decide(first.body.id, 'approve').expect(409)).body.code).toBe('INVALID_TRANSITION');
    await ask(order.id, { items: [{ orderItemId: a, quantity: 3 }], reason: 'x' }).expect(201);
    // Received less than asked: only what came back counts afterwards.
    const all = await http()
      .get(`/api/admin/stores/${storeId}/returns?status=rejected`)
      .set(bearer(admin))
      .expect(200);
    expect((all.body.items as Array<{ id: string }>).map((r) => r.id)).toContain(first.body.id);
  });

  it('answers bad input with 400/404 and writes nothing', async () => {
    const order = await deliveredOrder();
    const other = await deliveredOrder();
    const [a] = order.itemIds;
    const cases: Array<[object, string]> = [
      [{ items: [], reason: 'x' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 0 }], reason: 'x' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: -2 }], reason: 'x' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 1 }] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 1 }], reason: '' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: 'x', quantity: 1 }], reason: 'x' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: randomUUID(), quantity: 1 }], reason: 'x' }, 'UNKNOWN_ORDER_ITEM'],
      [{ items: [{ orderItemId: other.itemIds[0], quantity: 1 }], reason: 'x' }, 'UNKNOWN_ORDER_ITEM'],
    ];
    for (const [body, code] of cases) {
      const res = await ask(order.id, body).expect(400);
      expect({ body, code: res.body.code }).toEqual({ body, code });
    }
    expect(
      (await ask(randomUUID(), { items: [{ orderItemId: a, quantity: 1 }], reason: 'x' }).expect(404)).body
        .code,
    ).toBe('ORDER_NOT_FOUND');
    expect(await returnCount(order.id)).toBe(0);

    const ret = await ask(order.id, { items: [{ orderItemId: a, quantity: 2 }], reason: 'x' }).expect(201);
    await decide(ret.body.id, 'approve').expect(200);
    const bad: Array<[object[], number, string]> = [
      [[{ orderItemId: a, quantity: 3, restock: true }], 409, 'RETURN_EXCEEDS_ORDER'],
      [[{ orderItemId: order.itemIds[1], quantity: 1, restock: true }], 400, 'UNKNOWN_ORDER_ITEM'],
      [[{ orderItemId: a, quantity: 0, restock: true }], 400, 'VALIDATION_FAILED'],
      [[{ orderItemId: a, quantity: 1 }], 400, 'VALIDATION_FAILED'],
      [[], 400, 'VALIDATION_FAILED'],
    ];
    for (const [items, status, code] of bad) {
      const res = await receive(ret.body.id, items).expect(status);
      expect({ items, code: res.body.code }).toEqual({ items, code });
    }
    expect(
      (await receive(randomUUID(), [{ orderItemId: a, quantity: 1, restock: true }]).expect(404)).body.code,
    ).toBe('RETURN_NOT_FOUND');
    expect((await decide(randomUUID(), 'approve').expect(404)).body.code).toBe('RETURN_NOT_FOUND');
    expect(
      (await http().get(`/api/admin/stores/${randomUUID()}/returns`).set(bearer(admin)).expect(404)).body
        .code,
    ).toBe('STORE_NOT_FOUND');
    await http().get(`/api/admin/stores/${storeId}/returns?status=nope`).set(bearer(admin)).expect(400);
    await http().post(`/api/admin/returns/${ret.body.id}/approve`).set(bearer(customer)).expect(403);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 4183, refunded: 0 });
    const { rows } = await sql.query(`SELECT status FROM returns WHERE id = $1`, [ret.body.id]);
    expect(rows).toEqual([{ status: 'approved' }]);
  });

  it('concurrent receives of one return refund once', async () => {
    const order = await deliveredOrder();
    const ret = await ask(order.id, {
      items: [{ orderItemId: order.itemIds[0], quantity: 3 }],
      reason: 'x',
    }).expect(201);
    await decide(ret.body.id, 'approve').expect(200);
    const stockBefore = await stock(variants[0]);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        receive(ret.body.id, [{ orderItemId: order.itemIds[0], quantity: 3, restock: true }]),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await paymentTotals(sql, order.id)).toEqual({ paid: 4183, refunded: 3089 });
    expect(await stock(variants[0])).toBe(stockBefore + 3);
    const refunds = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM logs WHERE entity_id = $1 AND action = 'order.refunded'`,
      [order.id],
    );
    expect(refunds.rows[0].n).toBe(1);
  });

  it('a receive racing an admin refund never refunds more than was paid', async () => {
    for (let round = 0; round < 4; round++) {
      const order = await deliveredOrder();
      const ret = await ask(order.id, {
        items: order.itemIds.map((orderItemId, i) => ({ orderItemId, quantity: i === 0 ? 3 : 1 })),
        reason: 'x',
      }).expect(201);
      await decide(ret.body.id, 'approve').expect(200);
      const [rec, refund] = await Promise.all([
        receive(
          ret.body.id,
          order.itemIds.map((orderItemId, i) => ({ orderItemId, quantity: i === 0 ? 3 : 1, restock: false })),
        ),
        http().post(`/api/admin/orders/${order.id}/refund`).set(bearer(admin)).send({ amount: '10.00' }),
      ]);
      // The partial admin refund leaves 31.83 of 41.83: the return's 36.84 no longer fits (or it came first).
      expect([rec.status, refund.status].sort()).toEqual(rec.status === 200 ? [200, 409] : [200, 409]);
      const { rows } = await sql.query<{ over: boolean }>(
        `SELECT bool_or(refunded_amount > amount) AS over FROM payments WHERE order_id = $1`,
        [order.id],
      );
      expect(rows[0].over).toBe(false);
      const totals = await paymentTotals(sql, order.id);
      expect(totals.refunded).toBeLessThanOrEqual(totals.paid);
      expect([1000, 3684]).toContain(totals.refunded);
    }
  });
});
