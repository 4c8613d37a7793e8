/**
 * Orders after checkout: customer and admin routes along the state machine, stock and discount uses
 * moved exactly once, the reservation sweeper; invariants checked in the database after every test.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { ReservationSweeper } from '../../src/orders/reservation-sweeper';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { placePendingOrder } from '../support/orders';

interface OrderItem {
  id: string;
  storeId: string;
  customerId: string;
}
/** The typed `items` of a list response. */
const itemsOf = (res: { body: unknown }): OrderItem[] => (res.body as { items: OrderItem[] }).items;

describe('orders', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let storeId: string;
  let productId: string;
  let variants: string[];
  const http = () => request(app.getHttpServer());

  const stock = async (variantId: string) =>
    (
      await sql.query<{ quantity: number; reserved: number }>(
        `SELECT quantity, reserved FROM inventory WHERE variant_id = $1`,
        [variantId],
      )
    ).rows[0];
  const place = (user: TestUser, quantity = 2, variantId = variants[0], discountId?: string) =>
    placePendingOrder(app, {
      storeId,
      userId: user.id,
      productId,
      lines: [{ variantId, quantity }],
      discountId,
    });
  const auditActions = async (orderId: string) =>
    (
      await sql.query<{ action: string }>(
        `SELECT action FROM logs WHERE entity_id = $1 ORDER BY created_at`,
        [orderId],
      )
    ).rows.map((r) => r.action);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    alice = await createTestUser(app, 'customer');
    bob = await createTestUser(app, 'customer');
    admin = await createTestUser(app, 'admin');
    ({ storeId, productId, variantIds: variants } = await insertStockedVariants(sql, 3, 100));
  });

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('customer routes', () => {
    it('lists only the caller’s orders, newest first, paged', async () => {
      const first = await place(alice);
      const second = await place(alice);
      await place(bob);
      const res = await http().get('/api/orders?limit=1').set(bearer(alice)).expect(200);
      expect(res.body.total).toBe(2);
      expect(itemsOf(res).map((o) => o.id)).toEqual([second.id]);
      const page2 = await http().get('/api/orders?limit=1&page=2').set(bearer(alice)).expect(200);
      expect(itemsOf(page2).map((o) => o.id)).toEqual([first.id]);
      await http().get('/api/orders').expect(401);
      await http().get('/api/orders?limit=500').set(bearer(alice)).expect(400);
    });

    it('detail: the owner and admins see it (money as strings); another customer gets 404', async () => {
      const order = await place(alice, 3);
      const res = await http().get(`/api/orders/${order.id}`).set(bearer(alice)).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: order.id,
          orderNumber: order.orderNumber,
          status: 'pending',
          paymentStatus: 'unpaid',
          subtotal: '30.00',
          total: '30.00',
          discountAmount: '0.00',
          currency: 'USD',
          items: [
            {
              id: expect.any(String),
              variantId: variants[0],
              productName: 'Product',
              variantName: 'Variant',
              sku: 'SKU',
              quantity: 3,
              unitPrice: '10.00',
              totalPrice: '30.00',
              taxRate: '0.00',
              taxAmount: '0.00',
              discountAmount: '0.00',
            },
          ],
        }),
      );
      expect(res.body.orderNumber).toMatch(/^\d{6}\d{5,}$/);
      await http().get(`/api/orders/${order.id}`).set(bearer(admin)).expect(200);
      const hidden = await http().get(`/api/orders/${order.id}`).set(bearer(bob)).expect(404);
      expect(hidden.body.code).toBe('ORDER_NOT_FOUND');
      await http().get('/api/orders/not-a-uuid').set(bearer(alice)).expect(400);
    });

    it('cancel: releases the holds and gives the discount use back, once; audited', async () => {
      const discount = await sql.query<{ id: string }>(
        `INSERT INTO discounts (store_id, code, type, value, max_uses, times_used) VALUES ($1, 'ONCE', 'fixed', 1, 1, 1) RETURNING id`,
        [storeId],
      );
      const before = await stock(variants[1]);
      const order = await place(alice, 4, variants[1], discount.rows[0].id);
      expect((await stock(variants[1])).reserved).toBe(before.reserved + 4);

      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(bob)).expect(404);
      const res = await http().post(`/api/orders/${order.id}/cancel`).set(bearer(alice)).expect(200);
      expect(res.body.status).toBe('cancelled');
      expect(await stock(variants[1])).toEqual(before);
      const d = await sql.query(`SELECT times_used FROM discounts WHERE id = $1`, [discount.rows[0].id]);
      expect(d.rows[0].times_used).toBe(0);

      const again = await http().post(`/api/orders/${order.id}/cancel`).set(bearer(alice)).expect(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect(await auditActions(order.id)).toEqual(['order.cancelled']);
    });

    it('10 concurrent cancels of one order: one 200, nine 409, stock released once', async () => {
      const before = await stock(variants[2]);
      const order = await place(alice, 5, variants[2]);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => http().post(`/api/orders/${order.id}/cancel`).set(bearer(alice))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      expect(await stock(variants[2])).toEqual(before);
    });
  });

  describe('admin routes', () => {
    it('manual payment confirm commits the stock once; the order can then move along the state machine', async () => {
      const before = await stock(variants[0]);
      const order = await place(alice, 2);
      await http().post(`/api/admin/orders/${order.id}/payments/confirm`).set(bearer(alice)).expect(403);
      const paid = await http()
        .post(`/api/admin/orders/${order.id}/payments/confirm`)
        .set(bearer(admin))
        .expect(200);
      expect(paid.body).toEqual(expect.objectContaining({ status: 'paid', paymentStatus: 'paid' }));
      expect(await stock(variants[0])).toEqual({ quantity: before.quantity - 2, reserved: before.reserved });
      const payment = await sql.query(`SELECT provider, status, amount FROM payments WHERE order_id = $1`, [
        order.id,
      ]);
      expect(payment.rows).toEqual([{ provider: 'manual', status: 'succeeded', amount: '20.00' }]);

      const twice = await http()
        .post(`/api/admin/orders/${order.id}/payments/confirm`)
        .set(bearer(admin))
        .expect(409);
      expect(twice.body.code).toBe('INVALID_TRANSITION');
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(alice)).expect(409);

      const skip = await http()
        .patch(`/api/admin/orders/${order.id}/status`)
        .set(bearer(admin))
        .send({ status: 'delivered' })
        .expect(409);
      expect(skip.body).toEqual(
        expect.objectContaining({
          code: 'INVALID_TRANSITION',
          details: expect.objectContaining({ from: 'paid' }),
        }),
      );
      for (const status of ['processing', 'shipped', 'delivered']) {
        const res = await http()
          .patch(`/api/admin/orders/${order.id}/status`)
          .set(bearer(admin))
          .send({ status })
          .expect(200);
        expect(res.body.status).toBe(status);
      }
      await http()
        .patch(`/api/admin/orders/${order.id}/status`)
        .set(bearer(admin))
        .send({ status: 'paid' })
        .expect(400);
      expect(await auditActions(order.id)).toEqual([
        'order.paid',
        'order.status_changed',
        'order.status_changed',
        'order.status_changed',
      ]);
      expect(await stock(variants[0])).toEqual({ quantity: before.quantity - 2, reserved: before.reserved });
    });

    it('confirm racing a customer cancel: exactly one wins, stock moves once', async () => {
      for (let round = 0; round < 5; round++) {
        const before = await stock(variants[1]);
        const order = await place(alice, 1, variants[1]);
        const [confirm, cancel] = await Promise.all([
          http().post(`/api/admin/orders/${order.id}/payments/confirm`).set(bearer(admin)),
          http().post(`/api/orders/${order.id}/cancel`).set(bearer(alice)),
        ]);
        expect([confirm.status, cancel.status].sort()).toEqual([200, 409]);
        const after = await stock(variants[1]);
        expect(after.reserved).toBe(before.reserved);
        expect(after.quantity).toBe(confirm.status === 200 ? before.quantity - 1 : before.quantity);
      }
    });

    it('refunds: partial keeps the status, too much is 409, the rest refunds fully and restocks once', async () => {
      const before = await stock(variants[2]);
      const order = await place(bob, 3, variants[2]);
      await http().post(`/api/admin/orders/${order.id}/payments/confirm`).set(bearer(admin)).expect(200);
      await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ amount: '5.00', restock: true })
        .expect(400);

      const partial = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ amount: '5.00' })
        .expect(200);
      expect(partial.body).toEqual(expect.objectContaining({ status: 'paid', paymentStatus: 'paid' }));
      const tooMuch = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ amount: 25.01 })
        .expect(409);
      expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_PAYMENT');

      const full = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ restock: true })
        .expect(200);
      expect(full.body).toEqual(expect.objectContaining({ status: 'refunded', paymentStatus: 'refunded' }));
      expect(await stock(variants[2])).toEqual(before);
      const payment = await sql.query(`SELECT status, refunded_amount FROM payments WHERE order_id = $1`, [
        order.id,
      ]);
      expect(payment.rows[0]).toEqual({ status: 'refunded', refunded_amount: '30.00' });

      const again = await http()
        .post(`/api/admin/orders/${order.id}/refund`)
        .set(bearer(admin))
        .send({ restock: true })
        .expect(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect(await stock(variants[2])).toEqual(before);
    });

    it('an unpaid order cannot be refunded; an admin cancel of a paid order refunds and restocks it', async () => {
      const unpaid = await place(bob, 1);
      const refused = await http()
        .post(`/api/admin/orders/${unpaid.id}/refund`)
        .set(bearer(admin))
        .send({})
        .expect(409);
      expect(refused.body.code).toBe('INVALID_TRANSITION');

      const before = await stock(variants[0]);
      const order = await place(bob, 2);
      await http().post(`/api/admin/orders/${order.id}/payments/confirm`).set(bearer(admin)).expect(200);
      const res = await http()
        .patch(`/api/admin/orders/${order.id}/status`)
        .set(bearer(admin))
        .send({ status: 'cancelled' })
        .expect(200);
      expect(res.body).toEqual(expect.objectContaining({ status: 'cancelled', paymentStatus: 'refunded' }));
      expect((await stock(variants[0])).quantity).toBe(before.quantity);
    });

    it('lists a store’s orders with status, customer and date filters; other stores are separate', async () => {
      const other = await insertStockedVariants(sql, 1, 10);
      await placePendingOrder(app, {
        storeId: other.storeId,
        userId: alice.id,
        productId: other.productId,
        lines: [{ variantId: other.variantIds[0], quantity: 1 }],
      });
      const all = await http()
        .get(`/api/admin/stores/${storeId}/orders?limit=100`)
        .set(bearer(admin))
        .expect(200);
      expect(itemsOf(all).every((o) => o.storeId === storeId)).toBe(true);
      const counts = await sql.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM orders WHERE store_id = $1 GROUP BY status`,
        [storeId],
      );
      expect(all.body.total).toBe(counts.rows.reduce((n, r) => n + r.n, 0));
      for (const { status, n } of counts.rows) {
        const res = await http()
          .get(`/api/admin/stores/${storeId}/orders?status=${status}`)
          .set(bearer(admin))
          .expect(200);
        expect(res.body.total).toBe(n);
      }
      const bobs = await http()
        .get(`/api/admin/stores/${storeId}/orders?customerId=${bob.id}`)
        .set(bearer(admin))
        .expect(200);
      expect(itemsOf(bobs).every((o) => o.customerId === bob.id)).toBe(true);
      const future = await http()
        .get(`/api/admin/stores/${storeId}/orders?from=2100-01-01T00:00:00Z`)
        .set(bearer(admin))
        .expect(200);
      expect(future.body.total).toBe(0);
      await http().get(`/api/admin/stores/${storeId}/orders?status=lost`).set(bearer(admin)).expect(400);
      await http().get(`/api/admin/stores/${storeId}/orders?from=yesterday`).set(bearer(admin)).expect(400);
      await http().get(`/api/admin/stores/${storeId}/orders`).set(bearer(alice)).expect(403);
    });
  });

  describe('reservation expiry', () => {
    it('two sweepers at once expire each stale order once; fresh and paid orders are untouched', async () => {
      const before = await stock(variants[1]);
      const stale = await Promise.all(Array.from({ length: 12 }, () => place(alice, 1, variants[1])));
      const fresh = await place(alice, 1, variants[1]);
      await sql.query(`UPDATE orders SET created_at = now() - interval '20 minutes' WHERE id = ANY($1)`, [
        stale.map((o) => o.id),
      ]);
      const orders = app.get(ReservationSweeper);
      const [a, b] = await Promise.all([orders.expireStale(15, 5), orders.expireStale(15, 5)]);
      expect(a + b).toBe(12);
      const statuses = await sql.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM orders WHERE id = ANY($1) GROUP BY status`,
        [stale.map((o) => o.id)],
      );
      expect(statuses.rows).toEqual([{ status: 'cancelled', n: 12 }]);
      const freshRow = await sql.query(`SELECT status FROM orders WHERE id = $1`, [fresh.id]);
      expect(freshRow.rows[0].status).toBe('pending');
      expect((await stock(variants[1])).reserved).toBe(before.reserved + 1);
      const audit = await sql.query(
        `SELECT count(*)::int AS n FROM logs WHERE action = 'order.expired' AND entity_id = ANY($1)`,
        [stale.map((o) => o.id)],
      );
      expect(audit.rows[0].n).toBe(12);
      expect(await orders.expireStale(15)).toBe(0);
    });
  });
});
