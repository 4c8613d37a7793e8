/**
 * Fulfilments (manual provider): partial then complete shipments move the order processing → shipped,
 * deliveries → delivered, with order.shipped / order.delivered in the outbox; over-shipping, wrong
 * states and bad inputs are refused with nothing written; many admins fulfilling at once never ship
 * more than was ordered (checked in SQL).
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { confirmPaid, eventsOf, insertOrder, orderState, TestOrder } from './helpers';

describe('fulfilments', () => {
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
    ({ db, app, sql } = await openTestWorld());
    ({ storeId, productId, variantIds: variants } = await insertStockedVariants(sql, 3, 1000));
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
  });

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  /** A paid order of 3 × variant 0 and 2 × variant 1. */
  async function paidOrder(): Promise<TestOrder> {
    const order = await insertOrder(app, {
      storeId,
      userId: customer.id,
      productId,
      lines: [
        { variantId: variants[0], quantity: 3 },
        { variantId: variants[1], quantity: 2 },
      ],
    });
    await confirmPaid(app, admin, order.id);
    return order;
  }

  const fulfil = (orderId: string, body: object, user: TestUser = admin) =>
    http().post(`/api/admin/orders/${orderId}/fulfillments`).set(bearer(user)).send(body);
  const patch = (orderId: string, fulfillmentId: string, body: object) =>
    http().patch(`/api/admin/orders/${orderId}/fulfillments/${fulfillmentId}`).set(bearer(admin)).send(body);
  const fulfilmentCount = async (orderId: string) =>
    (
      await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM fulfillments WHERE order_id = $1`, [
        orderId,
      ])
    ).rows[0].n;

  it('ships part (processing), then the rest (shipped, order.shipped with tracking), then delivers (delivered)', async () => {
    const order = await paidOrder();
    const [a, b] = order.itemIds;

    const first = await fulfil(order.id, {
      items: [{ orderItemId: a, quantity: 2 }],
      carrier: 'UPS',
      trackingNumber: '1Z1',
    }).expect(201);
    expect(first.body).toEqual(
      expect.objectContaining({
        orderId: order.id,
        orderStatus: 'processing',
        status: 'shipped',
        carrier: 'UPS',
        trackingNumber: '1Z1',
        trackingUrl: null,
        deliveredAt: null,
        items: [{ orderItemId: a, quantity: 2 }],
      }),
    );
    expect(await orderState(sql, order.id)).toEqual({ status: 'processing', payment_status: 'paid' });
    expect((await eventsOf(sql, order.id)).map((e) => e.type)).not.toContain('order.shipped');

    const second = await fulfil(order.id, {
      items: [
        { orderItemId: a, quantity: 1 },
        { orderItemId: b, quantity: 2 },
      ],
      carrier: 'DHL',
      trackingNumber: 'JD2',
      trackingUrl: 'https://track.example/JD2',
    }).expect(201);
    expect(second.body.orderStatus).toBe('shipped');
    expect(await orderState(sql, order.id)).toEqual({ status: 'shipped', payment_status: 'paid' });
    const shipped = (await eventsOf(sql, order.id)).filter((e) => e.type === 'order.shipped');
    expect(shipped.map((e) => e.payload)).toEqual([
      {
        orderId: order.id,
        orderNumber: order.orderNumber,
        carrier: 'DHL',
        trackingNumber: 'JD2',
        trackingUrl: 'https://track.example/JD2',
      },
    ]);

    // Tracking can be corrected; a delivery of one of two leaves the order shipped.
    const corrected = await patch(order.id, first.body.id, {
      trackingNumber: '1Z1-B',
      trackingUrl: null,
    }).expect(200);
    expect(corrected.body).toEqual(expect.objectContaining({ trackingNumber: '1Z1-B', status: 'shipped' }));
    const d1 = await patch(order.id, first.body.id, { status: 'delivered' }).expect(200);
    expect(d1.body).toEqual(expect.objectContaining({ status: 'delivered', orderStatus: 'shipped' }));
    expect(typeof d1.body.deliveredAt).toBe('string');
    expect((await eventsOf(sql, order.id)).map((e) => e.type)).not.toContain('order.delivered');

    const d2 = await patch(order.id, second.body.id, { status: 'delivered' }).expect(200);
    expect(d2.body.orderStatus).toBe('delivered');
    expect(await orderState(sql, order.id)).toEqual({ status: 'delivered', payment_status: 'paid' });
    const delivered = (await eventsOf(sql, order.id)).filter((e) => e.type === 'order.delivered');
    expect(delivered).toHaveLength(1);

    // Delivered twice: 409, nothing changes.
    const again = await patch(order.id, second.body.id, { status: 'delivered' }).expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');

    // The order view shows both, with the items' ids (customer and admin).
    const view = await http().get(`/api/orders/${order.id}`).set(bearer(customer)).expect(200);
    expect((view.body.items as Array<{ id: string }>).map((i) => i.id)).toEqual([a, b]);
    expect(view.body.fulfillments).toEqual([
      expect.objectContaining({
        id: first.body.id,
        status: 'delivered',
        trackingNumber: '1Z1-B',
        carrier: 'UPS',
      }),
      expect.objectContaining({
        id: second.body.id,
        status: 'delivered',
        trackingUrl: 'https://track.example/JD2',
      }),
    ]);
    expect(view.body.returns).toEqual([]);
    const adminView = await http().get(`/api/orders/${order.id}`).set(bearer(admin)).expect(200);
    expect(adminView.body.fulfillments).toHaveLength(2);

    // Audited: both creations, the updates, the status changes.
    const { rows } = await sql.query<{ action: string }>(
      `SELECT action FROM logs WHERE entity_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [[order.id, first.body.id, second.body.id]],
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((x) => x === 'fulfillment.create')).toHaveLength(2);
    expect(actions.filter((x) => x === 'fulfillment.update')).toHaveLength(3);
    expect(actions.filter((x) => x === 'order.status_changed')).toHaveLength(3);
  });

  it('ships everything at once from paid: processing and shipped in one transaction', async () => {
    const order = await paidOrder();
    const res = await fulfil(order.id, {
      items: [
        { orderItemId: order.itemIds[0], quantity: 3 },
        { orderItemId: order.itemIds[1], quantity: 2 },
      ],
    }).expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({ orderStatus: 'shipped', carrier: null, trackingNumber: null }),
    );
    const shipped = (await eventsOf(sql, order.id)).filter((e) => e.type === 'order.shipped');
    expect(shipped.map((e) => e.payload.carrier)).toEqual([null]);
  });

  it('refuses more than was ordered, counting earlier fulfilments (409 FULFILLMENT_EXCEEDS_ORDER), writing nothing', async () => {
    const order = await paidOrder();
    const [a] = order.itemIds;
    const over = await fulfil(order.id, { items: [{ orderItemId: a, quantity: 4 }] }).expect(409);
    expect(over.body.code).toBe('FULFILLMENT_EXCEEDS_ORDER');
    expect(over.body.details).toEqual([{ orderItemId: a, ordered: 3, shipped: 0, requested: 4 }]);
    await fulfil(order.id, { items: [{ orderItemId: a, quantity: 2 }] }).expect(201);
    const again = await fulfil(order.id, { items: [{ orderItemId: a, quantity: 2 }] }).expect(409);
    expect(again.body.details).toEqual([{ orderItemId: a, ordered: 3, shipped: 2, requested: 2 }]);
    expect(await fulfilmentCount(order.id)).toBe(1);
    expect(await orderState(sql, order.id)).toEqual({ status: 'processing', payment_status: 'paid' });
  });

  it('only fulfils paid or processing orders (409 INVALID_TRANSITION)', async () => {
    const pending = await insertOrder(app, {
      storeId,
      userId: customer.id,
      productId,
      lines: [{ variantId: variants[2], quantity: 1 }],
    });
    const res = await fulfil(pending.id, {
      items: [{ orderItemId: pending.itemIds[0], quantity: 1 }],
    }).expect(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');

    const shipped = await paidOrder();
    await fulfil(shipped.id, {
      items: [
        { orderItemId: shipped.itemIds[0], quantity: 3 },
        { orderItemId: shipped.itemIds[1], quantity: 2 },
      ],
    }).expect(201);
    const after = await fulfil(shipped.id, {
      items: [{ orderItemId: shipped.itemIds[0], quantity: 1 }],
    }).expect(409);
    expect(after.body.code).toBe('INVALID_TRANSITION');

    // A delivery of a fulfilment of a refunded order is refused too.
    const refunded = await paidOrder();
    const f = await fulfil(refunded.id, {
      items: [{ orderItemId: refunded.itemIds[0], quantity: 1 }],
    }).expect(201);
    await http().post(`/api/admin/orders/${refunded.id}/refund`).set(bearer(admin)).send({}).expect(200);
    const late = await patch(refunded.id, f.body.id, { status: 'delivered' }).expect(409);
    expect(late.body.code).toBe('INVALID_TRANSITION');
    expect(await fulfilmentCount(pending.id)).toBe(0);
  });

  it('answers bad input with 400/404 and writes nothing', async () => {
    const order = await paidOrder();
    const other = await paidOrder();
    const [a] = order.itemIds;
    const cases: Array<[object, string]> = [
      [{ items: [] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 0 }] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: -1 }] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 1.5 }] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: 'nope', quantity: 1 }] }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 1 }], trackingUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
      [{ items: [{ orderItemId: a, quantity: 1 }], extra: true }, 'VALIDATION_FAILED'],
      [
        {
          items: [
            { orderItemId: a, quantity: 1 },
            { orderItemId: a, quantity: 1 },
          ],
        },
        'VALIDATION_FAILED',
      ],
      [{ items: [{ orderItemId: randomUUID(), quantity: 1 }] }, 'UNKNOWN_ORDER_ITEM'],
      [{ items: [{ orderItemId: other.itemIds[0], quantity: 1 }] }, 'UNKNOWN_ORDER_ITEM'],
    ];
    for (const [body, code] of cases) {
      const res = await fulfil(order.id, body).expect(400);
      expect({ body, code: res.body.code }).toEqual({ body, code });
    }
    expect(
      (await fulfil(randomUUID(), { items: [{ orderItemId: a, quantity: 1 }] }).expect(404)).body.code,
    ).toBe('ORDER_NOT_FOUND');
    await fulfil('not-a-uuid', { items: [{ orderItemId: a, quantity: 1 }] }).expect(400);
    const f = await fulfil(order.id, { items: [{ orderItemId: a, quantity: 1 }] }).expect(201);
    expect((await patch(order.id, f.body.id, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await patch(order.id, f.body.id, { status: 'shipped' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await patch(other.id, f.body.id, { carrier: 'X' }).expect(404)).body.code).toBe(
      'FULFILLMENT_NOT_FOUND',
    );
    expect(await fulfilmentCount(order.id)).toBe(1);
    expect(await fulfilmentCount(other.id)).toBe(0);

    // Customers are not admins.
    await fulfil(order.id, { items: [{ orderItemId: a, quantity: 1 }] }, customer).expect(403);
    await http().post(`/api/admin/orders/${order.id}/fulfillments`).send({}).expect(401);
  });

  it('many admins fulfilling the same lines at once never ship more than was ordered', async () => {
    const order = await paidOrder();
    const [a, b] = order.itemIds;
    const admins = await Promise.all([1, 2, 3].map(() => createTestUser(app, 'admin')));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fulfil(order.id, { items: [{ orderItemId: i % 2 ? a : b, quantity: 1 }] }, admins[i % 3]),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const { rows } = await sql.query<{ id: string; ordered: number; shipped: number }>(
      `SELECT oi.id, oi.quantity AS ordered, COALESCE(sum(fi.quantity), 0)::int AS shipped
         FROM order_items oi LEFT JOIN fulfillment_items fi ON fi.order_item_id = oi.id
        WHERE oi.order_id = $1 GROUP BY oi.id, oi.quantity`,
      [order.id],
    );
    for (const row of rows) expect(row.shipped).toBeLessThanOrEqual(row.ordered);
    expect(rows.every((r) => r.shipped === r.ordered)).toBe(true);
    expect(await orderState(sql, order.id)).toEqual({ status: 'shipped', payment_status: 'paid' });
    expect((await eventsOf(sql, order.id)).filter((e) => e.type === 'order.shipped')).toHaveLength(1);
  });
});
