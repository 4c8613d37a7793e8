/**
 * The loyalty example module (src/extensions/loyalty) on the real app and database: points credited
 * once when an order is paid and taken back on refunds, end to end through the real routes (manual
 * provider: checkout, admin confirm, admin refund; the dispatcher delivers the events after the
 * commit); redelivered events change nothing; the balance never goes below zero; a customer sees only
 * their own ledger; the admin route is for admins only.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DomainEventCatalogue, OrderPaid, OrderRefunded } from '../../src/events';
import { LoyaltyCreditPendingError } from '../../src/extensions/loyalty/services/loyalty-ledger.service';
import { LoyaltySubscriber } from '../../src/extensions/loyalty/services/loyalty.subscriber';
import { waitFor } from '../events/helpers';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

interface LoyaltyBody {
  storeId: string;
  profileId: string;
  balance: number;
  entries: Array<{ id: string; orderId: string; points: number; reason: string; amount: string }>;
}
const loyaltyOf = (res: { body: unknown }): LoyaltyBody => res.body as LoyaltyBody;

describe('loyalty extension', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let storeId: string;
  let slug: string;
  let variantId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin');
    const stocked = await insertStockedVariants(sql, 1, 1000);
    storeId = stocked.storeId;
    variantId = stocked.variantIds[0];
    // 5 % tax: 3 units of 10.00 cost 31.50, worth 31 points (whole currency units only).
    slug = (
      await sql.query<{ slug: string }>(
        `UPDATE stores SET tax_rate = '0.05', shipping_flat = 0 WHERE id = $1 RETURNING slug`,
        [storeId],
      )
    ).rows[0].slug;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  /** A new customer with an address: checkout of `quantity` units, then an admin confirms the payment. */
  async function buyAndPay(quantity = 3, user?: TestUser): Promise<{ user: TestUser; orderId: string }> {
    const buyer = user ?? (await createTestUser(app, 'customer'));
    const addressId = await insertAddress(sql, buyer.id);
    await fillCart(sql, storeId, buyer.id, [{ variantId, quantity }]);
    const checkout = await http()
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(buyer))
      .set('Idempotency-Key', randomUUID())
      .send({ shippingAddressId: addressId })
      .expect(201);
    const orderId = (checkout.body as { order: { id: string } }).order.id;
    await http().post(`/api/admin/orders/${orderId}/payments/confirm`).set(bearer(admin)).expect(200);
    return { user: buyer, orderId };
  }

  const refund = (orderId: string, body: Record<string, unknown> = {}) =>
    http().post(`/api/admin/orders/${orderId}/refund`).set(bearer(admin)).send(body).expect(200);

  /** The order's ledger entries once the subscriber has written `count` of them. */
  const entriesOf = (orderId: string, count: number) =>
    waitFor(`${count} loyalty entries of order ${orderId}`, async () => {
      const { rows } = await sql.query<{ event_id: string; points: number; reason: string; amount: string }>(
        `SELECT event_id, points, reason, amount FROM loyalty_ledger WHERE order_id = $1 ORDER BY created_at, points DESC`,
        [orderId],
      );
      return rows.length >= count ? rows : undefined;
    });

  const myLoyalty = async (user: TestUser): Promise<LoyaltyBody> =>
    loyaltyOf(await http().get(`/api/stores/${slug}/me/loyalty`).set(bearer(user)).expect(200));

  /** The event of `type` the commerce services recorded for the order (from the outbox). */
  async function recordedEvent<T extends 'order.paid' | 'order.refunded'>(
    type: T,
    orderId: string,
  ): Promise<{ id: string; storeId: string; data: DomainEventCatalogue[T] }> {
    const { rows } = await sql.query<{ id: string; store_id: string; payload: DomainEventCatalogue[T] }>(
      `SELECT id, store_id, payload FROM outbox_events WHERE type = $1 AND payload->>'orderId' = $2
        ORDER BY occurred_at DESC LIMIT 1`,
      [type, orderId],
    );
    expect(rows).toHaveLength(1);
    return { id: rows[0].id, storeId: rows[0].store_id, data: rows[0].payload };
  }

  it('credits 1 point per whole currency unit once the order is paid, through the real routes', async () => {
    const { user, orderId } = await buyAndPay(3);
    const [entry] = await entriesOf(orderId, 1);
    expect(entry).toEqual(expect.objectContaining({ points: 31, reason: 'order_paid', amount: '31.50' }));
    const paid = await recordedEvent('order.paid', orderId);
    expect(entry.event_id).toBe(paid.id);

    const mine = await myLoyalty(user);
    expect(mine).toEqual({
      storeId,
      profileId: user.id,
      balance: 31,
      entries: [expect.objectContaining({ orderId, points: 31, reason: 'order_paid', amount: '31.50' })],
    });
    // Delivered once to the subscriber, and nothing more is pending for it (the outcome is written just
    // after the handler's commit: waited for).
    const delivery = await waitFor('the delivery marked delivered', async () => {
      const { rows } = await sql.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM event_deliveries WHERE event_id = $1 AND subscriber = 'loyalty.credit-on-paid'`,
        [paid.id],
      );
      return rows.length === 0 || rows[0].status === 'pending' ? undefined : rows;
    });
    expect(delivery).toEqual([{ status: 'delivered', attempts: 1 }]);
  });

  it('is idempotent: the same event delivered again (also twice at once) credits nothing more', async () => {
    const { user, orderId } = await buyAndPay(2);
    await entriesOf(orderId, 1);
    const recorded = await recordedEvent('order.paid', orderId);
    const again = new OrderPaid(recorded.storeId, recorded.data, { id: recorded.id });
    const subscriber = app.get(LoyaltySubscriber);
    await Promise.all([subscriber.onOrderPaid(again), subscriber.onOrderPaid(again)]);
    await subscriber.onOrderPaid(again);
    // Another order.paid for the same order (a new event id) does not credit it a second time either.
    await subscriber.onOrderPaid(new OrderPaid(recorded.storeId, recorded.data));

    expect(await entriesOf(orderId, 1)).toHaveLength(1);
    expect((await myLoyalty(user)).balance).toBe(21);
  });

  it('takes points back in proportion to a partial refund, and the rest on the full refund', async () => {
    const { user, orderId } = await buyAndPay(3);
    await entriesOf(orderId, 1);

    // 10.50 of 31.50 refunded: a third of 31 points, rounded down.
    await refund(orderId, { amount: '10.50' });
    const afterPartial = await entriesOf(orderId, 2);
    expect(afterPartial[1]).toEqual(
      expect.objectContaining({ points: -10, reason: 'order_refunded', amount: '10.50' }),
    );
    expect((await myLoyalty(user)).balance).toBe(21);

    // The partial refund's event again: nothing changes.
    const partial = await recordedEvent('order.refunded', orderId);
    expect(partial.data).toEqual(
      expect.objectContaining({ amount: '10.50', totalRefunded: '10.50', full: false }),
    );
    await app
      .get(LoyaltySubscriber)
      .onOrderRefunded(new OrderRefunded(partial.storeId, partial.data, { id: partial.id }));
    expect((await myLoyalty(user)).balance).toBe(21);

    // The rest: the order's points are all gone, not 31 − 10 − floor(21 × 21/31).
    await refund(orderId);
    const afterFull = await entriesOf(orderId, 3);
    expect(afterFull[2]).toEqual(
      expect.objectContaining({ points: -21, reason: 'order_refunded', amount: '21.00' }),
    );
    const mine = await myLoyalty(user);
    expect(mine.balance).toBe(0);
    expect(mine.entries.map((e) => e.points)).toEqual(expect.arrayContaining([31, -10, -21]));
  });

  it('a refund whose order has no credit yet is retried later (the subscriber throws)', async () => {
    const early = new OrderRefunded(storeId, {
      orderId: randomUUID(),
      orderNumber: 'ORD-1',
      amount: '5.00',
      totalRefunded: '5.00',
      full: false,
      currency: 'USD',
    });
    await expect(app.get(LoyaltySubscriber).onOrderRefunded(early)).rejects.toBeInstanceOf(
      LoyaltyCreditPendingError,
    );
    const { rows } = await sql.query(`SELECT 1 FROM loyalty_ledger WHERE event_id = $1`, [early.id]);
    expect(rows).toEqual([]);
  });

  it('never takes the balance below zero (points spent meanwhile), and the database refuses it too', async () => {
    const { user, orderId } = await buyAndPay(3);
    await entriesOf(orderId, 1);
    // As if 26 of the 31 points had been spent (a redemption feature would do this).
    await sql.query(`UPDATE loyalty_accounts SET balance = 5 WHERE store_id = $1 AND profile_id = $2`, [
      storeId,
      user.id,
    ]);
    await refund(orderId);
    const entries = await entriesOf(orderId, 2);
    expect(entries[1]).toEqual(expect.objectContaining({ points: -5, reason: 'order_refunded' }));
    expect((await myLoyalty(user)).balance).toBe(0);

    await expect(
      sql.query(`UPDATE loyalty_accounts SET balance = -1 WHERE store_id = $1 AND profile_id = $2`, [
        storeId,
        user.id,
      ]),
    ).rejects.toThrow(/chk_loyalty_accounts_balance/);
  });

  it('a customer sees only their own ledger; no token is 401; an unknown store 404', async () => {
    const { user: alice, orderId } = await buyAndPay(1);
    await entriesOf(orderId, 1);
    const bob = await createTestUser(app, 'customer');
    expect(await myLoyalty(bob)).toEqual({ storeId, profileId: bob.id, balance: 0, entries: [] });
    expect((await myLoyalty(alice)).balance).toBe(10);
    // Nothing in the request can name another profile: a query parameter is ignored.
    const res = await http().get(`/api/stores/${slug}/me/loyalty?profileId=${alice.id}`).set(bearer(bob));
    expect(loyaltyOf(res).profileId).toBe(bob.id);

    await http().get(`/api/stores/${slug}/me/loyalty`).expect(401);
    const missing = await http().get(`/api/stores/no-such-store/me/loyalty`).set(bearer(bob)).expect(404);
    expect(missing.body.code).toBe('STORE_NOT_FOUND');
  });

  it('admin route: admins read a store customer’s points; 401 without a token, 403 for customers', async () => {
    const { user, orderId } = await buyAndPay(2);
    await entriesOf(orderId, 1);
    const path = `/api/admin/stores/${storeId}/customers/${user.id}/loyalty`;

    const res = await http().get(path).set(bearer(admin)).expect(200);
    expect(loyaltyOf(res)).toEqual(expect.objectContaining({ storeId, profileId: user.id, balance: 21 }));
    const superAdmin = await createTestUser(app, 'super_admin');
    await http().get(path).set(bearer(superAdmin)).expect(200);

    await http().get(path).expect(401);
    const forbidden = await http().get(path).set(bearer(user)).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');

    const stranger = await createTestUser(app, 'customer');
    const notCustomer = await http()
      .get(`/api/admin/stores/${storeId}/customers/${stranger.id}/loyalty`)
      .set(bearer(admin))
      .expect(404);
    expect(notCustomer.body.code).toBe('CUSTOMER_NOT_FOUND');
    const noStore = await http()
      .get(`/api/admin/stores/${randomUUID()}/customers/${user.id}/loyalty`)
      .set(bearer(admin))
      .expect(404);
    expect(noStore.body.code).toBe('STORE_NOT_FOUND');
    await http()
      .get(`/api/admin/stores/not-a-uuid/customers/${user.id}/loyalty`)
      .set(bearer(admin))
      .expect(400);
  });
});
